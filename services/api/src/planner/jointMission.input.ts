import { Field, InputType } from 'type-graphql';
import { RegionalEventKind } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { JointMissionStatus, RegionalEventStatus } from './jointMission.type.js';

/** Where and when, for both kinds of plan: a base that no field names, so it never appears in the schema. */
@InputType()
abstract class PlanFilter {
  @Field(() => String, { nullable: true })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Those that name this region among theirs.' })
  regionCode?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Those whose dates overlap [from, to].' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  to?: string | null;
}

@InputType({ description: 'Which joint missions to list; every field narrows the list.' })
export class JointMissionFilter extends PlanFilter {
  @Field(() => [JointMissionStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: string[] | null;
}

@InputType({ description: 'Which regional events to list; every field narrows the list.' })
export class RegionalEventFilter extends PlanFilter {
  @Field(() => [RegionalEventStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: string[] | null;

  @Field(() => [RegionalEventKind], { nullable: true, description: 'Any of these kinds.' })
  kind?: string[] | null;
}
