import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { dataSubjectsProjection } from './projection.js';
import {
  addYears,
  getDataSubject,
  knownDataSubjects,
  listDataSubjectStreams,
  listDataSubjects,
  retentionStatus,
  subjectsPastRetention,
  type DataSubjectsDb,
  type RetentionPeriods,
} from './queries.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function project(history: VisitHistory, dialect: (typeof DIALECTS)[number]): Promise<Kysely<DataSubjectsDb>> {
  database = await freshDatabase(dialect);
  await new ProjectionRunner({
    store: history.store,
    readModels: database.readModels,
    projections: [dataSubjectsProjection],
    batchSize: 5, // several batches, so rows written in one are read back in the next
  }).catchUp();
  return database.readModels.db as Kysely<DataSubjectsDb>;
}

const periods: RetentionPeriods = {
  CONTACT_PERSON: 5,
  CONTACTED_PERSON: 5,
  TWINNING_ACTOR: 5,
  STAFF_MEMBER: 10,
  DOCUMENT: null,
};

const twinningStream = `twinning-${id('tw-zoersel')}`;
const personal = ['Els Wouters', 'els@zoersel.be', 'Koen Maes', 'Mieke Claes', 'Lies Janssens', 'vergadering'];

/**
 * Els Wouters is Zoersel's coordinator: the contact of two requests, the
 * northern coordinator of the twinning until Koen Maes takes over, and once
 * contacted; Mieke Claes is the southern mayor until the twinning ends.
 */
async function cast({ elsReturns = false } = {}): Promise<VisitHistory> {
  const history = new VisitHistory();
  await history.basics();
  const els = { personId: id('els'), name: 'Els Wouters', email: 'els@zoersel.be' };
  const actorChange = (
    on: string,
    side: 'NORTH' | 'SOUTH',
    actorKind: string,
    person?: { personId: string; name: string },
  ) =>
    history.add(
      twinningStream,
      'TwinningActorChanged',
      {
        twinningId: id('tw-zoersel'),
        side,
        actorKind: actorKind as 'COORDINATOR' | 'MAYOR',
        changedOn: on,
        description: 'Nieuwe coördinator na de verkiezingen',
        ...(person ? { person } : {}),
      },
      on,
    );
  await actorChange('2019-02-01', 'NORTH', 'COORDINATOR', els);
  await actorChange('2019-03-01', 'SOUTH', 'MAYOR', { personId: id('mieke'), name: 'Mieke Claes' });
  const r1 = await history.submit('r1', '2020-01-10', {
    startDate: '2020-05-04',
    endDate: '2020-05-13',
    contact: els,
    notes: 'Na de vergadering van januari',
  });
  await history.declined(r1, '2020-02-01', 'NO_BUDGET');
  const r2 = await history.submit('r2', '2021-01-10', { startDate: '2021-05-04', endDate: '2021-05-13', contact: els });
  // Moved later, naming her again: the record's end moves with it.
  await history.amended(r2, '2021-02-01', {
    startDate: '2021-06-01',
    endDate: '2021-06-20',
    contactPersonId: els.personId,
  });
  await history.add(
    twinningStream,
    'ContactLogged',
    {
      contactId: id('c1'),
      twinningId: id('tw-zoersel'),
      contactedOn: '2021-03-03',
      channel: 'PHONE',
      person: { personId: id('els'), name: 'Els Wouters' },
      staffMemberId: id('lies'),
      summary: 'Over de vergadering',
    },
    '2021-03-03',
  );
  await actorChange('2022-09-01', 'NORTH', 'COORDINATOR', { personId: id('koen'), name: 'Koen Maes' });
  if (elsReturns) await actorChange('2023-01-01', 'NORTH', 'COORDINATOR', els);
  await history.twinningEnded('tw-zoersel', '2023-06-30');
  return history;
}

describe.each(DIALECTS)('the data-subject read model on %s', (dialect) => {
  it('names every subject of the log with its kinds, events, positions and dates, and no personal value', async () => {
    const history = await cast();
    const db = await project(history, dialect);

    const els = await getDataSubject(db, id('els'));
    expect(els).toMatchObject({
      subjectId: id('els'),
      firstSeenAt: '2019-02-01T09:00:00.000Z',
      lastSeenAt: '2021-03-03T09:00:00.000Z',
      eventCount: 5,
      erasedOn: null,
    });
    expect(els!.kinds.map((k) => [k.kind, k.basis, k.retentionFrom])).toEqual([
      // The later request's visit, moved to end on 20 June 2021.
      ['CONTACT_PERSON', 'RECORD_END', '2021-06-20'],
      ['CONTACTED_PERSON', 'LAST_NAMED', '2021-03-03'],
      // Koen Maes took over on 1 September 2022.
      ['TWINNING_ACTOR', 'OUT_OF_OFFICE', '2022-09-01'],
    ]);
    const streams = await listDataSubjectStreams(db, id('els'));
    expect(streams.map((s) => [s.kind, s.streamId, s.eventCount, s.positions.length])).toEqual([
      ['TWINNING_ACTOR', twinningStream, 1, 1],
      ['CONTACT_PERSON', `request-${id('r1')}`, 1, 1],
      // Submitted, then amended naming her.
      ['CONTACT_PERSON', `request-${id('r2')}`, 2, 2],
      ['CONTACTED_PERSON', twinningStream, 1, 1],
    ]);
    const positions = streams.flatMap((s) => s.positions);
    expect(positions).toEqual([...positions].sort((a, b) => Number(a - b)));
    expect(new Set(positions).size).toBe(5);
    expect(els!.eventCount).toBe(5);
    expect(els!.kinds.map((k) => k.eventCount)).toEqual([3, 1, 1]);

    // Mieke left office when the twinning ended; Koen is still in office when it ends, so he left then too.
    expect((await getDataSubject(db, id('mieke')))!.kinds).toMatchObject([
      { kind: 'TWINNING_ACTOR', retentionFrom: '2023-06-30' },
    ]);
    expect((await getDataSubject(db, id('koen')))!.kinds).toMatchObject([
      { kind: 'TWINNING_ACTOR', retentionFrom: '2023-06-30' },
    ]);
    expect((await getDataSubject(db, id('lies')))!.kinds).toMatchObject([
      { kind: 'STAFF_MEMBER', retentionFrom: '2026-03-02' },
    ]);
    const all = await listDataSubjects(db);
    const ofKind = (person: boolean) =>
      all
        .filter((s) => s.kinds.some((k) => k.kind === 'DOCUMENT') !== person)
        .map((s) => s.subjectId)
        .sort();
    expect(ofKind(true)).toEqual([id('els'), id('mieke'), id('koen'), id('lies')].sort());
    // Records whose own id keys their free text, where they do: the twinning (the reason it ended) and the declined
    // request (the decision's note); not the other request, whose events hold no text of its own.
    expect(ofKind(false)).toEqual([id('tw-zoersel'), id('r1')].sort());
    expect(await getDataSubject(db, id('nobody'))).toBeUndefined();
    expect([...(await knownDataSubjects(db, [id('els'), id('nobody'), id('lies')])).keys()].sort()).toEqual(
      [id('els'), id('lies')].sort(),
    );

    // Ids and dates only: no name, email or note in any of its tables.
    for (const table of ['data_subjects', 'data_subject_streams', 'data_subject_records', 'data_subject_offices']) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
      expect(rows.rows.length, table).toBeGreaterThan(0);
      const text = JSON.stringify(rows.rows);
      for (const value of personal) expect(text, table).not.toContain(value);
    }
  });

  it('keeps a twinning actor in office out of retention, and counts from the day they left', async () => {
    const history = await cast({ elsReturns: true });
    const db = await project(history, dialect);
    // She had left on 2022-09-01; back on 2023-01-01; the twinning ended 2023-06-30.
    expect((await getDataSubject(db, id('els')))!.kinds.find((k) => k.kind === 'TWINNING_ACTOR')).toMatchObject({
      retentionFrom: '2023-06-30',
    });
    expect((await getDataSubject(db, id('koen')))!.kinds).toMatchObject([{ retentionFrom: '2023-01-01' }]);
  });

  it('finds the subjects past retention: past the period of every kind they are named as, not erased', async () => {
    const history = await cast();
    await history.add(
      `dataSubject-${id('mieke')}`,
      'DataSubjectErased',
      { erasureId: id('erasure-1'), subjectId: id('mieke'), erasedOn: '2026-02-01' },
      '2026-02-01',
    );
    const db = await project(history, dialect);
    expect(await getDataSubject(db, id('mieke'))).toMatchObject({
      erasedOn: '2026-02-01',
      erasureId: id('erasure-1'),
    });

    const els = retentionStatus((await getDataSubject(db, id('els')))!, periods);
    expect(els.kinds.map((k) => [k.kind, k.expiresOn])).toEqual([
      ['CONTACT_PERSON', '2026-06-20'],
      ['CONTACTED_PERSON', '2026-03-03'],
      ['TWINNING_ACTOR', '2027-09-01'],
    ]);
    expect(els.expiresOn).toBe('2027-09-01');

    const due = async (today: string) => (await subjectsPastRetention(db, periods, today)).map((s) => s.subjectId);
    expect(await due('2028-06-29')).toEqual([id('els')]);
    // Koen left when the twinning ended (2023-06-30); Mieke too, but she is erased already.
    expect(await due('2028-06-30')).toEqual([id('els'), id('koen')]);
    // Lies: staff, ten years from 2026-03-02.
    expect(await due('2036-03-02')).toEqual([id('els'), id('koen'), id('lies')]);
    // A kind kept without limit keeps the subject.
    expect(await subjectsPastRetention(db, { ...periods, CONTACTED_PERSON: null }, '2040-01-01')).toMatchObject([
      { subjectId: id('koen') },
      { subjectId: id('lies') },
    ]);
    await expect(subjectsPastRetention(db, periods, '1/1/2030')).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('addYears', () => {
  it('adds calendar years, 29 February becoming 28 February in a common year', () => {
    expect(addYears('2021-06-20', 5)).toBe('2026-06-20');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});
