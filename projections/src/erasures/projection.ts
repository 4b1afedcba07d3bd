import { defineProjection } from '../runner/projection.js';
import { erasures } from './table.js';

/** The erasures of data subjects, pending and done, for the privacy page and the erasure effect. */
export const erasuresProjection = defineProjection({
  name: 'erasures',
  version: 1,
  cost: 0.01,
  tables: [erasures],
  handles: ['DataSubjectErasureRequested', 'DataSubjectErased', 'DataSubjectErasureCancelled'],
  async apply(e, uow) {
    switch (e.type) {
      case 'DataSubjectErasureRequested': {
        const d = e.data;
        uow.put(erasures, {
          erasure_id: d.erasureId,
          subject_id: d.subjectId,
          subject_kind: d.subjectKind,
          reason: d.reason,
          case_reference: d.caseReference ?? null,
          status: 'PENDING',
          requested_on: d.requestedOn,
          requested_by_role: e.metadata.actor.role,
          requested_by: e.metadata.actor.id,
          decided_on: null,
          decided_by_role: null,
          erased_at: null,
          erased_position: null,
        });
        return;
      }
      case 'DataSubjectErased':
        await uow.update(erasures, { erasure_id: e.data.erasureId }, () => ({
          status: 'ERASED',
          decided_on: e.data.erasedOn,
          decided_by_role: e.metadata.actor.role,
          erased_at: e.metadata.occurredAt,
          erased_position: String(e.position),
        }));
        return;
      case 'DataSubjectErasureCancelled':
        await uow.update(erasures, { erasure_id: e.data.erasureId }, () => ({
          status: 'CANCELLED',
          decided_on: e.data.cancelledOn,
          decided_by_role: e.metadata.actor.role,
        }));
        return;
      default:
        return;
    }
  },
});
