import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeclineReason, MissionStatus, MissionType, RequestStatus } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { StaffRef } from '../registry/registry.type.js';

export const VisitKind = { REQUEST: 'REQUEST', MISSION: 'MISSION' } as const;
registerEnumType(VisitKind, {
  name: 'VisitKind',
  description: 'A requested visit, or a mission that involves the municipality without a request of its own.',
});

@ObjectType({ description: "A visit in a municipality's accompaniment history." })
export class Visit {
  @Field(() => ID, { description: 'The request id, or "<mission id>/<NIS code>" for a mission without a request.' })
  id!: string;

  @Field(() => VisitKind)
  kind!: string;

  @Field(() => ID, { nullable: true })
  requestId!: string | null;

  @Field(() => ID, { nullable: true })
  missionId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The joint mission that serves the visit; null for a visit on its own.',
  })
  jointMissionId!: string | null;

  @Field(() => MissionType)
  missionType!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => RequestStatus, { nullable: true, description: "The request's status; null without a request." })
  status!: string | null;

  @Field(() => MissionStatus, { nullable: true })
  missionStatus!: string | null;

  @Field(() => Boolean, { description: 'A mission, not cancelled, that has started.' })
  accompanied!: boolean;

  @Field(() => [StaffRef], {
    description:
      "Who accompanies (or accompanied) the visit. Not for coordinators, who read their names (staffNames), not VVSG's ids.",
  })
  staff!: StaffRef[];

  @Field(() => [String], { description: 'The names of who accompanies (or accompanied) the visit.' })
  staffNames!: string[];

  @Field(() => DeclineReason, { nullable: true })
  declineReason!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  submittedOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  decidedOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  completedOn!: string | null;
}

@ObjectType()
export class DeclineReasonCount {
  @Field(() => DeclineReason)
  reason!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "A municipality's visits, when it was last accompanied, and why requests were declined." })
export class AccompanimentHistory {
  @Field(() => String)
  nisCode!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => [Visit], { description: 'Latest first.' })
  visits!: Visit[];

  @Field(() => LocalDateScalar, { nullable: true })
  lastAccompaniedOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Whole months until today; null when never accompanied.' })
  monthsSinceLastAccompaniment!: number | null;

  @Field(() => [DeclineReasonCount], { description: 'Most frequent first.' })
  declineReasons!: DeclineReasonCount[];
}

@ObjectType({ description: 'How long ago a municipality was last accompanied.' })
export class Coverage {
  @Field(() => String)
  nisCode!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  lastAccompaniedOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Null when never accompanied.' })
  monthsSinceLastAccompaniment!: number | null;
}

@ObjectType({ description: 'How many municipalities were last accompanied so many months ago.' })
export class CoverageMonths {
  @Field(() => Int, { nullable: true, description: 'Whole months; null for the municipalities never accompanied.' })
  monthsSinceLastAccompaniment!: number | null;

  @Field(() => Int)
  municipalities!: number;
}
