/**
 * Issue 16 (how cost grows): the dashboard reads counters the projection
 * keeps per quarter × mission type × country instead of grouping every
 * request at read time, and coverage one row per municipality instead of
 * every visit. On the demo history at scales 1 and 2, on both
 * dialects, every answer equals a straightforward recomputation over the
 * projection's fact rows, one per request (what the dashboard read before):
 * filtered, grouped and counted in JavaScript, medians over the listed days;
 * and coverage equals one recomputed from every visit, on days before,
 * during and after the history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoHistory } from '@werkbezoek/demo';
import { SqliteEventStore } from '@werkbezoek/eventstore';
import {
  ProjectionRunner,
  requestsProjection,
  dashboardMetrics,
  dashboardProjection,
  coverageGroups,
  firstCovered,
  historyProjection,
  listCoverage,
  renewCoverage,
  type CoverageGroup,
  type KeptCoverage,
  monthsBetween,
  median,
  type DashboardCounts,
  type DashboardQuery,
  type DashboardRequestRow,
  type HistoryDb,
  type Projection,
  type ReadModelDb,
} from '@werkbezoek/projections';
import { DIALECTS, freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { DeclineReasons, MissionTypes } from '@werkbezoek/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const scales = [1, 2];
const stores = new Map<number, SqliteEventStore>();
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'werkbezoek-aggregates-'));
  for (const scale of scales) {
    const store = new SqliteEventStore({ path: join(dir, `events-${scale}.db`), synchronous: 'NORMAL' });
    await generateDemoHistory({ store, seed: 1, scale, countEventTypes: false });
    stores.set(scale, store);
  }
}, 600_000);
afterAll(async () => {
  for (const store of stores.values()) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the dashboard counts, recomputed from the fact rows of the requests it counts. */
function recount(facts: readonly DashboardRequestRow[]): DashboardCounts {
  const decided = facts.filter((f) => f.status === 'ACCEPTED' || f.status === 'DECLINED');
  const assessed = decided.filter((f) => f.agreed !== null);
  const agreements = assessed.filter((f) => f.agreed === 1).length;
  const declinedByReason = Object.fromEntries(
    DeclineReasons.codes.map((c) => [c, facts.filter((f) => f.status === 'DECLINED' && f.decline_reason === c).length]),
  ) as DashboardCounts['declinedByReason'];
  return {
    submitted: facts.length,
    accepted: facts.filter((f) => f.status === 'ACCEPTED').length,
    declined: facts.filter((f) => f.status === 'DECLINED').length,
    declinedByReason,
    withdrawn: facts.filter((f) => f.status === 'WITHDRAWN').length,
    pending: facts.filter((f) => f.status === 'SUBMITTED').length,
    assessedDecisions: assessed.length,
    agreements,
    agreementRate: assessed.length === 0 ? null : agreements / assessed.length,
    medianDaysToDecision: median(facts.flatMap((f) => (f.days_to_decision === null ? [] : [f.days_to_decision]))),
  };
}

function quarterIndex(q: string): number {
  return Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
}
const quarterName = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;

/** Fresh read models in `dialect`, built by `projections` from the demo history at `scale`; dropped after the file. */
function builder(dialect: (typeof DIALECTS)[number]) {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
  });
  return async (scale: number, projections: Projection[]): Promise<ReadModelDb> => {
    const database = await freshDatabase(dialect);
    databases.push(database);
    await new ProjectionRunner({
      store: stores.get(scale)!,
      readModels: database.readModels,
      projections,
      batchSize: 200,
    }).catchUp();
    return database.readModels;
  };
}

describe.each(DIALECTS)('the dashboard’s aggregates on %s', (dialect) => {
  const build = builder(dialect);

  it.each(scales)(
    'answer as a recomputation from the requests on the demo history at scale %s',
    async (scale) => {
      const readModels = await build(scale, [dashboardProjection, requestsProjection]);
      const facts = (await (readModels.db as never as ReadModelDb<{ dashboard_requests: DashboardRequestRow }>['db'])
        .selectFrom('dashboard_requests')
        .selectAll()
        .execute()) as DashboardRequestRow[];
      expect(facts.length).toBeGreaterThan(100 * scale);
      // The country a request counts under is the one the request list shows (what the country filter read before).
      const listed = await (
        readModels.db as never as ReadModelDb<{ requests: { request_id: string; country_code: string | null } }>['db']
      )
        .selectFrom('requests')
        .select(['request_id', 'country_code'])
        .execute();
      expect(new Map(facts.map((f) => [f.request_id, f.country_code]))).toEqual(
        new Map(listed.map((r) => [r.request_id, r.country_code])),
      );
      const quarters = facts.map((f) => quarterIndex(f.quarter));
      const first = Math.min(...quarters);
      const last = Math.max(...quarters);
      const countries = [...new Set(facts.map((f) => f.country_code).filter((c): c is string => c !== null))].sort();
      expect(countries.length).toBeGreaterThan(1);

      const periods: [number, number][] = [
        [first, last],
        [last - 7, last],
        [first + 3, first + 6],
        [last + 1, last + 2],
      ];
      const queries: DashboardQuery[] = periods.flatMap(([from, to]) =>
        [
          undefined,
          ...MissionTypes.codes.map((missionType) => ({ missionType })),
          ...countries.map((countryCode) => ({ countryCode })),
          { missionType: MissionTypes.codes[1], countryCode: countries[0] },
        ].map((extra) => ({ fromQuarter: quarterName(from), toQuarter: quarterName(to), ...extra })),
      );

      for (const q of queries) {
        const metrics = await dashboardMetrics(readModels, q);
        const inQuery = facts.filter(
          (f) =>
            f.quarter >= q.fromQuarter &&
            f.quarter <= q.toQuarter &&
            (q.missionType === undefined || f.mission_type === q.missionType) &&
            (q.countryCode === undefined || f.country_code === q.countryCode),
        );
        expect(metrics.totals, JSON.stringify(q)).toEqual(recount(inQuery));
        for (const row of metrics.rows)
          expect(row, JSON.stringify(q)).toEqual({
            quarter: row.quarter,
            missionType: row.missionType,
            ...recount(inQuery.filter((f) => f.quarter === row.quarter && f.mission_type === row.missionType)),
          });
        for (const quarter of metrics.byQuarter)
          expect(quarter).toEqual({
            quarter: quarter.quarter,
            ...recount(inQuery.filter((f) => f.quarter === quarter.quarter)),
          });
      }
    },
    300_000,
  );
});

describe.each(DIALECTS)('coverage on %s', (dialect) => {
  const build = builder(dialect);

  it.each(scales)(
    'answers as a recomputation from every visit on the demo history at scale %s',
    async (scale) => {
      const readModels = await build(scale, [historyProjection]);
      const db = readModels.db as never as ReadModelDb<HistoryDb>['db'];
      const visits = await db.selectFrom('history_visits').selectAll().execute();
      const municipalities = await db.selectFrom('history_municipalities').selectAll().execute();
      const twinnings = await db.selectFrom('history_twinnings').selectAll().execute();
      const starts = visits.flatMap((v) => (v.mission_start_date ? [v.mission_start_date] : [])).sort();
      expect(starts.length).toBeGreaterThan(50 * scale);
      const days = [starts[0]!, starts[Math.floor(starts.length / 2)]!, '2026-11-27', starts.at(-1)!, '2031-01-01'];
      const countries = [...new Set(twinnings.map((t) => t.country_code))].sort();
      const collator = new Intl.Collator();
      for (const today of days)
        for (const countryCode of [undefined, ...countries]) {
          const names = new Map<string, string | null>(municipalities.map((m) => [m.nis_code, m.name]));
          for (const v of visits) if (!names.has(v.nis_code)) names.set(v.nis_code, null);
          const twinned = new Set(twinnings.filter((t) => t.country_code === countryCode).map((t) => t.nis_code));
          const expected = [...names]
            .filter(([nisCode]) => countryCode === undefined || twinned.has(nisCode))
            .map(([nisCode, name]) => {
              const ends = visits
                .filter(
                  (v) =>
                    v.nis_code === nisCode &&
                    (v.mission_status === 'SCHEDULED' || v.mission_status === 'COMPLETED') &&
                    v.mission_start_date! <= today,
                )
                .map((v) => v.mission_end_date!)
                .sort();
              const last = ends.at(-1);
              const lastAccompaniedOn = last === undefined ? null : last < today ? last : today;
              return {
                nisCode,
                name,
                lastAccompaniedOn,
                monthsSinceLastAccompaniment: lastAccompaniedOn ? monthsBetween(lastAccompaniedOn, today) : null,
              };
            })
            .sort(
              (a, b) =>
                (b.monthsSinceLastAccompaniment ?? Infinity) - (a.monthsSinceLastAccompaniment ?? Infinity) ||
                collator.compare(a.name ?? a.nisCode, b.name ?? b.nisCode),
            );
          const coverage = await listCoverage(db, { today, ...(countryCode ? { countryCode } : {}) });
          expect(coverage, `${today} ${countryCode ?? ''}`).toEqual(expected);
        }
    },
    300_000,
  );

  it('renewed batch by batch as the demo history at scale 1 is projected, equals coverage read afresh', async () => {
    const database = await freshDatabase(dialect);
    try {
      const runner = new ProjectionRunner({
        store: stores.get(1)!,
        readModels: database.readModels,
        projections: [historyProjection],
        batchSize: 50,
      });
      const db = database.readModels.db as never as ReadModelDb<HistoryDb>['db'];
      const canonical = (groups: readonly CoverageGroup[]) =>
        groups.map((g) => [g.monthsSinceLastAccompaniment, g.municipalities.map((m) => m.nisCode).sort()]);
      let kept: KeptCoverage | undefined;
      let batches = 0;
      let renewed = 0;
      await runner.migrate();
      while ((await runner.runOnce()) > 0) {
        batches++;
        const next = await renewCoverage(db, '2026-11-27', kept);
        if (kept && next !== kept) renewed++;
        kept = next;
        expect(canonical(kept!.groups)).toEqual(canonical(await coverageGroups(db, { today: '2026-11-27' })));
        expect(firstCovered(kept!.groups, 10)).toEqual(
          await listCoverage(db, { today: '2026-11-27' }).then((l) => l.slice(0, 10)),
        );
      }
      expect(batches).toBeGreaterThan(5);
      expect(renewed).toBeGreaterThan(0);
      expect(await renewCoverage(db, '2026-11-27', kept)).toBe(kept);
    } finally {
      await database.drop();
    }
  }, 300_000);
});
