import type { EventDefinition } from './event.js';
import { getPath } from './personalData.js';
import type { DataSubjectKind } from './vocabularies/privacy.js';

/**
 * The kind of data subject a personal-data spec names, by the spec's subject
 * path (and, where one path serves several kinds, the event type). The ids of
 * records that key their own free text (see personalData.ts) are documents.
 * A test fails when a spec of the catalogue is missing here, so a new kind of
 * personal data cannot escape erasure requests unnoticed.
 */
const byType: Readonly<Record<string, DataSubjectKind>> = {
  'TwinningActorChanged person.personId': 'TWINNING_ACTOR',
  'ContactLogged person.personId': 'CONTACTED_PERSON',
};
const bySubjectPath: Readonly<Record<string, DataSubjectKind>> = {
  'contact.personId': 'CONTACT_PERSON',
  contactPersonId: 'CONTACT_PERSON',
  staffMemberId: 'STAFF_MEMBER',
  authorStaffMemberId: 'STAFF_MEMBER',
  requestId: 'DOCUMENT',
  adviceId: 'DOCUMENT',
  twinningId: 'DOCUMENT',
  missionId: 'DOCUMENT',
  activityId: 'DOCUMENT',
  lessonId: 'DOCUMENT',
  jointMissionId: 'DOCUMENT',
  regionalEventId: 'DOCUMENT',
  costId: 'DOCUMENT',
};

/** The kind of data subject that `subjectPath` of an event of `type` names; undefined for an unknown spec. */
export function dataSubjectKindOf(type: string, subjectPath: string): DataSubjectKind | undefined {
  return byType[`${type} ${subjectPath}`] ?? bySubjectPath[subjectPath];
}

export interface DataSubjectMention {
  readonly subjectId: string;
  readonly kind: DataSubjectKind;
}

/** The data subjects an event's data names, each with its kind (the subject of an absent optional field is left out). */
export function dataSubjectsOf(definition: EventDefinition, data: unknown): DataSubjectMention[] {
  const found: DataSubjectMention[] = [];
  for (const spec of definition.personalData) {
    const subjectId = getPath(data, spec.subject);
    const kind = dataSubjectKindOf(definition.type, spec.subject);
    if (typeof subjectId === 'string' && kind) found.push({ subjectId, kind });
  }
  return found;
}
