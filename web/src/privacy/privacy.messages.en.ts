import type { Translation } from '../i18n/catalogue';
import type { privacyMessages } from './privacy.messages';

export const privacyMessagesEn: Translation<typeof privacyMessages> = {
  'privacy.title': 'Privacy and erasure',
  'privacy.lead':
    "Erase a person's personal data at their request: management requests the erasure, a second person (a VVSG staff member) confirms it. From then on their data reads as “erased” everywhere.",

  'privacy.request.title': 'Request an erasure',
  'privacy.request.how': 'Who?',
  'privacy.request.staff': 'A VVSG staff member',
  'privacy.request.byId': 'A person or document by id',
  'privacy.request.search': 'Search a staff member by name',
  'privacy.request.searchHint': '{count, plural, one {# staff member found} other {# staff members found}}',
  'privacy.request.pick': 'Staff member',
  'privacy.request.pickNone': 'Choose a staff member',
  'privacy.request.subjectId': 'Id of the person or document',
  'privacy.request.subjectIdHint':
    "The UUID, as the access report or the audit trail shows it; for instance a request's contact person.",
  'privacy.request.reason': 'Reason',
  'privacy.request.caseReference': 'Case reference (optional)',
  'privacy.request.caseReferenceHint':
    'The number in the register of requests, such as AVG-2026-0142; required with the reason “Other”. No names or free text.',
  'privacy.request.submit': 'Request erasure',
  'privacy.request.required': 'Fill this in.',
  'privacy.request.done': 'The erasure was requested. A second person must now confirm it.',

  'privacy.pending.title': 'Awaiting confirmation',
  'privacy.pending.empty': 'No erasures await confirmation.',
  'privacy.done.title': 'Handled',
  'privacy.done.empty': 'No erasures yet.',
  'privacy.col.subject': 'Person or document',
  'privacy.col.kind': 'Kind',
  'privacy.col.reason': 'Reason',
  'privacy.col.requested': 'Requested',
  'privacy.col.decided': 'Handled',
  'privacy.col.status': 'Status',
  'privacy.col.actions': 'Actions',
  'privacy.byRole': '{date} by {role}',
  'privacy.purged': 'read models rebuilt',
  'privacy.purging': 'read models being rebuilt',

  'privacy.confirm': 'Confirm',
  'privacy.confirm.ownRequest': 'You requested this erasure yourself: a second person must confirm it.',
  'privacy.confirm.notYours': 'Only a VVSG staff member who did not request the erasure can confirm it.',
  'privacy.cancel': 'Cancel',
  'privacy.cancelled': 'The erasure was cancelled; nothing was erased.',

  'privacy.dialog.title': 'Erase the data for good?',
  'privacy.dialog.body':
    'The personal data of {subject} ({kind}) will be erased: the key it is encrypted with is destroyed and the read models are rebuilt without it.',
  'privacy.dialog.irreversible': 'This cannot be undone.',
  'privacy.dialog.confirm': 'Erase for good',
  'privacy.dialog.keep': 'Do not erase',
  'privacy.confirmed': 'The data was erased.',
  'privacy.confirmedPurging': 'The key was destroyed; the read models are still being rebuilt.',
};
