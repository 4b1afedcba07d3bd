import type {
  ContentLanguage,
  DacCriterion as DacCriterionCode,
  LessonLevel as LessonLevelCode,
  MissionType as MissionTypeCode,
  Phase as PhaseCode,
} from '@werkbezoek/schema';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DacCriterion, Language, LessonLevel, MissionType, Phase } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';

@InputType()
export class RecordLessonInput {
  @Field(() => ID)
  missionId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => LessonLevel)
  level!: LessonLevelCode;

  @Field(() => [String], { description: 'Policy-domain codes from the catalogue.' })
  policyDomains!: string[];

  @Field(() => Phase, { nullable: true, description: 'Default: PROCESSING, when lessons are usually drawn.' })
  phase?: PhaseCode | null;

  @Field(() => Language, { nullable: true, description: 'Default: nl.' })
  language?: ContentLanguage | null;

  @Field(() => [Int], { nullable: true })
  sdgs?: number[] | null;

  @Field(() => [DacCriterion], { nullable: true })
  dacCriteria?: DacCriterionCode[] | null;

  @Field(() => ID, { nullable: true, description: "Default: the mission's first staff member." })
  authorStaffMemberId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Default: today.' })
  recordedOn?: string | null;
}

@InputType({ description: 'The fields to change; the others stay as they are.' })
export class EditLessonInput {
  @Field(() => ID)
  lessonId!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => Language, { nullable: true })
  language?: ContentLanguage | null;

  @Field(() => LessonLevel, { nullable: true })
  level?: LessonLevelCode | null;

  @Field(() => Phase, { nullable: true })
  phase?: PhaseCode | null;

  @Field(() => [String], { nullable: true })
  policyDomains?: string[] | null;

  @Field(() => [Int], { nullable: true })
  sdgs?: number[] | null;

  @Field(() => [DacCriterion], { nullable: true })
  dacCriteria?: DacCriterionCode[] | null;
}

@InputType()
export class RetractLessonInput {
  @Field(() => ID)
  lessonId!: string;

  @Field(() => String)
  reason!: string;
}

@InputType({
  description:
    'Which lessons to list. The values of one list are alternatives (a lesson in any of the regions); the fields narrow each other.',
})
export class LessonFilter {
  @Field(() => String, { nullable: true, description: 'A policy-domain code, e.g. "CIVIL_REGISTRATION".' })
  policyDomain?: string | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => String, { nullable: true })
  countryCode?: string | null;

  @Field(() => MissionType, { nullable: true })
  missionType?: MissionTypeCode | null;

  @Field(() => Phase, { nullable: true })
  phase?: PhaseCode | null;

  @Field(() => LessonLevel, { nullable: true })
  level?: LessonLevelCode | null;

  @Field(() => [String], { nullable: true, description: 'Policy-domain codes; a lesson in any of them.' })
  policyDomains?: string[] | null;

  @Field(() => [String], { nullable: true })
  regionCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  countryCodes?: string[] | null;

  @Field(() => [MissionType], { nullable: true })
  missionTypes?: MissionTypeCode[] | null;

  @Field(() => [Phase], { nullable: true })
  phases?: PhaseCode[] | null;

  @Field(() => [LessonLevel], { nullable: true })
  levels?: LessonLevelCode[] | null;

  @Field(() => Boolean, { nullable: true })
  goodPracticeOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only good practices; false: only lessons that are not.' })
  goodPractice?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Retracted lessons are left out unless this is true.' })
  includeRetracted?: boolean | null;
}
