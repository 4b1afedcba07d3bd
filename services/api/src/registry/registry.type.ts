import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Province } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { MunicipalityRef } from '../requests/request.type.js';

@ObjectType({ description: 'A VVSG staff member, by id and name.' })
export class StaffRef {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Null when the staff member is not (or no longer) known.' })
  name!: string | null;
}

@ObjectType({ description: 'A Flemish municipality taking part in the programme.' })
export class Municipality {
  @Field(() => String, { description: 'The Belgian NIS code, e.g. "11055".' })
  nisCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Province)
  province!: string;
}

@ObjectType({ description: 'A city twinning (stedenband) between a Flemish municipality and a partner in the South.' })
export class Twinning {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  nisCode!: string;

  @Field(() => MunicipalityRef)
  municipality!: MunicipalityRef;

  @Field(() => String)
  partnerName!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string;

  @Field(() => String, { description: 'ISO 3166-2 subdivision of the partner.' })
  regionCode!: string;

  @Field(() => LocalDateScalar)
  since!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endedOn!: string | null;

  @Field(() => Boolean, { description: 'Not ended.' })
  active!: boolean;
}

@ObjectType({ description: 'Advice to a municipality to ask for accompaniment; the municipality keeps the final say.' })
export class AccompanimentAdvice {
  @Field(() => ID)
  id!: string;

  @Field(() => Twinning)
  twinning!: Twinning;
}

@ObjectType({ description: 'A logged conversation with a municipality or partner.' })
export class LoggedContact {
  @Field(() => ID)
  id!: string;

  @Field(() => Twinning)
  twinning!: Twinning;
}

@ObjectType({ description: 'Days per year a staff member can spend on accompaniment, from a year on.' })
export class CapacityDeclaration {
  @Field(() => Int)
  fromYear!: number;

  @Field(() => Float)
  days!: number;
}

@ObjectType({ description: 'A VVSG staff member who can accompany visits.' })
export class StaffMember {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [CapacityDeclaration], { description: 'Earliest first; each applies until a later one.' })
  declarations!: CapacityDeclaration[];
}

/**
 * Days in a year, as one staff member's and as the team's sum: type-graphql
 * gives a decorated base class's fields to its subclasses; no field returns
 * the base itself, so it never appears in the schema.
 */
@ObjectType()
export abstract class DaysInYear {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { description: 'Booked less released.' })
  bookedDays!: number;

  @Field(() => Float, { description: 'Spent on completed missions that started in the year.' })
  usedDays!: number;

  @Field(() => Float, { description: 'Declared less booked: what can still be planned.' })
  freeDays!: number;
}

@ObjectType({ description: "A staff member's days in a year." })
export class StaffCapacity extends DaysInYear {
  @Field(() => ID)
  staffMemberId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Float, { description: 'The latest declaration at or before the year; 0 when none.' })
  declaredDays!: number;
}

@ObjectType({ description: "The team's days in a year: every staff member's summed.", simpleResolvers: true })
export class YearCapacity extends DaysInYear {
  @Field(() => Float, { description: 'Declared by every staff member for the year.' })
  declaredDays!: number;
}

@ObjectType({ description: 'The programme budget of a year, in euro.' })
export class Budget {
  @Field(() => Int)
  year!: number;

  @Field(() => Float)
  allocatedEur!: number;

  @Field(() => Float, { description: 'What reservations still hold back.' })
  reservedEur!: number;

  @Field(() => Float)
  spentEur!: number;

  @Field(() => Float, { description: 'Allocated, less reserved and spent.' })
  unreservedEur!: number;
}
