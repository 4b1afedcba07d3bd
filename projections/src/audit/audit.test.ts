import { testMetadata } from '@werkbezoek/eventstore/testing';
import { werkbezoekCatalogue } from '@werkbezoek/schema';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { History, id } from '../testing/history.js';
import { auditProjection } from './projection.js';
import { getAuditTrail, type AuditDb, type AuditEntryView } from './queries.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

it('audits every event type of the catalogue', () => {
  expect([...auditProjection.handles].sort()).toEqual([...werkbezoekCatalogue.types].sort());
});

describe.each(DIALECTS)('the audit trail on %s', (dialect) => {
  /** The usual cast, a request submitted by Zoersel's coordinator, amended twice and withdrawn. */
  async function history(): Promise<{ history: History; stream: string }> {
    const history = new History();
    await history.basics();
    const requestId = await history.submitted('audited');
    const stream = `request-${requestId}`;
    await history.add(stream, 'AccompanimentRequestAmended', { requestId, delegationSize: 4 }, '2026-03-03');
    await history.add(stream, 'AccompanimentRequestAmended', { requestId, notes: 'Eén dag langer.' }, '2026-03-04');
    await history.submitted('other');
    await history.store.appendToStream(stream, [
      {
        type: 'AccompanimentRequestWithdrawn',
        data: { requestId, reason: 'De gemeenteraad schoof het bezoek op.' },
        metadata: testMetadata({
          occurredAt: '2026-03-05T14:00:00.000Z',
          actor: { id: 'coordinator-zoersel', role: 'COORDINATOR', nisCode: '11055' },
          correlationId: 'command-withdraw',
          causationId: 'command-withdraw',
        }),
      },
    ]);
    return { history, stream };
  }

  async function project(h: History) {
    database = await freshDatabase(dialect);
    // Small batches, so the trail is written over several transactions.
    const runner = new ProjectionRunner({
      store: h.store,
      readModels: database.readModels,
      projections: [auditProjection],
      batchSize: 3,
    });
    await runner.catchUp();
    expect((await runner.health())[0]).toMatchObject({ error: undefined, lag: 0n });
    return database.readModels.db as Kysely<AuditDb>;
  }

  it('keeps one row per event of every stream', async () => {
    const { history: h } = await history();
    const db = await project(h);
    const { n } = await db
      .selectFrom('audit')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(Number(await h.store.headPosition()));
    const trail = await getAuditTrail(db, `municipality-11055`);
    expect(trail.edges.map((e) => e.node.type)).toEqual(['MunicipalityRegistered']);
  });

  it("reads a stream's events in revision order, with who, when and why", async () => {
    const { history: h, stream } = await history();
    const db = await project(h);
    const page = await getAuditTrail(db, stream);
    expect(page.hasNextPage).toBe(false);
    const entries = page.edges.map((e) => e.node);
    expect(entries.map((e) => [e.revision, e.type])).toEqual([
      [0, 'AccompanimentRequestSubmitted'],
      [1, 'AccompanimentRequestAmended'],
      [2, 'AccompanimentRequestAmended'],
      [3, 'AccompanimentRequestWithdrawn'],
    ]);
    const recorded = [];
    for await (const e of h.store.readStream(stream)) recorded.push(e);
    const withdrawn = recorded[3]!;
    expect(entries[3]).toEqual<AuditEntryView>({
      position: String(withdrawn.position),
      streamId: stream,
      revision: 3,
      eventId: withdrawn.metadata.eventId,
      type: 'AccompanimentRequestWithdrawn',
      schemaVersion: 1,
      occurredAt: '2026-03-05T14:00:00.000Z',
      recordedAt: withdrawn.recordedAt,
      actor: { id: 'coordinator-zoersel', role: 'COORDINATOR', nisCode: '11055' },
      correlationId: 'command-withdraw',
      causationId: 'command-withdraw',
      data: { requestId: id('audited'), reason: 'De gemeenteraad schoof het bezoek op.' },
    });
    expect(entries[0]).toMatchObject({
      schemaVersion: werkbezoekCatalogue.currentVersion('AccompanimentRequestSubmitted'),
      actor: { id: 'test-suite', role: 'SYSTEM', nisCode: null },
      data: { requestId: id('audited'), nisCode: '11055', policyDomains: ['CIVIL_REGISTRATION'] },
    });
    expect(entries[2]!.data).toEqual({ requestId: id('audited'), notes: 'Eén dag langer.' });
  });

  it('pages through a trail by revision, each entry once', async () => {
    const { history: h, stream } = await history();
    const db = await project(h);
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await getAuditTrail(db, stream, { first: 3, after });
      seen.push(...page.edges.map((e) => e.node.revision));
      if (!page.hasNextPage) break;
      after = page.edges[page.edges.length - 1]!.cursor;
    }
    expect(seen).toEqual([0, 1, 2, 3]);
    expect((await getAuditTrail(db, 'request-unknown')).edges).toEqual([]);
    await expect(getAuditTrail(db, stream, { after: 'not-a-cursor' })).rejects.toThrow(/cursor/);
    await expect(getAuditTrail(db, stream, { first: -1 })).rejects.toThrow(/first/);
  });
});
