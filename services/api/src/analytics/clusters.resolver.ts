import {
  clusterRegionVersions,
  compareRegionRanks,
  countryClusters,
  rankRegions,
  readModelVersion,
  regionalClusterPage,
  regionalClusters,
  type ClusterQuery,
  type ClustersDb,
  type ClusterPlan as ClusterPlanView,
  type ClusterVisit as ClusterVisitView,
  type OverlappingGroup as OverlappingGroupView,
  type RegionalCluster as RegionalClusterView,
  type RegionRank,
} from '@werkbezoek/projections';
import type { Kysely } from 'kysely';
import { ValidationError } from '@werkbezoek/schema';
import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { authorize } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';
import { pageSize, toConnection, TotalCountResolver, type Connection } from '../graphql/connection.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { memoised } from '../graphql/readModelMemo.js';
import { RegionalClusterArgs } from './clusters.input.js';
import { memoisedByUnit } from '../graphql/unitMemo.js';
import {
  CountryCluster,
  RegionalCluster,
  RegionalClusterConnection,
  type ClusterPlan,
  type ClusterVisit,
  type OverlappingGroup,
} from './clusters.type.js';

const toVisit = (v: ClusterVisitView): ClusterVisit => ({
  ...v,
  municipalities: v.municipalities.map((m) => ({ ...m })),
  requestIds: [...v.requestIds],
});

const toGroup = (g: OverlappingGroupView): OverlappingGroup => ({
  startDate: g.startDate,
  endDate: g.endDate,
  nisCodes: [...g.nisCodes],
  visits: g.visits.map(toVisit),
});

const toPlan = (p: ClusterPlanView): ClusterPlan => ({
  ...p,
  regionCodes: [...p.regionCodes],
  municipalities: p.municipalities.map((m) => ({ ...m })),
});

const toRegionalCluster = (c: RegionalClusterView): RegionalCluster => ({
  regionCode: c.regionCode,
  countryCode: c.countryCode,
  municipalities: c.municipalities.map((m) => ({ ...m })),
  visits: c.visits.map(toVisit),
  overlappingGroups: c.overlappingGroups.map(toGroup),
  jointMissions: c.jointMissions.map(toPlan),
  regionalEvents: c.regionalEvents.map(toPlan),
});

/** Stands for every region at once, while the clusters read model keeps no versions per region. */
const EVERY_REGION = '*';

/**
 * rankRegions, kept per region while its visits and plans stand still
 * (clusters_regions): after a write, only the regions it changed are counted again.
 */
async function regionRanking(context: ApiContext, db: Kysely<ClustersDb>, q: ClusterQuery): Promise<RegionRank[]> {
  const found = await clusterRegionVersions(db);
  const versions = found
    ? new Map(
        found.regions
          .filter((r) => !q.countryCode || r.countryCode === q.countryCode)
          .map((r) => [r.regionCode, `${found.build}@${r.changedAt}`]),
      )
    : new Map([[EVERY_REGION, await readModelVersion(db, ['clusters'])]]);
  return memoisedByUnit<RegionRank[], RegionRank[]>(context, JSON.stringify(['regions', q]), versions, {
    compute: async (regions) => {
      const every = regions.includes(EVERY_REGION);
      // Every region at once (the first request): one read of the period.
      const ranks = await rankRegions(db, q, every || regions.length === versions.size ? undefined : regions);
      const byRegion = new Map<string, RegionRank[]>();
      for (const rank of ranks)
        if (every) byRegion.set(EVERY_REGION, [...(byRegion.get(EVERY_REGION) ?? []), rank]);
        else byRegion.set(rank.regionCode, [rank]);
      return byRegion;
    },
    empty: [],
    merge: (parts) => parts.flat().sort(compareRegionRanks),
  });
}

function query(from: string, to: string, windowDays: number | null | undefined, countryCode?: string | null) {
  const q: ClusterQuery = { from, to, windowDays: windowDays ?? 14, ...(countryCode ? { countryCode } : {}) };
  return q;
}

@Resolver()
export class ClustersResolver {
  @Query(() => [RegionalCluster], {
    description:
      'Every southern region with visits in the period: the Flemish municipalities active there, their visits, and the groups of visits that could become joint missions. Regions where most municipalities visit come first.',
  })
  async regionalClusters(
    @Args(() => RegionalClusterArgs) { from, to, windowDays, countryCode }: RegionalClusterArgs,
    @Ctx() context: ApiContext,
  ): Promise<RegionalCluster[]> {
    authorize(context.principal, 'readAll');
    const clusters = await regionalClusters(views<ClustersDb>(context), query(from, to, windowDays, countryCode));
    return clusters.map(toRegionalCluster);
  }

  @Query(() => RegionalClusterConnection, {
    description:
      'regionalClusters a page at a time (issue 16), in the same order: the regions where most municipalities visit first. totalCount counts every region with visits or plans in the period.',
  })
  async regionalClusterPage(
    @Args(() => RegionalClusterArgs) { from, to, windowDays, countryCode }: RegionalClusterArgs,
    @Ctx() context: ApiContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many regions, 1 to 100; 20 when not given.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before.' })
    after?: string | null,
    @Arg('maxVisits', () => Int, {
      nullable: true,
      description:
        'Fewer regions than first when more would hold more visits than this (the first region is always given, whatever its size): a page a person can read, and answered fast, at a national scale.',
    })
    maxVisits?: number | null,
  ): Promise<Connection<RegionalCluster>> {
    authorize(context.principal, 'readAll');
    if (maxVisits != null && (!Number.isInteger(maxVisits) || maxVisits < 1))
      throw new ValidationError(`maxVisits must be a whole number of at least 1, not ${maxVisits}`, ['maxVisits']);
    const db = views<ClustersDb>(context);
    const q = query(from, to, windowDays, countryCode);
    const size = pageSize(first);
    // The ranking reads every visit of the period: kept per region for the next page and the next write, each page while the clusters stand still.
    const ranking = () => regionRanking(context, db, q);
    const pageKey = JSON.stringify(['regionPage', q, size, after, maxVisits]);
    const page = await memoised(context, ['clusters'], pageKey, async () =>
      regionalClusterPage(db, q, { first: size, after: after ?? null, maxVisits }, await ranking()),
    );
    return { ...toConnection(page, toRegionalCluster), count: () => Promise.resolve(page.totalCount) };
  }

  @Query(() => [CountryCluster], { description: 'As regionalClusters, per country.' })
  async countryClusters(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() context: ApiContext,
    @Arg('windowDays', () => Int, { nullable: true, defaultValue: 14 }) windowDays?: number | null,
    @Arg('countryCode', () => String, { nullable: true }) countryCode?: string | null,
  ): Promise<CountryCluster[]> {
    authorize(context.principal, 'readAll');
    const clusters = await countryClusters(views<ClustersDb>(context), query(from, to, windowDays, countryCode));
    return clusters.map((c) => ({
      countryCode: c.countryCode,
      regionCodes: [...c.regionCodes],
      municipalities: c.municipalities.map((m) => ({ ...m })),
      visits: c.visits.map(toVisit),
      overlappingGroups: c.overlappingGroups.map(toGroup),
      jointMissions: c.jointMissions.map(toPlan),
      regionalEvents: c.regionalEvents.map(toPlan),
    }));
  }
}

export const RegionalClusterConnectionResolver = TotalCountResolver(RegionalClusterConnection);
