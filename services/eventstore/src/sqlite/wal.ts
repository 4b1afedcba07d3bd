import type Database from 'better-sqlite3';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Puts a SQLite file in WAL mode. Two processes opening one new file at the same moment (a projector and
 * its standby on a new data directory) race to switch it, and the loser's `journal_mode = WAL` fails at
 * once with SQLITE_BUSY: SQLite does not call the busy handler there. So the switch is tried again until
 * the other process has finished, as the busy timeout would for any other statement.
 */
export function enableWal(db: Database.Database, timeoutMs = 10_000): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      // Synchronous like the busy handler it stands in for; only ever at a start.
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}
