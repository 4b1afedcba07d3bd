import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { historyProjection } from './projection.js';
import {
  coverageGroups,
  firstCovered,
  getAccompanimentHistory,
  keptCoverageGroups,
  lastAccompaniedVisit,
  listCoverage,
  renewCoverage,
  type CoverageGroup,
  type HistoryDb,
  type KeptCoverage,
} from './queries.js';
import { VisitHistory, id } from '../testing/visitHistory.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function project(history: VisitHistory, dialect: (typeof DIALECTS)[number]): Promise<Kysely<HistoryDb>> {
  database = await freshDatabase(dialect);
  await new ProjectionRunner({
    store: history.store,
    readModels: database.readModels,
    projections: [historyProjection],
    batchSize: 7, // several batches, so rows written in one are read back in the next
  }).catchUp();
  return database.readModels.db as Kysely<HistoryDb>;
}

/** Zoersel (twinned with Bohicon, BJ-ZO), Malle (with Abomey, BJ-ZO) and Lier (never visited). */
async function cast(): Promise<VisitHistory> {
  const history = new VisitHistory();
  await history.basics();
  await history.municipality('11057', 'Malle');
  await history.twinning('tw-malle', { nisCode: '11057', partnerName: 'Abomey', regionCode: 'BJ-ZO' });
  await history.municipality('12021', 'Lier');
  await history.staffMember('jan', 'Jan Peeters');
  return history;
}

describe.each(DIALECTS)('the accompaniment history on %s', (dialect) => {
  it('lists every visit of a municipality with who accompanied it, when it was last accompanied and why it was declined', async () => {
    const history = await cast();
    const r1 = await history.submit('r1', '2024-01-15', { startDate: '2024-05-04', endDate: '2024-05-13' });
    const m1 = await history.accepted(r1, '2024-02-01', { mission: 'm1', staff: 'lies' });
    await history.scheduled('m1', {
      requestIds: [r1],
      nisCodes: ['11055'],
      twinningIds: [id('tw-zoersel')],
      regionCode: 'BJ-ZO',
      startDate: '2024-05-04',
      endDate: '2024-05-13',
      staff: ['lies'],
    });
    await history.completed(m1, '2024-05-31', 12);
    const r2 = await history.submit('r2', '2025-02-01', { startDate: '2025-06-01', endDate: '2025-06-08' });
    await history.declined(r2, '2025-02-10', 'NO_BUDGET');
    const r3 = await history.submit('r3', '2025-09-01', {
      missionType: 'POLITICAL',
      startDate: '2025-11-03',
      endDate: '2025-11-09',
    });
    await history.declined(r3, '2025-09-12', 'NO_BUDGET');
    const r4 = await history.submit('r4', '2026-01-05', { missionType: 'TECHNICAL' });
    await history.declined(r4, '2026-01-20', 'NOT_OPPORTUNE');
    const r5 = await history.submit('r5', '2026-03-01', { startDate: '2026-12-01', endDate: '2026-12-08' });
    await history.amended(r5, '2026-03-05', { startDate: '2026-12-02' });
    await history.withdrawn(r5, '2026-04-01');
    const db = await project(history, dialect);

    const h = await getAccompanimentHistory(db, '11055', { today: '2026-11-27' });
    expect(h).toMatchObject({
      nisCode: '11055',
      name: 'Zoersel',
      lastAccompaniedOn: '2024-05-13',
      monthsSinceLastAccompaniment: 30,
      declineReasons: [
        { reason: 'NO_BUDGET', count: 2 },
        { reason: 'NOT_OPPORTUNE', count: 1 },
      ],
    });
    expect(h!.visits.map((v) => [v.startDate, v.status, v.accompanied])).toEqual([
      ['2026-12-02', 'WITHDRAWN', false],
      ['2026-05-04', 'DECLINED', false],
      ['2025-11-03', 'DECLINED', false],
      ['2025-06-01', 'DECLINED', false],
      ['2024-05-04', 'ACCEPTED', true],
    ]);
    expect(h!.visits[4]).toMatchObject({
      requestId: r1,
      missionId: m1,
      missionType: 'EVALUATION',
      missionStatus: 'COMPLETED',
      completedOn: '2024-05-31',
      decidedOn: '2024-02-01',
      submittedOn: '2024-01-15',
      staff: [{ staffMemberId: id('lies'), name: 'Lies Janssens' }],
    });
    expect(h!.visits[2]).toMatchObject({ missionType: 'POLITICAL', declineReason: 'NO_BUDGET', staff: [] });
    expect(await getAccompanimentHistory(db, '99999', { today: '2026-11-27' })).toBeUndefined();
    await expect(getAccompanimentHistory(db, '11055', { today: '27/11/2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('counts a mission under way up to today, but neither a mission still to come nor a cancelled one', async () => {
    const history = await cast();
    const scheduled = (name: string, startDate: string, endDate: string) =>
      history.scheduled(name, {
        nisCodes: ['11055'],
        twinningIds: [id('tw-zoersel')],
        regionCode: 'BJ-ZO',
        startDate,
        endDate,
        staff: ['lies'],
      });
    await scheduled('past', '2025-03-03', '2025-03-12');
    const cancelled = await scheduled('cancelled', '2026-02-02', '2026-02-10');
    await history.cancelled(cancelled, '2026-01-20');
    await scheduled('under-way', '2026-11-20', '2026-11-30');
    await scheduled('to-come', '2027-01-10', '2027-01-20');
    const db = await project(history, dialect);

    const on = async (today: string) => {
      const h = await getAccompanimentHistory(db, '11055', { today });
      return [h!.lastAccompaniedOn, h!.monthsSinceLastAccompaniment];
    };
    expect(await on('2026-11-19')).toEqual(['2025-03-12', 20]);
    expect(await on('2026-11-27')).toEqual(['2026-11-27', 0]);
    expect(await on('2027-06-15')).toEqual(['2027-01-20', 4]);
    expect(await lastAccompaniedVisit(db, '11055', '2026-11-19')).toBe('2025-03-12');
    expect(await lastAccompaniedVisit(db, '11055', '2026-11-22')).toBe('2026-11-22');
    expect(await lastAccompaniedVisit(db, '11057', '2026-11-22')).toBeUndefined();
    const h = await getAccompanimentHistory(db, '11055', { today: '2026-11-27' });
    expect(h!.visits.map((v) => [v.kind, v.startDate, v.missionStatus, v.accompanied])).toEqual([
      ['MISSION', '2027-01-10', 'SCHEDULED', false],
      ['MISSION', '2026-11-20', 'SCHEDULED', true],
      ['MISSION', '2026-02-02', 'CANCELLED', false],
      ['MISSION', '2025-03-03', 'SCHEDULED', true],
    ]);
  });

  it('gives every municipality of a joint mission the visit, and charts the months since each was accompanied', async () => {
    const history = await cast();
    const r1 = await history.submit('r1', '2024-02-01', { startDate: '2024-05-04', endDate: '2024-05-13' });
    await history.accepted(r1, '2024-02-20', { mission: 'joint', staff: 'lies' });
    const joint = await history.scheduled('joint', {
      requestIds: [r1],
      nisCodes: ['11055', '11057'],
      twinningIds: [id('tw-zoersel'), id('tw-malle')],
      regionCode: 'BJ-ZO',
      startDate: '2024-05-04',
      endDate: '2024-05-13',
      staff: ['lies', 'jan'],
    });
    await history.completed(joint, '2024-06-10', 20);
    await history.scheduled('malle-2026', {
      nisCodes: ['11057'],
      twinningIds: [id('tw-malle')],
      regionCode: 'BJ-ZO',
      startDate: '2026-01-12',
      endDate: '2026-01-20',
      staff: ['jan'],
    });
    const db = await project(history, dialect);

    const malle = await getAccompanimentHistory(db, '11057', { today: '2026-11-27' });
    expect(malle!.visits).toHaveLength(2);
    expect(malle!.visits[1]).toMatchObject({
      visitId: `${joint}/11057`,
      kind: 'MISSION',
      requestId: null,
      status: null,
      missionStatus: 'COMPLETED',
      accompanied: true,
      staff: [
        { staffMemberId: id('lies'), name: 'Lies Janssens' },
        { staffMemberId: id('jan'), name: 'Jan Peeters' },
      ],
    });
    const zoersel = await getAccompanimentHistory(db, '11055', { today: '2026-11-27' });
    expect(zoersel!.visits).toHaveLength(1);
    expect(zoersel!.visits[0]!.staff.map((s) => s.name)).toEqual(['Lies Janssens', 'Jan Peeters']);

    expect(await listCoverage(db, { today: '2026-11-27' })).toEqual([
      { nisCode: '12021', name: 'Lier', lastAccompaniedOn: null, monthsSinceLastAccompaniment: null },
      { nisCode: '11055', name: 'Zoersel', lastAccompaniedOn: '2024-05-13', monthsSinceLastAccompaniment: 30 },
      { nisCode: '11057', name: 'Malle', lastAccompaniedOn: '2026-01-20', monthsSinceLastAccompaniment: 10 },
    ]);
  });

  it('keeps coverage between requests: the same while nothing it reads changed, renewed after a visit changes it', async () => {
    const history = await cast();
    await history.scheduled('past', {
      nisCodes: ['11055'],
      twinningIds: [id('tw-zoersel')],
      regionCode: 'BJ-ZO',
      startDate: '2025-03-03',
      endDate: '2025-03-12',
      staff: ['lies'],
    });
    database = await freshDatabase(dialect);
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [historyProjection],
    });
    await runner.catchUp();
    const db = database.readModels.db as Kysely<HistoryDb>;
    const today = '2026-11-27';
    // Groups hold their municipalities in no particular order: compared by NIS code.
    const canonical = (groups: readonly CoverageGroup[]) =>
      groups.map((g) => ({
        months: g.monthsSinceLastAccompaniment,
        municipalities: [...g.municipalities].sort((a, b) => a.nisCode.localeCompare(b.nisCode)),
      }));
    const fresh = async (on = today) => canonical(await coverageGroups(db, { today: on }));
    const listed = (kept: KeptCoverage | undefined) => firstCovered(kept!.groups);

    const kept = await renewCoverage(db, today);
    expect(canonical(kept!.groups)).toEqual(await fresh());
    expect(listed(kept).map((c) => [c.nisCode, c.lastAccompaniedOn])).toEqual([
      ['12021', null],
      ['11057', null],
      ['11055', '2025-03-12'],
    ]);
    // A request, a decline: history_visits changes, no coverage row does.
    const r1 = await history.submit('r1', '2026-11-01', {
      nisCode: '11057',
      twinningId: id('tw-malle'),
      startDate: '2027-01-04',
      endDate: '2027-01-09',
    });
    await history.declined(r1, '2026-11-10', 'NO_BUDGET');
    await runner.catchUp();
    expect(await renewCoverage(db, today, kept)).toBe(kept);

    // Malle's mission under way, and Zoersel's next one still to start: only their groups are made again.
    await history.scheduled('malle', {
      nisCodes: ['11057'],
      twinningIds: [id('tw-malle')],
      regionCode: 'BJ-ZO',
      startDate: '2026-11-20',
      endDate: '2026-12-05',
      staff: ['jan'],
    });
    await history.scheduled('zoersel-next', {
      nisCodes: ['11055'],
      twinningIds: [id('tw-zoersel')],
      regionCode: 'BJ-ZO',
      startDate: '2027-02-01',
      endDate: '2027-02-10',
      staff: ['lies'],
    });
    await runner.catchUp();
    const renewed = await renewCoverage(db, today, kept);
    expect(renewed).not.toBe(kept);
    expect(renewed!.position > kept!.position).toBe(true);
    expect(canonical(renewed!.groups)).toEqual(await fresh());
    expect(listed(renewed).map((c) => [c.nisCode, c.lastAccompaniedOn, c.monthsSinceLastAccompaniment])).toEqual([
      ['12021', null, null],
      ['11055', '2025-03-12', 20],
      ['11057', '2026-11-27', 0],
    ]);
    // Cancelled: Malle is never accompanied again, at once.
    await history.cancelled(id('malle'), '2026-11-28');
    await runner.catchUp();
    const cancelled = await renewCoverage(db, today, renewed);
    expect(canonical(cancelled!.groups)).toEqual(await fresh());
    expect(listed(cancelled).map((c) => c.nisCode)).toEqual(['12021', '11057', '11055']);
    // Zoersel's group (20 months) was left by nobody and joined by nobody: the same group as before.
    const twenty = (k: KeptCoverage | undefined) => k!.groups.find((g) => g.monthsSinceLastAccompaniment === 20);
    expect(twenty(cancelled)).toBeDefined();
    expect(twenty(cancelled)).toBe(twenty(renewed));
    // A renamed municipality is a changed row too.
    await history.municipality('12021', 'Lier (stad)');
    await runner.catchUp();
    const renamed = await renewCoverage(db, today, cancelled);
    expect(listed(renamed).find((c) => c.nisCode === '12021')!.name).toBe('Lier (stad)');
    expect(canonical(renamed!.groups)).toEqual(await fresh());

    // Another day counts months to it: every row read again, Zoersel's next mission now under way.
    const later = await renewCoverage(db, '2027-02-05', renamed);
    expect(later!.today).toBe('2027-02-05');
    expect(canonical(later!.groups)).toEqual(await fresh('2027-02-05'));
    expect(listed(later).find((c) => c.nisCode === '11055')!.lastAccompaniedOn).toBe('2027-02-05');
    // And for a country: only the municipalities twinned there.
    expect(canonical(await keptCoverageGroups(db, later!, 'BJ'))).toEqual(
      canonical(await coverageGroups(db, { today: '2027-02-05', countryCode: 'BJ' })),
    );
    expect(await keptCoverageGroups(db, later!, 'ZA')).toEqual([]);
    await expect(keptCoverageGroups(db, later!, 'Benin')).rejects.toThrow('ISO 3166-1 alpha-2');
  });

  it('marks the visits a joint mission serves, from the acceptance that names it or from its mission', async () => {
    const history = await cast();
    const jointMissionId = id('joint-plan');
    const r1 = await history.submit('r1', '2026-02-01', { startDate: '2026-09-01', endDate: '2026-09-10' });
    const alone = await history.submit('alone', '2026-02-01', { startDate: '2026-10-01', endDate: '2026-10-05' });
    await history.accepted(alone, '2026-03-01', { mission: 'alone-mission', staff: 'lies' });
    const missionId = id('joint');
    // The approval accepts every request with the joint mission's id, then schedules its one mission.
    await history.add(
      `request-${r1}`,
      'AccompanimentAccepted',
      {
        requestId: r1,
        missionId,
        jointMissionId,
        staffMemberId: id('lies'),
        decidedOn: '2026-06-20',
        bookedDays: 0,
        reservedBudgetEur: 0,
      },
      '2026-06-20',
    );
    const db0 = await project(history, dialect);
    const before = await getAccompanimentHistory(db0, '11055', { today: '2026-06-21' });
    expect(before!.visits.map((v) => [v.requestId, v.jointMissionId])).toEqual([
      [alone, null],
      [r1, jointMissionId],
    ]);
    await database?.drop();
    await history.add(`mission-${missionId}`, 'MissionScheduled', {
      missionId,
      requestIds: [r1],
      jointMissionId,
      twinningIds: [id('tw-zoersel'), id('tw-malle')],
      nisCodes: ['11055', '11057'],
      missionType: 'EVALUATION',
      countryCode: 'BJ',
      regionCode: 'BJ-ZO',
      startDate: '2026-09-01',
      endDate: '2026-09-12',
      staffMemberIds: [id('lies'), id('jan')],
      bookedDays: 20,
      reservedBudgetEur: 3000,
    });
    const db = await project(history, dialect);

    const zoersel = await getAccompanimentHistory(db, '11055', { today: '2026-11-27' });
    expect(zoersel!.visits.map((v) => [v.requestId, v.missionId, v.jointMissionId])).toEqual([
      [alone, id('alone-mission'), null],
      [r1, missionId, jointMissionId],
    ]);
    const malle = await getAccompanimentHistory(db, '11057', { today: '2026-11-27' });
    expect(malle!.visits).toEqual([
      expect.objectContaining({ visitId: `${missionId}/11057`, kind: 'MISSION', jointMissionId, accompanied: true }),
    ]);
  });
});
