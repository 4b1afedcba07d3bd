import {
  countRequests,
  getRequestById,
  listRequests,
  type RequestsDb,
  type RequestFilter as ReadFilter,
  type RequestView,
} from '@werkbezoek/projections';
import { localDateOf } from '@werkbezoek/domain';
import { NotFoundError, ValidationError } from '@werkbezoek/schema';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { authorize, authorizeMunicipality, authorizeMutation, forbidden } from '../auth/roles.js';
import { execute, views, type ApiContext } from '../context.js';
import { pageSize, toConnection, TotalCountResolver, type Connection } from '../graphql/connection.js';
import { inApiTerms } from '../graphql/errors.js';
import { selectedPaths } from '../graphql/selection.js';
import {
  AmendAccompanimentRequestInput,
  DecideAccompanimentInput,
  DraftRequestInput,
  RequestFilter,
  SubmitAccompanimentRequestInput,
  WithdrawAccompanimentRequestInput,
} from './request.input.js';
import { DraftAssessment } from './draft.type.js';
import { explanationsOf, requestFieldsFor, toAccompanimentRequestFor } from './request.map.js';
import { AccompanimentRequest, AccompanimentRequestConnection } from './request.type.js';
import { noStaffNames, staffNamesFor } from './staffNames.js';

const db = (context: ApiContext) => views<RequestsDb>(context);

function canSee(context: ApiContext, nisCode: string): void {
  if (context.principal.role === 'COORDINATOR') authorizeMunicipality(context.principal, nisCode);
  else authorize(context.principal, 'readAll');
}

/**
 * How these requests read for the one who asks: a coordinator's assessment
 * without staff names or euro figures; for VVSG's roles with the current
 * names of the staff the assessments name, read for all of them at once.
 */
async function asSeenBy(
  context: ApiContext,
  views: readonly RequestView[],
): Promise<(r: RequestView) => AccompanimentRequest> {
  const coordinator = context.principal.role === 'COORDINATOR';
  return toAccompanimentRequestFor(
    coordinator,
    coordinator ? noStaffNames : await staffNamesFor(context, explanationsOf(views)),
  );
}

async function load(context: ApiContext, id: string): Promise<AccompanimentRequest> {
  const view = await getRequestById(db(context), id);
  if (!view) throw new NotFoundError(`Request ${id} does not exist`);
  canSee(context, view.nisCode);
  return (await asSeenBy(context, [view]))(view);
}

const clean = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };

@Resolver(() => AccompanimentRequest)
export class RequestResolver {
  @Query(() => AccompanimentRequest, {
    nullable: true,
    description: 'One request; coordinators see their own municipality only.',
  })
  async accompanimentRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentRequest | null> {
    const view = await getRequestById(db(context), id);
    if (!view) {
      if (context.principal.role !== 'COORDINATOR') authorize(context.principal, 'readAll');
      return null;
    }
    canSee(context, view.nisCode);
    return (await asSeenBy(context, [view]))(view);
  }

  @Query(() => AccompanimentRequestConnection, {
    description: 'Requests, newest first; coordinators see their own municipality only.',
  })
  async accompanimentRequests(
    @Ctx() context: ApiContext,
    @Arg('filter', () => RequestFilter, { nullable: true }) filter?: RequestFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Connection<AccompanimentRequest>> {
    const f: ReadFilter = clean({ ...filter });
    if (f.submittedFrom && f.submittedTo && f.submittedFrom > f.submittedTo) {
      throw new ValidationError(
        `submittedFrom (${f.submittedFrom}) lies after submittedTo (${f.submittedTo}); give the earlier date first`,
        ['filter.submittedFrom', 'filter.submittedTo'],
      );
    }
    const { principal } = context;
    const coordinator = principal.role === 'COORDINATOR';
    if (coordinator) {
      if (f.nisCode && f.nisCode !== principal.nisCode)
        throw forbidden(`A coordinator of ${principal.nisCode} sees only that municipality's requests`);
    } else authorize(principal, 'readAll');
    const scoped = coordinator ? { ...f, nisCode: principal.nisCode! } : f;
    // Only the columns the query shows: a request row is wide, and reading it is most of a list's cost.
    const fields = info && requestFieldsFor(selectedPaths(info, ['edges', 'node']), coordinator);
    const page = await listRequests(
      db(context),
      scoped,
      { first: pageSize(first), ...(after ? { after } : {}) },
      fields,
    );
    return {
      ...toConnection(
        page,
        await asSeenBy(
          context,
          page.edges.map((e) => e.node),
        ),
      ),
      count: () => countRequests(db(context), scoped),
    };
  }

  @Query(() => DraftAssessment, {
    description:
      'Assesses a request as submitting it would, without storing anything. Coordinators: for their own twinnings only, without staff names or euro figures.',
  })
  async assessDraftRequest(
    @Arg('input', () => DraftRequestInput) input: DraftRequestInput,
    @Ctx() context: ApiContext,
  ): Promise<DraftAssessment> {
    const { principal } = context;
    // Who may submit, and who may read every request; the decider confines a coordinator to their municipality.
    if (principal.role !== 'COORDINATOR') authorize(principal, 'readAll');
    const { reasons, notes, ...rest } = input;
    const meta = context.command();
    const detail = await inApiTerms({ claimedReasons: 'reasons' }, () =>
      context.services.handlers.draftAssessment(
        {
          ...rest,
          claimedReasons: reasons as never,
          policyDomains: input.policyDomains as never,
          ...(notes ? { notes } : {}),
        },
        meta,
      ),
    );
    const { result } = detail;
    const coordinator = principal.role === 'COORDINATOR';
    const explanation = coordinator ? detail.coordinatorExplanation : result.explanation;
    // The policy names the staff member with the most free days by token, as it stores it; VVSG reads the name.
    const names = coordinator ? noStaffNames : await staffNamesFor(context, [...explanation.nl, ...explanation.en]);
    return {
      recommendation: result.recommendation,
      declineReason: result.declineReason ?? null,
      opportune: result.opportune,
      requiredReasons: result.requiredReasons,
      claimedReasons: [...result.claimedReasons],
      derivedReasons: result.derivedReasons.map((reason) => {
        const why = detail.derivedWhy[reason];
        return { reason, why: why ? { nl: why.nl, en: why.en } : null };
      }),
      satisfiedReasons: [...result.satisfiedReasons],
      staffTimeAvailable: result.staffTimeAvailable,
      budgetAvailable: result.budgetAvailable,
      daysNeeded: result.daysNeeded,
      estimatedCostEur: coordinator ? null : result.estimatedCostEur,
      explanation: explanation.nl.map(names),
      explanationEn: explanation.en.map(names),
      policyVersion: result.policyVersion,
      assessedOn: localDateOf(meta.issuedAt),
    };
  }

  @Mutation(() => AccompanimentRequest, {
    description: "A coordinator asks for accompaniment of the municipality's visit; it is assessed at once.",
  })
  async submitAccompanimentRequest(
    @Arg('input', () => SubmitAccompanimentRequestInput) input: SubmitAccompanimentRequestInput,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentRequest> {
    authorizeMutation(context.principal, 'submitAccompanimentRequest');
    const { reasons, notes, ...rest } = input;
    const result = await inApiTerms({ claimedReasons: 'reasons' }, () =>
      execute(context, (meta) =>
        context.services.handlers.submitRequest(
          {
            ...rest,
            claimedReasons: reasons as never,
            policyDomains: input.policyDomains as never,
            ...(notes ? { notes } : {}),
          },
          meta,
        ),
      ),
    );
    return load(context, result.id);
  }

  @Mutation(() => AccompanimentRequest, { description: 'A coordinator changes an undecided request.' })
  async amendAccompanimentRequest(
    @Arg('input', () => AmendAccompanimentRequestInput) input: AmendAccompanimentRequestInput,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentRequest> {
    authorizeMutation(context.principal, 'amendAccompanimentRequest');
    const { reasons, ...rest } = clean(input);
    const result = await inApiTerms({ claimedReasons: 'reasons' }, () =>
      execute(context, (meta) =>
        context.services.handlers.amendRequest(
          { ...rest, ...(reasons ? { claimedReasons: reasons } : {}) } as never,
          meta,
        ),
      ),
    );
    return load(context, result.id);
  }

  @Mutation(() => AccompanimentRequest, { description: 'A coordinator withdraws an undecided request.' })
  async withdrawAccompanimentRequest(
    @Arg('input', () => WithdrawAccompanimentRequestInput) input: WithdrawAccompanimentRequestInput,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentRequest> {
    authorizeMutation(context.principal, 'withdrawAccompanimentRequest');
    const result = await execute(context, (meta) => context.services.handlers.withdrawRequest(input, meta));
    return load(context, result.id);
  }

  @Mutation(() => AccompanimentRequest, { description: 'Staff ask for a fresh assessment of an undecided request.' })
  async assessAccompanimentRequest(
    @Arg('requestId', () => ID) requestId: string,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentRequest> {
    authorizeMutation(context.principal, 'assessAccompanimentRequest');
    const result = await execute(context, (meta) => context.services.handlers.assessRequest({ requestId }, meta));
    return load(context, result.id);
  }

  @Mutation(() => AccompanimentRequest, {
    description:
      'Staff accept (naming the staff member; books days and reserves budget) or decline (with a reason and a note).',
  })
  async decideAccompaniment(
    @Arg('input', () => DecideAccompanimentInput) input: DecideAccompanimentInput,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentRequest> {
    authorizeMutation(context.principal, 'decideAccompaniment');
    const result = await execute(context, (meta) =>
      context.services.handlers.decideRequest(
        {
          requestId: input.requestId,
          decision: input.decision,
          declineReason: input.declineReason ?? undefined,
          staffMemberId: input.staffMemberId ?? undefined,
          note: input.note ?? undefined,
        },
        meta,
      ),
    );
    return load(context, result.id);
  }
}

export const RequestConnectionResolver = TotalCountResolver(AccompanimentRequestConnection);
