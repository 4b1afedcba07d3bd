import { z } from 'zod';
import { Id, LocalDate, NonEmptyText } from '../codes.js';
import { defineEvent } from '../event.js';
import { Phases } from '../vocabularies/activities.js';
import { DacCriteria, Languages, LessonLevels } from '../vocabularies/lessons.js';
import { PolicyDomains } from '../vocabularies/policyDomains.js';

const Sdg = z.number().int().min(1, 'SDGs are numbered 1 to 17').max(17, 'SDGs are numbered 1 to 17');

const LessonContent = {
  title: NonEmptyText(200),
  body: NonEmptyText(20000),
  language: Languages.schema,
  level: LessonLevels.schema,
  phase: Phases.schema,
  policyDomains: z.array(PolicyDomains.schema).max(20),
  sdgs: z.array(Sdg).max(17),
  dacCriteria: z.array(DacCriteria.schema).max(6),
};

export const LessonRecorded = defineEvent({
  type: 'LessonRecorded',
  aggregate: 'lesson',
  description: 'A lesson learned from a mission, at process or results level.',
  schema: z.strictObject({
    lessonId: Id,
    missionId: Id,
    recordedOn: LocalDate,
    authorStaffMemberId: Id,
    ...LessonContent,
  }),
  // A document key per lesson: one lesson's text can be shredded without its author's other lessons.
  personalData: [{ subject: 'lessonId', fields: ['title', 'body'] }],
});

export const LessonEdited = defineEvent({
  type: 'LessonEdited',
  aggregate: 'lesson',
  description: 'A lesson was corrected or completed; only the changed fields are present.',
  schema: z.strictObject({
    lessonId: Id,
    title: LessonContent.title.optional(),
    body: LessonContent.body.optional(),
    language: LessonContent.language.optional(),
    level: LessonContent.level.optional(),
    phase: LessonContent.phase.optional(),
    policyDomains: LessonContent.policyDomains.optional(),
    sdgs: LessonContent.sdgs.optional(),
    dacCriteria: LessonContent.dacCriteria.optional(),
  }),
  personalData: [{ subject: 'lessonId', fields: ['title', 'body'] }],
});

export const LessonPromotedToGoodPractice = defineEvent({
  type: 'LessonPromotedToGoodPractice',
  aggregate: 'lesson',
  description: 'A lesson became a good practice (goed praktijkvoorbeeld) for training other municipalities.',
  schema: z.strictObject({
    lessonId: Id,
    promotedOn: LocalDate,
    rationale: z.string().max(4000).optional(),
  }),
  personalData: [{ subject: 'lessonId', fields: ['rationale'] }],
});

export const LessonRetracted = defineEvent({
  type: 'LessonRetracted',
  aggregate: 'lesson',
  description: 'A lesson was withdrawn from the catalogue.',
  schema: z.strictObject({ lessonId: Id, reason: NonEmptyText(2000) }),
  personalData: [{ subject: 'lessonId', fields: ['reason'] }],
});
