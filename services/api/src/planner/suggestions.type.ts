import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalizedLabel } from '../analytics/policyDomain.type.js';
import { LessonLevel, RegionalEventKind } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { MunicipalityRef } from '../requests/request.type.js';
import { CandidateGroupKind } from './candidates.type.js';

export const RegionalEventTriggerKind = {
  NO_RECENT_ACCOMPANIMENT: 'NO_RECENT_ACCOMPANIMENT',
  SHARED_PROBLEM: 'SHARED_PROBLEM',
} as const;
registerEnumType(RegionalEventTriggerKind, {
  name: 'RegionalEventTriggerKind',
  description:
    'Why a regional event is suggested: enough active twinnings in a place VVSG has not accompanied a visit to for 12 months, or lessons of several municipalities reporting the same problem.',
});

export const GoodPracticeSource = { REGION: 'REGION', COUNTRY: 'COUNTRY' } as const;
registerEnumType(GoodPracticeSource, {
  name: 'GoodPracticeSource',
  description: "Whether a good practice comes from the event's own regions or from elsewhere in the country.",
});

@ObjectType({ description: 'A lesson that reports a shared problem.' })
export class RegionalEventLesson {
  @Field(() => ID)
  lessonId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => LocalDateScalar)
  recordedOn!: string;
}

@ObjectType({
  description:
    'A rule that fired, with its figures. NO_RECENT_ACCOMPANIMENT fills activeTwinnings, lastAccompaniedOn and monthsSinceLastAccompaniment; SHARED_PROBLEM fills policyDomain, level, regionCodes, municipalities and lessons.',
})
export class RegionalEventTrigger {
  @Field(() => RegionalEventTriggerKind)
  kind!: string;

  @Field(() => Int, { nullable: true })
  activeTwinnings!: number | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The end of the place's last accompanied visit; null when never accompanied.",
  })
  lastAccompaniedOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Whole months to today; null when never accompanied.' })
  monthsSinceLastAccompaniment!: number | null;

  @Field(() => String, { nullable: true, description: 'The policy-domain code of the shared problem.' })
  policyDomain!: string | null;

  @Field(() => LessonLevel, { nullable: true })
  level!: string | null;

  @Field(() => [String], { description: 'The regions the lessons come from; empty for NO_RECENT_ACCOMPANIMENT.' })
  regionCodes!: string[];

  @Field(() => [MunicipalityRef], { description: 'The municipalities whose lessons report the problem.' })
  municipalities!: MunicipalityRef[];

  @Field(() => [RegionalEventLesson], { description: 'Oldest first.' })
  lessons!: RegionalEventLesson[];
}

@ObjectType({ description: 'A good practice (a promoted lesson) to bring to a regional event.' })
export class GoodPracticeToBring {
  @Field(() => ID)
  lessonId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  regionCode!: string | null;

  @Field(() => [String])
  policyDomains!: string[];

  @Field(() => GoodPracticeSource)
  source!: string;
}

@ObjectType({
  description:
    'A proactive regional conference, workshop or south-south exchange (issue 12): where and why, whom to invite, the themes, the good practices to bring, a date window and an estimated cost. A suggestion: a planner proposes, management decides.',
})
export class RegionalEventSuggestion {
  @Field(() => RegionalEventKind)
  kind!: string;

  @Field(() => CandidateGroupKind, { description: 'Whether the rules looked at one region or a country.' })
  scopeKind!: string;

  @Field(() => String, { description: 'The region (ISO 3166-2) or country (ISO 3166-1 alpha-2) looked at.' })
  scopeCode!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string;

  @Field(() => [String], { description: 'The regions of the event (ISO 3166-2), sorted.' })
  regionCodes!: string[];

  @Field(() => [RegionalEventTrigger], { description: 'At least one.' })
  triggers!: RegionalEventTrigger[];

  @Field(() => [MunicipalityRef], {
    description: 'Exactly the municipalities with an active twinning in the regions, by NIS code.',
  })
  invitees!: MunicipalityRef[];

  @Field(() => [String], { description: "Policy-domain codes, the shared problems' first." })
  themes!: string[];

  @Field(() => [GoodPracticeToBring], { description: "The event's regions first, then the country; newest first." })
  goodPractices!: GoodPracticeToBring[];

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => Int, { description: "The event's days, both ends included." })
  days!: number;

  @Field(() => Int, { description: 'Invitees × participants per municipality.' })
  participants!: number;

  @Field(() => Float, { description: "One staff member's travel, once." })
  travelCostEur!: number;

  @Field(() => Float, { description: "The staff member's daily allowance for the event's days." })
  allowanceCostEur!: number;

  @Field(() => Float, { description: 'Venue and organisation: participants × days × the sum per participant and day.' })
  organisationCostEur!: number;

  @Field(() => Float, { description: 'travelCostEur + allowanceCostEur + organisationCostEur.' })
  estimatedCostEur!: number;

  @Field(() => Int, { nullable: true, description: 'Months without an accompanied visit; null when never.' })
  monthsSinceLastAccompaniment!: number | null;

  @Field(() => LocalizedLabel, { description: 'Why this event, with its figures, in Dutch and English.' })
  why!: LocalizedLabel;
}
