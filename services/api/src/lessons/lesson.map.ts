import type { LessonView } from '@werkbezoek/projections';
import type { Lesson } from './lesson.type.js';

export function toLesson(l: LessonView): Lesson {
  return {
    id: l.lessonId,
    missionId: l.missionId,
    title: l.title,
    body: l.body,
    language: l.language,
    level: l.level,
    phase: l.phase,
    policyDomains: l.policyDomains,
    sdgs: l.sdgs,
    dacCriteria: l.dacCriteria,
    missionType: l.missionType,
    regionCode: l.regionCode,
    countryCode: l.countryCode,
    nisCodes: l.nisCodes,
    recordedOn: l.recordedOn,
    author: { id: l.authorStaffMemberId, name: l.authorName },
    // A retracted lesson left the catalogue, good practice included (as the domain's lesson state has it).
    goodPractice: l.goodPractice && !l.retracted,
    promotedOn: l.promotedOn,
    retracted: l.retracted,
    retractionReason: l.retractionReason,
    editedCount: l.editedCount,
    rank: l.rank,
  };
}
