import { Field, ObjectType } from 'type-graphql';
import { ActorKind, TwinningSide } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';

@ObjectType({
  description: 'The renewal of an actor of a twinning (a new coordinator, coalition, mayor…), North or South.',
  simpleResolvers: true,
})
export class ActorChange {
  @Field(() => LocalDateScalar)
  changedOn!: string;

  @Field(() => TwinningSide)
  side!: string;

  @Field(() => ActorKind)
  actorKind!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true, description: 'The new actor, when a person was named.' })
  personName!: string | null;
}
