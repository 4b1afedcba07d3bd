import {
  listTwinnings,
  monthsBetween,
  rankRegions,
  type ClustersDb,
  type RegionRank,
  type TwinningView,
} from '@werkbezoek/projections';
import { regionPoint, ValidationError } from '@werkbezoek/schema';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { authorize } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { RegionMapEntry } from './regionMap.type.js';
import { today } from './today.js';

/** A twinning counts in a period when it ran on at least one of its days. */
const runsIn = (t: TwinningView, from: string, to: string) =>
  t.since <= to && (t.endedOn === null || t.endedOn >= from);

/**
 * The end of the last mission to each region that had started by `on`, capped
 * at `on`: the clusters read model keeps every mission with its region, so
 * "when was VVSG last there" is the region's own answer, whichever
 * municipalities went along.
 */
async function lastMissionEnds(db: ReturnType<typeof views<ClustersDb>>, on: string) {
  const rows = await db
    .selectFrom('clusters_visits')
    .select((eb) => ['region_code', eb.fn.max('end_date').as('last_end')])
    .where('kind', '=', 'MISSION')
    .where('status', 'in', ['SCHEDULED', 'COMPLETED'])
    .where('start_date', '<=', on)
    .where('region_code', 'is not', null)
    .groupBy('region_code')
    .execute();
  return new Map(rows.map((r) => [r.region_code!, r.last_end < on ? r.last_end : on]));
}

@Resolver()
export class RegionMapResolver {
  @Query(() => [RegionMapEntry], {
    description:
      'The southern regions with twinnings running or visits in the period, for the map of the partner regions (issue 13): active twinnings, visits, months since VVSG last accompanied a visit there (as of today), and where to draw them. Most twinnings first. For everyone who reads the whole programme.',
  })
  async regionMap(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() context: ApiContext,
    @Arg('countryCode', () => String, { nullable: true }) countryCode?: string | null,
  ): Promise<RegionMapEntry[]> {
    authorize(context.principal, 'readAll');
    if (countryCode != null && !/^[A-Z]{2}$/.test(countryCode))
      throw new ValidationError(`countryCode "${countryCode}" is not an ISO 3166-1 alpha-2 code such as BJ`, [
        'countryCode',
      ]);
    const db = views<ClustersDb>(context);
    const on = today(context);
    const [ranks, twinnings, lastEnds] = await Promise.all([
      // Checks the period (calendar dates, from on or before to); the map needs only each region's counts (issue 16).
      rankRegions(db, { from, to, windowDays: 0, ...(countryCode ? { countryCode } : {}) }),
      listTwinnings(db, countryCode ? { countryCode } : {}),
      lastMissionEnds(db, on),
    ]);
    const regions = new Map<string, { countryCode: string; twinnings: TwinningView[]; rank?: RegionRank }>();
    const region = (code: string, country: string) => {
      const found = regions.get(code) ?? { countryCode: country, twinnings: [] };
      regions.set(code, found);
      return found;
    };
    for (const t of twinnings) if (runsIn(t, from, to)) region(t.regionCode, t.countryCode).twinnings.push(t);
    for (const r of ranks) if (r.visits > 0) region(r.regionCode, r.countryCode).rank = r;
    return [...regions]
      .map(([regionCode, r]): RegionMapEntry => {
        const lastAccompaniedOn = lastEnds.get(regionCode) ?? null;
        const point = regionPoint(
          regionCode,
          r.twinnings.map((t) => t.partnerName),
        );
        return {
          regionCode,
          countryCode: r.countryCode,
          twinnings: r.twinnings.map((t) => ({
            nisCode: t.nisCode,
            name: t.municipalityName,
            partnerName: t.partnerName,
          })),
          activeTwinnings: r.twinnings.length,
          visits: r.rank?.visits ?? 0,
          accompaniedVisits: r.rank?.missions ?? 0,
          lastAccompaniedOn,
          monthsSinceLastAccompaniment: lastAccompaniedOn ? monthsBetween(lastAccompaniedOn, on) : null,
          point: point ? { ...point } : null,
        };
      })
      .sort(
        (a, b) =>
          b.activeTwinnings - a.activeTwinnings || b.visits - a.visits || a.regionCode.localeCompare(b.regionCode),
      );
  }
}
