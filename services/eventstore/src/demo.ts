/**
 * `pnpm start` until the API exists: a tour of the embedded event store in
 * DATA_DIR. Event ids are derived from fixed names, so running it again
 * shows idempotent retries: nothing is stored twice.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConcurrencyError, ValidationError, deterministicUuidv7, type NewEvent } from '@werkbezoek/schema';
import { SqliteEventStore } from './sqlite/sqliteEventStore.js';

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
mkdirSync(dataDir, { recursive: true });
const path = join(dataDir, 'events.db');
const store = new SqliteEventStore({ path });

const at = Date.parse('2026-01-05T09:00:00Z');
function event(name: string, type: string, data: Record<string, unknown>): NewEvent {
  const eventId = deterministicUuidv7(at, `demo/${name}`);
  return {
    type,
    data,
    metadata: {
      eventId,
      occurredAt: new Date(at).toISOString(),
      actor: { id: 'demo', role: 'SYSTEM' },
      correlationId: 'demo',
      causationId: eventId,
    },
  };
}

const twinnings = [
  ['11055', 'Zoersel', 'ANTWERPEN', 'Bohicon', 'BJ', 'BJ-ZO', '2011-01-01'],
  ['44043', 'Merelbeke', 'OOST_VLAANDEREN', 'Toucountouna', 'BJ', 'BJ-AK', '2014-01-01'],
  ['46021', 'Sint-Niklaas', 'OOST_VLAANDEREN', 'Tambacounda', 'SN', 'SN-TC', '2008-01-01'],
  ['12005', 'Bornem', 'ANTWERPEN', 'Nquthu', 'ZA', 'ZA-KZN', '2008-01-01'],
] as const;

console.log(`Werkbezoek event store demo — SQLite file ${path}\n`);
const before = await store.headPosition();
for (const [nisCode, name, province, partner, country, region, since] of twinnings) {
  const twinningId = deterministicUuidv7(at, `twinning/${nisCode}`);
  await store.appendToStream(
    `municipality-${nisCode}`,
    [event(`m/${nisCode}`, 'MunicipalityRegistered', { nisCode, name, province })],
    {
      expectedRevision: 'no_stream',
    },
  );
  await store.appendToStream(
    `twinning-${twinningId}`,
    [
      event(`t/${nisCode}`, 'TwinningEstablished', {
        twinningId,
        nisCode,
        partnerName: partner,
        countryCode: country,
        regionCode: region,
        since,
        policyDomains: [],
      }),
    ],
    { expectedRevision: 'no_stream' },
  );
}
const after = await store.headPosition();
console.log(
  after === before
    ? `Already loaded: the ${twinnings.length * 2} demo appends were retries of stored events, and stored nothing twice.`
    : `Appended ${after - before} events (positions ${before + 1n}–${after}).`,
);

console.log('\nThe global log:');
for await (const e of store.readAll({ maxCount: 12 })) {
  console.log(
    `  #${e.position}  ${e.streamId.padEnd(46)} r${e.revision}  ${e.type}  ${JSON.stringify(e.data).slice(0, 70)}`,
  );
}

try {
  await store.appendToStream(
    'municipality-11055',
    [event('stale', 'MunicipalityRegistered', { nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' })],
    {
      expectedRevision: 'no_stream',
    },
  );
} catch (error) {
  if (error instanceof ConcurrencyError) console.log(`\nOptimistic concurrency: ${error.message}`);
  else throw error;
}
try {
  await store.appendToStream('twinning-bad', [
    event('bad', 'TwinningEstablished', { nisCode: '1105', countryCode: 'SN', regionCode: 'BJ-ZO' }),
  ]);
} catch (error) {
  if (error instanceof ValidationError) console.log(`Validation:             ${error.message}`);
  else throw error;
}
await store.close();
console.log('\nThe GraphQL API and UI arrive with the next issues; this command will then start them.');
