import { werkbezoekCatalogue, type WerkbezoekEventType } from '@werkbezoek/schema';
import { defineProjection } from '../runner/projection.js';
import { audit } from './table.js';

/**
 * The audit trail: every event of every type, one row each, so a stream's
 * history (who submitted, assessed, decided, edited) can be read without
 * replaying the log. The catalogue's types are every type the store
 * accepts, so a new event type is audited without touching this file.
 */
export const auditProjection = defineProjection({
  name: 'audit',
  version: 1,
  tables: [audit],
  // The catalogue is typed as strings; it is built from the same definitions as WerkbezoekEventType.
  handles: werkbezoekCatalogue.types as readonly WerkbezoekEventType[],
  apply(e, uow) {
    const { metadata } = e;
    uow.insert(audit, {
      position: String(e.position),
      stream_id: e.streamId,
      revision: Number(e.revision),
      event_id: metadata.eventId,
      type: e.type,
      schema_version: metadata.schemaVersion,
      occurred_at: metadata.occurredAt,
      recorded_at: e.recordedAt,
      actor_id: metadata.actor.id,
      actor_role: metadata.actor.role,
      actor_nis_code: metadata.actor.nisCode ?? null,
      correlation_id: metadata.correlationId,
      causation_id: metadata.causationId,
      data: JSON.stringify(e.data),
    });
  },
});
