import { ValidationError } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../db/pagination.js';
import type { AuditTable } from './table.js';

export interface AuditEntryView {
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string; readonly nisCode: string | null };
  readonly correlationId: string;
  readonly causationId: string;
  readonly data: Record<string, unknown>;
}

export interface AuditDb {
  audit: AuditTable;
}

export function toAuditEntryView(r: AuditTable): AuditEntryView {
  return {
    position: r.position,
    streamId: r.stream_id,
    revision: Number(r.revision),
    eventId: r.event_id,
    type: r.type,
    schemaVersion: r.schema_version,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    actor: { id: r.actor_id, role: r.actor_role, nisCode: r.actor_nis_code },
    correlationId: r.correlation_id,
    causationId: r.causation_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
  };
}

/**
 * The events of one stream in the order they were appended, in pages
 * (cursor: the revision of the last entry seen).
 *
 * @example
 * const page = await getAuditTrail(db, `request-${requestId}`, { first: 20 });
 */
export async function getAuditTrail(
  db: Kysely<AuditDb>,
  streamId: string,
  page: PageRequest = {},
): Promise<Page<AuditEntryView>> {
  const first = page.first ?? 50;
  if (!Number.isInteger(first) || first < 0)
    throw new ValidationError(`first must be a whole number of 0 or more, not ${first}`, ['first']);
  let query = db.selectFrom('audit').selectAll().where('stream_id', '=', streamId);
  if (page.after) {
    const after = decodeCursor<unknown[]>(page.after);
    const [revision] = after;
    if (after.length !== 1 || typeof revision !== 'number' || !Number.isInteger(revision))
      throw new ValidationError(
        `"${page.after}" is not a cursor of an audit trail; use an endCursor from an earlier page`,
        ['after'],
      );
    query = query.where('revision', '>', revision);
  }
  const rows = await query
    .orderBy('revision', 'asc')
    .limit(first + 1)
    .execute();
  const nodes = rows.slice(0, first).map(toAuditEntryView);
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor([node.revision]), node })),
    hasNextPage: rows.length > first,
  };
}
