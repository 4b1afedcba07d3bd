import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ActorKind, AdditionalReason, MissionType, Province, TwinningSide } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { ContactChannel, Programme } from './enums.js';
import type {
  ActorKind as ActorKindCode,
  AdditionalReason as AdditionalReasonCode,
  ContactChannel as ContactChannelCode,
  MissionType as MissionTypeCode,
  Programme as ProgrammeCode,
  Province as ProvinceCode,
  TwinningSide as TwinningSideCode,
} from '@werkbezoek/schema';

@InputType()
export class RegisterMunicipalityInput {
  @Field(() => String, { description: 'The Belgian NIS code: five digits, e.g. "11055".' })
  nisCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Province)
  province!: ProvinceCode;
}

@InputType()
export class EstablishTwinningInput {
  @Field(() => String)
  nisCode!: string;

  @Field(() => String)
  partnerName!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2, e.g. "BJ".' })
  countryCode!: string;

  @Field(() => String, { description: 'ISO 3166-2 subdivision in that country, e.g. "BJ-ZO".' })
  regionCode!: string;

  @Field(() => LocalDateScalar)
  since!: string;

  @Field(() => [String], { nullable: true, description: 'Policy-domain codes from the catalogue.' })
  policyDomains?: string[] | null;

  @Field(() => Programme, { nullable: true })
  programme?: ProgrammeCode | null;
}

@InputType({ description: 'A person involved in a twinning; an id is made up when none is given.' })
export class PersonInput {
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType()
export class RecordActorChangeInput {
  @Field(() => ID)
  twinningId!: string;

  @Field(() => TwinningSide)
  side!: TwinningSideCode;

  @Field(() => ActorKind)
  actorKind!: ActorKindCode;

  @Field(() => LocalDateScalar)
  changedOn!: string;

  @Field(() => String)
  description!: string;

  @Field(() => PersonInput, { nullable: true, description: 'The new actor.' })
  person?: PersonInput | null;
}

@InputType()
export class EndTwinningInput {
  @Field(() => ID)
  twinningId!: string;

  @Field(() => LocalDateScalar)
  endedOn!: string;

  @Field(() => String)
  reason!: string;
}

@InputType()
export class AdviseAccompanimentInput {
  @Field(() => ID)
  twinningId!: string;

  @Field(() => MissionType, { nullable: true })
  missionType?: MissionTypeCode | null;

  @Field(() => [AdditionalReason], { description: 'The reasons VVSG sees for accompaniment.' })
  reasons!: AdditionalReasonCode[];

  @Field(() => String)
  rationale!: string;

  @Field(() => ID, { nullable: true, description: 'The request the advice is about, when the visit is requested.' })
  requestId?: string | null;
}

@InputType()
export class ContactPersonInput {
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  function?: string | null;
}

@InputType()
export class LogContactInput {
  @Field(() => ID)
  twinningId!: string;

  @Field(() => ID, { nullable: true })
  requestId?: string | null;

  @Field(() => LocalDateScalar)
  contactedOn!: string;

  @Field(() => ContactChannel)
  channel!: ContactChannelCode;

  @Field(() => ContactPersonInput)
  person!: ContactPersonInput;

  @Field(() => ID, { description: 'The VVSG staff member who had the conversation.' })
  staffMemberId!: string;

  @Field(() => String)
  summary!: string;
}

@InputType()
export class RegisterStaffMemberInput {
  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Days per year for accompaniment, from `fromYear` (default: this year) on.' })
  daysPerYear!: number;

  @Field(() => Int, { nullable: true })
  fromYear?: number | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType()
export class DeclareStaffCapacityInput {
  @Field(() => ID)
  staffMemberId!: string;

  @Field(() => Int, { description: 'The declaration applies from this year on, until a later one.' })
  year!: number;

  @Field(() => Float, { description: 'In half days.' })
  days!: number;
}

@InputType()
export class AllocateBudgetInput {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { description: "Added to the year's total; at most two decimals." })
  amountEur!: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class TwinningFilter {
  @Field(() => String, { nullable: true })
  nisCode?: string | null;

  @Field(() => String, { nullable: true })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only twinnings running on this day.' })
  activeOn?: string | null;
}
