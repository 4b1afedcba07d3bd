import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { clustersProjection } from './projection.js';
import { countryClusters, listTwinnings, regionalClusters, type ClustersDb } from './queries.js';

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
    batchSize: 5,
  });
  await runner.catchUp();
  return database.readModels.db as Kysely<ClustersDb>;
}

/**
 * Zou (BJ-ZO): Zoersel–Bohicon, Malle–Abomey, and Hove–Covè, which ended in
 * 2025. Atlantique (BJ-AQ): Lier–Ouidah. Western Cape (ZA-WC): Gent–Kaapstad.
 */
async function cast(): Promise<VisitHistory> {
  const history = new VisitHistory();
  await history.basics();
  await history.municipality('11057', 'Malle');
  await history.twinning('tw-malle', {
    nisCode: '11057',
    partnerName: 'Abomey',
    regionCode: 'BJ-ZO',
    since: '2015-03-01',
  });
  await history.municipality('11021', 'Hove');
  await history.twinning('tw-hove', { nisCode: '11021', partnerName: 'Covè', regionCode: 'BJ-ZO' });
  await history.twinningEnded('tw-hove', '2025-06-30');
  await history.municipality('12021', 'Lier');
  await history.twinning('tw-lier', { nisCode: '12021', partnerName: 'Ouidah', regionCode: 'BJ-AQ' });
  await history.municipality('44021', 'Gent');
  await history.twinning('tw-gent', { nisCode: '44021', partnerName: 'Kaapstad', regionCode: 'ZA-WC' });
  return history;
}

const zoersel = { twinningId: id('tw-zoersel'), nisCode: '11055' };
const malle = { twinningId: id('tw-malle'), nisCode: '11057' };
const lier = { twinningId: id('tw-lier'), nisCode: '12021' };
const gent = { twinningId: id('tw-gent'), nisCode: '44021' };

describe.each(DIALECTS)('regional clusters on %s', (dialect) => {
  it('lists twinnings by country and region, with their municipality, filtered', async () => {
    const db = await project(await cast(), dialect);
    expect(
      (await listTwinnings(db)).map((t) => [t.countryCode, t.regionCode, t.municipalityName, t.partnerName]),
    ).toEqual([
      ['BJ', 'BJ-AQ', 'Lier', 'Ouidah'],
      ['BJ', 'BJ-ZO', 'Hove', 'Covè'],
      ['BJ', 'BJ-ZO', 'Malle', 'Abomey'],
      ['BJ', 'BJ-ZO', 'Zoersel', 'Bohicon'],
      ['ZA', 'ZA-WC', 'Gent', 'Kaapstad'],
    ]);
    const zou = await listTwinnings(db, { regionCode: 'BJ-ZO', activeOn: '2026-01-01' });
    expect(zou.map((t) => t.municipalityName)).toEqual(['Malle', 'Zoersel']);
    expect(await listTwinnings(db, { nisCode: '11021' })).toEqual([
      {
        twinningId: id('tw-hove'),
        nisCode: '11021',
        municipalityName: 'Hove',
        partnerName: 'Covè',
        countryCode: 'BJ',
        regionCode: 'BJ-ZO',
        since: '2010-01-01',
        endedOn: '2025-06-30',
      },
    ]);
    expect(await listTwinnings(db, { activeOn: '2014-01-01', countryCode: 'BJ' })).toHaveLength(3);
  });

  it('groups the visits of two municipalities to Zou that lie 10 days apart, and ranks regions by municipalities visiting', async () => {
    const history = await cast();
    const z1 = await history.submit('z1', '2026-02-01', { ...zoersel, startDate: '2026-05-04', endDate: '2026-05-13' });
    const m1 = await history.submit('m1', '2026-02-03', { ...malle, startDate: '2026-05-23', endDate: '2026-05-30' });
    await history.submit('z2', '2026-02-04', { ...zoersel, startDate: '2026-09-07', endDate: '2026-09-15' });
    const gone = await history.submit('gone', '2026-02-05', {
      ...malle,
      startDate: '2026-05-10',
      endDate: '2026-05-12',
    });
    await history.withdrawn(gone, '2026-02-20');
    const no = await history.submit('no', '2026-02-05', { ...malle, startDate: '2026-09-08', endDate: '2026-09-12' });
    await history.declined(no, '2026-02-21', 'NO_BUDGET');
    await history.submit('l1', '2026-02-06', { ...lier, startDate: '2026-06-08', endDate: '2026-06-14' });
    await history.submit('late', '2026-02-06', { ...gent, startDate: '2027-02-01', endDate: '2027-02-08' });
    const db = await project(history, dialect);

    const clusters = await regionalClusters(db, { from: '2026-04-01', to: '2026-12-31' });
    expect(clusters.map((c) => [c.regionCode, c.countryCode, c.visits.length])).toEqual([
      ['BJ-ZO', 'BJ', 3],
      ['BJ-AQ', 'BJ', 1],
    ]);
    const [zou, atlantique] = clusters;
    expect(zou!.municipalities).toEqual([
      { nisCode: '11057', name: 'Malle', partnerName: 'Abomey', visiting: true },
      { nisCode: '11055', name: 'Zoersel', partnerName: 'Bohicon', visiting: true },
    ]);
    expect(zou!.overlappingGroups).toHaveLength(1);
    expect(zou!.overlappingGroups[0]).toMatchObject({
      startDate: '2026-05-04',
      endDate: '2026-05-30',
      nisCodes: ['11055', '11057'],
    });
    expect(zou!.overlappingGroups[0]!.visits.map((v) => v.id)).toEqual([z1, m1]);
    expect(zou!.visits[0]).toMatchObject({
      kind: 'REQUEST',
      municipalities: [{ nisCode: '11055', name: 'Zoersel' }],
      missionType: 'EVALUATION',
      status: 'SUBMITTED',
    });
    expect(atlantique!.overlappingGroups).toEqual([]);

    // With a window of 9 days, visits 10 days apart no longer combine.
    expect(
      (await regionalClusters(db, { from: '2026-04-01', to: '2026-12-31', windowDays: 9 }))[0]!.overlappingGroups,
    ).toEqual([]);
    // Only visits that meet the period count.
    const may = await regionalClusters(db, { from: '2026-05-01', to: '2026-05-20' });
    expect(may.map((c) => [c.regionCode, c.visits.map((v) => v.id)])).toEqual([['BJ-ZO', [z1]]]);
    expect(may[0]!.municipalities.map((m) => [m.name, m.visiting])).toEqual([
      ['Malle', false],
      ['Zoersel', true],
    ]);
    await expect(regionalClusters(db, { from: '2026-05-20', to: '2026-05-01' })).rejects.toThrow(/before it starts/);
  });

  it('shows an accepted request as its mission, and as a request again when the mission is cancelled', async () => {
    const history = await cast();
    const z1 = await history.submit('z1', '2026-02-01', { ...zoersel, startDate: '2026-05-04', endDate: '2026-05-13' });
    const z2 = await history.submit('z2', '2026-02-01', { ...zoersel, startDate: '2026-05-06', endDate: '2026-05-09' });
    const mission = await history.accepted(z1, '2026-02-10', { mission: 'mz1', staff: 'lies' });
    await history.scheduled('mz1', {
      requestIds: [z1],
      ...{ nisCodes: ['11055'], twinningIds: [zoersel.twinningId] },
      regionCode: 'BJ-ZO',
      startDate: '2026-05-04',
      endDate: '2026-05-13',
      staff: ['lies'],
    });
    await history.scheduled('joint', {
      nisCodes: ['11057', '11021'],
      twinningIds: [malle.twinningId, id('tw-hove')],
      regionCode: 'BJ-ZO',
      startDate: '2026-07-01',
      endDate: '2026-07-08',
      staff: ['lies'],
      missionType: 'TECHNICAL',
    });
    const period = { from: '2026-04-01', to: '2026-07-31' };
    const db = await project(history, dialect);

    let [zou] = await regionalClusters(db, period);
    expect(zou!.visits.map((v) => [v.kind, v.id, v.status, v.requestIds])).toEqual([
      ['MISSION', mission, 'SCHEDULED', [z1]],
      ['REQUEST', z2, 'SUBMITTED', []],
      ['MISSION', id('joint'), 'SCHEDULED', []],
    ]);
    // Two visits of Zoersel alone are no joint mission; the joint one already is.
    expect(zou!.overlappingGroups).toEqual([]);
    // Hove's twinning ended, but it visits in the period, so it belongs to the cluster.
    expect(zou!.municipalities.map((m) => [m.name, m.partnerName, m.visiting])).toEqual([
      ['Hove', 'Covè', true],
      ['Malle', 'Abomey', true],
      ['Zoersel', 'Bohicon', true],
    ]);

    await history.cancelled(mission, '2026-03-01');
    await runner!.catchUp();
    [zou] = await regionalClusters(db, period);
    expect(zou!.visits.map((v) => [v.kind, v.id, v.status])).toEqual([
      ['REQUEST', z1, 'ACCEPTED'],
      ['REQUEST', z2, 'SUBMITTED'],
      ['MISSION', id('joint'), 'SCHEDULED'],
    ]);
  });

  it('groups visits to neighbouring regions of one country', async () => {
    const history = await cast();
    const z1 = await history.submit('z1', '2026-02-01', { ...zoersel, startDate: '2026-05-04', endDate: '2026-05-13' });
    const l1 = await history.submit('l1', '2026-02-01', { ...lier, startDate: '2026-05-20', endDate: '2026-05-27' });
    await history.submit('g1', '2026-02-01', { ...gent, startDate: '2026-05-05', endDate: '2026-05-09' });
    const db = await project(history, dialect);

    const byRegion = await regionalClusters(db, { from: '2026-05-01', to: '2026-05-31' });
    expect(byRegion.map((c) => c.regionCode)).toEqual(['BJ-AQ', 'BJ-ZO', 'ZA-WC']);
    expect(byRegion.every((c) => c.overlappingGroups.length === 0)).toBe(true);
    const byCountry = await countryClusters(db, { from: '2026-05-01', to: '2026-05-31' });
    expect(
      byCountry.map((c) => [c.countryCode, c.regionCodes, c.municipalities.filter((m) => m.visiting).length]),
    ).toEqual([
      ['BJ', ['BJ-AQ', 'BJ-ZO'], 2],
      ['ZA', ['ZA-WC'], 1],
    ]);
    expect(byCountry[0]!.overlappingGroups.map((g) => g.visits.map((v) => v.id))).toEqual([[z1, l1]]);
    expect(await countryClusters(db, { from: '2026-05-01', to: '2026-05-31', countryCode: 'ZA' })).toHaveLength(1);
  });

  it('shows per region the joint missions and regional events planned there in the period, not the rejected ones', async () => {
    const history = await cast();
    const z1 = await history.submit('z1', '2026-02-01', { ...zoersel, startDate: '2026-05-04', endDate: '2026-05-13' });
    const jm = id('jm');
    await history.add(`jointMission-${jm}`, 'JointMissionProposed', {
      jointMissionId: jm,
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      missionType: 'EVALUATION',
      startDate: '2026-05-01',
      endDate: '2026-05-08',
      requestIds: [z1],
      nisCodes: ['11055', '11057'],
      rationale: 'Zoersel and Malle in one trip.',
    });
    await history.add(`jointMission-${jm}`, 'JointMissionAmended', {
      jointMissionId: jm,
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      missionType: 'EVALUATION',
      startDate: '2026-05-04',
      endDate: '2026-05-14',
      requestIds: [z1],
      nisCodes: ['11055', '11057'],
      rationale: 'Zoersel and Malle in one trip, a little later.',
      amendedOn: '2026-03-03',
    });
    await history.add(`jointMission-${jm}`, 'JointMissionApproved', {
      jointMissionId: jm,
      approvedOn: '2026-03-10',
      staffMemberIds: [id('lies')],
      budgetEur: 3000,
      missionId: id('jm-mission'),
    });
    const rejected = id('rejected');
    await history.add(`jointMission-${rejected}`, 'JointMissionProposed', {
      jointMissionId: rejected,
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      missionType: 'TECHNICAL',
      startDate: '2026-05-20',
      endDate: '2026-05-25',
      requestIds: [],
      nisCodes: ['11055', '11057'],
      rationale: 'Not opportune after all.',
    });
    await history.add(`jointMission-${rejected}`, 'JointMissionRejected', {
      jointMissionId: rejected,
      rejectedOn: '2026-03-05',
      reason: 'Too close to the other one.',
    });
    const ev = id('workshop');
    await history.add(`regionalEvent-${ev}`, 'RegionalEventProposed', {
      regionalEventId: ev,
      kind: 'WORKSHOP',
      title: 'Waste management in Zou and Atlantique',
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO', 'BJ-AQ'],
      startDate: '2026-05-20',
      endDate: '2026-05-21',
      themes: ['WASTE_MANAGEMENT'],
      invitedNisCodes: ['11055', '11057', '12021'],
    });
    const db = await project(history, dialect);

    const clusters = await regionalClusters(db, { from: '2026-05-01', to: '2026-05-31' });
    // Atlantique has no visit in May, only the workshop: it shows all the same.
    expect(
      clusters.map((c) => [c.regionCode, c.visits.length, c.jointMissions.length, c.regionalEvents.length]),
    ).toEqual([
      ['BJ-ZO', 1, 1, 1],
      ['BJ-AQ', 0, 0, 1],
    ]);
    const zou = clusters[0]!;
    expect(zou.jointMissions).toEqual([
      {
        id: jm,
        status: 'APPROVED',
        countryCode: 'BJ',
        regionCodes: ['BJ-ZO'],
        startDate: '2026-05-04',
        endDate: '2026-05-14',
        municipalities: [
          { nisCode: '11055', name: 'Zoersel' },
          { nisCode: '11057', name: 'Malle' },
        ],
        missionType: 'EVALUATION',
        eventKind: null,
        title: null,
      },
    ]);
    expect(zou.regionalEvents).toMatchObject([
      { id: ev, status: 'PROPOSED', eventKind: 'WORKSHOP', title: 'Waste management in Zou and Atlantique' },
    ]);
    expect(clusters[1]!.municipalities.map((m) => m.name)).toEqual(['Lier']);
    // Outside the period: nothing planned.
    const june = await regionalClusters(db, { from: '2026-06-01', to: '2026-06-30' });
    expect(june.flatMap((c) => [...c.jointMissions, ...c.regionalEvents])).toEqual([]);

    const [benin] = await countryClusters(db, { from: '2026-05-01', to: '2026-05-31', countryCode: 'BJ' });
    expect(benin!.regionCodes).toEqual(['BJ-AQ', 'BJ-ZO']);
    expect(benin!.jointMissions.map((p) => p.id)).toEqual([jm]);
    expect(benin!.regionalEvents.map((p) => p.id)).toEqual([ev]);
  });
});
