import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  AccompanimentRequestAssessed,
  createCatalogue,
  ERASED_VALUE,
  eventDefinitions,
  staffToken,
  uuidv7,
  type EventDefinition,
} from '@werkbezoek/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryKeyStore } from '../privacy/keyStore.js';
import { PersonalDataCodec } from '../privacy/personalDataCodec.js';
import { testMetadata } from '../testing/builders.js';
import { SqliteEventStore } from './sqliteEventStore.js';

const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-assessed-v1-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The catalogue of the code that wrote version 1 of AccompanimentRequestAssessed: the staff member by name. */
const oldCatalogue = createCatalogue(
  eventDefinitions.map((d): EventDefinition =>
    d.type === AccompanimentRequestAssessed.type ? { ...AccompanimentRequestAssessed, version: 1, upcasters: {} } : d,
  ),
);

const name = 'Zelda Quintijn-Erasmus';

function assessedV1(requestId: string, staffMemberId: string) {
  return {
    requestId,
    policyVersion: '2026.1',
    trigger: 'SUBMITTED',
    recommendation: 'ACCEPT',
    opportune: true,
    requiredReasons: 0,
    claimedReasons: [],
    derivedReasons: [],
    satisfiedReasons: [],
    daysNeeded: 9,
    freeStaffDays: 188,
    staffTimeAvailable: true,
    estimatedCostEur: 1650,
    unreservedBudgetEur: 20000,
    budgetAvailable: true,
    inputs: {
      staff: { members: 2, mostFree: { staffMemberId, name, declaredDays: 200, bookedDays: 12, freeDays: 188 } },
    },
    explanation: {
      nl: [
        `Personeelstijd: 2 + 5 + 2 = 9 dagen nodig; ${name} heeft er het meest vrij in 2026: 188.`,
        'Advies: aanvaarden.',
      ],
      en: [`Staff time: 2 + 5 + 2 = 9 days needed; ${name} has the most free in 2026: 188.`, 'Recommendation: accept.'],
    },
  };
}

describe('an assessment stored by version 1, read by this code from an encrypting SQLite store', () => {
  it('reads with the staff token in place of her name, and as placeholders once the request was erased', async () => {
    const path = join(dir, 'events.db');
    const keys = memoryKeyStore();
    const [requestId, zelda] = [uuidv7(), uuidv7()];
    const old = new SqliteEventStore({
      path,
      catalogue: oldCatalogue,
      codec: new PersonalDataCodec(keys, oldCatalogue),
    });
    await old.appendToStream(`request-${requestId}`, [
      { type: 'AccompanimentRequestAssessed', data: assessedV1(requestId, zelda), metadata: testMetadata() },
    ]);
    await old.close();
    const raw = new Database(path, { readonly: true });
    const row = raw.prepare('SELECT data, schema_version AS version FROM events').get() as {
      data: string;
      version: number;
    };
    raw.close();
    expect(row.version).toBe(1);
    expect(row.data).not.toContain('Quintijn');

    const store = new SqliteEventStore({ path, codec: new PersonalDataCodec(keys) });
    try {
      const read = async () => {
        const events = [];
        for await (const e of store.readStream(`request-${requestId}`)) events.push(e);
        return events;
      };
      const [event] = await read();
      const data = event!.data as ReturnType<typeof assessedV1>;
      expect(event!.metadata.schemaVersion).toBe(2);
      expect(data.explanation.en[0]).toBe(
        `Staff time: 2 + 5 + 2 = 9 days needed; ${staffToken(zelda)} has the most free in 2026: 188.`,
      );
      expect(data.explanation.nl[0]).toContain(`${staffToken(zelda)} heeft er het meest vrij`);
      expect(data.inputs.staff.mostFree).toEqual({
        staffMemberId: zelda,
        declaredDays: 200,
        bookedDays: 12,
        freeDays: 188,
      });
      expect(JSON.stringify(event!.data)).not.toContain('Quintijn');

      // Erasing the request (its document key) leaves the placeholders, which read as they are.
      await keys.erase(requestId, '2026-04-01T00:00:00.000Z');
      const [erased] = await read();
      expect((erased!.data as ReturnType<typeof assessedV1>).explanation).toEqual({
        nl: [ERASED_VALUE],
        en: [ERASED_VALUE],
      });
      expect((erased!.data as ReturnType<typeof assessedV1>).inputs).toEqual({});
    } finally {
      await store.close();
    }
  });
});
