import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CommandHandlers, DecisionRecovery, EventLogContext, type RecoveryRun } from '@werkbezoek/domain';
import { eventStoreConfigFromEnv, openEventStore } from '@werkbezoek/eventstore';
import { halfAccepted, readEventLog } from './eventLog.js';

/** The platform's default grace period; the copy's clock is set past it. */
const GRACE_MINUTES = 5;

/**
 * What the platform makes of a killed server's log if no client ever sends
 * anything again (issue 16): a copy of DATA_DIR's event log and keys, the
 * decision recovery run on it as the active projector runs it once the
 * grace period has passed, and the requests whose acceptance and resources
 * still disagree afterwards (the same check as `halfAccepted`). The copy is
 * taken with SQLite's backup, so the WAL a SIGKILL left is included; the
 * platform's own files are not touched.
 */
export async function settledWithoutRetries(
  dataDir: string,
): Promise<{ before: number; after: string[]; run: RecoveryRun }> {
  const copy = mkdtempSync(join(tmpdir(), 'werkbezoek-without-retries-'));
  try {
    for (const file of ['events.db', 'keys.db']) {
      if (file === 'keys.db' && !existsSync(join(dataDir, file))) continue;
      const db = new Database(join(dataDir, file), { readonly: true, fileMustExist: true });
      try {
        await db.backup(join(copy, file));
      } finally {
        db.close();
      }
    }
    const before = halfAccepted(readEventLog(join(copy, 'events.db'))).length;
    const store = await openEventStore(eventStoreConfigFromEnv({}, copy));
    let run: RecoveryRun;
    try {
      const recovery = new DecisionRecovery(
        store,
        new CommandHandlers(store, new EventLogContext(store)),
        GRACE_MINUTES,
      );
      run = await recovery.run(new Date(Date.now() + (GRACE_MINUTES + 1) * 60_000));
    } finally {
      await store.close();
    }
    return { before, after: halfAccepted(readEventLog(join(copy, 'events.db'))), run };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
