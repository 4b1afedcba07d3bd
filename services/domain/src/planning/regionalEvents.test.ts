import { LessonLevels, PolicyDomains, type PolicyDomain } from '@werkbezoek/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../assessment/policy.js';
import { addDays, addMonths } from '../dates.js';
import {
  defaultRegionalEventPolicy as events,
  notYetPlanned,
  regionalEventSuggestions,
  type RegionalEventInput,
  type RegionalEventSuggestion,
  type RegionalLesson,
  type RegionalTwinning,
} from './regionalEvents.js';

const today = '2026-03-02';
const period = { from: '2026-01-01', to: '2026-12-31' };

const names: Record<string, string> = {
  '11002': 'Antwerpen',
  '44021': 'Gent',
  '24062': 'Leuven',
  '31005': 'Brugge',
  '12025': 'Mechelen',
  '46021': 'Sint-Niklaas',
};

function twinning(nisCode: string, regionCode = 'BJ-ZO', policyDomains: PolicyDomain[] = []): RegionalTwinning {
  return {
    nisCode,
    municipalityName: names[nisCode] ?? nisCode,
    countryCode: regionCode.slice(0, 2),
    regionCode,
    policyDomains,
  };
}

let nextId = 0;
function lesson(nisCode: string, more: Partial<RegionalLesson> = {}): RegionalLesson {
  const regionCode = more.regionCode ?? 'BJ-ZO';
  return {
    lessonId: more.lessonId ?? `l${String(++nextId).padStart(3, '0')}`,
    title: `Lesson ${nextId}`,
    nisCodes: [nisCode],
    countryCode: regionCode.slice(0, 2),
    regionCode,
    policyDomains: ['WASTE_MANAGEMENT'],
    level: 'PROCESS',
    recordedOn: '2025-10-01',
    goodPractice: false,
    ...more,
  };
}

const given = (input: Partial<RegionalEventInput>) =>
  regionalEventSuggestions(
    { today, period, twinnings: [], lastAccompaniedOn: {}, lessons: [], ...input },
    defaultPolicy,
  );

/** Three twinnings in Zou, last accompanied long ago. */
const zou = [twinning('11002'), twinning('44021'), twinning('24062')];
const recently = { '11002': '2025-09-01', '44021': '2025-09-01', '24062': '2025-09-01' };

describe('regionalEventSuggestions: a region VVSG has not visited for 12 months', () => {
  it('becomes a conference for its active partners, with the months, the cost and why in Dutch and English', () => {
    const [s, ...rest] = given({ twinnings: zou, lastAccompaniedOn: { '11002': '2025-01-20', '24062': '2024-06-01' } });
    expect(rest).toEqual([]);
    expect(s!.kind).toBe('CONFERENCE');
    expect(s!.regionCodes).toEqual(['BJ-ZO']);
    expect(s!.invitees.map((m) => m.name)).toEqual(['Antwerpen', 'Leuven', 'Gent']);
    expect(s!.triggers).toEqual([
      {
        kind: 'NO_RECENT_ACCOMPANIMENT',
        activeTwinnings: 3,
        lastAccompaniedOn: '2025-01-20',
        monthsSinceLastAccompaniment: 13,
      },
    ]);
    // 60 days' lead from today, two days.
    expect(s!.window).toEqual({ start: addDays(today, 60), end: addDays(today, 61), days: 2 });
    // Benin: travel €950 + 2 × €140 + 9 participants × 2 days × €45.
    expect(s!.cost).toEqual({
      travelEur: 950,
      dailyAllowanceEur: 140,
      allowanceEur: 280,
      participants: 9,
      organisationEur: 810,
      totalEur: 2040,
    });
    expect(s!.why.en).toContain('has not accompanied a visit there for 13 months');
    expect(s!.why.en).toContain('estimated cost €2,040');
    expect(s!.why.en).toContain('9 participants (3 per municipality) × 2 days × €45');
    expect(s!.why.nl).toContain('13 maanden geen bezoek');
    expect(s!.why.nl).toContain('geschatte kost € 2.040');
  });

  it('says so when VVSG never accompanied a visit there', () => {
    const [s] = given({ twinnings: zou });
    expect(s!.triggers[0]).toMatchObject({ lastAccompaniedOn: null, monthsSinceLastAccompaniment: null });
    expect(s!.why.en).toContain('never accompanied');
    expect(s!.why.nl).toContain('nog nooit');
  });

  it('needs three active twinnings and twelve months', () => {
    expect(given({ twinnings: zou.slice(0, 2) })).toEqual([]);
    expect(given({ twinnings: zou, lastAccompaniedOn: { '44021': addMonths(today, -11) } })).toEqual([]);
    expect(given({ twinnings: zou, lastAccompaniedOn: { '44021': addMonths(today, -12) } })).toHaveLength(1);
  });

  it("takes up the twinnings' and recent lessons' domains as themes, most frequent first", () => {
    const [s] = given({
      twinnings: [twinning('11002', 'BJ-ZO', ['WATER', 'GENDER']), twinning('44021', 'BJ-ZO', ['GENDER']), zou[2]!],
      lessons: [lesson('24062', { policyDomains: ['YOUTH'] })],
    });
    expect(s!.themes).toEqual(['GENDER', 'WATER', 'YOUTH']);
  });

  it('is one conference of the country when the whole country is quiet, not one per region', () => {
    const found = given({ twinnings: [...zou, twinning('31005', 'BJ-AK'), twinning('12025', 'BJ-AK')] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'CONFERENCE', scope: { kind: 'COUNTRY', code: 'BJ' } });
    expect(found[0]!.regionCodes).toEqual(['BJ-AK', 'BJ-ZO']);
    expect(found[0]!.invitees).toHaveLength(5);
  });
});

describe('regionalEventSuggestions: lessons that report the same problem in several municipalities', () => {
  it('become a workshop on that theme, with the lessons, and the good practices of the region before the country', () => {
    const found = given({
      twinnings: zou,
      lastAccompaniedOn: recently,
      lessons: [
        lesson('11002', { lessonId: 'a', title: 'Sorting at the source' }),
        lesson('44021', { lessonId: 'b', title: 'Collection rounds', recordedOn: '2025-02-01' }),
        lesson('31005', {
          lessonId: 'gp-country',
          regionCode: 'BJ-AK',
          goodPractice: true,
          title: 'Sorting in Abomey',
        }),
        lesson('24062', { lessonId: 'gp-region', goodPractice: true, recordedOn: '2020-01-01', title: 'Composting' }),
        lesson('24062', { lessonId: 'gp-other-domain', goodPractice: true, policyDomains: ['WATER'] }),
      ],
    });
    expect(found).toHaveLength(1);
    const s = found[0]!;
    expect(s.kind).toBe('WORKSHOP');
    expect(s.themes).toEqual(['WASTE_MANAGEMENT']);
    expect(s.invitees).toHaveLength(3);
    expect(s.triggers).toEqual([
      {
        kind: 'SHARED_PROBLEM',
        policyDomain: 'WASTE_MANAGEMENT',
        level: 'PROCESS',
        regionCodes: ['BJ-ZO'],
        municipalities: [
          { nisCode: '11002', name: 'Antwerpen' },
          { nisCode: '44021', name: 'Gent' },
        ],
        lessons: [
          { lessonId: 'b', title: 'Collection rounds', recordedOn: '2025-02-01' },
          { lessonId: 'a', title: 'Sorting at the source', recordedOn: '2025-10-01' },
        ],
      },
    ]);
    expect(s.goodPractices.map((g) => [g.lessonId, g.source])).toEqual([
      ['gp-region', 'REGION'],
      ['gp-country', 'COUNTRY'],
    ]);
    expect(s.window.days).toBe(events.eventDays.WORKSHOP);
    expect(s.why.en).toContain(
      '2 lessons of the last 2 years from Antwerpen and Gent report the same problem in waste',
    );
    expect(s.why.en).toContain('Good practices to bring: "Composting" and "Sorting in Abomey"');
    expect(s.why.nl).toContain('2 lessen van de laatste 2 jaar van Antwerpen en Gent melden hetzelfde probleem');
  });

  it('needs the same domain and the same level in two municipalities, from the last two years, not good practices', () => {
    const base = { twinnings: zou, lastAccompaniedOn: recently };
    expect(given({ ...base, lessons: [lesson('11002'), lesson('11002')] })).toEqual([]);
    expect(given({ ...base, lessons: [lesson('11002'), lesson('44021', { level: 'RESULTS' })] })).toEqual([]);
    expect(given({ ...base, lessons: [lesson('11002'), lesson('44021', { policyDomains: ['WATER'] })] })).toEqual([]);
    expect(given({ ...base, lessons: [lesson('11002'), lesson('44021', { goodPractice: true })] })).toEqual([]);
    const old = addDays(addMonths(today, -24), -1);
    expect(given({ ...base, lessons: [lesson('11002'), lesson('44021', { recordedOn: old })] })).toEqual([]);
    expect(given({ ...base, lessons: [lesson('11002'), lesson('44021', { recordedOn: addDays(today, 1) })] })).toEqual(
      [],
    );
    expect(given({ ...base, lessons: [lesson('11002'), lesson('44021', { regionCode: 'BJ-AK' })] })).toEqual([]);
  });

  it('become a south-south exchange when the municipalities lie in different regions of a country', () => {
    const found = given({
      twinnings: [twinning('11002', 'BJ-ZO'), twinning('31005', 'BJ-AK'), twinning('12025', 'BJ-BO')],
      lastAccompaniedOn: { '11002': '2025-09-01' },
      lessons: [lesson('11002'), lesson('31005', { regionCode: 'BJ-AK' })],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'SOUTH_SOUTH_EXCHANGE',
      regionCodes: ['BJ-AK', 'BJ-ZO'],
      invitees: [
        { nisCode: '11002', name: 'Antwerpen' },
        { nisCode: '31005', name: 'Brugge' },
      ],
      themes: ['WASTE_MANAGEMENT'],
    });
    expect(found[0]!.window.days).toBe(events.eventDays.SOUTH_SOUTH_EXCHANGE);
    expect(found[0]!.why.en).toContain('in Atakora and Zou');
  });

  it('are taken up by the conference of a quiet region rather than a separate workshop', () => {
    const found = given({ twinnings: zou, lessons: [lesson('11002'), lesson('44021')] });
    expect(found.map((s) => s.kind)).toEqual(['CONFERENCE']);
    expect(found[0]!.triggers.map((t) => t.kind)).toEqual(['NO_RECENT_ACCOMPANIMENT', 'SHARED_PROBLEM']);
    expect(found[0]!.themes[0]).toBe('WASTE_MANAGEMENT');
  });
});

describe('regionalEventSuggestions: dates and ranking', () => {
  it('fits the event in the period, no sooner than the lead time, and leaves out an event that does not fit', () => {
    const late = given({ twinnings: zou, period: { from: today, to: addDays(today, 30) } });
    expect(late[0]!.window).toEqual({ start: addDays(today, 29), end: addDays(today, 30), days: 2 });
    const ahead = given({ twinnings: zou, period: { from: '2027-01-01', to: '2027-03-31' } });
    expect(ahead[0]!.window.start).toBe('2027-01-01');
    expect(given({ twinnings: zou, period: { from: '2027-01-01', to: '2027-01-01' } })).toEqual([]);
    expect(given({ twinnings: zou, period: { from: '2025-01-01', to: addDays(today, -1) } })).toEqual([]);
  });

  it('ranks by municipalities invited, then months without accompaniment', () => {
    const found = given({
      twinnings: [...zou, twinning('31005', 'ZA-WC'), twinning('12025', 'ZA-WC'), twinning('46021', 'ZA-WC')],
      lastAccompaniedOn: { '31005': '2024-01-01', '11002': '2025-01-01' },
      lessons: [
        lesson('11002', { policyDomains: ['GENDER'] }),
        lesson('44021', { policyDomains: ['GENDER'] }),
        lesson('11002', { level: 'RESULTS' }),
        lesson('24062', { level: 'RESULTS' }),
      ],
    });
    expect(found.map((s) => [s.kind, s.regionCodes.join()])).toEqual([
      ['CONFERENCE', 'ZA-WC'],
      ['CONFERENCE', 'BJ-ZO'],
    ]);
  });
});

// Properties over random small worlds: a few regions in two countries, a few municipalities.
const regions = ['BJ-ZO', 'BJ-AK', 'ZA-WC'] as const;
const nisCodes = ['11002', '44021', '24062', '31005', '12025', '46021'] as const;
const domains: PolicyDomain[] = ['WASTE_MANAGEMENT', 'WATER', 'GENDER'];
const day = (offset: number) => addDays('2023-01-01', offset);

const worlds = fc.record({
  twinnings: fc.uniqueArray(fc.tuple(fc.constantFrom(...nisCodes), fc.constantFrom(...regions)), {
    maxLength: 10,
    selector: ([n, r]) => `${n}${r}`,
  }),
  last: fc.dictionary(fc.constantFrom(...nisCodes), fc.integer({ min: 0, max: 1500 }).map(day)),
  lessons: fc.array(
    fc.record({
      nisCode: fc.constantFrom(...nisCodes),
      regionCode: fc.constantFrom(...regions),
      domains: fc.subarray(domains, { minLength: 1 }),
      level: fc.constantFrom(...LessonLevels.codes),
      recordedOn: fc.integer({ min: 0, max: 1500 }).map(day),
      goodPractice: fc.boolean(),
    }),
    { maxLength: 14 },
  ),
  today: fc.integer({ min: 400, max: 1200 }).map(day),
  from: fc.integer({ min: -60, max: 200 }),
  length: fc.integer({ min: 0, max: 400 }),
});

type World = typeof worlds extends fc.Arbitrary<infer T> ? T : never;

function inputOf(w: World): RegionalEventInput {
  return {
    today: w.today,
    period: { from: addDays(w.today, w.from), to: addDays(w.today, w.from + w.length) },
    twinnings: w.twinnings.map(([n, r]) => twinning(n, r)),
    lastAccompaniedOn: w.last,
    lessons: w.lessons.map((l, i) =>
      lesson(l.nisCode, {
        lessonId: `p${i}`,
        regionCode: l.regionCode,
        policyDomains: l.domains,
        level: l.level,
        recordedOn: l.recordedOn,
        goodPractice: l.goodPractice,
      }),
    ),
  };
}

describe('regionalEventSuggestions: properties', () => {
  const check = (property: (input: RegionalEventInput, found: RegionalEventSuggestion[]) => void) =>
    fc.assert(
      fc.property(worlds, (w) => {
        const input = inputOf(w);
        property(input, regionalEventSuggestions(input, defaultPolicy));
      }),
      { numRuns: 300 },
    );

  it('suggests only where ≥3 active twinnings went 12 months unaccompanied, or ≥2 municipalities share a problem', () => {
    check((input, found) => {
      const since = addMonths(input.today, -24);
      for (const s of found) {
        expect(s.triggers.length).toBeGreaterThan(0);
        for (const t of s.triggers) {
          if (t.kind === 'NO_RECENT_ACCOMPANIMENT') {
            const here = input.twinnings.filter((tw) => s.regionCodes.includes(tw.regionCode));
            expect(here.length).toBeGreaterThanOrEqual(3);
            for (const tw of here) {
              const last = input.lastAccompaniedOn[tw.nisCode];
              if (last !== undefined) expect(last <= addMonths(input.today, -12)).toBe(true);
            }
          } else {
            expect(t.municipalities.length).toBeGreaterThanOrEqual(2);
            const reported = new Set<string>();
            for (const { lessonId } of t.lessons) {
              const l = input.lessons.find((x) => x.lessonId === lessonId)!;
              // Nothing from outside the last two years, no good practice, same domain and level.
              expect(l.recordedOn >= since && l.recordedOn <= input.today).toBe(true);
              expect(l.goodPractice).toBe(false);
              expect(l.policyDomains).toContain(t.policyDomain);
              expect(l.level).toBe(t.level);
              expect(l.countryCode).toBe(s.countryCode);
              l.nisCodes.forEach((n) => reported.add(n));
            }
            expect([...reported].sort()).toEqual(t.municipalities.map((m) => m.nisCode));
          }
        }
      }
    });
  });

  it('invites exactly the municipalities with an active twinning in its regions, and dates it inside the period', () => {
    check((input, found) => {
      for (const s of found) {
        const active = [
          ...new Set(input.twinnings.filter((t) => s.regionCodes.includes(t.regionCode)).map((t) => t.nisCode)),
        ].sort();
        expect(s.invitees.map((m) => m.nisCode)).toEqual(active);
        expect(s.regionCodes.every((r) => r.startsWith(`${s.countryCode}-`))).toBe(true);
        expect(s.window.start >= input.period.from && s.window.end <= input.period.to).toBe(true);
        expect(s.window.start >= input.today).toBe(true);
        expect(s.cost.participants).toBe(active.length * events.participantsPerMunicipality);
        expect(s.goodPractices.every((g) => s.themes.some((d) => g.policyDomains.includes(d)))).toBe(true);
        expect(s.why.nl.length).toBeGreaterThan(0);
        expect(s.why.en.length).toBeGreaterThan(0);
        for (const d of s.themes) expect(PolicyDomains.is(d)).toBe(true);
      }
    });
  });

  it('is deterministic whatever the order of its inputs, and ranked', () => {
    check((input, found) => {
      const shuffled = { ...input, twinnings: [...input.twinnings].reverse(), lessons: [...input.lessons].reverse() };
      expect(regionalEventSuggestions(shuffled, defaultPolicy)).toEqual(found);
      for (let i = 1; i < found.length; i++) {
        const [a, b] = [found[i - 1]!, found[i]!];
        expect(a.invitees.length).toBeGreaterThanOrEqual(b.invitees.length);
      }
    });
  });
});

describe('notYetPlanned', () => {
  const suggestion = (regionCodes: string[], themes: PolicyDomain[]) =>
    ({ regionCodes, themes }) as unknown as RegionalEventSuggestion;
  const planned = (regionCodes: string[], themes: string[]) => ({
    regionCodes,
    themes,
    startDate: '2027-03-01',
    endDate: '2027-03-03',
  });

  it('leaves out a suggestion whose regions and leading theme an event on the table covers, and keeps the others', () => {
    const zou = suggestion(['BJ-ZO'], ['CIVIL_REGISTRATION', 'WATER']);
    const both = suggestion(['BJ-KO', 'BJ-ZO'], ['CIVIL_REGISTRATION']);
    const water = suggestion(['BJ-ZO'], ['WATER']);
    const left = notYetPlanned([zou, both, water], [planned(['BJ-ZO'], ['CIVIL_REGISTRATION'])]);
    expect(left).toEqual([both, water]);
    expect(notYetPlanned([zou, both], [planned(['BJ-KO', 'BJ-ZO'], ['CIVIL_REGISTRATION'])])).toEqual([]);
    expect(notYetPlanned([zou], [])).toEqual([zou]);
  });
});
