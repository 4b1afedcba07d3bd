import { isLocalDate, ValidationError } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import { edgesOf } from '../db/pagination.js';
import { pageOfRanked, type RankedPage } from '../db/rankedPage.js';
import type { MunicipalityRow, TwinningRow } from '../directory/directory.js';
import type { RegistryDb } from '../runner/registry.js';
import type { ClusterPlanTable, ClusterRegionTable, ClusterVisitTable } from './table.js';

interface Db {
  clusters_visits: ClusterVisitTable;
  clusters_plans: ClusterPlanTable;
  clusters_regions: ClusterRegionTable;
  clusters_twinnings: TwinningRow;
  clusters_municipalities: MunicipalityRow;
}
/** The views these queries read, for callers that type their Kysely handle. */
export type { Db as ClustersDb };

export interface TwinningFilter {
  readonly nisCode?: string;
  readonly countryCode?: string;
  readonly regionCode?: string;
  /** Only twinnings running on this day (established on or before it, not ended before it). */
  readonly activeOn?: string;
}

export interface TwinningView {
  readonly twinningId: string;
  readonly nisCode: string;
  readonly municipalityName: string | null;
  readonly partnerName: string;
  readonly countryCode: string;
  readonly regionCode: string;
  readonly since: string;
  readonly endedOn: string | null;
}

export interface ClusterQuery {
  /** The period, YYYY-MM-DD, both ends included: visits whose dates meet it count. */
  readonly from: string;
  readonly to: string;
  /** Visits whose dates overlap or lie at most this many days apart are grouped. Default 14. */
  readonly windowDays?: number;
  readonly countryCode?: string;
}

export interface ClusterMunicipality {
  readonly nisCode: string;
  readonly name: string | null;
  /** The partner in this region (or country); null when the twinning is not known. */
  readonly partnerName: string | null;
  /** Whether the municipality visits in the period. */
  readonly visiting: boolean;
}

export interface ClusterVisit {
  readonly kind: 'REQUEST' | 'MISSION';
  /** The request id or the mission id. */
  readonly id: string;
  readonly municipalities: readonly { readonly nisCode: string; readonly name: string | null }[];
  readonly countryCode: string;
  readonly regionCode: string;
  readonly missionType: string;
  readonly startDate: string;
  readonly endDate: string;
  /** A request: SUBMITTED or ACCEPTED (without a mission); a mission: SCHEDULED or COMPLETED. */
  readonly status: string;
  /** The requests a mission serves. */
  readonly requestIds: readonly string[];
}

/** Visits of at least two municipalities that overlap or lie within the window of each other: a joint mission in the making. */
export interface OverlappingGroup {
  readonly startDate: string;
  readonly endDate: string;
  readonly nisCodes: readonly string[];
  readonly visits: readonly ClusterVisit[];
}

/** A joint mission or regional event, proposed or approved, whose dates meet the period. */
export interface ClusterPlan {
  readonly id: string;
  /** PROPOSED or APPROVED (rejected plans are left out). */
  readonly status: string;
  readonly countryCode: string;
  readonly regionCodes: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
  /** The municipalities a joint mission takes along, or those an event invites. */
  readonly municipalities: readonly { readonly nisCode: string; readonly name: string | null }[];
  /** A joint mission's mission type; null for an event. */
  readonly missionType: string | null;
  /** A regional event's kind (CONFERENCE, WORKSHOP, SOUTH_SOUTH_EXCHANGE) and title; null for a joint mission. */
  readonly eventKind: string | null;
  readonly title: string | null;
}

interface Cluster {
  readonly countryCode: string;
  readonly municipalities: readonly ClusterMunicipality[];
  /** In date order. */
  readonly visits: readonly ClusterVisit[];
  readonly overlappingGroups: readonly OverlappingGroup[];
  /** Joint missions planned here in the period, in date order. */
  readonly jointMissions: readonly ClusterPlan[];
  /** Regional events planned here in the period, in date order. */
  readonly regionalEvents: readonly ClusterPlan[];
}

export interface RegionalCluster extends Cluster {
  readonly regionCode: string;
}

export interface CountryCluster extends Cluster {
  /** The regions visited in the period. */
  readonly regionCodes: readonly string[];
}

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const list = (text: string) => JSON.parse(text) as string[];

function checkDate(value: string, field: string): void {
  if (!isLocalDate(value))
    throw new ValidationError(`${field} "${value}" is not a calendar date in the form YYYY-MM-DD`, [field]);
}

function checkQuery(q: ClusterQuery): number {
  checkDate(q.from, 'from');
  checkDate(q.to, 'to');
  if (q.from > q.to) throw new ValidationError(`The period ends (${q.to}) before it starts (${q.from})`, ['to']);
  const windowDays = q.windowDays ?? 14;
  if (!Number.isInteger(windowDays) || windowDays < 0)
    throw new ValidationError(`windowDays must be a whole number of days, 0 or more, not ${windowDays}`, [
      'windowDays',
    ]);
  return windowDays;
}

/** Twinnings with their municipality, by country, region and municipality. */
export async function listTwinnings(db: Kysely<Db>, filter: TwinningFilter = {}): Promise<TwinningView[]> {
  let query = db
    .selectFrom('clusters_twinnings as t')
    .leftJoin('clusters_municipalities as m', 'm.nis_code', 't.nis_code')
    .selectAll('t')
    .select('m.name as municipality_name');
  if (filter.nisCode) query = query.where('t.nis_code', '=', filter.nisCode);
  if (filter.countryCode) query = query.where('t.country_code', '=', filter.countryCode);
  if (filter.regionCode) query = query.where('t.region_code', '=', filter.regionCode);
  if (filter.activeOn) {
    checkDate(filter.activeOn, 'activeOn');
    const on = filter.activeOn;
    query = query
      .where('t.since', '<=', on)
      .where((eb) => eb.or([eb('t.ended_on', 'is', null), eb('t.ended_on', '>=', on)]));
  }
  const rows = await query.execute();
  return rows
    .map((r): TwinningView => ({
      twinningId: r.twinning_id,
      nisCode: r.nis_code,
      municipalityName: r.municipality_name,
      partnerName: r.partner_name,
      countryCode: r.country_code,
      regionCode: r.region_code,
      since: r.since,
      endedOn: r.ended_on,
    }))
    .sort(
      (a, b) =>
        a.countryCode.localeCompare(b.countryCode) ||
        a.regionCode.localeCompare(b.regionCode) ||
        (a.municipalityName ?? a.nisCode).localeCompare(b.municipalityName ?? b.nisCode) ||
        a.partnerName.localeCompare(b.partnerName),
    );
}

/**
 * Groups visits whose dates overlap or lie at most `windowDays` apart,
 * transitively (A meets B and B meets C: one group), keeping the groups that
 * bring at least two visits of at least two municipalities together.
 */
export function overlappingGroups(visits: readonly ClusterVisit[], windowDays: number): OverlappingGroup[] {
  const sorted = [...visits].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate) || a.id.localeCompare(b.id),
  );
  const groups: OverlappingGroup[] = [];
  let current: ClusterVisit[] = [];
  let end = '';
  const close = () => {
    const nisCodes = [...new Set(current.flatMap((v) => v.municipalities.map((m) => m.nisCode)))].sort();
    if (current.length >= 2 && nisCodes.length >= 2)
      groups.push({ startDate: current[0]!.startDate, endDate: end, nisCodes, visits: current });
  };
  for (const visit of sorted) {
    if (current.length > 0 && daysBetween(end, visit.startDate) <= windowDays) {
      current.push(visit);
      if (visit.endDate > end) end = visit.endDate;
    } else {
      if (current.length > 0) close();
      current = [visit];
      end = visit.endDate;
    }
  }
  if (current.length > 0) close();
  return groups;
}

interface Gathered {
  visits: ClusterVisit[];
  plans: (ClusterPlan & { kind: 'JOINT_MISSION' | 'REGIONAL_EVENT' })[];
  twinnings: TwinningRow[];
  names: Map<string, string>;
  windowDays: number;
  /** Only these clusters (a page of regions); all when absent. */
  keys?: ReadonlySet<string>;
}

/** The visits a cluster shows: requests still open or accepted without a mission, and missions not cancelled, meeting the period. */
function clusterVisitsIn(db: Kysely<Db>, q: ClusterQuery, regionCodes?: readonly string[]) {
  let query = db
    .selectFrom('clusters_visits')
    .where('region_code', 'is not', null)
    .where('end_date', '>=', q.from)
    .where('start_date', '<=', q.to)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'MISSION'), eb('status', 'in', ['SCHEDULED', 'COMPLETED'])]),
        eb.and([
          eb('kind', '=', 'REQUEST'),
          eb('status', 'in', ['SUBMITTED', 'ACCEPTED']),
          eb('mission_id', 'is', null),
        ]),
      ]),
    );
  if (q.countryCode) query = query.where('country_code', '=', q.countryCode);
  if (regionCodes) query = query.where('region_code', 'in', [...regionCodes]);
  return query;
}

/** Joint missions and regional events, proposed or approved, meeting the period. */
function plansIn(db: Kysely<Db>, q: ClusterQuery) {
  let query = db
    .selectFrom('clusters_plans')
    .where('status', 'in', ['PROPOSED', 'APPROVED'])
    .where('end_date', '>=', q.from)
    .where('start_date', '<=', q.to);
  if (q.countryCode) query = query.where('country_code', '=', q.countryCode);
  return query;
}

/** `values` in slices a statement's parameters can hold (SQLite allows 32,766, PostgreSQL 65,535). */
function slices<T>(values: readonly T[], size = 5_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Municipalities' names by NIS code: all of them, or only those asked for. */
async function namesOf(db: Kysely<Db>, nisCodes?: ReadonlySet<string>): Promise<Map<string, string>> {
  const query = db.selectFrom('clusters_municipalities').select(['nis_code', 'name']);
  const rows = nisCodes
    ? (await Promise.all(slices([...nisCodes]).map((codes) => query.where('nis_code', 'in', codes).execute()))).flat()
    : await query.execute();
  return new Map(rows.map((m) => [m.nis_code, m.name]));
}

/**
 * What the clusters show: the visits that meet the period and every twinning
 * (of the regions asked for, or all), and the plans.
 */
async function gather(db: Kysely<Db>, q: ClusterQuery, regionCodes?: readonly string[]): Promise<Gathered> {
  const windowDays = checkQuery(q);
  const rows = await clusterVisitsIn(db, q, regionCodes).selectAll().execute();
  let twinningQuery = db.selectFrom('clusters_twinnings').selectAll();
  if (q.countryCode) twinningQuery = twinningQuery.where('country_code', '=', q.countryCode);
  if (regionCodes) twinningQuery = twinningQuery.where('region_code', 'in', [...regionCodes]);
  const twinnings = await twinningQuery.execute();
  const inRegions = regionCodes && new Set(regionCodes);
  const planRows = (await plansIn(db, q).selectAll().execute()).filter(
    (r) => !inRegions || list(r.region_codes).some((code) => inRegions.has(code)),
  );
  // A page of regions names only its own municipalities; the whole list reads every name at once.
  let wanted: Set<string> | undefined;
  if (regionCodes) {
    wanted = new Set(twinnings.map((t) => t.nis_code));
    for (const r of [...rows, ...planRows]) for (const nisCode of list(r.nis_codes)) wanted.add(nisCode);
  }
  const names = await namesOf(db, wanted);
  const plans = planRows
    .map((r) => ({
      kind: r.plan_kind as 'JOINT_MISSION' | 'REGIONAL_EVENT',
      id: r.plan_id,
      status: r.status,
      countryCode: r.country_code,
      regionCodes: list(r.region_codes),
      startDate: r.start_date,
      endDate: r.end_date,
      municipalities: list(r.nis_codes).map((nisCode) => ({ nisCode, name: names.get(nisCode) ?? null })),
      missionType: r.mission_type,
      eventKind: r.event_kind,
      title: r.title,
    }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  const visits = rows
    .map((r): ClusterVisit => ({
      kind: r.kind as 'REQUEST' | 'MISSION',
      id: r.visit_id,
      municipalities: list(r.nis_codes).map((nisCode) => ({ nisCode, name: names.get(nisCode) ?? null })),
      countryCode: r.country_code!,
      regionCode: r.region_code!,
      missionType: r.mission_type,
      startDate: r.start_date,
      endDate: r.end_date,
      status: r.status,
      requestIds: list(r.request_ids),
    }))
    .sort((a, b) =>
      a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  return { visits, plans, twinnings, names, windowDays, ...(inRegions ? { keys: inRegions } : {}) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/** Builds the clusters of one grouping (region or country) from what `gather` found, in linear passes. */
function clusterBy(
  g: Gathered,
  q: ClusterQuery,
  keyOf: (x: { regionCode: string; countryCode: string }) => string,
): Map<string, Cluster> {
  const visitsByKey = new Map<string, ClusterVisit[]>();
  for (const v of g.visits) push(visitsByKey, keyOf(v), v);
  // A plan belongs to every region it names (once per country cluster); a region with plans but no visits still shows.
  const plansByKey = new Map<string, Gathered['plans']>();
  const countryOf = new Map<string, string>();
  for (const p of g.plans) {
    for (const key of new Set(p.regionCodes.map((regionCode) => keyOf({ regionCode, countryCode: p.countryCode })))) {
      if (g.keys && !g.keys.has(key)) continue;
      push(plansByKey, key, p);
      countryOf.set(key, p.countryCode);
      if (!visitsByKey.has(key)) visitsByKey.set(key, []);
    }
  }
  const twinningsByKey = new Map<string, TwinningRow[]>();
  for (const t of g.twinnings)
    push(twinningsByKey, keyOf({ regionCode: t.region_code, countryCode: t.country_code }), t);
  const withoutKind = ({ kind: _kind, ...plan }: Gathered['plans'][number]): ClusterPlan => plan;
  const clusters = new Map<string, Cluster>();
  for (const [key, visits] of visitsByKey) {
    const plans = plansByKey.get(key) ?? [];
    const visiting = new Set<string>();
    for (const v of visits) for (const m of v.municipalities) visiting.add(m.nisCode);
    // A municipality may have had several partners here; name the running one (the first found), else the latest.
    const partners = new Map<string, { readonly row: TwinningRow; readonly running: boolean }>();
    for (const t of twinningsByKey.get(key) ?? []) {
      const running = t.since <= q.to && (t.ended_on === null || t.ended_on >= q.from);
      const known = partners.get(t.nis_code);
      if (!known || (running && !known.running) || (!running && !known.running && t.since > known.row.since))
        partners.set(t.nis_code, { row: t, running });
    }
    const nisCodes = new Set([...[...partners].filter(([, p]) => p.running).map(([nisCode]) => nisCode), ...visiting]);
    const municipalities = [...nisCodes]
      .map((nisCode): ClusterMunicipality => ({
        nisCode,
        name: g.names.get(nisCode) ?? null,
        partnerName: partners.get(nisCode)?.row.partner_name ?? null,
        visiting: visiting.has(nisCode),
      }))
      .sort((a, b) => (a.name ?? a.nisCode).localeCompare(b.name ?? b.nisCode));
    clusters.set(key, {
      countryCode: visits[0]?.countryCode ?? countryOf.get(key)!,
      municipalities,
      visits,
      overlappingGroups: overlappingGroups(visits, g.windowDays),
      jointMissions: plans.filter((p) => p.kind === 'JOINT_MISSION').map(withoutKind),
      regionalEvents: plans.filter((p) => p.kind === 'REGIONAL_EVENT').map(withoutKind),
    });
  }
  return clusters;
}

const visitingCount = (c: Cluster) => c.municipalities.filter((m) => m.visiting).length;

/**
 * Every southern region (ISO 3166-2) with visits or plans in the period: the Flemish
 * municipalities active there with their partners, the visits, and the groups
 * of visits that could become joint missions, beside the joint missions and
 * regional events already proposed or approved there. Regions where most
 * municipalities visit come first.
 *
 * @example regionalClusters(db, { from: '2026-04-01', to: '2026-06-30', windowDays: 14 })
 */
export async function regionalClusters(db: Kysely<Db>, q: ClusterQuery): Promise<RegionalCluster[]> {
  const clusters = clusterBy(await gather(db, q), q, (x) => x.regionCode);
  return [...clusters]
    .map(([regionCode, c]) => ({ regionCode, ...c }))
    .sort((a, b) => visitingCount(b) - visitingCount(a) || a.regionCode.localeCompare(b.regionCode));
}

/** Where a region stands in the ranking of regionalClusters: most municipalities visiting first, then by code. */
export interface RegionRank {
  readonly regionCode: string;
  readonly countryCode: string;
  /** How many municipalities visit the region in the period. */
  readonly visiting: number;
  /** How many visits it has in the period: what its card shows. */
  readonly visits: number;
  /** How many of them are missions (accompanied visits). */
  readonly missions: number;
}

/** The order of regionalClusters. */
export const compareRegionRanks = (a: RegionRank, b: RegionRank): number =>
  b.visiting - a.visiting || a.regionCode.localeCompare(b.regionCode);

/**
 * Every region regionalClusters lists, in its order, from only the visits'
 * regions and municipalities: what a page of regions needs to know of the
 * regions it does not show. With `regionCodes`, only those regions: a
 * ranking kept per region recomputes the regions a write changed.
 */
export async function rankRegions(
  db: Kysely<Db>,
  q: ClusterQuery,
  regionCodes?: readonly string[],
): Promise<RegionRank[]> {
  checkQuery(q);
  if (regionCodes?.length === 0) return [];
  const only = regionCodes && new Set(regionCodes);
  const [rows, plans] = await Promise.all([
    clusterVisitsIn(db, q, regionCodes).select(['region_code', 'country_code', 'nis_codes', 'kind']).execute(),
    plansIn(db, q).select(['region_codes', 'country_code']).execute(),
  ]);
  const regions = new Map<string, { countryCode: string; visiting: Set<string>; visits: number; missions: number }>();
  for (const r of rows) {
    const regionCode = r.region_code!;
    let region = regions.get(regionCode);
    if (!region)
      regions.set(regionCode, (region = { countryCode: r.country_code!, visiting: new Set(), visits: 0, missions: 0 }));
    region.visits++;
    if (r.kind === 'MISSION') region.missions++;
    for (const nisCode of list(r.nis_codes)) region.visiting.add(nisCode);
  }
  for (const p of plans)
    for (const regionCode of list(p.region_codes))
      if (!regions.has(regionCode) && (!only || only.has(regionCode)))
        regions.set(regionCode, { countryCode: p.country_code, visiting: new Set(), visits: 0, missions: 0 });
  return [...regions]
    .map(([regionCode, r]) => ({
      regionCode,
      countryCode: r.countryCode,
      visiting: r.visiting.size,
      visits: r.visits,
      missions: r.missions,
    }))
    .sort(compareRegionRanks);
}

/**
 * A page of regionalClusters, in its order, and how many regions there are:
 * the ranking reads only the visits' regions and municipalities, and only the
 * page's regions are read in full.
 *
 * @example regionalClusterPage(db, { from: '2027-01-01', to: '2027-12-31' }, { first: 10 })
 */
export async function regionalClusterPage(
  db: Kysely<Db>,
  q: ClusterQuery,
  page: {
    readonly first: number;
    readonly after?: string | null;
    /** Fewer regions than `first` when more would hold more visits than this (one region at least). */
    readonly maxVisits?: number | null;
  },
  /** The ranking (rankRegions) when the caller kept it from an earlier page. */
  ranked?: readonly RegionRank[],
): Promise<RankedPage<RegionalCluster>> {
  const ranks = ranked ?? (await rankRegions(db, q));
  const keyOf = (r: RegionRank): [number, string] => [r.visiting, r.regionCode];
  const shown = pageOfRanked(ranks, page, keyOf, ['number', 'string'], (a, b) =>
    compareRegionRanks(
      { regionCode: a[1], countryCode: '', visiting: a[0], visits: 0, missions: 0 },
      { regionCode: b[1], countryCode: '', visiting: b[0], visits: 0, missions: 0 },
    ),
  );
  let ranksShown = shown.edges.map((e) => e.node);
  let hasNextPage = shown.hasNextPage;
  if (page.maxVisits != null && ranksShown.length > 0) {
    // The first region always, whatever its size; the next ones while the page's visits stay within the budget.
    let visits = ranksShown[0]!.visits;
    let end = 1;
    while (end < ranksShown.length && visits + ranksShown[end]!.visits <= page.maxVisits)
      visits += ranksShown[end++]!.visits;
    if (end < ranksShown.length) {
      ranksShown = ranksShown.slice(0, end);
      hasNextPage = true;
    }
  }
  const clusters =
    ranksShown.length === 0
      ? new Map<string, Cluster>()
      : clusterBy(
          await gather(
            db,
            q,
            ranksShown.map((r) => r.regionCode),
          ),
          q,
          (x) => x.regionCode,
        );
  const nodes = ranksShown.map((rank): RegionalCluster => ({
    regionCode: rank.regionCode,
    // A region whose visits were all withdrawn between the ranking and this read shows empty, keeping the page's length.
    ...(clusters.get(rank.regionCode) ?? {
      countryCode: rank.countryCode,
      municipalities: [],
      visits: [],
      overlappingGroups: [],
      jointMissions: [],
      regionalEvents: [],
    }),
  }));
  const rankOf = new Map(ranksShown.map((r) => [r.regionCode, r]));
  return {
    edges: edgesOf(nodes, (c) => keyOf(rankOf.get(c.regionCode)!)),
    hasNextPage,
    totalCount: shown.totalCount,
  };
}

/** A visit a joint mission could take along (the planner's sweep): an undecided or accepted request, or a scheduled mission. */
export interface SweepVisitView {
  readonly kind: 'REQUEST' | 'MISSION';
  readonly id: string;
  /** The request itself, or the requests a mission serves. */
  readonly requestIds: readonly string[];
  /** The visiting municipalities; a mission's first is the one it is planned for. */
  readonly nisCodes: readonly string[];
  readonly countryCode: string;
  readonly regionCode: string;
  readonly missionType: string;
  readonly startDate: string;
  readonly endDate: string;
  /** A request: SUBMITTED or ACCEPTED; a mission: SCHEDULED. */
  readonly status: string;
}

/**
 * The sweep's visits meeting the period: undecided and accepted requests
 * (those a mission serves too: the sweep keeps the mission) and scheduled
 * missions, in a known region. One query of the columns the sweep reads.
 */
export async function sweepVisits(
  db: Kysely<Db>,
  q: {
    readonly from: string;
    readonly to: string;
    readonly countryCode?: string;
    readonly regionCode?: string;
    /** Only visits to these regions (the regions of the countries a write changed). */
    readonly regionCodes?: readonly string[];
  },
): Promise<SweepVisitView[]> {
  checkDate(q.from, 'from');
  checkDate(q.to, 'to');
  let query = db
    .selectFrom('clusters_visits')
    .select([
      'visit_id',
      'kind',
      'nis_codes',
      'request_ids',
      'country_code',
      'region_code',
      'mission_type',
      'start_date',
      'end_date',
      'status',
    ])
    .where('region_code', 'is not', null)
    .where('end_date', '>=', q.from)
    .where('start_date', '<=', q.to)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'MISSION'), eb('status', '=', 'SCHEDULED')]),
        eb.and([eb('kind', '=', 'REQUEST'), eb('status', 'in', ['SUBMITTED', 'ACCEPTED'])]),
      ]),
    );
  if (q.countryCode) query = query.where('country_code', '=', q.countryCode);
  if (q.regionCode) query = query.where('region_code', '=', q.regionCode);
  if (q.regionCodes) {
    if (q.regionCodes.length === 0) return [];
    query = query.where('region_code', 'in', [...q.regionCodes]);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    kind: r.kind as 'REQUEST' | 'MISSION',
    id: r.visit_id,
    // A request's row lists no requests: it is the one.
    requestIds: r.kind === 'REQUEST' ? [r.visit_id] : list(r.request_ids),
    nisCodes: list(r.nis_codes),
    countryCode: r.country_code!,
    regionCode: r.region_code!,
    missionType: r.mission_type,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
  }));
}

/** Where a region's visits and plans stand: the position of the last event that changed them. */
export interface ClusterRegionVersion {
  readonly regionCode: string;
  readonly countryCode: string;
  readonly changedAt: string;
}

/**
 * Every region's version (clusters_regions), with the build of the clusters
 * read model they belong to (its version and generation: a rebuild starts
 * the positions again on new tables). Undefined while the active build
 * predates the table (a version 3 still serving while 4 is built beside it).
 */
export async function clusterRegionVersions(
  db: Kysely<Db>,
): Promise<{ readonly build: string; readonly regions: readonly ClusterRegionVersion[] } | undefined> {
  try {
    const [state, rows] = await Promise.all([
      (db as unknown as Kysely<RegistryDb>)
        .selectFrom('projection_state')
        .select(['version', 'generation'])
        .where('name', '=', 'clusters')
        .where('status', '=', 'ACTIVE')
        .executeTakeFirst(),
      db.selectFrom('clusters_regions').select(['region_code', 'country_code', 'changed_at']).execute(),
    ]);
    if (!state) return undefined;
    return {
      build: `${state.version}.${state.generation}`,
      regions: rows.map((r) => ({ regionCode: r.region_code, countryCode: r.country_code, changedAt: r.changed_at })),
    };
  } catch {
    return undefined;
  }
}

/** Municipalities' names, by NIS code, for these codes only. */
export function municipalityNames(db: Kysely<Db>, nisCodes: Iterable<string>): Promise<Map<string, string>> {
  return namesOf(db, new Set(nisCodes));
}

/** As `regionalClusters`, per country: visits to neighbouring regions can combine too. */
export async function countryClusters(db: Kysely<Db>, q: ClusterQuery): Promise<CountryCluster[]> {
  const clusters = clusterBy(await gather(db, q), q, (x) => x.countryCode);
  return [...clusters]
    .map(([countryCode, c]) => ({
      ...c,
      countryCode,
      regionCodes: [
        ...new Set([
          ...c.visits.map((v) => v.regionCode),
          ...[...c.jointMissions, ...c.regionalEvents].flatMap((p) => p.regionCodes),
        ]),
      ].sort(),
    }))
    .sort((a, b) => visitingCount(b) - visitingCount(a) || a.countryCode.localeCompare(b.countryCode));
}
