import { ArgsType, Field, Int } from 'type-graphql';
import { LocalDateScalar } from '../graphql/localDate.js';

/** What regionalClusters and regionalClusterPage both take: the period, the window and the country. */
@ArgsType()
export class RegionalClusterArgs {
  @Field(() => LocalDateScalar)
  from!: string;

  @Field(() => LocalDateScalar)
  to!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 14,
    description: 'Visits at most this many days apart are grouped.',
  })
  windowDays?: number | null;

  @Field(() => String, { nullable: true })
  countryCode?: string | null;
}
