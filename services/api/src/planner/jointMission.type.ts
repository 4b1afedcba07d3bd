import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionOf } from '../graphql/connection.js';
import { MissionType, RegionalEventKind } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { StaffRef } from '../registry/registry.type.js';
import { MunicipalityRef } from '../requests/request.type.js';

const statuses = { PROPOSED: 'PROPOSED', APPROVED: 'APPROVED', REJECTED: 'REJECTED' } as const;

export const JointMissionStatus = { ...statuses };
registerEnumType(JointMissionStatus, {
  name: 'JointMissionStatus',
  description: 'Where a joint mission stands: proposed by a planner, then approved or rejected by management.',
});

export const RegionalEventStatus = { ...statuses };
registerEnumType(RegionalEventStatus, {
  name: 'RegionalEventStatus',
  description: 'Where a regional event stands: proposed, then approved or rejected by management.',
});

@ObjectType({
  description: "One event in a joint mission's or regional event's life: what happened, when, and in which role.",
  simpleResolvers: true,
})
export class PlanningHistoryEntry {
  @Field(() => String, { description: 'The event type, e.g. JointMissionApproved.' })
  type!: string;

  @Field(() => LocalDateScalar)
  on!: string;

  @Field(() => String, { description: 'The role of whoever caused it (or SYSTEM); never who.' })
  actorRole!: string;
}

/**
 * What a joint mission and a regional event have alike. type-graphql gives a
 * decorated base class's fields to its subclasses; no field returns the base
 * itself, so it never appears in the schema.
 */
@ObjectType()
export abstract class PlannedVisit {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string;

  @Field(() => [String], { description: 'ISO 3166-2 subdivisions.' })
  regionCodes!: string[];

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => Float, { nullable: true, description: 'The estimated cost the proposal named.' })
  estimatedCostEur!: number | null;

  @Field(() => LocalDateScalar)
  proposedOn!: string;

  @Field(() => String, { description: 'The role of whoever proposed it.' })
  proposedByRole!: string;

  @Field(() => Int, { description: 'How often the proposal was amended.' })
  amendedCount!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was approved or rejected.' })
  decidedOn!: string | null;

  @Field(() => [StaffRef], { description: 'The staff the approval names; empty before it.' })
  staffMembers!: StaffRef[];

  @Field(() => Float, { nullable: true, description: 'The budget the approval reserved.' })
  budgetEur!: number | null;

  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The note made with the approval.' })
  note!: string | null;
}

@ObjectType({
  description:
    'One accompanied mission for several municipalities active in the same region: proposed by a planner, approved (one mission serves all its requests) or rejected by management.',
})
export class JointMission extends PlannedVisit {
  @Field(() => JointMissionStatus)
  status!: string;

  @Field(() => MissionType, { description: 'The highest-ranked mission type of its requests.' })
  missionType!: string;

  @Field(() => [ID], { description: 'The requests it covers.' })
  requestIds!: string[];

  @Field(() => [MunicipalityRef], { description: 'The municipalities it takes along.' })
  municipalities!: MunicipalityRef[];

  @Field(() => String, { description: 'Why the planner proposes it.' })
  rationale!: string;

  @Field(() => ID, { nullable: true, description: 'The one mission the approval scheduled.' })
  missionId!: string | null;
}

@ObjectType({
  description:
    'A proactive regional conference, workshop or south-south exchange for the municipalities active in a region.',
})
export class RegionalEvent extends PlannedVisit {
  @Field(() => RegionalEventStatus)
  status!: string;

  @Field(() => RegionalEventKind)
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => [String], { description: 'Policy-domain codes, e.g. "WASTE_MANAGEMENT".' })
  themes!: string[];

  @Field(() => [MunicipalityRef], { description: 'The municipalities invited.' })
  municipalities!: MunicipalityRef[];
}

export const JointMissionConnection = ConnectionOf('JointMission', JointMission);
export const RegionalEventConnection = ConnectionOf('RegionalEvent', RegionalEvent);
