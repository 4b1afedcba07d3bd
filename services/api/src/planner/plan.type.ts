import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MissionType } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { StaffRef } from '../registry/registry.type.js';
import { MunicipalityRef } from '../requests/request.type.js';

export const PlanStatus = {
  OPTIMAL: 'OPTIMAL',
  TIME_LIMIT: 'TIME_LIMIT',
  ROUND_LIMIT: 'ROUND_LIMIT',
  INFEASIBLE: 'INFEASIBLE',
  ERROR: 'ERROR',
} as const;
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'How the optimiser ended.',
  valuesConfig: {
    OPTIMAL: { description: 'Proven optimal: no plan under the same constraints has a higher total priority.' },
    TIME_LIMIT: {
      description:
        'The solver stopped at its time limit: the best staffed plan found; mipGap says how far from the bound.',
    },
    ROUND_LIMIT: {
      description: 'Every trip set solved within the round limit could not be staffed: the plan is the greedy one.',
    },
    INFEASIBLE: { description: 'The solver found the model infeasible: the plan is the greedy one.' },
    ERROR: { description: 'The solver failed: the plan is the greedy one.' },
  },
});

export const PlanTripKind = { REQUEST: 'REQUEST', BUNDLE: 'BUNDLE' } as const;
registerEnumType(PlanTripKind, {
  name: 'PlanTripKind',
  description: 'Whether a planned trip accompanies one request, or several as one joint mission.',
});

@ObjectType({ description: 'An undecided request a planned trip accompanies.' })
export class PlanRequest {
  @Field(() => ID, { description: 'The request id.' })
  id!: string;

  @Field(() => String)
  nisCode!: string;

  @Field(() => String, { nullable: true })
  municipalityName!: string | null;

  @Field(() => MissionType)
  missionType!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;
}

@ObjectType({ description: 'A trip the plan advises: one request alone, or a joint mission, with who goes.' })
export class PlanTrip {
  @Field(() => PlanTripKind)
  kind!: string;

  @Field(() => String, { description: "The request's id for a single request; the bundle's id for a joint mission." })
  tripId!: string;

  @Field(() => [PlanRequest], { description: 'The requests it accompanies, by start date.' })
  requests!: PlanRequest[];

  @Field(() => LocalDateScalar, { description: 'The first visit day.' })
  startDate!: string;

  @Field(() => LocalDateScalar, { description: 'The last visit day.' })
  endDate!: string;

  @Field(() => Int, { description: 'Staff days: preparation + visit days + processing.' })
  staffDays!: number;

  @Field(() => Float, { description: 'Estimated cost: travel + the daily allowance per visit day.' })
  costEur!: number;

  @Field(() => Int, { description: 'Its priority in points, by the priority policy (policyVersion).' })
  priority!: number;

  @Field(() => StaffRef, { description: 'The staff member who accompanies it.' })
  staffMember!: StaffRef;
}

@ObjectType({
  description: 'An accepted request or scheduled mission: in every plan; its staff are busy on its dates.',
})
export class FixedPlanTrip {
  @Field(() => String, { description: 'The mission id, or the request id of an accepted request without a mission.' })
  id!: string;

  @Field(() => ID, { nullable: true })
  missionId!: string | null;

  @Field(() => [ID])
  requestIds!: string[];

  @Field(() => [MunicipalityRef])
  municipalities!: MunicipalityRef[];

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => [StaffRef])
  staff!: StaffRef[];
}

@ObjectType({ description: "A staff member's days in the plan's year, and whether they bind the plan." })
export class PlanStaffUse {
  @Field(() => StaffRef)
  staffMember!: StaffRef;

  @Field(() => Float, { description: 'Free days in the year before the plan: declared less booked.' })
  freeDays!: number;

  @Field(() => Float, { description: "Staff days of the plan's trips this member accompanies." })
  usedDays!: number;

  @Field(() => Float, { description: 'freeDays − usedDays.' })
  slackDays!: number;

  @Field(() => Boolean, {
    description: 'Whether the slack is too small for every trip left out that this member could otherwise take.',
  })
  binding!: boolean;
}

@ObjectType({ description: "The year's unreserved budget in the plan, and whether it binds." })
export class PlanBudgetUse {
  @Field(() => Float)
  unreservedEur!: number;

  @Field(() => Float, { description: "The estimated cost of the plan's trips." })
  usedEur!: number;

  @Field(() => Float, { description: 'unreservedEur − usedEur.' })
  slackEur!: number;

  @Field(() => Boolean, { description: 'Whether the slack is too small for every trip left out.' })
  binding!: boolean;
}

@ObjectType({
  description: 'The greedy plan: highest priority first under the same constraints, what the optimum is compared with.',
})
export class GreedyPlan {
  @Field(() => Int, { description: 'Total priority of its trips.' })
  objective!: number;

  @Field(() => [PlanTrip])
  trips!: PlanTrip[];

  @Field(() => Float, { description: 'Milliseconds the greedy plan took, on the same input.' })
  solveMs!: number;
}

@ObjectType({
  description:
    'An optimal accompaniment plan for a period within one year (issue 12): which undecided requests VVSG accompanies, alone or in a joint mission, and who goes, maximising the total priority within each staff member’s free days, the unreserved budget and no staff member on two overlapping trips (preparation and processing included). Advice, like the assessment: nothing is decided until someone decides the requests.',
})
export class AccompanimentPlan {
  @Field(() => Int)
  year!: number;

  @Field(() => LocalDateScalar)
  from!: string;

  @Field(() => LocalDateScalar)
  to!: string;

  @Field(() => PlanStatus)
  status!: string;

  @Field(() => Int, {
    description: "Total priority of the plan's trips (fixed trips are in every plan and not counted).",
  })
  objective!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The best bound the solver proved on the objective; null when it proved none.',
  })
  bound!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '(bound − objective) / objective; 0 when proven optimal, null when there is no finite gap.',
  })
  mipGap!: number | null;

  @Field(() => String, { description: 'The version of the priority policy the trips were weighed with.' })
  policyVersion!: string;

  @Field(() => [PlanTrip], { description: 'By start date.' })
  trips!: PlanTrip[];

  @Field(() => [FixedPlanTrip], { description: 'Accepted requests and scheduled missions overlapping the period.' })
  fixed!: FixedPlanTrip[];

  @Field(() => [PlanStaffUse], { description: 'Every staff member with days declared for the year, by name.' })
  staff!: PlanStaffUse[];

  @Field(() => PlanBudgetUse)
  budget!: PlanBudgetUse;

  @Field(() => GreedyPlan)
  greedy!: GreedyPlan;

  @Field(() => Int, { description: 'objective − greedy.objective: what optimising gains.' })
  gainOverGreedy!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'objective ÷ greedy.objective; null when the greedy plan is empty.',
  })
  objectiveToGreedy!: number | null;

  @Field(() => Int, { description: 'Solver rounds: one more for each trip set that could not be staffed.' })
  rounds!: number;

  @Field(() => Float, { description: 'Milliseconds the optimiser took (the greedy plan included).' })
  solveMs!: number;

  @Field(() => Float, { description: 'Milliseconds the joint-mission sweep took.' })
  candidatesMs!: number;

  @Field(() => Int, { description: 'Undecided requests in the period, not started before today.' })
  requestsConsidered!: number;

  @Field(() => Int, { description: 'Joint-mission candidates among those requests, each a possible bundle.' })
  bundlesConsidered!: number;

  @Field(() => Int, { description: 'Staff members with days declared for the year.' })
  staffConsidered!: number;
}
