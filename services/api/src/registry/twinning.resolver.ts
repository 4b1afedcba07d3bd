import { newId } from '@werkbezoek/domain';
import type { PolicyDomain } from '@werkbezoek/schema';
import { listTwinnings, type ClustersDb, type TwinningFilter as ReadFilter } from '@werkbezoek/projections';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditTrail } from '../analytics/audit.js';
import { AuditEntryConnection, type AuditEntry } from '../analytics/audit.type.js';
import { authorize, authorizeMutation, forbidden } from '../auth/roles.js';
import { execute, views, type ApiContext } from '../context.js';
import type { Connection } from '../graphql/connection.js';
import {
  AdviseAccompanimentInput,
  EndTwinningInput,
  EstablishTwinningInput,
  LogContactInput,
  RecordActorChangeInput,
  TwinningFilter,
} from './registry.input.js';
import { authorizeRead, findTwinning, loadTwinning } from './registry.load.js';
import { toTwinning } from './registry.map.js';
import { AccompanimentAdvice, LoggedContact, Twinning } from './registry.type.js';
import { withoutNulls } from './withoutNulls.js';

async function load(context: ApiContext, twinningId: string): Promise<Twinning> {
  return toTwinning(await loadTwinning(context, twinningId));
}

@Resolver(() => Twinning)
export class TwinningResolver {
  @Query(() => Twinning, { nullable: true, description: "A twinning; coordinators see their own municipality's." })
  async twinning(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Twinning | null> {
    const found = await findTwinning(context, id);
    if (!found) {
      if (context.principal.role !== 'COORDINATOR') authorize(context.principal, 'readAll');
      return null;
    }
    authorizeRead(context, found.nisCode);
    return toTwinning(found);
  }

  @Query(() => [Twinning], {
    description: "Twinnings by country, region and municipality; coordinators see their own municipality's only.",
  })
  async twinnings(
    @Ctx() context: ApiContext,
    @Arg('filter', () => TwinningFilter, { nullable: true }) filter?: TwinningFilter | null,
  ): Promise<Twinning[]> {
    const f: ReadFilter = withoutNulls({ ...filter });
    const { principal } = context;
    if (principal.role === 'COORDINATOR') {
      if (f.nisCode && f.nisCode !== principal.nisCode)
        throw forbidden(`A coordinator of ${principal.nisCode} sees only that municipality's twinnings`);
    } else authorize(principal, 'readAll');
    const scoped = principal.role === 'COORDINATOR' ? { ...f, nisCode: principal.nisCode! } : f;
    return (await listTwinnings(views<ClustersDb>(context), scoped)).map(toTwinning);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Every event of the twinning, oldest first.' })
  auditTrail(
    @Root() twinning: Twinning,
    @Ctx() context: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<AuditEntry>> {
    // Actor changes and contacts name people: not for coordinators.
    authorize(context.principal, 'readAll');
    return auditTrail(context, `twinning-${twinning.id}`, first, after);
  }

  @Mutation(() => Twinning, { description: 'Staff record a twinning of a registered municipality.' })
  async establishTwinning(
    @Arg('input', () => EstablishTwinningInput) input: EstablishTwinningInput,
    @Ctx() context: ApiContext,
  ): Promise<Twinning> {
    authorizeMutation(context.principal, 'establishTwinning');
    const { policyDomains, ...rest } = withoutNulls(input);
    const result = await execute(context, (meta) =>
      context.services.handlers.establishTwinning(
        { ...rest, ...(policyDomains ? { policyDomains: policyDomains as PolicyDomain[] } : {}) },
        meta,
      ),
    );
    return load(context, result.id);
  }

  @Mutation(() => Twinning, {
    description: 'Staff record the renewal of an actor (coordinator, coalition, mayor…), North or South.',
  })
  async recordActorChange(
    @Arg('input', () => RecordActorChangeInput) input: RecordActorChangeInput,
    @Ctx() context: ApiContext,
  ): Promise<Twinning> {
    authorizeMutation(context.principal, 'recordActorChange');
    const { person, ...rest } = input;
    const result = await execute(context, (meta) =>
      context.services.handlers.recordActorChange(
        {
          ...rest,
          ...(person
            ? { person: { ...withoutNulls(person), personId: person.personId ?? newId(meta, 'person') } }
            : {}),
        },
        meta,
      ),
    );
    return load(context, result.id);
  }

  @Mutation(() => Twinning, { description: 'Staff record that a twinning stopped.' })
  async endTwinning(
    @Arg('input', () => EndTwinningInput) input: EndTwinningInput,
    @Ctx() context: ApiContext,
  ): Promise<Twinning> {
    authorizeMutation(context.principal, 'endTwinning');
    const result = await execute(context, (meta) => context.services.handlers.endTwinning({ ...input }, meta));
    return load(context, result.id);
  }

  @Mutation(() => AccompanimentAdvice, {
    description: 'Staff advise a municipality to ask for accompaniment; the municipality keeps the final say.',
  })
  async adviseAccompaniment(
    @Arg('input', () => AdviseAccompanimentInput) input: AdviseAccompanimentInput,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentAdvice> {
    authorizeMutation(context.principal, 'adviseAccompaniment');
    const twinning = await loadTwinning(context, input.twinningId);
    const result = await execute(context, (meta) =>
      context.services.handlers.adviseAccompaniment({ ...withoutNulls(input), nisCode: twinning.nisCode }, meta),
    );
    return { id: result.id, twinning: await load(context, input.twinningId) };
  }

  @Mutation(() => LoggedContact, { description: 'Staff log a conversation: the golden rule is personal contact.' })
  async logContact(
    @Arg('input', () => LogContactInput) input: LogContactInput,
    @Ctx() context: ApiContext,
  ): Promise<LoggedContact> {
    authorizeMutation(context.principal, 'logContact');
    const { person, ...rest } = input;
    const result = await execute(context, (meta) =>
      context.services.handlers.logContact(
        {
          ...withoutNulls(rest),
          person: { ...withoutNulls(person), personId: person.personId ?? newId(meta, 'person') },
        },
        meta,
      ),
    );
    return { id: result.id, twinning: await load(context, input.twinningId) };
  }
}
