import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ConnectionOf } from '../graphql/connection.js';
import { Activity, Phase } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { StaffRef } from '../registry/registry.type.js';
import { Mission } from '../requests/request.type.js';

@ObjectType({ description: "An activity of a staff member in a mission's preparation, visit or processing." })
export class MissionActivity {
  @Field(() => ID)
  id!: string;

  @Field(() => Activity)
  activity!: string;

  @Field(() => Phase)
  phase!: string;

  @Field(() => LocalDateScalar)
  plannedOn!: string;

  @Field(() => StaffRef, { description: "Who did or does it; not for coordinators (a staff member's id is VVSG's)." })
  staffMember!: StaffRef;

  @Field(() => String, { nullable: true, description: 'The note made when it was done, else when it was planned.' })
  note!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  doneOn!: string | null;

  @Field(() => Float, { nullable: true })
  daysSpent!: number | null;

  @Field(() => Boolean)
  done!: boolean;
}

export const MissionConnection = ConnectionOf('Mission', Mission);
