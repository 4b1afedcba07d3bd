import { randomUUID } from 'node:crypto';
import type { CommandHandlers, CommandResult, PrivacyHandlers } from '@werkbezoek/domain';
import type { EventStore } from '@werkbezoek/eventstore';
import type { ReadModelDb, RetentionPeriods } from '@werkbezoek/projections';
import type { Kysely } from 'kysely';
import type { CommandMetadata } from '@werkbezoek/schema';
import type { Principal } from './auth/principal.js';
import type { RequestRecord } from './http/server.js';

/** What resolvers work with; one set per server. */
export interface ApiServices {
  readonly store: EventStore;
  readonly handlers: CommandHandlers;
  /** The erasure of data subjects (issue 15); absent on a server started without a key store. */
  readonly privacy?: PrivacyHandlers;
  readonly readModels: ReadModelDb;
  /** Resolves when the read models have reached a position (read your writes). */
  waitFor(position: bigint): Promise<void>;
  /** The current instant; a clock of its own so tests can set the date. */
  now(): Date;
  /** Retention periods per kind of personal data, for the retention report (default DEFAULT_RETENTION's). */
  readonly retention?: RetentionPeriods;
}

export interface ApiContext {
  readonly principal: Principal;
  readonly services: ApiServices;
  /** The request's Idempotency-Key, its syntax checked (idempotency/idempotencyKey.ts); undefined without one. */
  readonly idempotencyKey: string | undefined;
  /**
   * Where this request's command ids start: the command id its claimed Idempotency-Key is bound to
   * (idempotency/plugin.ts), or undefined for new random ones (no key, or a key on a query).
   */
  useCommandIds(base: string | undefined): void;
  /** Metadata for a command of this request: an Idempotency-Key header makes a retried mutation a no-op. */
  command(): CommandMetadata;
  /** What the request's log line says: execute() adds the positions its commands appended. */
  readonly request: RequestRecord;
}

/** The read models as a typed Kysely handle for one area's views. */
export function views<DB>(context: ApiContext): Kysely<DB> {
  return context.services.readModels.db as Kysely<DB>;
}

export function createContext(
  principal: Principal,
  services: ApiServices,
  idempotencyKey: string | undefined,
  request: RequestRecord = { id: randomUUID(), errorCodes: [], positions: [] },
): ApiContext {
  let n = 0;
  let base: string | undefined = idempotencyKey === undefined ? randomUUID() : undefined;
  return {
    principal,
    services,
    request,
    idempotencyKey,
    useCommandIds: (claimed) => {
      base = claimed ?? randomUUID();
    },
    command: () => {
      // A key that was never claimed must not be dropped silently: the retry would be stored twice.
      if (base === undefined)
        throw new Error('The request has an Idempotency-Key that was not claimed before its first command');
      return {
        commandId: n++ === 0 ? base : `${base}/${n}`,
        issuedAt: services.now().toISOString(),
        actor: {
          id: principal.id,
          role: principal.role,
          ...(principal.nisCode ? { nisCode: principal.nisCode } : {}),
        },
      };
    },
  };
}

/** Runs a command and waits until the read models show it. */
export async function execute(
  context: ApiContext,
  run: (meta: CommandMetadata) => Promise<CommandResult>,
): Promise<CommandResult> {
  const result = await run(context.command());
  context.request.positions.push(result.position);
  await context.services.waitFor(result.position);
  return result;
}
