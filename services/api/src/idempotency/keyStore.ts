import { randomUUID } from 'node:crypto';
import type { ReadModelDb } from '@werkbezoek/projections';
import { sql, type Kysely } from 'kysely';

/**
 * One row per Idempotency-Key in use: which request it was first sent with
 * (its fingerprint) and the command id that request's commands take theirs
 * from. Kept in the read-model database because every API replica shares it
 * (SQLite embedded, PostgreSQL in production); it is no read model: the
 * projector never touches it, and a rebuild leaves it alone.
 */
export interface IdempotencyKeyTable {
  /** The user who sent the key: keys of different users never meet. */
  principal_id: string;
  key: string;
  /** SHA-256 of the first request (see requestFingerprint). */
  fingerprint: string;
  /** The first request's operation, by name or root fields (operationLabel), for the refusal's message. */
  operation: string;
  /**
   * The base of the request's command ids: new for every claim, so a key
   * used again after it expired starts new commands instead of meeting the
   * old ones in the event log.
   */
  command_id: string;
  /** ISO instant of the claim; the key expires `ttl` after it. */
  first_used_at: string;
}

export interface IdempotencyDb {
  idempotency_keys: IdempotencyKeyTable;
}

export interface KeyClaim {
  readonly principalId: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly operation: string;
  readonly now: Date;
}

export type ClaimResult =
  /** The key is this request's (new, or a retry of the same request): its commands take ids from `commandId`. */
  | { readonly kind: 'claimed'; readonly commandId: string; readonly repeated: boolean }
  /** The key belongs to another request, first sent at `firstUsedAt`. */
  | { readonly kind: 'reused'; readonly operation: string; readonly firstUsedAt: string };

export interface IdempotencyKeyOptions {
  /** How long a key stays bound to its first request (default 24 hours, as Stripe). */
  readonly ttlMs?: number;
  /** How often expired rows are deleted, at most (default 10 minutes). */
  readonly purgeEveryMs?: number;
}

export const DEFAULT_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The Idempotency-Keys in use. `claim` binds a key to a request atomically:
 * the table's primary key (user, key) lets one insert win however many
 * requests race, and every racer then reads the winner's row.
 */
export class IdempotencyKeys {
  readonly ttlMs: number;
  private readonly purgeEveryMs: number;
  private readonly db: Kysely<IdempotencyDb>;
  private ready: Promise<void> | undefined;
  private lastPurge: number | undefined;

  constructor(
    private readonly readModels: ReadModelDb,
    options: IdempotencyKeyOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_KEY_TTL_MS;
    this.purgeEveryMs = options.purgeEveryMs ?? 10 * 60 * 1000;
    this.db = readModels.db as Kysely<IdempotencyDb>;
  }

  /** Creates the table once per process; on PostgreSQL, replicas starting together wait for each other. */
  setUp(): Promise<void> {
    this.ready ??= this.create().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async create(): Promise<void> {
    const build = async (db: Kysely<IdempotencyDb>) => {
      await db.schema
        .createTable('idempotency_keys')
        .ifNotExists()
        .addColumn('principal_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('command_id', 'text', (c) => c.notNull())
        .addColumn('first_used_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['principal_id', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_first_used_at')
        .ifNotExists()
        .on('idempotency_keys')
        .column('first_used_at')
        .execute();
    };
    if (this.readModels.dialect === 'sqlite') return build(this.db);
    // CREATE TABLE IF NOT EXISTS is not safe against itself on PostgreSQL (two creators can both
    // pass the check and one fails on the catalogue's unique index): one creator at a time.
    await this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('werkbezoek idempotency_keys'))`.execute(trx);
      await build(trx);
    });
  }

  /** Binds `claim.key` to the request of `claim.fingerprint`, or says which request holds it. */
  async claim(claim: KeyClaim): Promise<ClaimResult> {
    await this.setUp();
    await this.purgeWhenDue(claim.now);
    const cutoff = new Date(claim.now.getTime() - this.ttlMs).toISOString();
    // A round repeats only when the key's row expired or vanished between two statements.
    for (let round = 1; ; round++) {
      if (round > 5)
        throw new Error(
          `Idempotency-Key claim gave up after 5 rounds: its row keeps expiring (are the clocks of the API processes apart by more than ${this.ttlMs} ms?)`,
        );
      const commandId = randomUUID();
      await this.db
        .insertInto('idempotency_keys')
        .values({
          principal_id: claim.principalId,
          key: claim.key,
          fingerprint: claim.fingerprint,
          operation: claim.operation,
          command_id: commandId,
          first_used_at: claim.now.toISOString(),
        })
        .onConflict((oc) => oc.columns(['principal_id', 'key']).doNothing())
        .execute();
      const row = await this.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('principal_id', '=', claim.principalId)
        .where('key', '=', claim.key)
        .executeTakeFirst();
      // Deleted by a purge or an expiry between the two statements: claim again.
      if (!row) continue;
      if (row.first_used_at <= cutoff) {
        // Expired: gone for this round and every racer (only this claim's row is removed, by its command id).
        await this.db
          .deleteFrom('idempotency_keys')
          .where('principal_id', '=', claim.principalId)
          .where('key', '=', claim.key)
          .where('command_id', '=', row.command_id)
          .execute();
        continue;
      }
      if (row.fingerprint !== claim.fingerprint)
        return { kind: 'reused', operation: row.operation, firstUsedAt: row.first_used_at };
      return { kind: 'claimed', commandId: row.command_id, repeated: row.command_id !== commandId };
    }
  }

  /** Deletes the keys that expired before `now`; returns how many. */
  async purgeExpired(now: Date): Promise<number> {
    await this.setUp();
    this.lastPurge = now.getTime();
    const cutoff = new Date(now.getTime() - this.ttlMs).toISOString();
    const result = await this.db.deleteFrom('idempotency_keys').where('first_used_at', '<=', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async purgeWhenDue(now: Date): Promise<void> {
    const last = this.lastPurge;
    // A clock set back (tests set the date) counts as due too.
    if (last === undefined || now.getTime() - last >= this.purgeEveryMs || now.getTime() < last)
      await this.purgeExpired(now);
  }
}
