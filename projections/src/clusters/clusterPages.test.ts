import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { clustersProjection } from './projection.js';
import { rankRegions, regionalClusterPage, regionalClusters, sweepVisits, type ClustersDb } from './queries.js';

let database: TestDatabase | undefined;
let runner: ProjectionRunner | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function project(history: VisitHistory, dialect: (typeof DIALECTS)[number]): Promise<Kysely<ClustersDb>> {
  database = await freshDatabase(dialect);
  runner = new ProjectionRunner({
    store: history.store,
    readModels: database.readModels,
    projections: [clustersProjection],
    batchSize: 50,
  });
  await runner.catchUp();
  return database.readModels.db as Kysely<ClustersDb>;
}

/**
 * Five regions of Benin, each twinned with a few municipalities: Zou with
 * three visiting, Atlantique and Borgou with two each (a tie, broken by
 * code), Collines with one, Mono with a joint mission planned but no visit.
 */
async function fiveRegions() {
  const history = new VisitHistory();
  await history.basics();
  const regions = { 'BJ-ZO': 3, 'BJ-AQ': 2, 'BJ-BO': 2, 'BJ-CO': 1 } as const;
  const requests: string[] = [];
  let n = 0;
  for (const [regionCode, visiting] of Object.entries(regions)) {
    for (let i = 0; i < visiting; i++) {
      const nisCode = String(20000 + ++n);
      const twinning = `tw-${regionCode}-${i}`;
      await history.municipality(nisCode, `Gemeente ${n}`);
      await history.twinning(twinning, { nisCode, partnerName: `Partner ${n}`, regionCode });
      requests.push(
        await history.submit(`r-${n}`, '2026-02-01', {
          twinningId: id(twinning),
          nisCode,
          startDate: `2026-05-${String(10 + i).padStart(2, '0')}`,
          endDate: `2026-05-${String(14 + i).padStart(2, '0')}`,
        }),
      );
    }
  }
  const jm = id('jm-mono');
  await history.add(`jointMission-${jm}`, 'JointMissionProposed', {
    jointMissionId: jm,
    countryCode: 'BJ',
    regionCodes: ['BJ-MO'],
    missionType: 'EVALUATION',
    startDate: '2026-06-01',
    endDate: '2026-06-08',
    requestIds: [],
    nisCodes: ['20001', '20002'],
    rationale: 'A first joint visit to Mono.',
  });
  return { history, requests };
}

const period = { from: '2026-04-01', to: '2026-12-31' };

describe.each(DIALECTS)('regional clusters a page at a time on %s', (dialect) => {
  it('ranks every region as regionalClusters does, and pages through them with the total on every page', async () => {
    const { history } = await fiveRegions();
    const db = await project(history, dialect);

    const ranks = await rankRegions(db, period);
    expect(ranks.map((r) => [r.regionCode, r.visiting])).toEqual([
      ['BJ-ZO', 3],
      ['BJ-AQ', 2],
      ['BJ-BO', 2],
      ['BJ-CO', 1],
      ['BJ-MO', 0],
    ]);
    const all = await regionalClusters(db, period);
    expect(all.map((c) => c.regionCode)).toEqual(ranks.map((r) => r.regionCode));

    const pages: string[][] = [];
    const read = [];
    let after: string | undefined;
    for (;;) {
      const page = await regionalClusterPage(db, period, { first: 2, ...(after ? { after } : {}) });
      expect(page.totalCount).toBe(5);
      pages.push(page.edges.map((e) => e.node.regionCode));
      read.push(...page.edges.map((e) => e.node));
      if (!page.hasNextPage) break;
      after = page.edges.at(-1)!.cursor;
    }
    expect(pages).toEqual([['BJ-ZO', 'BJ-AQ'], ['BJ-BO', 'BJ-CO'], ['BJ-MO']]);
    // Each region in full, as the whole list shows it: visits, municipalities, groups and plans.
    expect(read).toEqual(all);
  });

  it('stops a page at a budget of visits, always giving the first region, and reads on from there', async () => {
    const { history } = await fiveRegions();
    const db = await project(history, dialect);
    expect((await rankRegions(db, period)).map((r) => r.visits)).toEqual([3, 2, 2, 1, 0]);
    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await regionalClusterPage(db, period, { first: 20, maxVisits: 2, ...(after ? { after } : {}) });
      expect(page.totalCount).toBe(5);
      pages.push(page.edges.map((e) => e.node.regionCode));
      if (!page.hasNextPage) break;
      after = page.edges.at(-1)!.cursor;
    }
    // Zou alone holds more than two; then two each; Collines and Mono together hold one.
    expect(pages).toEqual([['BJ-ZO'], ['BJ-AQ'], ['BJ-BO'], ['BJ-CO', 'BJ-MO']]);
    const roomy = await regionalClusterPage(db, period, { first: 2, maxVisits: 100 });
    expect(roomy.edges.map((e) => e.node.regionCode)).toEqual(['BJ-ZO', 'BJ-AQ']);
    expect(roomy.hasNextPage).toBe(true);
  });

  it('keeps to the country asked for, and reads on from a cursor after a region gained a visitor', async () => {
    const { history } = await fiveRegions();
    const db = await project(history, dialect);
    const first = await regionalClusterPage(db, period, { first: 2 });
    expect(first.edges.map((e) => e.node.regionCode)).toEqual(['BJ-ZO', 'BJ-AQ']);
    expect((await regionalClusterPage(db, { ...period, countryCode: 'ZA' }, { first: 2 })).totalCount).toBe(0);

    // Collines now has four municipalities visiting: it ranks first, before the cursor, and is not read again.
    for (let i = 0; i < 3; i++) {
      await history.municipality(String(30000 + i), `Nieuw ${i}`);
      await history.twinning(`tw-co-new-${i}`, {
        nisCode: String(30000 + i),
        partnerName: 'Dassa',
        regionCode: 'BJ-CO',
      });
      await history.submit(`co-${i}`, '2026-03-01', {
        twinningId: id(`tw-co-new-${i}`),
        nisCode: String(30000 + i),
        startDate: '2026-07-01',
        endDate: '2026-07-05',
      });
    }
    await runner!.catchUp();
    const next = await regionalClusterPage(db, period, { first: 5, after: first.edges.at(-1)!.cursor });
    expect(next.edges.map((e) => e.node.regionCode)).toEqual(['BJ-BO', 'BJ-MO']);
    expect(next.totalCount).toBe(5);
    await expect(regionalClusterPage(db, period, { first: 2, after: 'nonsense' })).rejects.toThrow(/not a cursor/);
  });

  it('gives the sweep every open request and scheduled mission meeting the period, a request as its own request', async () => {
    const { history, requests } = await fiveRegions();
    await history.withdrawn(requests[0]!, '2026-02-10');
    const db = await project(history, dialect);
    const visits = await sweepVisits(db, period);
    expect(visits.map((v) => v.id).sort()).toEqual(requests.slice(1).sort());
    const second = visits.find((v) => v.id === requests[1])!;
    expect(second).toMatchObject({
      kind: 'REQUEST',
      requestIds: [requests[1]],
      nisCodes: ['20002'],
      countryCode: 'BJ',
      regionCode: 'BJ-ZO',
      status: 'SUBMITTED',
    });
    expect(await sweepVisits(db, { ...period, regionCode: 'BJ-AQ' })).toHaveLength(2);
    expect(await sweepVisits(db, { from: '2026-06-01', to: '2026-12-31' })).toEqual([]);
  });
});
