import type { Kysely } from 'kysely';
import type { ReadModelDb } from '../db/database.js';
import { ReadModelsBehindError } from './readModelsBehind.js';
import type { RegistryDb } from './registry.js';

/**
 * Read your writes in a process that runs no projector (an API replica): waits until every active,
 * healthy read model in the database has reached a position, reading the checkpoints from the
 * database. One poll serves every waiting request.
 */
export class CheckpointWatcher {
  private waiters: { position: bigint; resolve: () => void }[] = [];
  private polling: Promise<void> | undefined;

  constructor(
    private readonly readModels: ReadModelDb,
    private readonly pollMs = 20,
  ) {}

  /** The lowest checkpoint of the active read models that have not stopped at an error. */
  async position(): Promise<bigint> {
    const rows = await (this.readModels.db as Kysely<RegistryDb>)
      .selectFrom('projection_state')
      .select('position')
      .where('status', '=', 'ACTIVE')
      .where('error', 'is', null)
      .execute();
    return (
      rows.reduce<bigint | undefined>((min, r) => {
        const p = BigInt(r.position);
        return min === undefined || p < min ? p : min;
      }, undefined) ?? 0n
    );
  }

  /** Resolves when the read models have reached `position`; rejects after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        void this.position().then((at) => reject(new ReadModelsBehindError(position, at, timeoutMs)), reject);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ position, resolve: done });
      this.polling ??= this.poll().finally(() => (this.polling = undefined));
    });
  }

  private async poll(): Promise<void> {
    while (this.waiters.length > 0) {
      try {
        const reached = await this.position();
        this.waiters = this.waiters.filter((w) => {
          if (w.position > reached) return true;
          w.resolve();
          return false;
        });
      } catch {
        // The database is unreachable for a moment: the waiters' own timeouts say so if it lasts.
      }
      if (this.waiters.length > 0) await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }
}
