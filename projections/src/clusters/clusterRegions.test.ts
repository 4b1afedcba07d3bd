import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { EventData } from '@werkbezoek/schema';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { clustersProjection } from './projection.js';
import { clusterRegionVersions, type ClustersDb } from './queries.js';

/*
 * clusters_regions (issue 16): the position of the last event that changed a
 * region's visits or plans, which the planner's rankings are kept under.
 */

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const d of databases.splice(0)) await d.drop();
});

async function project(history: VisitHistory, dialect: (typeof DIALECTS)[number], batchSize = 5) {
  const database = await freshDatabase(dialect);
  databases.push(database);
  const runner = new ProjectionRunner({
    store: history.store,
    readModels: database.readModels,
    projections: [clustersProjection],
    batchSize,
  });
  await runner.catchUp();
  return database.readModels.db as Kysely<ClustersDb>;
}

/** Each region's position, by region code. */
async function positions(db: Kysely<ClustersDb>) {
  const found = await clusterRegionVersions(db);
  expect(found?.build).toBe(`${clustersProjection.version}.0`);
  return Object.fromEntries(found!.regions.map((r) => [r.regionCode, `${r.countryCode} ${r.changedAt}`]));
}

type JointPlan = EventData<'JointMissionProposed'>;

describe.each(DIALECTS)('when each region last changed, on %s', (dialect) => {
  it('moves a region with each change to its visits or plans, and no other region', async () => {
    const history = new VisitHistory();
    await history.basics();
    await history.municipality('44021', 'Gent');
    await history.twinning('tw-gent', { nisCode: '44021', partnerName: 'Kaapstad', regionCode: 'ZA-WC' });
    await history.municipality('12021', 'Lier');
    await history.twinning('tw-lier', { nisCode: '12021', partnerName: 'Ouidah', regionCode: 'BJ-AQ' });
    // Twinnings and municipalities alone change no region's visits.
    expect(await positions(await project(history, dialect))).toEqual({});

    const zoersel = await history.submit('r-zoersel', '2026-03-01', { startDate: '2027-05-04', endDate: '2027-05-10' });
    const zou1 = await history.store.headPosition();
    await history.submit('r-gent', '2026-03-01', {
      twinningId: id('tw-gent'),
      nisCode: '44021',
      startDate: '2027-05-04',
      endDate: '2027-05-10',
    });
    const cape = await history.store.headPosition();
    expect(await positions(await project(history, dialect))).toEqual({
      'BJ-ZO': `BJ ${zou1}`,
      'ZA-WC': `ZA ${cape}`,
    });

    // A larger delegation changes nothing the rankings read.
    await history.amended(zoersel, '2026-03-04', { delegationSize: 8 });
    expect(await positions(await project(history, dialect))).toEqual({ 'BJ-ZO': `BJ ${zou1}`, 'ZA-WC': `ZA ${cape}` });
    await history.amended(zoersel, '2026-03-05', { startDate: '2027-05-05' });
    const zou2 = await history.store.headPosition();
    expect(await positions(await project(history, dialect))).toEqual({ 'BJ-ZO': `BJ ${zou2}`, 'ZA-WC': `ZA ${cape}` });
    const plan: JointPlan = {
      jointMissionId: id('jm'),
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO', 'BJ-AQ'],
      missionType: 'EVALUATION',
      startDate: '2027-05-01',
      endDate: '2027-05-12',
      requestIds: [zoersel],
      nisCodes: ['11055', '12021'],
      rationale: 'Zou and Atlantique in one trip.',
      estimatedCostEur: 3000,
    };
    await history.add(`jointMission-${plan.jointMissionId}`, 'JointMissionProposed', plan, '2026-03-06');
    const proposed = await history.store.headPosition();
    expect(await positions(await project(history, dialect))).toEqual({
      'BJ-AQ': `BJ ${proposed}`,
      'BJ-ZO': `BJ ${proposed}`,
      'ZA-WC': `ZA ${cape}`,
    });

    // Amended to Atlantique alone: Zou, which it left, changed too.
    await history.add(
      `jointMission-${plan.jointMissionId}`,
      'JointMissionAmended',
      { ...plan, regionCodes: ['BJ-AQ'], amendedOn: '2026-03-07' },
      '2026-03-07',
    );
    const amended = await history.store.headPosition();
    await history.withdrawn(zoersel, '2026-03-08');
    const withdrawn = await history.store.headPosition();
    await history.twinning('tw-late', { nisCode: '44021', partnerName: 'Stellenbosch', regionCode: 'ZA-WC' });
    const db = await project(history, dialect);
    expect(await positions(db)).toEqual({
      'BJ-AQ': `BJ ${amended}`,
      'BJ-ZO': `BJ ${withdrawn}`,
      'ZA-WC': `ZA ${cape}`,
    });

    // A rebuild in other batches writes the same rows: positions, not a clock.
    expect(await positions(await project(history, dialect, 1000))).toEqual(await positions(db));
  });
});
