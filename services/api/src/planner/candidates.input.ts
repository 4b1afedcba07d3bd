import { ArgsType, Field, Int } from 'type-graphql';
import { LocalDateScalar } from '../graphql/localDate.js';

/** What jointMissionCandidates and jointMissionCandidatePage both take: the period, the place and the window. */
@ArgsType()
export class JointMissionCandidateArgs {
  @Field(() => LocalDateScalar)
  from!: string;

  @Field(() => LocalDateScalar)
  to!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. BJ.' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2, e.g. BJ-ZO.' })
  regionCode?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 14,
    description: 'The length of a joint mission window in days, both ends included (1 to 60).',
  })
  windowDays?: number | null;
}
