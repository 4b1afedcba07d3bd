import type { MissionType } from '@werkbezoek/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../assessment/policy.js';
import { addDays, visitDays } from '../dates.js';
import {
  candidateRankKey,
  compareCandidateRankKeys,
  describeCandidate,
  jointMissionCandidates,
  rankJointMissionCandidates,
  windowsAtVisitStarts,
  type CandidateVisit,
  type JointMissionInput,
} from './candidates.js';

// Benin in the demo cost table: travel €950, allowance €140 a day.
const BJ = defaultPolicy.costs.BJ!;

const municipalities: Record<string, string> = {
  '11002': 'Antwerpen',
  '44021': 'Gent',
  '24062': 'Leuven',
  '31005': 'Brugge',
};

let nextId = 0;
function visit(
  nisCode: string,
  startDate: string,
  endDate: string,
  more: Partial<CandidateVisit> & { missionType?: MissionType } = {},
): CandidateVisit {
  const id = more.id ?? `r${++nextId}`;
  return {
    kind: 'REQUEST',
    id,
    requestIds: [id],
    nisCode,
    municipalityName: municipalities[nisCode] ?? nisCode,
    regionCode: 'BJ-ZO',
    countryCode: 'BJ',
    missionType: 'TECHNICAL',
    startDate,
    endDate,
    ...more,
  };
}

/** Every municipality was accompanied recently, unless a test says otherwise: FOLLOW_UP stays out of the way. */
const recentlyAccompanied = Object.fromEntries(Object.keys(municipalities).map((nis) => [nis, '2026-12-01']));

function given(visits: CandidateVisit[], more: Partial<JointMissionInput> = {}) {
  const input: JointMissionInput = {
    visits,
    lastAccompaniedOn: recentlyAccompanied,
    period: { from: '2027-01-01', to: '2027-12-31' },
    today: '2027-01-01',
    ...more,
  };
  return { candidates: () => jointMissionCandidates(input, defaultPolicy) };
}

describe('joint-mission candidates: hand-made cases', () => {
  it('proposes one trip for two municipalities visiting BJ-ZO five days apart, with its days, cost and saving', () => {
    // Given Antwerpen visits 1–3 March and Gent 6–8 March, both in BJ-ZO
    const a = visit('11002', '2027-03-01', '2027-03-03', { missionType: 'TECHNICAL' });
    const b = visit('44021', '2027-03-06', '2027-03-08', { missionType: 'EVALUATION' });

    // When the planner looks for candidates
    const candidates = given([a, b]).candidates();

    // Then there is one: one trip of 8 days against two of 3
    expect(candidates).toHaveLength(1);
    const [c] = candidates;
    expect(c).toMatchObject({
      group: { kind: 'REGION', code: 'BJ-ZO' },
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      window: { start: '2027-03-01', end: '2027-03-14' },
      trip: { start: '2027-03-01', end: '2027-03-08', days: 8 },
      requestIds: [a.id, b.id].sort(),
      municipalities: [
        { nisCode: '11002', name: 'Antwerpen' },
        { nisCode: '44021', name: 'Gent' },
      ],
      missionType: 'EVALUATION', // the most relevant of the two (rank 2 before rank 3)
      combinedStaffDays: 2 + 8 + 2,
      separateStaffDays: 2 * (2 + 3 + 2),
      combinedCostEur: BJ.travelEur + 8 * BJ.dailyAllowanceEur, // 2070
      separateCostEur: 2 * (BJ.travelEur + 3 * BJ.dailyAllowanceEur), // 2740
      savingEur: 670,
      followUpNisCodes: [],
    });
    expect(c!.reasons.map((r) => r.reasons)).toEqual([['COMBINED_VISITS'], ['COMBINED_VISITS']]);
    expect(c!.why.nl).toBe(
      'Antwerpen en Gent bezoeken Zou tussen 2027-03-01 en 2027-03-08, binnen 14 dagen: één begeleiding als ' +
        'evaluatiemissie dekt 2 aanvragen in 2 + 8 + 2 = 12 personeelsdagen in plaats van 14, voor een geschatte ' +
        'kost van € 2.070 (reis € 950 + 8 dagen × € 140) in plaats van € 2.740: een besparing van € 670.',
    );
    expect(c!.why.en).toBe(
      'Antwerpen and Gent visit Zou between 2027-03-01 and 2027-03-08, within 14 days: one accompaniment as ' +
        'evaluation mission covers 2 requests in 2 + 8 + 2 = 12 staff days instead of 14, at an estimated cost of ' +
        '€2,070 (travel €950 + 8 days × €140) instead of €2,740: a saving of €670.',
    );
  });

  it('proposes nothing for visits 20 days apart with a window of 14 days', () => {
    const candidates = given([visit('11002', '2027-03-01', '2027-03-03'), visit('44021', '2027-03-21', '2027-03-23')], {
      windowDays: 14,
    }).candidates();
    expect(candidates).toEqual([]);
  });

  it('proposes nothing when the same municipality visits twice', () => {
    const candidates = given([
      visit('11002', '2027-03-01', '2027-03-03'),
      visit('11002', '2027-03-06', '2027-03-08'),
    ]).candidates();
    expect(candidates).toEqual([]);
  });

  it('proposes nothing when one trip would cost more than the separate ones', () => {
    // Two one-day visits 13 days apart: one trip pays 14 days of allowance (€1,960) to save one fare (€950).
    const candidates = given([
      visit('11002', '2027-03-01', '2027-03-01'),
      visit('44021', '2027-03-14', '2027-03-14'),
    ]).candidates();
    expect(candidates).toEqual([]);
  });

  it('leaves out a window whose requests are a subset of another window’s, and keeps overlapping ones that are not', () => {
    // Given three visits within 14 days, and a fourth that only the later windows reach
    const a = visit('11002', '2027-03-01', '2027-03-02');
    const b = visit('44021', '2027-03-05', '2027-03-06');
    const c = visit('24062', '2027-03-10', '2027-03-11');
    const d = visit('31005', '2027-03-17', '2027-03-18');

    const candidates = given([a, b, c, d]).candidates();

    // Then {a, b, c} (window from 1 March) and {b, c, d} (from 5 March) are shown; {c, d} (from 10 March) is not
    expect(candidates.map((x) => x.visitIds)).toEqual([[a.id, b.id, c.id].sort(), [b.id, c.id, d.id].sort()]);
  });

  it('ranks by saving, then by the number of requests covered', () => {
    const near = [visit('11002', '2027-03-01', '2027-03-05'), visit('44021', '2027-03-01', '2027-03-05')];
    const far = [visit('11002', '2027-06-01', '2027-06-02'), visit('44021', '2027-06-09', '2027-06-10')];
    const candidates = given([...far, ...near]).candidates();
    expect(candidates.map((c) => c.window.start)).toEqual(['2027-03-01', '2027-06-01']);
    expect(candidates[0]!.savingEur).toBeGreaterThan(candidates[1]!.savingEur);
  });

  it('groups neighbouring regions by country: BJ-ZO and BJ-CO together', () => {
    // Given Antwerpen in Zou and Gent in Collines, five days apart
    const a = visit('11002', '2027-03-01', '2027-03-03');
    const b = visit('44021', '2027-03-06', '2027-03-08', { regionCode: 'BJ-CO' });

    const candidates = given([a, b]).candidates();

    // Then neither region has a candidate on its own, but Benin does
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      group: { kind: 'COUNTRY', code: 'BJ' },
      regionCodes: ['BJ-CO', 'BJ-ZO'],
      savingEur: 670,
    });
    expect(candidates[0]!.why.nl).toContain('bezoeken Collines en Zou tussen');
  });

  it('lists a country candidate that equals a region candidate once, as the region’s', () => {
    const a = visit('11002', '2027-03-01', '2027-03-03');
    const b = visit('44021', '2027-03-06', '2027-03-08');
    const elsewhere = visit('24062', '2027-09-01', '2027-09-03', { regionCode: 'BJ-CO' });
    const candidates = given([a, b, elsewhere]).candidates();
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.group).toEqual({ kind: 'REGION', code: 'BJ-ZO' });
  });

  it('derives FOLLOW_UP for a municipality not accompanied in the 24 months before the window', () => {
    // Given Antwerpen was last accompanied until 28 Feb 2025 and Gent until 1 March 2025; Leuven never
    const a = visit('11002', '2027-03-01', '2027-03-03', { satisfiedReasons: ['COMBINED_VISITS'] });
    const b = visit('44021', '2027-03-04', '2027-03-06');
    const c = visit('24062', '2027-03-07', '2027-03-09');
    const lastAccompaniedOn = { '11002': '2025-02-28', '44021': '2025-03-01' };

    const [candidate] = given([a, b, c], { lastAccompaniedOn }).candidates();

    // Then Antwerpen and Leuven get FOLLOW_UP; Gent, accompanied exactly 24 months before, does not
    expect(candidate!.followUpNisCodes).toEqual(['11002', '24062']);
    const reasonsOf = (id: string) => candidate!.reasons.find((r) => r.requestId === id)!;
    expect(reasonsOf(a.id)).toEqual({
      requestId: a.id,
      nisCode: '11002',
      reasons: ['FOLLOW_UP', 'COMBINED_VISITS'],
      newReasons: ['FOLLOW_UP'], // its assessment already counted COMBINED_VISITS
    });
    expect(reasonsOf(b.id).reasons).toEqual(['COMBINED_VISITS']);
    expect(reasonsOf(c.id).reasons).toEqual(['FOLLOW_UP', 'COMBINED_VISITS']);
    expect(candidate!.why.en).toContain('Follow-up: Antwerpen and Leuven were not accompanied in the last 24 months.');
  });

  it('counts a scheduled mission once, with all its requests, and not the request it already accompanies', () => {
    const mission = visit('11002', '2027-03-01', '2027-03-03', {
      kind: 'MISSION',
      id: 'm1',
      requestIds: ['r-a', 'r-x'],
    });
    const same = visit('11002', '2027-03-01', '2027-03-03', { id: 'r-a' });
    const b = visit('44021', '2027-03-06', '2027-03-08', { id: 'r-b' });
    const [c] = given([mission, same, b]).candidates();
    expect(c!.visitIds).toEqual(['m1', 'r-b']);
    expect(c!.requestIds).toEqual(['r-a', 'r-b', 'r-x']);
  });

  it('keeps to the period, the filter and visits not yet started', () => {
    const pair = [visit('11002', '2027-03-01', '2027-03-03'), visit('44021', '2027-03-06', '2027-03-08')];
    expect(given(pair, { period: { from: '2027-03-02', to: '2027-12-31' } }).candidates()).toEqual([]);
    expect(given(pair, { today: '2027-03-02' }).candidates()).toEqual([]);
    expect(given(pair, { regionCode: 'BJ-CO' }).candidates()).toEqual([]);
    expect(given(pair, { countryCode: 'SN' }).candidates()).toEqual([]);
    expect(given(pair, { countryCode: 'BJ', regionCode: 'BJ-ZO' }).candidates()).toHaveLength(1);
  });
});

// Properties on small random inputs: up to 8 visits in a 60-day period, in two regions of one country.
const PERIOD_START = '2027-01-01';
const PERIOD_DAYS = 60;
const PERIOD_END = addDays(PERIOD_START, PERIOD_DAYS - 1);

const arbVisits = fc
  .array(
    fc.record({
      nisCode: fc.constantFrom('11002', '44021', '24062', '31005'),
      regionCode: fc.constantFrom('BJ-ZO', 'BJ-CO'),
      offset: fc.integer({ min: 0, max: PERIOD_DAYS - 1 }),
      length: fc.integer({ min: 1, max: 10 }),
      missionType: fc.constantFrom<MissionType>('IDENTIFICATION', 'EVALUATION', 'TECHNICAL', 'POLITICAL'),
    }),
    { maxLength: 8 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      visit(
        r.nisCode,
        addDays(PERIOD_START, r.offset),
        addDays(PERIOD_START, Math.min(PERIOD_DAYS - 1, r.offset + r.length - 1)),
        { id: `v${i}`, regionCode: r.regionCode, missionType: r.missionType },
      ),
    ),
  );
const arbWindowDays = fc.integer({ min: 1, max: 20 });

/** The brute force: the visits covered by the window starting on each day that could matter. */
function everyWindow(visits: readonly CandidateVisit[], windowDays: number) {
  const windows: { start: string; ids: string[] }[] = [];
  for (let d = -windowDays; d < PERIOD_DAYS; d++) {
    const start = addDays(PERIOD_START, d);
    const end = addDays(start, windowDays - 1);
    const covered = visits.filter((v) => v.startDate >= start && v.endDate <= end);
    windows.push({ start, ids: covered.map((v) => v.id).sort() });
  }
  return windows;
}

/** The groups as the rule states them: each region, and the country when it spans more than one region. */
function groupsOf(visits: readonly CandidateVisit[]) {
  const groups = new Map<string, CandidateVisit[]>();
  for (const v of visits) groups.set(`REGION:${v.regionCode}`, [...(groups.get(`REGION:${v.regionCode}`) ?? []), v]);
  if (new Set(visits.map((v) => v.regionCode)).size > 1) groups.set('COUNTRY:BJ', [...visits]);
  return groups;
}

/** The saving written out from the rule, independently of the implementation. */
function savingOf(covered: readonly CandidateVisit[]) {
  const start = covered.map((v) => v.startDate).sort()[0]!;
  const end = covered
    .map((v) => v.endDate)
    .sort()
    .at(-1)!;
  const combined = BJ.travelEur + BJ.dailyAllowanceEur * visitDays(start, end);
  const separate = covered.reduce(
    (sum, v) => sum + BJ.travelEur + BJ.dailyAllowanceEur * visitDays(v.startDate, v.endDate),
    0,
  );
  return separate - combined;
}

const isSubset = (a: readonly string[], b: readonly string[]) => a.every((x) => b.includes(x));

describe('joint-mission candidates: properties', () => {
  it('the sweep over visit starts finds every covered set the day-by-day brute force finds, and the best coverage', () => {
    fc.assert(
      fc.property(arbVisits, arbWindowDays, (visits, windowDays) => {
        for (const members of groupsOf(visits).values()) {
          const sweep = windowsAtVisitStarts(members, windowDays).map((w) => ({
            start: w.start,
            ids: w.covered.map((v) => v.id).sort(),
          }));
          const brute = everyWindow(members, windowDays);
          // Each window of the sweep covers what the brute force says it covers on that day
          for (const w of sweep) expect(w.ids).toEqual(brute.find((b) => b.start === w.start)!.ids);
          // Every set the brute force finds lies within one of the sweep's
          for (const b of brute) expect(sweep.some((w) => isSubset(b.ids, w.ids))).toBe(true);
          // Hence the best coverage is the same
          const best = (ws: { ids: string[] }[]) => Math.max(0, ...ws.map((w) => w.ids.length));
          expect(best(sweep)).toBe(best(brute));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every candidate saves separate minus combined, more than nothing, for two municipalities or more, undominated', () => {
    fc.assert(
      fc.property(arbVisits, arbWindowDays, (visits, windowDays) => {
        const candidates = jointMissionCandidates(
          {
            visits,
            lastAccompaniedOn: recentlyAccompanied,
            period: { from: PERIOD_START, to: PERIOD_END },
            windowDays,
            today: PERIOD_START,
          },
          defaultPolicy,
        );
        const byId = new Map(visits.map((v) => [v.id, v]));
        for (const c of candidates) {
          const covered = c.visitIds.map((id) => byId.get(id)!);
          expect(Math.round(c.savingEur * 100)).toBe(Math.round((c.separateCostEur - c.combinedCostEur) * 100));
          expect(Math.round(c.savingEur * 100)).toBe(Math.round(savingOf(covered) * 100));
          expect(c.savingEur).toBeGreaterThan(0);
          expect(new Set(covered.map((v) => v.nisCode)).size).toBeGreaterThanOrEqual(2);
          // It covers exactly what its window covers in its group
          const members = groupsOf(visits).get(`${c.group.kind}:${c.group.code}`)!;
          const end = addDays(c.window.start, windowDays - 1);
          expect(c.window.end).toBe(end);
          expect(c.visitIds).toEqual(
            members
              .filter((v) => v.startDate >= c.window.start && v.endDate <= end)
              .map((v) => v.id)
              .sort(),
          );
          // No other candidate of its group covers a strict superset, and no other candidate covers the same set
          for (const o of candidates) {
            if (o === c) continue;
            expect(o.visitIds.join()).not.toBe(c.visitIds.join());
            if (o.group.code === c.group.code && o.group.kind === c.group.kind)
              expect(isSubset(c.visitIds, o.visitIds)).toBe(false);
          }
        }
        // The most visits a worthwhile window covers (two municipalities, a saving) is found in each group
        for (const [key, members] of groupsOf(visits)) {
          const worthwhile = everyWindow(members, windowDays)
            .map((w) => w.ids.map((id) => byId.get(id)!))
            .filter((cov) => new Set(cov.map((v) => v.nisCode)).size >= 2 && savingOf(cov) > 0);
          const best = Math.max(0, ...worthwhile.map((cov) => cov.length));
          // A country's best may be listed as a region's when it lies in one region
          const shown = candidates.filter(
            (c) => `${c.group.kind}:${c.group.code}` === key || (key === 'COUNTRY:BJ' && c.group.kind === 'REGION'),
          );
          expect(Math.max(0, ...shown.map((c) => c.visitIds.length))).toBe(best);
        }
        // Ranked by saving, then by requests covered
        for (let i = 1; i < candidates.length; i++) {
          const [p, q] = [candidates[i - 1]!, candidates[i]!];
          expect(
            p.savingEur > q.savingEur || (p.savingEur === q.savingEur && p.requestIds.length >= q.requestIds.length),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists exactly the undominated saving sets of the windows at visit starts, each once, in the ranking (issue 16: the fast sweep)', () => {
    fc.assert(
      fc.property(arbVisits, arbWindowDays, (visits, windowDays) => {
        const input = { visits, period: { from: PERIOD_START, to: PERIOD_END }, windowDays, today: PERIOD_START };
        const ranked = rankJointMissionCandidates(input, defaultPolicy);
        const byId = new Map(visits.map((v) => [v.id, v]));
        // The rule written out plainly: in every group, the worthwhile sets, those no larger set of the group holds.
        const expected = new Set<string>();
        const groups = [...groupsOf(visits)].sort(
          ([a], [b]) => (a.startsWith('REGION') ? 0 : 1) - (b.startsWith('REGION') ? 0 : 1),
        );
        for (const [, members] of groups) {
          // The windows that start on a visit's first day (the sweep's, whose sets the first property relates to every day's).
          const starts = new Set(members.map((v) => v.startDate));
          const windows = everyWindow(members, windowDays).filter((w) => starts.has(w.start));
          const sets = [...new Set(windows.map((w) => w.ids.join()))]
            .map((key) => key.split(',').filter(Boolean))
            .filter((ids) => {
              const covered = ids.map((id) => byId.get(id)!);
              return new Set(covered.map((v) => v.nisCode)).size >= 2 && savingOf(covered) > 0;
            });
          for (const ids of sets)
            if (!sets.some((other) => other.length > ids.length && isSubset(ids, other))) expected.add(ids.join());
        }
        expect(new Set(ranked.map((c) => c.visitIds.join()))).toEqual(expected);
        expect(ranked).toHaveLength(expected.size);
        // In the ranking, whose cursor keys order alike
        for (let i = 1; i < ranked.length; i++)
          expect(compareCandidateRankKeys(candidateRankKey(ranked[i - 1]!), candidateRankKey(ranked[i]!))).toBeLessThan(
            0,
          );
        // And described, the same as the whole list
        expect(
          ranked.map((c) => describeCandidate(c, { ...input, lastAccompaniedOn: recentlyAccompanied }, defaultPolicy)),
        ).toEqual(jointMissionCandidates({ ...input, lastAccompaniedOn: recentlyAccompanied }, defaultPolicy));
      }),
      { numRuns: 300 },
    );
  });
});

describe('joint-mission candidates ranked before they are described (issue 16)', () => {
  it('ranks without knowing when municipalities were last accompanied, and describes with it and the visits as told later', () => {
    const a = visit('11002', '2027-03-01', '2027-03-05');
    const b = visit('44021', '2027-03-03', '2027-03-08');
    const [ranked] = rankJointMissionCandidates(
      { visits: [a, b], period: { from: '2027-01-01', to: '2027-12-31' }, today: '2027-01-01' },
      defaultPolicy,
    );
    expect(ranked).toMatchObject({
      visitIds: [a.id, b.id].sort(),
      requestIds: [a.id, b.id].sort(),
      windowStart: '2027-03-01',
    });
    // Told later: Antwerpen's assessment already counted combined visits; Gent was never accompanied.
    const told = ranked!.covered.map((v) =>
      v.id === a.id
        ? { ...v, municipalityName: 'Antwerpen (told)', satisfiedReasons: ['COMBINED_VISITS' as const] }
        : v,
    );
    const described = describeCandidate(ranked!, { lastAccompaniedOn: { '11002': '2026-12-01' } }, defaultPolicy, told);
    expect(described.municipalities.map((m) => m.name)).toEqual(['Antwerpen (told)', 'Gent']);
    expect(described.followUpNisCodes).toEqual(['44021']);
    const reasons = new Map(described.reasons.map((r) => [r.requestId, r]));
    expect(reasons.get(a.id)!.newReasons).toEqual([]);
    expect(reasons.get(b.id)!.reasons).toEqual(['FOLLOW_UP', 'COMBINED_VISITS']);
    expect(described.savingEur).toBe(ranked!.savingEur);
    expect(described.why.nl).toMatch(/Antwerpen \(told\) en Gent bezoeken Zou/);
  });
});
