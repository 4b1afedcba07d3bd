import {
  getAccompanimentHistory,
  coverageGroups,
  firstCovered,
  keptCoverageGroups,
  renewCoverage,
  type CoverageGroup,
  type HistoryDb,
  type KeptCoverage,
  type VisitView,
} from '@werkbezoek/projections';
import { NotFoundError, ValidationError } from '@werkbezoek/schema';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { authorize } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';
import { authorizeRead } from '../registry/registry.load.js';
import { StaffRef } from '../registry/registry.type.js';
import { AccompanimentHistory, Coverage, CoverageMonths, Visit } from './history.type.js';
import { today } from './today.js';

const db = (context: ApiContext) => views<HistoryDb>(context);

const coverageByRequest = new WeakMap<ApiContext, Map<string, Promise<readonly CoverageGroup[]>>>();

/** Coverage kept per read-model database between requests: the latest renewal started (renewCoverage). */
const keptCoverage = new WeakMap<object, Promise<KeptCoverage | undefined>>();

/**
 * Coverage as of today, renewed from the one kept: a read of the rows changed
 * since (none, mostly: most writes change no visit's mission) instead of
 * every municipality's (issue 16). A request that comes while a renewal is
 * under way renews from that one, so a first read of every row is not made
 * twice at once; its own read starts after it came: read your writes holds.
 */
async function renewedCoverage(context: ApiContext): Promise<KeptCoverage | undefined> {
  const key = context.services.readModels.db;
  const previous = await keptCoverage.get(key)?.catch(() => undefined);
  const renewal = renewCoverage(db(context), today(context), previous);
  keptCoverage.set(key, renewal);
  return renewal;
}

/** Coverage as of today, worked out once per GraphQL request and country (the dashboard asks for its counts and its head). */
function coverageOf(context: ApiContext, countryCode: string | undefined): Promise<readonly CoverageGroup[]> {
  let known = coverageByRequest.get(context);
  if (!known) coverageByRequest.set(context, (known = new Map<string, Promise<readonly CoverageGroup[]>>()));
  let coverage = known.get(countryCode ?? '');
  if (!coverage) {
    coverage = renewedCoverage(context).then((kept) =>
      kept
        ? keptCoverageGroups(db(context), kept, countryCode)
        : // A history build older than the kept coverage's (one being replaced): every row, as before.
          coverageGroups(db(context), { today: today(context), ...(countryCode ? { countryCode } : {}) }),
    );
    known.set(countryCode ?? '', coverage);
  }
  return coverage;
}

function toVisit(v: VisitView): Visit {
  return {
    id: v.visitId,
    kind: v.kind,
    requestId: v.requestId,
    missionId: v.missionId,
    jointMissionId: v.jointMissionId,
    missionType: v.missionType,
    startDate: v.startDate,
    endDate: v.endDate,
    status: v.status,
    missionStatus: v.missionStatus,
    accompanied: v.accompanied,
    staff: v.staff.map((s) => ({ id: s.staffMemberId, name: s.name })),
    staffNames: v.staff.flatMap((s) => (s.name === null ? [] : [s.name])),
    declineReason: v.declineReason,
    submittedOn: v.submittedOn,
    decidedOn: v.decidedOn,
    completedOn: v.completedOn,
  };
}

@Resolver()
export class HistoryResolver {
  @Query(() => AccompanimentHistory, {
    description: "A municipality's accompaniment history as of today; a coordinator may read their own municipality's.",
  })
  async accompanimentHistory(
    @Arg('nisCode', () => String) nisCode: string,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentHistory> {
    authorizeRead(context, nisCode);
    const history = await getAccompanimentHistory(db(context), nisCode, { today: today(context) });
    if (!history) throw new NotFoundError(`Municipality ${nisCode} is not registered and has no visits`);
    return { ...history, visits: history.visits.map(toVisit), declineReasons: [...history.declineReasons] };
  }

  @Query(() => [Coverage], {
    description: 'Every municipality by how long ago it was last accompanied: never accompanied first.',
  })
  async coverage(
    @Ctx() context: ApiContext,
    @Arg('countryCode', () => String, {
      nullable: true,
      description: 'Only municipalities twinned with a partner in this country (ISO 3166-1 alpha-2), now or once.',
    })
    countryCode?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Only the first so many, in the same order.' })
    first?: number | null,
  ): Promise<Coverage[]> {
    authorize(context.principal, 'readAll');
    if (first !== undefined && first !== null && first < 0)
      throw new ValidationError(`first must be 0 or more, not ${first}`, ['first']);
    return firstCovered(await coverageOf(context, countryCode ?? undefined), first ?? undefined);
  }

  @Query(() => [CoverageMonths], {
    description:
      'How many municipalities were last accompanied so many whole months ago (null: never), fewest months first, never last: coverage counted, without the list.',
  })
  async coverageByMonths(
    @Ctx() context: ApiContext,
    @Arg('countryCode', () => String, {
      nullable: true,
      description: 'Only municipalities twinned with a partner in this country (ISO 3166-1 alpha-2), now or once.',
    })
    countryCode?: string | null,
  ): Promise<CoverageMonths[]> {
    authorize(context.principal, 'readAll');
    // Groups come never first, then the longest ago; the counts are asked for fewest months first, never last.
    return (await coverageOf(context, countryCode ?? undefined))
      .map((g) => ({
        monthsSinceLastAccompaniment: g.monthsSinceLastAccompaniment,
        municipalities: g.municipalities.length,
      }))
      .reverse();
  }
}

@Resolver(() => Visit)
export class VisitResolver {
  @FieldResolver(() => [StaffRef])
  staff(@Root() visit: Visit, @Ctx() context: ApiContext): StaffRef[] {
    authorize(context.principal, 'readAll');
    return visit.staff;
  }
}
