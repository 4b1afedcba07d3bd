import { Field, ObjectType } from 'type-graphql';
import { Role } from '../graphql/enums.js';

@ObjectType({ description: 'Who the bearer token is, and what that role may do.', simpleResolvers: true })
export class Viewer {
  @Field(() => Role)
  role!: string;

  @Field(() => String, {
    nullable: true,
    description: "A coordinator's municipality (NIS code); null for other roles.",
  })
  nisCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A coordinator's municipality by name, when it is registered; null for other roles.",
  })
  municipalityName!: string | null;

  @Field(() => String, { description: 'The name to greet: the token\'s name claim, or e.g. "Demo planner".' })
  displayName!: string;

  @Field(() => [String], {
    description:
      'The Mutation fields this role may call, from the same table the resolvers authorise with; a coordinator may call them for their own municipality only.',
  })
  allowedMutations!: string[];
}
