import { Field, Float, ID, InputType } from 'type-graphql';
import { MissionType, RegionalEventKind } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';

@InputType({ description: 'One accompanied trip for several undecided requests in one country.' })
export class ProposeJointMissionInput {
  @Field(() => [ID], { description: 'At least two undecided requests; every visit must lie within the window.' })
  requestIds!: string[];

  @Field(() => LocalDateScalar, { description: 'First day of the window, not before today.' })
  startDate!: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the window; a window lasts at most 60 days.' })
  endDate!: string;

  @Field(() => String, { description: 'Why one trip serves these requests better than separate ones.' })
  rationale!: string;

  @Field(() => MissionType, { nullable: true, description: 'The highest-ranked type of its requests unless given.' })
  missionType?: 'IDENTIFICATION' | 'EVALUATION' | 'TECHNICAL' | 'POLITICAL' | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "One staff member's trip (travel once, the allowance for the window) from the cost table unless given.",
  })
  estimatedCostEur?: number | null;
}

@InputType({ description: 'A proposed joint mission as it should now be: every field replaces the proposal’s.' })
export class AmendJointMissionInput extends ProposeJointMissionInput {
  @Field(() => ID)
  jointMissionId!: string;
}

@InputType()
export class ApproveJointMissionInput {
  @Field(() => ID)
  jointMissionId!: string;

  @Field(() => [ID], { description: 'The staff members who go; each is booked for the whole window.' })
  staffMemberIds!: string[];

  @Field(() => Float, {
    nullable: true,
    description:
      'The budget to reserve, once for the whole joint mission; the estimated trip cost per staff member unless given.',
  })
  budgetEur?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class RejectJointMissionInput {
  @Field(() => ID)
  jointMissionId!: string;

  @Field(() => String, { description: 'Why, for the planner.' })
  reason!: string;
}

@InputType({ description: 'A proactive regional conference, workshop or south-south exchange.' })
export class ProposeRegionalEventInput {
  @Field(() => RegionalEventKind)
  kind!: 'CONFERENCE' | 'WORKSHOP' | 'SOUTH_SOUTH_EXCHANGE';

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2, e.g. BJ.' })
  countryCode!: string;

  @Field(() => [String], { description: 'ISO 3166-2 codes in that country, e.g. BJ-ZO.' })
  regionCodes!: string[];

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar, { description: 'An event lasts at most 14 days.' })
  endDate!: string;

  @Field(() => [String], { description: 'Policy-domain codes, e.g. "CIVIL_REGISTRATION".' })
  themes!: string[];

  @Field(() => [String], { description: 'NIS codes of the Flemish municipalities to invite (at least two).' })
  invitedNisCodes!: string[];

  @Field(() => Float, { nullable: true, description: "One staff member's trip from the cost table unless given." })
  estimatedCostEur?: number | null;
}

@InputType({ description: 'A proposed regional event as it should now be: every field replaces the proposal’s.' })
export class AmendRegionalEventInput extends ProposeRegionalEventInput {
  @Field(() => ID)
  regionalEventId!: string;
}

@InputType()
export class ApproveRegionalEventInput {
  @Field(() => ID)
  regionalEventId!: string;

  @Field(() => Float, { nullable: true, description: 'The budget to reserve; the estimated cost unless given.' })
  budgetEur?: number | null;

  @Field(() => [ID], { nullable: true, description: 'The staff members who go, each booked for the event.' })
  staffMemberIds?: string[] | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class RejectRegionalEventInput {
  @Field(() => ID)
  regionalEventId!: string;

  @Field(() => String, { description: 'Why, for the planner.' })
  reason!: string;
}
