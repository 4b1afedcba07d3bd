import { readModelPosition } from '@werkbezoek/projections';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context.js';

@Resolver()
export class ReadModelPositionResolver {
  // Every signed-in user may poll it: it tells only how far the views are, nothing of their contents.
  @Query(() => String, {
    description:
      'The log position (a decimal string) up to which every read model has applied the events. Poll it and refetch when it moves.',
  })
  readModelPosition(@Ctx() context: ApiContext): Promise<string> {
    return readModelPosition(context.services.readModels.db);
  }
}
