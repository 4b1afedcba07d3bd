import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  AdditionalReason,
  Decision,
  DeclineReason,
  MissionStatus,
  MissionType,
  RequestStatus,
} from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { ConnectionOf } from '../graphql/connection.js';

// simpleResolvers: these are plain data, read by graphql's default resolver instead of
// type-graphql's per-field wrapper (we use no middlewares); lists resolve them by the thousand.
@ObjectType({ description: 'A Flemish municipality, identified by its NIS code.', simpleResolvers: true })
export class MunicipalityRef {
  @Field(() => String)
  nisCode!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

@ObjectType({ description: 'The twinning a request belongs to, and where in the South it is.', simpleResolvers: true })
export class TwinningRef {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  partnerName!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 subdivision of the partner.' })
  regionCode!: string | null;
}

/**
 * What a recorded assessment and a draft's have alike. type-graphql gives a
 * decorated base class's fields to its subclasses; no field returns the base
 * itself, so it never appears in the schema.
 */
@ObjectType()
export abstract class AssessmentOutcome {
  @Field(() => Decision)
  recommendation!: string;

  @Field(() => DeclineReason, { nullable: true })
  declineReason!: string | null;

  @Field(() => Boolean, { description: 'Enough additional reasons for the mission type.' })
  opportune!: boolean;

  @Field(() => Int, { description: 'Additional reasons the mission type needs: its rank minus one.' })
  requiredReasons!: number;

  @Field(() => [AdditionalReason], { description: 'Claimed or derived: the reasons that count.' })
  satisfiedReasons!: string[];

  @Field(() => Boolean)
  staffTimeAvailable!: boolean;

  @Field(() => Boolean)
  budgetAvailable!: boolean;

  @Field(() => Float, { description: 'Preparation, visit and processing days.' })
  daysNeeded!: number;

  @Field(() => Float, { nullable: true, description: 'The estimated cost; null for coordinators.' })
  estimatedCostEur!: number | null;

  @Field(() => [String], {
    description:
      "Why, in sentences a manager can read, in Dutch; for coordinators without staff members' names or euro figures.",
  })
  explanation!: string[];

  @Field(() => [String], { description: 'The same explanation in English.' })
  explanationEn!: string[];

  @Field(() => String)
  policyVersion!: string;

  @Field(() => LocalDateScalar)
  assessedOn!: string;
}

@ObjectType({
  description: "The assessment policy's recommendation; it never decides, a person does.",
  simpleResolvers: true,
})
export class Assessment extends AssessmentOutcome {
  @Field(() => [AdditionalReason], { description: 'Reasons the platform established itself.' })
  derivedReasons!: string[];
}

@ObjectType({
  description: 'An accompanied visit: a staff member with a delegation, in three phases.',
  simpleResolvers: true,
})
export class Mission {
  @Field(() => ID)
  id!: string;

  @Field(() => MissionStatus)
  status!: string;

  @Field(() => MissionType)
  missionType!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => String, { nullable: true })
  regionCode!: string | null;

  @Field(() => [String], { description: 'Names of the accompanying VVSG staff.' })
  staffNames!: string[];

  @Field(() => Float, { nullable: true })
  bookedDays!: number | null;

  @Field(() => Float, { nullable: true })
  daysSpent!: number | null;

  @Field(() => Float, { nullable: true, description: 'What the mission cost VVSG; null for coordinators.' })
  costEur!: number | null;

  @Field(() => LocalDateScalar, { nullable: true })
  completedOn!: string | null;
}

@ObjectType({
  description: 'A request by a municipality that a VVSG staff member accompanies its delegation.',
  simpleResolvers: true,
})
export class AccompanimentRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => RequestStatus)
  status!: string;

  @Field(() => MissionType)
  missionType!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => MunicipalityRef)
  municipality!: MunicipalityRef;

  @Field(() => TwinningRef)
  twinning!: TwinningRef;

  @Field(() => Int)
  delegationSize!: number;

  @Field(() => [String], { description: 'Policy-domain codes, e.g. "WASTE_MANAGEMENT".' })
  policyDomains!: string[];

  @Field(() => [AdditionalReason], { description: 'The reasons the municipality claims.' })
  reasons!: string[];

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => LocalDateScalar)
  submittedOn!: string;

  @Field(() => Assessment, { nullable: true, description: 'The latest assessment.' })
  assessment!: Assessment | null;

  @Field(() => LocalDateScalar, { nullable: true })
  decidedOn!: string | null;

  @Field(() => DeclineReason, { nullable: true })
  declineReason!: string | null;

  @Field(() => String, { nullable: true })
  decisionNote!: string | null;

  @Field(() => String, { nullable: true })
  withdrawalReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The accompanying staff member.' })
  staffMemberName!: string | null;

  @Field(() => Mission, { nullable: true })
  mission!: Mission | null;
}

export const AccompanimentRequestConnection = ConnectionOf('AccompanimentRequest', AccompanimentRequest, {
  counted: true,
});
