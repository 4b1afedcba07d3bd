import { isLocalDate, ValidationError } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import type { MunicipalityRow, TwinningRow } from '../directory/directory.js';
import type { ClusterPlanTable, ClusterVisitTable } from './table.js';

interface Db {
  clusters_visits: ClusterVisitTable;
  clusters_plans: ClusterPlanTable;
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
}

/** The visits that meet the period (requests still open or accepted without a mission, and missions not cancelled) and every twinning. */
async function gather(db: Kysely<Db>, q: ClusterQuery): Promise<Gathered> {
  const windowDays = checkQuery(q);
  let query = db
    .selectFrom('clusters_visits')
    .selectAll()
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
  const rows = await query.execute();
  let twinningQuery = db.selectFrom('clusters_twinnings').selectAll();
  if (q.countryCode) twinningQuery = twinningQuery.where('country_code', '=', q.countryCode);
  const twinnings = await twinningQuery.execute();
  const municipalities = await db.selectFrom('clusters_municipalities').select(['nis_code', 'name']).execute();
  const names = new Map(municipalities.map((m) => [m.nis_code, m.name]));
  let planQuery = db
    .selectFrom('clusters_plans')
    .selectAll()
    .where('status', 'in', ['PROPOSED', 'APPROVED'])
    .where('end_date', '>=', q.from)
    .where('start_date', '<=', q.to);
  if (q.countryCode) planQuery = planQuery.where('country_code', '=', q.countryCode);
  const plans = (await planQuery.execute())
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
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  return { visits, plans, twinnings, names, windowDays };
}

/** Builds the clusters of one grouping (region or country) from what `gather` found. */
function clusterBy(
  g: Gathered,
  q: ClusterQuery,
  keyOf: (x: { regionCode: string; countryCode: string }) => string,
): Map<string, Cluster> {
  const visitsByKey = new Map<string, ClusterVisit[]>();
  for (const v of g.visits) {
    const key = keyOf(v);
    visitsByKey.set(key, [...(visitsByKey.get(key) ?? []), v]);
  }
  // A plan belongs to every region it names (once per country cluster); a region with plans but no visits still shows.
  const plansByKey = new Map<string, Gathered['plans']>();
  const countryOf = new Map<string, string>();
  for (const p of g.plans) {
    for (const key of new Set(p.regionCodes.map((regionCode) => keyOf({ regionCode, countryCode: p.countryCode })))) {
      plansByKey.set(key, [...(plansByKey.get(key) ?? []), p]);
      countryOf.set(key, p.countryCode);
      if (!visitsByKey.has(key)) visitsByKey.set(key, []);
    }
  }
  const withoutKind = ({ kind: _kind, ...plan }: Gathered['plans'][number]): ClusterPlan => plan;
  const clusters = new Map<string, Cluster>();
  for (const [key, visits] of visitsByKey) {
    const plans = plansByKey.get(key) ?? [];
    const twinnings = g.twinnings.filter(
      (t) => keyOf({ regionCode: t.region_code, countryCode: t.country_code }) === key,
    );
    const visiting = new Set(visits.flatMap((v) => v.municipalities.map((m) => m.nisCode)));
    const active = twinnings.filter((t) => t.since <= q.to && (t.ended_on === null || t.ended_on >= q.from));
    const nisCodes = new Set([...active.map((t) => t.nis_code), ...visiting]);
    const municipalities = [...nisCodes]
      .map((nisCode): ClusterMunicipality => {
        // A municipality may have had several partners here; name the running one, else the latest.
        const partner =
          active.find((t) => t.nis_code === nisCode) ??
          twinnings.filter((t) => t.nis_code === nisCode).sort((a, b) => b.since.localeCompare(a.since))[0];
        return {
          nisCode,
          name: g.names.get(nisCode) ?? null,
          partnerName: partner?.partner_name ?? null,
          visiting: visiting.has(nisCode),
        };
      })
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
