import type { EventData } from '@werkbezoek/schema';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { authorize } from '../auth/roles.js';
import type { ApiContext } from '../context.js';
import { Twinning } from '../registry/registry.type.js';
import { ActorChange } from './actorChange.type.js';

/**
 * A twinning's actor changes, read from its stream: no read model keeps them,
 * and a twinning's stream is short (its establishment, contacts, advice and
 * actor changes), so reading it whole is cheaper than a projection to keep.
 */
@Resolver(() => Twinning)
export class TwinningActorsResolver {
  @FieldResolver(() => [ActorChange], {
    description:
      'The renewals of its actors (coordinator, coalition, mayor…), North or South, oldest first. They name people: for every reader role, not for coordinators.',
  })
  async actorChanges(@Root() twinning: Twinning, @Ctx() context: ApiContext): Promise<ActorChange[]> {
    authorize(context.principal, 'readAll');
    const changes: ActorChange[] = [];
    for await (const e of context.services.store.readStream(`twinning-${twinning.id}`)) {
      if (e.type !== 'TwinningActorChanged') continue;
      // The store serves each event upcast to its type's current version, valid against its schema.
      const data = e.data as EventData<'TwinningActorChanged'>;
      changes.push({
        changedOn: data.changedOn,
        side: data.side,
        actorKind: data.actorKind,
        description: data.description,
        personName: data.person?.name ?? null,
      });
    }
    return changes.sort((a, b) => a.changedOn.localeCompare(b.changedOn));
  }
}
