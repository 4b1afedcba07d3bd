import type { DataSubjectKind } from '@werkbezoek/schema';

/**
 * What a kind of data subject's retention period counts from:
 * - `LAST_NAMED`: the last event that names them (or the end date that event
 *   gives, when later): staff members, whose data serves the work they do,
 *   and people contacted, whose data serves that conversation;
 * - `RECORD_END`: the end of the record they are named in (the later of the
 *   stream's last event and the last end date it gave: a request's visit, a
 *   lesson's retraction): a request's contact person is needed until the
 *   visit is over and the request decided, a document as long as it changes;
 * - `OUT_OF_OFFICE`: the day they stopped being a twinning's actor (a later
 *   change of the same actor on the same side, or the end of the twinning);
 *   not at all while they hold the office.
 */
export type RetentionBasis = 'LAST_NAMED' | 'RECORD_END' | 'OUT_OF_OFFICE';

export const retentionBasis: Readonly<Record<DataSubjectKind, RetentionBasis>> = {
  CONTACT_PERSON: 'RECORD_END',
  STAFF_MEMBER: 'LAST_NAMED',
  TWINNING_ACTOR: 'OUT_OF_OFFICE',
  CONTACTED_PERSON: 'LAST_NAMED',
  DOCUMENT: 'RECORD_END',
};
