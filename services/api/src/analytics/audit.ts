import type { EventStore } from '@werkbezoek/eventstore';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '@werkbezoek/projections';
import type { RecordedEvent } from '@werkbezoek/schema';
import type { ApiContext } from '../context.js';
import { pageSize, toConnection, type Connection } from '../graphql/connection.js';
import type { AuditEntry } from './audit.type.js';
import {
  actorForCoordinator,
  auditSummary,
  dataForCoordinator,
  idsForCoordinator,
  type AuditReader,
} from './auditForCoordinator.js';

/**
 * One event as its reader may see it: VVSG's roles read it whole; a
 * coordinator reads the fields `coordinatorFields` allows and the actor as
 * `actorForCoordinator` shows it (see auditForCoordinator.ts).
 */
export function toAuditEntry(e: RecordedEvent, reader: AuditReader): AuditEntry {
  const { metadata } = e;
  const event = { type: e.type, data: e.data, ...metadata };
  const coordinator = reader.role === 'COORDINATOR';
  const { data, withheld } = coordinator ? dataForCoordinator(event) : { data: e.data, withheld: [] };
  const summary = auditSummary(event);
  const ids = coordinator ? idsForCoordinator(event, reader) : metadata;
  return {
    position: String(e.position),
    revision: Number(e.revision),
    eventId: metadata.eventId,
    type: e.type,
    schemaVersion: metadata.schemaVersion,
    occurredAt: metadata.occurredAt,
    recordedAt: e.recordedAt,
    actor: coordinator
      ? actorForCoordinator(event, reader)
      : { id: metadata.actor.id, role: metadata.actor.role, nisCode: metadata.actor.nisCode ?? null },
    correlationId: ids.correlationId,
    causationId: ids.causationId,
    data: JSON.stringify(data),
    withheld,
    summary: summary && { nl: summary.nl, en: summary.en },
  };
}

/**
 * One page of a stream's events, oldest first (cursor: the revision of the
 * last entry seen). The event log is the audit trail: a stream read is
 * indexed in every store, always current (no projection lag) and shows each
 * event as the store serves it, upcast to its type's current version, so a
 * copy of the log in the read models would only double its size.
 */
export async function readAuditTrail(
  store: EventStore,
  streamId: string,
  page: Required<Pick<PageRequest, 'first'>> & Pick<PageRequest, 'after'>,
): Promise<Page<RecordedEvent>> {
  const fromRevision = page.after ? BigInt(decodeCursor<[number]>(page.after, ['number'])[0] + 1) : 0n;
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(streamId, { fromRevision, maxCount: page.first + 1 })) events.push(event);
  return {
    edges: events.slice(0, page.first).map((node) => ({ cursor: encodeCursor([Number(node.revision)]), node })),
    hasNextPage: events.length > page.first,
  };
}

/**
 * The events of one stream (`request-<id>`, `mission-<id>`, …), oldest first,
 * as the caller may read them (see toAuditEntry). Callers authorize: who may
 * see the aggregate decides who may see its trail.
 */
export async function auditTrail(
  context: ApiContext,
  streamId: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<AuditEntry>> {
  const page = await readAuditTrail(context.services.store, streamId, {
    first: pageSize(first),
    ...(after ? { after } : {}),
  });
  return toConnection(page, (e) => toAuditEntry(e, context.principal));
}
