/**
 * A child process for the test of two processes starting on one new data
 * directory: opens the event store and the key store on `count` new files,
 * the i-th pair at <start> + i * <stepMs> (the start read from stdin, so
 * that two openers begin together), and prints "ok <i>" or
 * "failed <i> <code> <message>" for each.
 *
 * usage: node --import tsx sqliteOpener.ts <dir> <count> <stepMs>
 */
import { once } from 'node:events';
import { join } from 'node:path';
import { openSqliteKeyStore } from '../privacy/sqliteKeyStore.js';
import { SqliteEventStore } from '../sqlite/sqliteEventStore.js';

const [dir, countArg, stepArg] = process.argv.slice(2);
if (!dir || !countArg || !stepArg) throw new Error('usage: sqliteOpener.ts <dir> <count> <stepMs>');
process.stdout.write('ready\n');
const [line] = (await once(process.stdin, 'data')) as [Buffer];
const start = Number(line.toString());
process.stdin.destroy();
const count = Number(countArg);
const stepMs = Number(stepArg);

for (let i = 0; i < count; i++) {
  while (Date.now() < start + i * stepMs);
  try {
    await new SqliteEventStore({ path: join(dir, `${i}-events.db`) }).close();
    await openSqliteKeyStore({ path: join(dir, `${i}-keys.db`) }).close();
    process.stdout.write(`ok ${i}\n`);
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    process.stdout.write(`failed ${i} ${code} ${message}\n`);
  }
}
