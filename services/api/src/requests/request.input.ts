import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AdditionalReason, Decision, DeclineReason, MissionType, RequestStatus } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';

@InputType()
export class SubmitAccompanimentRequestInput {
  @Field(() => ID)
  twinningId!: string;

  @Field(() => MissionType)
  missionType!: 'IDENTIFICATION' | 'EVALUATION' | 'TECHNICAL' | 'POLITICAL';

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => [AdditionalReason], { description: 'The additional reasons the municipality claims.' })
  reasons!: string[];

  @Field(() => [String], { description: 'Policy-domain codes from the catalogue, e.g. "WASTE_MANAGEMENT".' })
  policyDomains!: string[];

  @Field(() => Int)
  delegationSize!: number;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class AmendAccompanimentRequestInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => MissionType, { nullable: true })
  missionType?: 'IDENTIFICATION' | 'EVALUATION' | 'TECHNICAL' | 'POLITICAL' | null;

  @Field(() => LocalDateScalar, { nullable: true })
  startDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => [AdditionalReason], { nullable: true })
  reasons?: string[] | null;

  @Field(() => [String], { nullable: true })
  policyDomains?: string[] | null;

  @Field(() => Int, { nullable: true })
  delegationSize?: number | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class WithdrawAccompanimentRequestInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => String)
  reason!: string;
}

@InputType()
export class DecideAccompanimentInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => Decision)
  decision!: 'ACCEPT' | 'DECLINE';

  @Field(() => DeclineReason, { nullable: true, description: 'Required when declining.' })
  declineReason?: 'NOT_OPPORTUNE' | 'NO_STAFF_TIME' | 'NO_BUDGET' | null;

  @Field(() => ID, { nullable: true, description: 'The accompanying staff member; required when accepting.' })
  staffMemberId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when declining: what the municipality is told.' })
  note?: string | null;
}

@InputType()
export class RequestFilter {
  @Field(() => [RequestStatus], { nullable: true })
  status?: string[] | null;

  @Field(() => [MissionType], { nullable: true })
  missionType?: string[] | null;

  @Field(() => String, { nullable: true })
  nisCode?: string | null;

  @Field(() => String, { nullable: true })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true })
  staffMemberId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Visits that end on or after this date.' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Visits that start on or before this date.' })
  to?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Submitted on or after this date (the dashboard counts requests by the quarter of submission).',
  })
  submittedFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Submitted on or before this date.' })
  submittedTo?: string | null;

  @Field(() => Decision, { nullable: true, description: "The latest assessment's recommendation." })
  recommendation?: string | null;

  @Field(() => DeclineReason, { nullable: true, description: 'Declined for this reason.' })
  declineReason?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Decided requests whose decision followed (true) or went against (false) the recommendation in force, as the dashboard's agreements count them; undecided and unassessed requests match neither.",
  })
  agreement?: boolean | null;
}

export { Float };

@InputType({ description: 'A request as it would be submitted, to be assessed without storing it.' })
export class DraftRequestInput extends SubmitAccompanimentRequestInput {}
