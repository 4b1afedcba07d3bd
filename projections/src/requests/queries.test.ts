import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { requestsProjection } from './projection.js';
import { listRequests, type RequestFilter, type RequestView, type RequestsDb } from './queries.js';

/*
 * A list's query is compiled once per shape (which filters, how many values,
 * a cursor or not, which fields) and run again with other values: every
 * filter, with values that match and values that do not, in pages of every
 * size, must list what the full list shows, in its order.
 */

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function requests(dialect: (typeof DIALECTS)[number]): Promise<Kysely<RequestsDb>> {
  const h = new VisitHistory();
  await h.basics();
  await h.municipality('11057', 'Malle');
  await h.twinning('tw-malle', { nisCode: '11057', partnerName: 'Thiès', regionCode: 'SN-TH' });
  await h.staffMember('jan', 'Jan Peeters');
  const malle = { nisCode: '11057', twinningId: id('tw-malle') };
  const a = await h.submit('a', '2026-02-02', {
    missionType: 'TECHNICAL',
    startDate: '2026-04-06',
    endDate: '2026-04-10',
  });
  const b = await h.submit('b', '2026-02-02', { ...malle, startDate: '2026-06-01', endDate: '2026-06-12' });
  const c = await h.submit('c', '2026-02-09', { missionType: 'POLITICAL' });
  const d = await h.submit('d', '2026-02-16', { ...malle, missionType: 'IDENTIFICATION' });
  const e = await h.submit('e', '2026-02-16', { startDate: '2026-09-07', endDate: '2026-09-18' });
  await h.submit('f', '2026-03-02', {
    ...malle,
    missionType: 'TECHNICAL',
    startDate: '2026-05-11',
    endDate: '2026-05-15',
  });
  await h.submit('g', '2026-03-09');
  await h.assessed(a, '2026-02-02', 'ACCEPT');
  await h.accepted(a, '2026-02-20', { mission: 'm-a', staff: 'lies' });
  await h.accepted(b, '2026-02-21', { mission: 'm-b', staff: 'jan' });
  await h.assessed(c, '2026-02-09', 'DECLINE', 'NO_STAFF_TIME');
  await h.assessed(b, '2026-02-02', 'DECLINE', 'NO_BUDGET');
  await h.declined(c, '2026-02-22', 'NOT_OPPORTUNE');
  await h.withdrawn(d, '2026-02-23');
  await h.accepted(e, '2026-03-01', { mission: 'm-e', staff: 'jan' });
  database = await freshDatabase(dialect);
  await new ProjectionRunner({
    store: h.store,
    readModels: database.readModels,
    projections: [requestsProjection],
  }).catchUp();
  return database.readModels.db as Kysely<RequestsDb>;
}

const matches = (f: RequestFilter) => (v: RequestView) =>
  (!f.status?.length || f.status.includes(v.status)) &&
  (!f.missionType?.length || f.missionType.includes(v.missionType)) &&
  (!f.nisCode || v.nisCode === f.nisCode) &&
  (!f.countryCode || v.countryCode === f.countryCode) &&
  (!f.regionCode || v.regionCode === f.regionCode) &&
  (!f.staffMemberId || v.staffMemberId === f.staffMemberId) &&
  (!f.from || v.endDate >= f.from) &&
  (!f.to || v.startDate <= f.to) &&
  (!f.submittedFrom || v.submittedOn >= f.submittedFrom) &&
  (!f.submittedTo || v.submittedOn <= f.submittedTo) &&
  (!f.recommendation || v.assessment?.recommendation === f.recommendation) &&
  (!f.declineReason || v.declineReason === f.declineReason) &&
  (f.agreement === undefined ||
    (v.decidedOn !== null &&
      v.assessment !== null &&
      f.agreement ===
        (v.status === 'DECLINED'
          ? v.assessment.recommendation === 'DECLINE' && v.assessment.declineReason === v.declineReason
          : v.assessment.recommendation === 'ACCEPT')));

// Shapes repeat with other values, so that compiled queries are run again with them.
const filters: RequestFilter[] = [
  {},
  { status: [] },
  { status: ['ACCEPTED'] },
  { status: ['SUBMITTED'] },
  { status: ['ACCEPTED', 'DECLINED'] },
  { status: ['WITHDRAWN', 'SUBMITTED'] },
  { missionType: ['TECHNICAL'] },
  { missionType: ['EVALUATION', 'POLITICAL'] },
  { missionType: ['IDENTIFICATION', 'TECHNICAL'] },
  { nisCode: '11055' },
  { nisCode: '11057' },
  { countryCode: 'BJ' },
  { countryCode: 'SN' },
  { regionCode: 'SN-TH' },
  { regionCode: 'BJ-ZO' },
  { staffMemberId: id('lies') },
  { staffMemberId: id('jan') },
  { from: '2026-06-01' },
  { from: '2026-04-11' },
  { to: '2026-05-10' },
  { to: '2026-04-06' },
  { from: '2026-05-01', to: '2026-06-30' },
  { from: '2026-04-01', to: '2026-04-30' },
  { status: ['ACCEPTED'], countryCode: 'BJ' },
  { status: ['ACCEPTED'], countryCode: 'SN' },
  { status: ['ACCEPTED', 'SUBMITTED'], nisCode: '11057', missionType: ['TECHNICAL', 'EVALUATION'] },
  { status: ['SUBMITTED', 'ACCEPTED'], nisCode: '11055', missionType: ['EVALUATION', 'TECHNICAL'] },
  { submittedFrom: '2026-02-09' },
  { submittedFrom: '2026-02-16' },
  { submittedTo: '2026-02-09' },
  { submittedFrom: '2026-02-01', submittedTo: '2026-02-28', missionType: ['TECHNICAL'] },
  { submittedFrom: '2026-03-01', submittedTo: '2026-03-31', missionType: ['EVALUATION'] },
  { recommendation: 'ACCEPT' },
  { recommendation: 'DECLINE' },
  { declineReason: 'NOT_OPPORTUNE' },
  { declineReason: 'NO_BUDGET' },
  { agreement: true },
  { agreement: false },
  { agreement: true, nisCode: '11057' },
];

describe.each(DIALECTS)('the request list on %s', (dialect) => {
  it('lists, for every filter and page size, what the full list shows, whole or in a few fields', async () => {
    const db = await requests(dialect);
    const all = (await listRequests(db, {}, { first: 100 })).edges.map((e) => e.node);
    expect(all.map((v) => v.requestId)).toHaveLength(7);
    for (const fields of [undefined, ['status', 'municipalityName', 'assessment.recommendation'] as const]) {
      for (const filter of filters) {
        const expected = all.filter(matches(filter));
        for (const first of [1, 2, 5]) {
          const listed: RequestView[] = [];
          let after: string | undefined;
          for (;;) {
            const page = await listRequests(db, filter, { first, ...(after ? { after } : {}) }, fields);
            listed.push(...page.edges.map((e) => e.node));
            if (!page.hasNextPage) break;
            after = page.edges.at(-1)!.cursor;
          }
          const label = `${JSON.stringify(filter)}, pages of ${first}, ${fields ? 'some fields' : 'all fields'}`;
          expect(
            listed.map((v) => v.requestId),
            label,
          ).toEqual(expected.map((v) => v.requestId));
          if (fields)
            expect(listed, label).toEqual(
              expected.map((v) => ({
                requestId: v.requestId,
                submittedOn: v.submittedOn,
                status: v.status,
                municipalityName: v.municipalityName,
                assessment: v.assessment && { recommendation: v.assessment.recommendation },
              })),
            );
          else expect(listed, label).toEqual(expected);
        }
      }
    }
  });
});
