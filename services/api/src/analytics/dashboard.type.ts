import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MissionType } from '../graphql/enums.js';
import { DeclineReasonCount } from './history.type.js';

@ObjectType({ description: 'What happened to the requests submitted in a period.' })
export class DashboardCounts {
  @Field(() => Int)
  submitted!: number;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  declined!: number;

  @Field(() => [DeclineReasonCount], { description: 'Every decline reason, zeros included.' })
  declinedByReason!: DeclineReasonCount[];

  @Field(() => Int)
  withdrawn!: number;

  @Field(() => Int, { description: 'Still undecided.' })
  pending!: number;

  @Field(() => Int, { description: 'Decided requests that had an assessment when they were decided.' })
  assessedDecisions!: number;

  @Field(() => Int, { description: 'Of those, the decisions that followed the recommendation.' })
  agreements!: number;

  @Field(() => Float, { nullable: true, description: 'agreements / assessedDecisions; null without them.' })
  agreementRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Calendar days from submission to decision.' })
  medianDaysToDecision!: number | null;
}

@ObjectType({ description: 'One quarter and mission type.' })
export class DashboardRow extends DashboardCounts {
  @Field(() => String, { description: 'YYYY-Qn' })
  quarter!: string;

  @Field(() => MissionType)
  missionType!: string;
}

@ObjectType({ description: 'One quarter, over the mission types.' })
export class DashboardQuarter extends DashboardCounts {
  @Field(() => String, { description: 'YYYY-Qn' })
  quarter!: string;
}

@ObjectType({ description: 'Demand, decisions and decline reasons per quarter and mission type.' })
export class Dashboard {
  @Field(() => [DashboardRow], { description: 'Every quarter × every mission type (or the one asked for), in order.' })
  rows!: DashboardRow[];

  @Field(() => [DashboardQuarter])
  byQuarter!: DashboardQuarter[];

  @Field(() => DashboardCounts)
  totals!: DashboardCounts;
}
