import type { Activity as ActivityCode } from '@werkbezoek/schema';
import { Field, Float, ID, InputType } from 'type-graphql';
import { Activity, MissionStatus } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';

@InputType()
export class CompleteMissionInput {
  @Field(() => ID)
  missionId!: string;

  @Field(() => LocalDateScalar)
  completedOn!: string;

  @Field(() => String, { nullable: true, description: 'The personal report, when it was not filed before.' })
  report?: string | null;

  @Field(() => Float, { nullable: true, description: 'Default: the days of the activities done.' })
  daysSpent?: number | null;

  @Field(() => Float, { nullable: true, description: 'Default: the reserved budget.' })
  costEur?: number | null;
}

@InputType()
export class CancelMissionInput {
  @Field(() => ID)
  missionId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Default: today.' })
  cancelledOn?: string | null;
}

@InputType()
export class PlanMissionActivityInput {
  @Field(() => ID)
  missionId!: string;

  @Field(() => Activity)
  activity!: ActivityCode;

  @Field(() => LocalDateScalar)
  plannedOn!: string;

  @Field(() => ID, { description: 'One of the staff members accompanying the mission.' })
  staffMemberId!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class RecordMissionActivityDoneInput {
  @Field(() => ID)
  missionId!: string;

  @Field(() => ID)
  activityId!: string;

  @Field(() => LocalDateScalar)
  doneOn!: string;

  @Field(() => Float, { description: 'In half days.' })
  daysSpent!: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class FileMissionReportInput {
  @Field(() => ID)
  missionId!: string;

  @Field(() => LocalDateScalar)
  filedOn!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => ID, { description: 'One of the staff members accompanying the mission.' })
  authorStaffMemberId!: string;
}

@InputType()
export class MissionFilter {
  @Field(() => [MissionStatus], { nullable: true })
  status?: string[] | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Missions that involve this municipality.' })
  nisCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Missions this staff member accompanies.' })
  staffMemberId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Missions that end on or after this date.' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Missions that start on or before this date.' })
  to?: string | null;
}
