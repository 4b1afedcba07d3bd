import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventStore } from '@werkbezoek/eventstore';
import {
  PROJECTOR_LOCK_KEY,
  type Projector,
  type ProjectionStateTable,
  type ReadModelDb,
} from '@werkbezoek/projections';
import { sql, type Kysely } from 'kysely';
import type { RecoveryStats } from '../recovery/recoveryJob.js';

export type ProcessRole = 'all' | 'api' | 'projector';

export interface ReadinessSources {
  readonly role: ProcessRole;
  readonly store: EventStore;
  readonly readModels: ReadModelDb;
  /** The projector of this process, when it runs one. */
  readonly projector?: Projector;
  /** How long a check may take before its part counts as unreachable. */
  readonly timeoutMs?: number;
  /** What the decision recovery job of this process did (roles `all` and `projector`). */
  readonly recovery?: () => RecoveryStats;
}

export interface ProjectionReadiness {
  readonly name: string;
  readonly version: number;
  readonly status: string;
  readonly position: string;
  readonly lagEvents: string;
  /** Seconds since the oldest event this projection has not applied was recorded; 0 when caught up. */
  readonly lagSeconds: number;
  readonly error: { readonly message: string; readonly position: string; readonly eventType: string } | null;
}

export interface Readiness {
  /** ready: both stores answer; degraded: they answer but a projection stopped at an error; unavailable: a store does not answer. */
  readonly status: 'ready' | 'degraded' | 'unavailable';
  readonly role: ProcessRole;
  readonly eventStore: {
    readonly reachable: boolean;
    readonly head: string | null;
    readonly error: string | null;
    readonly connection: unknown;
  };
  readonly readModels: { readonly reachable: boolean; readonly dialect: string; readonly error: string | null };
  readonly projector: {
    /** This process's projector: active, standby, starting or stopped; "none" when it runs none. */
    readonly here: string;
    readonly since: string | null;
    /** Whether some process holds the projector lease (PostgreSQL read models; null where it cannot be seen). */
    readonly activeSomewhere: boolean | null;
  };
  readonly projections: readonly ProjectionReadiness[];
  readonly lastError: (ProjectionReadiness['error'] & { readonly projection: string }) | null;
  /** Decisions interrupted halfway that this process completed or gave back since it started; null where it runs no job. */
  readonly decisionRecovery: RecoveryStats | null;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The recorded time of the first event after `position`, if any. */
async function firstAfter(store: EventStore, position: bigint): Promise<Date | undefined> {
  for await (const event of store.readAll({ fromPosition: position, maxCount: 1 })) return new Date(event.recordedAt);
  return undefined;
}

/** What /readyz reports: both stores reachable, each projection's lag in events and seconds, the projector's state. */
export async function readiness(sources: ReadinessSources): Promise<Readiness> {
  const { store, readModels } = sources;
  const timeout = sources.timeoutMs ?? 3000;
  const now = Date.now();
  const [head, rows] = await Promise.allSettled([
    within(store.headPosition(), timeout, 'The event store'),
    within(
      (readModels.db as Kysely<{ projection_state: ProjectionStateTable }>)
        .selectFrom('projection_state')
        .selectAll()
        .where('status', '!=', 'RETIRED')
        .orderBy('name')
        .execute(),
      timeout,
      'The read-model database',
    ),
  ]);
  const projections: ProjectionReadiness[] = [];
  if (head.status === 'fulfilled' && rows.status === 'fulfilled') {
    for (const row of rows.value) {
      const position = BigInt(row.position);
      const lag = head.value - position;
      const oldest = lag > 0n ? await firstAfter(store, position).catch(() => undefined) : undefined;
      projections.push({
        name: row.name,
        version: row.version,
        status: row.status,
        position: row.position,
        lagEvents: String(lag > 0n ? lag : 0n),
        lagSeconds: oldest ? Math.max(0, Math.round((now - oldest.getTime()) / 1000)) : 0,
        error: row.error
          ? { message: row.error, position: row.error_position ?? '', eventType: row.error_event_type ?? '' }
          : null,
      });
    }
  }
  const failed = projections.filter((p) => p.error);
  const last = failed.sort((a, b) => Number(BigInt(b.error!.position) - BigInt(a.error!.position)))[0];
  const reachable = head.status === 'fulfilled' && rows.status === 'fulfilled';
  return {
    status: !reachable ? 'unavailable' : failed.length > 0 ? 'degraded' : 'ready',
    role: sources.role,
    eventStore: {
      reachable: head.status === 'fulfilled',
      head: head.status === 'fulfilled' ? String(head.value) : null,
      error: head.status === 'rejected' ? text(head.reason) : null,
      connection: store.status?.() ?? null,
    },
    readModels: {
      reachable: rows.status === 'fulfilled',
      dialect: readModels.dialect,
      error: rows.status === 'rejected' ? text(rows.reason) : null,
    },
    projector: {
      here: sources.projector?.state ?? 'none',
      since: sources.projector?.stateSince.toISOString() ?? null,
      activeSomewhere: await projectorLeaseHeld(readModels, timeout),
    },
    projections,
    lastError: last ? { projection: last.name, ...last.error! } : null,
    decisionRecovery: sources.recovery?.() ?? null,
  };
}

/** Whether any session holds the projector's advisory lock; null on SQLite, where the one process projects. */
async function projectorLeaseHeld(readModels: ReadModelDb, timeout: number): Promise<boolean | null> {
  if (readModels.dialect !== 'postgres') return null;
  try {
    const { rows } = await within(
      sql<{ held: boolean }>`select exists (
          select 1 from pg_locks where locktype = 'advisory' and granted and objsubid = 1
            and ((classid::bigint << 32) | objid::bigint) = ${PROJECTOR_LOCK_KEY}) as held`.execute(readModels.db),
      timeout,
      'The read-model database',
    );
    return rows[0]?.held ?? null;
  } catch {
    return null;
  }
}

/**
 * GET /healthz: the process is alive (200 while it can answer at all). GET /readyz: 200 when the event
 * store and the read-model database answer, 503 when either does not, with the details either way.
 */
export function healthRoutes(sources: ReadinessSources) {
  const started = Date.now();
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') {
      sendJson(response, 200, {
        status: 'ok',
        role: sources.role,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      });
      return true;
    }
    if (path === '/readyz') {
      const ready = await readiness(sources);
      sendJson(response, ready.status === 'unavailable' ? 503 : 200, ready);
      return true;
    }
    return false;
  };
}

/** A JSON answer that no cache keeps. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  response.end(json);
}
