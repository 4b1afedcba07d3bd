import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalizedLabel } from '../analytics/policyDomain.type.js';
import { ConnectionOf } from '../graphql/connection.js';
import { AdditionalReason, MissionType } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { MunicipalityRef } from '../requests/request.type.js';

export const CandidateGroupKind = { REGION: 'REGION', COUNTRY: 'COUNTRY' } as const;
registerEnumType(CandidateGroupKind, {
  name: 'CandidateGroupKind',
  description: 'Whether a candidate combines visits to one southern region, or to neighbouring regions of one country.',
});

// simpleResolvers: plain data, read by graphql's default resolver rather than type-graphql's per-field wrapper.
@ObjectType({
  description: 'A request a joint mission would cover, and the additional reasons it would give it.',
  simpleResolvers: true,
})
export class CandidateRequest {
  @Field(() => ID, { description: 'The request id.' })
  id!: string;

  @Field(() => String)
  nisCode!: string;

  @Field(() => String, { nullable: true })
  municipalityName!: string | null;

  @Field(() => [AdditionalReason], { description: 'The additional reasons the joint mission gives this request.' })
  reasons!: string[];

  @Field(() => [AdditionalReason], { description: 'Those of reasons its latest assessment did not already count.' })
  newReasons!: string[];

  @Field(() => LocalDateScalar, { description: "The visit's first day (a mission's, for a request it serves)." })
  startDate!: string;

  @Field(() => LocalDateScalar, { description: "The visit's last day." })
  endDate!: string;

  @Field(() => Boolean, { description: 'Whether the request awaits a decision (SUBMITTED), rather than accepted.' })
  undecided!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Visits of several Flemish municipalities to one southern region (or neighbouring regions of one country) within a window, that one staff member could accompany on one trip, and what that would save (issue 12). A proposal: a planner decides.',
})
export class JointMissionCandidate {
  @Field(() => [String], { description: 'The regions of the covered visits (ISO 3166-2), sorted.' })
  regionCodes!: string[];

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string;

  @Field(() => CandidateGroupKind)
  groupKind!: string;

  @Field(() => LocalDateScalar, { description: 'The window of windowDays days starts at the earliest covered start.' })
  windowStart!: string;

  @Field(() => LocalDateScalar)
  windowEnd!: string;

  @Field(() => LocalDateScalar, { description: "The combined trip's first day: the earliest covered start." })
  tripStart!: string;

  @Field(() => LocalDateScalar, { description: "The combined trip's last day: the latest covered end." })
  tripEnd!: string;

  @Field(() => [CandidateRequest], { description: 'By request id.' })
  requests!: CandidateRequest[];

  @Field(() => [MunicipalityRef], { description: 'At least two.' })
  municipalities!: MunicipalityRef[];

  @Field(() => MissionType, { description: 'The most relevant type of the covered visits.' })
  missionType!: string;

  @Field(() => Int)
  combinedStaffDays!: number;

  @Field(() => Int)
  separateStaffDays!: number;

  @Field(() => Float)
  combinedCostEur!: number;

  @Field(() => Float)
  separateCostEur!: number;

  @Field(() => Float, { description: 'separateCostEur − combinedCostEur; always more than zero.' })
  savingEur!: number;

  @Field(() => LocalizedLabel, { description: 'Why this candidate, with its figures, in Dutch and English.' })
  why!: LocalizedLabel;
}

/** Joint-mission candidates a page at a time, in their ranking, with how many there are in all. */
export const JointMissionCandidateConnection = ConnectionOf('JointMissionCandidate', JointMissionCandidate, {
  counted: true,
});
