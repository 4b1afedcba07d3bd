import { getAuditTrail, type AuditDb, type AuditEntryView } from '@werkbezoek/projections';
import { views, type ApiContext } from '../context.js';
import { pageSize, toConnection, type Connection } from '../graphql/connection.js';
import type { AuditEntry } from './audit.type.js';

function toAuditEntry(e: AuditEntryView): AuditEntry {
  return {
    position: e.position,
    revision: e.revision,
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    actor: { id: e.actor.id, role: e.actor.role, nisCode: e.actor.nisCode },
    correlationId: e.correlationId,
    causationId: e.causationId,
    data: JSON.stringify(e.data),
  };
}

/**
 * The events of one stream (`request-<id>`, `mission-<id>`, …), oldest first.
 * Callers authorize: who may see the aggregate decides who may see its trail.
 */
export async function auditTrail(
  context: ApiContext,
  streamId: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<AuditEntry>> {
  const page = await getAuditTrail(views<AuditDb>(context), streamId, {
    first: pageSize(first),
    ...(after ? { after } : {}),
  });
  return toConnection(page, toAuditEntry);
}
