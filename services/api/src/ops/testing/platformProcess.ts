/**
 * The embedded default at work, in a child process, for the backup and
 * restore tests: the event store open on the data directory's events.db as
 * the platform opens it (personal data sealed with the keys in keys.db); with --project, the projection runner too, on its
 * read-models.db, following the log live; with --write, a writer appending a
 * staff member's registration every millisecond or so. Prints "ready" once
 * at work, and "stopped" after SIGTERM.
 *
 * usage: node --import tsx platformProcess.ts <data dir> [--project] [--write]
 */
import { join } from 'node:path';
import { openSqliteKeyStore, PersonalDataCodec, SqliteEventStore } from '@werkbezoek/eventstore';
import { testMetadata } from '@werkbezoek/eventstore/testing';
import { allProjections, openReadModels, ProjectionRunner } from '@werkbezoek/projections';
import { uuidv7 } from '@werkbezoek/schema';

const [dataDir, ...flags] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: platformProcess.ts <data dir> [--project] [--write]');
const keys = openSqliteKeyStore({ path: join(dataDir, 'keys.db') });
const store = new SqliteEventStore({ path: join(dataDir, 'events.db'), codec: new PersonalDataCodec(keys) });
const readModels = flags.includes('--project')
  ? openReadModels({ dialect: 'sqlite', path: join(dataDir, 'read-models.db') }, { projector: true })
  : undefined;
const runner = readModels
  ? new ProjectionRunner({ store, readModels, projections: allProjections, batchSize: 7 })
  : undefined;
await runner?.catchUp();
runner?.start();

let writing = flags.includes('--write');
let n = 0;
const writer = (async () => {
  while (writing) {
    const staffMemberId = uuidv7();
    await store.appendToStream(`staff-${staffMemberId}`, [
      { type: 'StaffMemberRegistered', data: { staffMemberId, name: `Writer ${++n}` }, metadata: testMetadata() },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
})();
process.stdout.write('ready\n');

process.on('SIGTERM', () => {
  writing = false;
  void (async () => {
    await writer;
    await runner?.stop();
    await readModels?.close();
    await store.close();
    await keys.close();
    process.stdout.write('stopped\n');
    process.exit(0);
  })();
});
