import type { Kysely } from 'kysely';
import type { ErasurePurgeTable } from './purges.js';
import type { ErasureTable } from './table.js';

interface Db {
  data_subject_erasures: ErasureTable;
  erasure_purges: ErasurePurgeTable;
}
/** The tables these queries read, for callers that type their Kysely handle. */
export type { Db as ErasuresDb };

export interface ErasureView {
  readonly erasureId: string;
  readonly subjectId: string;
  readonly subjectKind: string;
  readonly reason: string;
  readonly caseReference: string | null;
  readonly status: 'PENDING' | 'ERASED' | 'CANCELLED';
  readonly requestedOn: string;
  readonly requestedByRole: string;
  /** The requester's actor id: only to tell whether the one asking may confirm; never shown. */
  readonly requestedBy: string;
  readonly decidedOn: string | null;
  readonly decidedByRole: string | null;
  /** When DataSubjectErased occurred (an instant), and its global position. */
  readonly erasedAt: string | null;
  readonly erasedPosition: bigint | null;
  /** When the read models were rebuilt without the subject's values; null until then. */
  readonly purgedAt: string | null;
}

function select(db: Kysely<Db>) {
  return db
    .selectFrom('data_subject_erasures as e')
    .leftJoin('erasure_purges as p', 'p.erasure_id', 'e.erasure_id')
    .selectAll('e')
    .select('p.purged_at');
}

function toView(r: ErasureTable & { purged_at: string | null }): ErasureView {
  return {
    erasureId: r.erasure_id,
    subjectId: r.subject_id,
    subjectKind: r.subject_kind,
    reason: r.reason,
    caseReference: r.case_reference,
    status: r.status as ErasureView['status'],
    requestedOn: r.requested_on,
    requestedByRole: r.requested_by_role,
    requestedBy: r.requested_by,
    decidedOn: r.decided_on,
    decidedByRole: r.decided_by_role,
    erasedAt: r.erased_at,
    erasedPosition: r.erased_position === null ? null : BigInt(r.erased_position),
    purgedAt: r.purged_at,
  };
}

export async function getErasure(db: Kysely<Db>, erasureId: string): Promise<ErasureView | undefined> {
  const row = await select(db).where('e.erasure_id', '=', erasureId).executeTakeFirst();
  return row && toView(row);
}

/** Erasures with any of these statuses (all without), the most recently requested first. */
export async function listErasures(
  db: Kysely<Db>,
  filter: { readonly status?: readonly string[] } = {},
): Promise<ErasureView[]> {
  let query = select(db);
  if (filter.status && filter.status.length > 0) query = query.where('e.status', 'in', [...filter.status]);
  const rows = await query.orderBy('e.requested_on', 'desc').orderBy('e.erasure_id').execute();
  return rows.map(toView);
}

/** Confirmed erasures whose read-model purge has not been done in this database. */
export async function erasuresToPurge(db: Kysely<Db>): Promise<ErasureView[]> {
  const rows = await select(db)
    .where('e.status', '=', 'ERASED')
    .where('p.erasure_id', 'is', null)
    .orderBy('e.erased_at')
    .execute();
  return rows.map(toView);
}
