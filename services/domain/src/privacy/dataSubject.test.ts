import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError, type Actor } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { fold } from '../decider.js';
import { commandsFor, on, testId } from '../testing/builders.js';
import { spec } from '../testing/spec.js';
import {
  dataSubjectDecider,
  type DataSubjectCommand,
  type DataSubjectEvent,
  type RecordedDataSubjectEvent,
} from './dataSubject.js';

const command = commandsFor<DataSubjectCommand>();
const given = (events: RecordedDataSubjectEvent[]) => spec(dataSubjectDecider).given(events);

const subjectId = testId(901);
const erasureId = testId(902);
const otherErasure = testId(903);
const manager: Actor = { id: 'manager-1', role: 'MANAGEMENT' };
const staff: Actor = { id: 'staff-2', role: 'STAFF' };
/** The same person as the requester, signed in with the STAFF role. */
const requesterAsStaff: Actor = { id: 'manager-1', role: 'STAFF' };
const system: Actor = { id: 'retention', role: 'SYSTEM' };

const request = (data: Partial<Extract<DataSubjectCommand, { type: 'RequestDataSubjectErasure' }>['data']> = {}) =>
  command(
    'RequestDataSubjectErasure',
    { erasureId, subjectId, reason: 'DATA_SUBJECT_REQUEST', kinds: ['CONTACT_PERSON'], ...data },
    on('2026-03-02', manager),
  );
const confirm = (actor: Actor = staff, id = erasureId) =>
  command('ConfirmDataSubjectErasure', { erasureId: id, subjectId }, on('2026-03-03', actor));
const cancel = (id = erasureId) =>
  command('CancelDataSubjectErasure', { erasureId: id, subjectId }, on('2026-03-03', manager));

const requested: RecordedDataSubjectEvent = {
  type: 'DataSubjectErasureRequested',
  data: {
    erasureId,
    subjectId,
    subjectKind: 'CONTACT_PERSON',
    reason: 'DATA_SUBJECT_REQUEST',
    requestedOn: '2026-03-02',
  },
  metadata: { actor: manager },
};
const erased: DataSubjectEvent = { type: 'DataSubjectErased', data: { erasureId, subjectId, erasedOn: '2026-03-03' } };
const cancelled: DataSubjectEvent = {
  type: 'DataSubjectErasureCancelled',
  data: { erasureId, subjectId, cancelledOn: '2026-03-03' },
};

describe('requesting an erasure', () => {
  it('records the subject by id and kind, the reason as a code, on the day asked', () => {
    given([])
      .when(request())
      .then([{ ...requested, metadata: undefined }].map(({ type, data }) => ({ type, data })));
  });

  it('names the kind people come before documents by, when the log names the subject as both', () => {
    const [e] = dataSubjectDecider.decide(
      request({ kinds: ['DOCUMENT', 'STAFF_MEMBER'] }),
      fold(dataSubjectDecider, []),
    );
    expect(e?.data).toMatchObject({ subjectKind: 'STAFF_MEMBER' });
  });

  it('keeps a case reference of the register, and needs one for the reason OTHER', () => {
    const [e] = dataSubjectDecider.decide(
      request({ reason: 'OTHER', caseReference: 'AVG-2026-0142' }),
      fold(dataSubjectDecider, []),
    );
    expect(e?.data).toMatchObject({ reason: 'OTHER', caseReference: 'AVG-2026-0142' });
    given([])
      .when(request({ reason: 'OTHER' }))
      .thenThrows(ValidationError, /OTHER needs a case reference/);
  });

  it('refuses a case reference that could hold a name or a story', () => {
    given([])
      .when(request({ caseReference: 'Mevrouw Peeters belde' }))
      .thenThrows(ValidationError, /caseReference: a case reference is 2 to 8 capital letters/);
  });

  it('is for management only', () => {
    given([])
      .when(command('RequestDataSubjectErasure', { ...request().data }, on('2026-03-02', staff)))
      .thenThrows(ForbiddenError, /Only MANAGEMENT may request the erasure/);
  });

  it('refuses an id the log never names as a data subject', () => {
    given([])
      .when(request({ kinds: [] }))
      .thenThrows(NotFoundError, new RegExp(`No personal data is held for ${subjectId}`));
  });

  it('refuses a second erasure while one awaits confirmation', () => {
    given([requested])
      .when(request({ erasureId: otherErasure }))
      .thenThrows(IllegalStateError, /requested on 2026-03-02 awaits confirmation/);
  });

  it('refuses a subject erased before, saying when', () => {
    given([requested, erased])
      .when(request({ erasureId: otherErasure }))
      .thenThrows(
        IllegalStateError,
        new RegExp(`${subjectId} was already erased on 2026-03-03 \\(erasure ${erasureId}\\)`),
      );
  });

  it('may ask again after a cancelled request', () => {
    const [e] = dataSubjectDecider.decide(
      request({ erasureId: otherErasure }),
      fold(dataSubjectDecider, [requested, cancelled]),
    );
    expect(e?.type).toBe('DataSubjectErasureRequested');
  });
});

describe('confirming an erasure', () => {
  it('by a second person in the STAFF role erases the subject', () => {
    given([requested]).when(confirm()).then([erased]);
  });

  it('is refused to the person who requested it, whatever role they sign in with', () => {
    given([requested])
      .when(confirm(requesterAsStaff))
      .thenThrows(
        ForbiddenError,
        /You requested erasure .* yourself: a second person, in the STAFF role, must confirm it/,
      );
  });

  it('is refused to management', () => {
    given([requested])
      .when(confirm({ id: 'manager-2', role: 'MANAGEMENT' }))
      .thenThrows(ForbiddenError, /Only STAFF may confirm an erasure/);
  });

  it('twice changes nothing the second time', () => {
    given([requested, erased]).when(confirm()).then([]);
  });

  it('refuses an erasure that was cancelled, or that does not exist', () => {
    given([requested, cancelled])
      .when(confirm())
      .thenThrows(IllegalStateError, /was cancelled/);
    given([requested])
      .when(confirm(staff, otherErasure))
      .thenThrows(NotFoundError, /awaits confirmation/);
  });
});

describe('cancelling an erasure', () => {
  it('by management before it is confirmed', () => {
    given([requested]).when(cancel()).then([cancelled]);
    given([requested, cancelled]).when(cancel()).then([]);
  });

  it('is refused once confirmed: an erasure cannot be undone', () => {
    given([requested, erased])
      .when(cancel())
      .thenThrows(IllegalStateError, /cannot be undone/);
  });
});

describe('erasing past retention', () => {
  const pastRetention = (actor: Actor = system) =>
    command(
      'EraseDataSubjectPastRetention',
      { erasureId, subjectId, kinds: ['CONTACT_PERSON'] },
      on('2026-03-02', actor),
    );

  it('is the platform acting under the retention policy: requested and erased at once', () => {
    given([])
      .when(pastRetention())
      .then([
        { type: 'DataSubjectErasureRequested', data: { ...requested.data, reason: 'RETENTION_EXPIRED' } },
        { type: 'DataSubjectErased', data: { erasureId, subjectId, erasedOn: '2026-03-02' } },
      ]);
  });

  it('is for the SYSTEM actor only, and not for a subject erased or pending', () => {
    given([])
      .when(pastRetention(manager))
      .thenThrows(ForbiddenError, /Only SYSTEM may erase/);
    given([requested])
      .when(pastRetention())
      .thenThrows(IllegalStateError, /awaits confirmation/);
  });
});
