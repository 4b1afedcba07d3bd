import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { LocalizedLabel, PolicyDomainInfo } from '../analytics/policyDomain.type.js';
import {
  Activity,
  AdditionalReason,
  DataSubjectKind,
  Decision,
  DeclineReason,
  ErasureReason,
  ErasureStatus,
  LessonLevel,
  MissionType,
  Phase,
  RequestStatus,
  Role,
} from '../graphql/enums.js';

/** An entry of a vocabulary: its code (a value of the enum) and its Dutch and English label. */
function LabelOf(name: string, code: object, description: string): ClassType<{ code: string; label: LocalizedLabel }> {
  @ObjectType(name, { description, simpleResolvers: true })
  class Entry {
    @Field(() => code)
    code!: string;

    @Field(() => LocalizedLabel)
    label!: LocalizedLabel;
  }
  return Entry;
}

@ObjectType({ description: 'A mission type, with its rank of relevance (1 = most relevant).', simpleResolvers: true })
export class MissionTypeLabel {
  @Field(() => MissionType)
  code!: string;

  @Field(() => LocalizedLabel)
  label!: LocalizedLabel;

  @Field(() => Int)
  rank!: number;
}

@ObjectType({ description: 'An additional reason for accompaniment.', simpleResolvers: true })
export class AdditionalReasonLabel {
  @Field(() => AdditionalReason)
  code!: string;

  @Field(() => LocalizedLabel)
  label!: LocalizedLabel;

  @Field(() => Boolean, {
    description: 'The platform establishes it itself from the events (FOLLOW_UP, COMBINED_VISITS, ACTOR_RENEWAL).',
  })
  derivable!: boolean;
}

@ObjectType({ description: 'An activity of a VVSG staff member, in its phase.', simpleResolvers: true })
export class ActivityLabel {
  @Field(() => Activity)
  code!: string;

  @Field(() => LocalizedLabel)
  label!: LocalizedLabel;

  @Field(() => Phase)
  phase!: string;
}

export const DeclineReasonLabel = LabelOf('DeclineReasonLabel', DeclineReason, 'A ground on which VVSG may decline.');
export const DecisionLabel = LabelOf('DecisionLabel', Decision, 'Accept or decline.');
export const RequestStatusLabel = LabelOf('RequestStatusLabel', RequestStatus, 'Where a request stands.');
export const PhaseLabel = LabelOf('PhaseLabel', Phase, 'A phase of a visit.');
export const LessonLevelLabel = LabelOf('LessonLevelLabel', LessonLevel, 'The level a lesson speaks of.');
export const RoleLabel = LabelOf('RoleLabel', Role, "A role of the platform's users.");
export const ErasureReasonLabel = LabelOf('ErasureReasonLabel', ErasureReason, 'Why the data of a person is erased.');
export const ErasureStatusLabel = LabelOf('ErasureStatusLabel', ErasureStatus, 'Where an erasure stands.');
export const DataSubjectKindLabel = LabelOf(
  'DataSubjectKindLabel',
  DataSubjectKind,
  'The role a person (or a record with text of its own) plays in the events.',
);

@ObjectType({
  description: 'An ISO 3166-2 region of a partner country, named in Dutch and English.',
  simpleResolvers: true,
})
export class RegionLabel {
  @Field(() => String, { description: 'ISO 3166-2, e.g. "BJ-ZO".' })
  code!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 of its country, e.g. "BJ".' })
  countryCode!: string;

  @Field(() => LocalizedLabel)
  label!: LocalizedLabel;
}

@ObjectType({ description: 'Every vocabulary the UI shows, each code with its Dutch and English label.' })
export class Vocabularies {
  @Field(() => [MissionTypeLabel])
  missionTypes!: MissionTypeLabel[];

  @Field(() => [AdditionalReasonLabel])
  additionalReasons!: AdditionalReasonLabel[];

  @Field(() => [DeclineReasonLabel])
  declineReasons!: InstanceType<typeof DeclineReasonLabel>[];

  @Field(() => [DecisionLabel])
  decisions!: InstanceType<typeof DecisionLabel>[];

  @Field(() => [RequestStatusLabel])
  requestStatuses!: InstanceType<typeof RequestStatusLabel>[];

  @Field(() => [ActivityLabel])
  activities!: ActivityLabel[];

  @Field(() => [PhaseLabel])
  phases!: InstanceType<typeof PhaseLabel>[];

  @Field(() => [LessonLevelLabel])
  lessonLevels!: InstanceType<typeof LessonLevelLabel>[];

  @Field(() => [RoleLabel])
  roles!: InstanceType<typeof RoleLabel>[];

  @Field(() => [ErasureReasonLabel])
  erasureReasons!: InstanceType<typeof ErasureReasonLabel>[];

  @Field(() => [ErasureStatusLabel])
  erasureStatuses!: InstanceType<typeof ErasureStatusLabel>[];

  @Field(() => [DataSubjectKindLabel])
  dataSubjectKinds!: InstanceType<typeof DataSubjectKindLabel>[];

  @Field(() => [PolicyDomainInfo], { description: 'As the policyDomains query.' })
  policyDomains!: PolicyDomainInfo[];

  @Field(() => [RegionLabel], {
    description:
      "Every first-level region of the programme's partner countries, and any other region a registered twinning lies in; by country, then code.",
  })
  regions!: RegionLabel[];
}
