import {
  LessonLevels,
  PolicyDomains,
  RegionalEventKinds,
  type LessonLevel,
  type PolicyDomain,
  type RegionalEventKind,
} from '@werkbezoek/schema';
import { addDays, addMonths, monthsBetween } from '../dates.js';
import type { AssessmentPolicy } from '../assessment/policy.js';
import { costIn, euroEn, euroNl, list, regionNamesIn, tripCostCents } from '../assessment/wording.js';

/** An active twinning: a Flemish municipality and its partner's place in the South. */
export interface RegionalTwinning {
  readonly nisCode: string;
  readonly municipalityName: string;
  /** ISO 3166-1 alpha-2. */
  readonly countryCode: string;
  /** ISO 3166-2, e.g. BJ-ZO. */
  readonly regionCode: string;
  /** The twinning's policy domains, where known; they add to a conference's themes. */
  readonly policyDomains?: readonly PolicyDomain[];
}

/** A lesson learned, as the lessons read model holds it (retracted lessons left out by the caller). */
export interface RegionalLesson {
  readonly lessonId: string;
  readonly title: string;
  /** The Flemish municipalities of the lesson's mission. */
  readonly nisCodes: readonly string[];
  /** The mission's place; a lesson without one counts nowhere. */
  readonly countryCode: string | null;
  readonly regionCode: string | null;
  readonly policyDomains: readonly PolicyDomain[];
  readonly level: LessonLevel;
  readonly recordedOn: string;
  readonly goodPractice: boolean;
}

export interface RegionalEventInput {
  readonly today: string;
  /** The event's dates must lie within this period (both ends included). */
  readonly period: { readonly from: string; readonly to: string };
  /** The twinnings active today; the caller filters out the ended ones. */
  readonly twinnings: readonly RegionalTwinning[];
  /** The end of each municipality's last accompanied visit, by NIS code; absent = never accompanied. */
  readonly lastAccompaniedOn: Readonly<Record<string, string | undefined>>;
  readonly lessons: readonly RegionalLesson[];
  /** Names of municipalities without an active twinning that a lesson names; NIS code otherwise. */
  readonly municipalityNames?: Readonly<Record<string, string>>;
}

/**
 * The parameters of the suggestions, versioned like the assessment policy.
 * The event lengths follow VVSG's past regional events (REFERENCE-DATA.md:
 * South Africa 2010, a two-day conference; Herent's joint workshop; Nicaragua,
 * three days plus study tours); the organisation sum is a demo parameter.
 */
export interface RegionalEventPolicy {
  readonly version: string;
  /** A place needs this many active twinnings for a conference. */
  readonly minActiveTwinnings: number;
  /** … and no accompanied visit for this many months. */
  readonly monthsWithoutAccompaniment: number;
  /** Lessons recorded in this many months up to today count as reports of a problem. */
  readonly lessonMonths: number;
  /** A problem is shared when lessons of this many municipalities report it. */
  readonly minMunicipalitiesSharingProblem: number;
  /** The event's days, both ends included. */
  readonly eventDays: Readonly<Record<RegionalEventKind, number>>;
  /** Who comes per invited municipality: one per governance pillar (elected, administration, civil society). */
  readonly participantsPerMunicipality: number;
  /** Venue, catering, local transport and interpreting, per participant and event day, in euro. */
  readonly organisationEurPerParticipantDay: number;
  /** Days needed to organise an event: it is suggested no sooner than this after today. */
  readonly leadDays: number;
  /** At most this many good practices to bring. */
  readonly maxGoodPractices: number;
}

export const defaultRegionalEventPolicy: RegionalEventPolicy = {
  version: '2026.1',
  minActiveTwinnings: 3,
  monthsWithoutAccompaniment: 12,
  lessonMonths: 24,
  minMunicipalitiesSharingProblem: 2,
  eventDays: { CONFERENCE: 2, WORKSHOP: 3, SOUTH_SOUTH_EXCHANGE: 5 },
  participantsPerMunicipality: 3,
  organisationEurPerParticipantDay: 45,
  leadDays: 60,
  maxGoodPractices: 5,
};

export interface MunicipalityName {
  readonly nisCode: string;
  readonly name: string;
}

/** The place has enough twinnings and VVSG has not been there for long. */
export interface NoRecentAccompanimentTrigger {
  readonly kind: 'NO_RECENT_ACCOMPANIMENT';
  readonly activeTwinnings: number;
  /** The latest end of an accompanied visit of the place's municipalities; null when never. */
  readonly lastAccompaniedOn: string | null;
  /** Whole months from lastAccompaniedOn to today; null when never. */
  readonly monthsSinceLastAccompaniment: number | null;
}

/** Lessons of several municipalities report a problem in the same policy domain at the same level. */
export interface SharedProblemTrigger {
  readonly kind: 'SHARED_PROBLEM';
  readonly policyDomain: PolicyDomain;
  readonly level: LessonLevel;
  /** The regions the lessons come from, sorted. */
  readonly regionCodes: readonly string[];
  /** At least minMunicipalitiesSharingProblem, by NIS code. */
  readonly municipalities: readonly MunicipalityName[];
  /** By recording date, then id. */
  readonly lessons: readonly { readonly lessonId: string; readonly title: string; readonly recordedOn: string }[];
}

export type RegionalEventTrigger = NoRecentAccompanimentTrigger | SharedProblemTrigger;

export interface GoodPracticeToBring {
  readonly lessonId: string;
  readonly title: string;
  readonly regionCode: string | null;
  readonly policyDomains: readonly PolicyDomain[];
  /** Whether it comes from the event's own regions, or from elsewhere in the country. */
  readonly source: 'REGION' | 'COUNTRY';
}

export interface RegionalEventCost {
  readonly travelEur: number;
  readonly dailyAllowanceEur: number;
  readonly allowanceEur: number;
  readonly participants: number;
  readonly organisationEur: number;
  readonly totalEur: number;
}

export interface RegionalEventSuggestion {
  readonly kind: RegionalEventKind;
  /** The place the rules looked at: one region, or a country across its regions. */
  readonly scope: { readonly kind: 'REGION' | 'COUNTRY'; readonly code: string };
  readonly countryCode: string;
  /** Sorted. */
  readonly regionCodes: readonly string[];
  /** The NO_RECENT_ACCOMPANIMENT trigger first, then the shared problems by domain and level. */
  readonly triggers: readonly RegionalEventTrigger[];
  /** Exactly the municipalities with an active twinning in regionCodes, by NIS code. */
  readonly invitees: readonly MunicipalityName[];
  /** Policy domains, the shared problems' first. */
  readonly themes: readonly PolicyDomain[];
  readonly goodPractices: readonly GoodPracticeToBring[];
  /** Inside the period, no sooner than leadDays after today. */
  readonly window: { readonly start: string; readonly end: string; readonly days: number };
  readonly cost: RegionalEventCost;
  /** For ranking: months without accompaniment in the place, null when never accompanied. */
  readonly monthsSinceLastAccompaniment: number | null;
  readonly why: { readonly nl: string; readonly en: string };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (items: Iterable<string>) => [...new Set(items)].sort(byString);
const kindOrder: Record<RegionalEventKind, number> = { CONFERENCE: 0, SOUTH_SOUTH_EXCHANGE: 1, WORKSHOP: 2 };

interface Place {
  readonly kind: 'REGION' | 'COUNTRY';
  readonly code: string;
  readonly countryCode: string;
  /** The regions with an active twinning (for a region: itself). */
  readonly regionCodes: readonly string[];
  readonly twinnings: readonly RegionalTwinning[];
}

/**
 * Proactive regional events (issue 12; DOMAIN.md, "Where VVSG wants to go"):
 * where travelling to one municipality is not opportune, VVSG may bring the
 * partners of a region together. A pure function; it proposes, a planner
 * decides.
 *
 * The places: every southern region with an active twinning, and every
 * country with active twinnings in more than one region.
 *
 * Triggers, all as seen on `today`:
 * - NO_RECENT_ACCOMPANIMENT: the place has at least `minActiveTwinnings`
 *   active twinnings and none of its municipalities had an accompanied
 *   visit in the last `monthsWithoutAccompaniment` months (or ever).
 * - SHARED_PROBLEM: lessons recorded in the last `lessonMonths` months (not
 *   after today), not good practices, from the place, report the same
 *   policy domain at the same level (process or results) for at least
 *   `minMunicipalitiesSharingProblem` municipalities.
 *
 * Kinds, one rule each:
 * - CONFERENCE: a place with NO_RECENT_ACCOMPANIMENT; it also takes up the
 *   place's shared problems as themes.
 * - WORKSHOP: a region's shared problems in one policy domain (one workshop
 *   per region and domain, its levels as separate triggers).
 * - SOUTH_SOUTH_EXCHANGE: a country's shared problem in one policy domain
 *   whose municipalities' lessons come from more than one region: the
 *   partners of those regions learn from each other.
 *
 * Invitees are exactly the municipalities with an active twinning in the
 * event's regions (a conference of a country: every region with one).
 * Themes: the shared problems' domains, then, for a conference, the
 * twinnings' domains and those of the place's recent lessons, by frequency.
 * Good practices to bring (any date up to today): those of the event's
 * themes from its regions first, then from the rest of the country; newest
 * first, at most `maxGoodPractices`.
 *
 * A suggestion is left out when another one covers its regions, its themes
 * and each of its shared problems (same domain and level, a superset of the
 * municipalities), and is larger or ranks first by kind (conference,
 * exchange, workshop): a dormant region's conference already addresses its
 * workshop's problem, a country's conference its regions'.
 *
 * The date window: `eventDays` of the kind, starting `leadDays` after today
 * or at the period's start, whichever is later, moved earlier to end by the
 * period's end; an event that does not fit in the period on or after today
 * is not suggested. The cost: one staff member's travel once and allowance
 * for the event's days (the assessment's cost table for the country), plus
 * `organisationEurPerParticipantDay` for `participantsPerMunicipality`
 * participants per invitee and event day.
 *
 * Ranked by municipalities invited, then months without accompaniment
 * (never accompanied first), then lessons reporting shared problems (all
 * descending), then kind, country, regions and themes.
 */
export function regionalEventSuggestions(
  input: RegionalEventInput,
  policy: AssessmentPolicy,
  events: RegionalEventPolicy = defaultRegionalEventPolicy,
): RegionalEventSuggestion[] {
  const { today } = input;
  const names = new Map<string, string>(Object.entries(input.municipalityNames ?? {}));
  for (const t of input.twinnings) names.set(t.nisCode, t.municipalityName);
  const nameOf = (nisCode: string): MunicipalityName => ({ nisCode, name: names.get(nisCode) ?? nisCode });

  const lessonsSince = addMonths(today, -events.lessonMonths);
  const recent = input.lessons.filter(
    (l) => l.recordedOn >= lessonsSince && l.recordedOn <= today && l.countryCode !== null && l.regionCode !== null,
  );
  const problems = recent.filter((l) => !l.goodPractice);
  const goodPractices = input.lessons
    .filter((l) => l.goodPractice && l.recordedOn <= today && l.countryCode !== null)
    .sort((a, b) => byString(b.recordedOn, a.recordedOn) || byString(a.lessonId, b.lessonId));

  const places = placesOf(input.twinnings);
  const found: RegionalEventSuggestion[] = [];
  for (const place of places) {
    const inPlace = (l: RegionalLesson) =>
      place.kind === 'REGION' ? l.regionCode === place.code : l.countryCode === place.code;
    const shared = sharedProblems(problems.filter(inPlace), events, nameOf);
    const dormancy = noRecentAccompaniment(place, input, events);

    if (dormancy) {
      const themes = conferenceThemes(place, shared, recent.filter(inPlace));
      const s = suggestion('CONFERENCE', place, place.regionCodes, [dormancy, ...shared], themes);
      if (s) found.push(s);
    }
    for (const domain of sorted(shared.map((p) => p.policyDomain)) as PolicyDomain[]) {
      const ofDomain = shared.filter((p) => p.policyDomain === domain);
      if (place.kind === 'REGION') {
        const s = suggestion('WORKSHOP', place, place.regionCodes, ofDomain, [domain]);
        if (s) found.push(s);
      } else {
        const across = ofDomain.filter((p) => p.regionCodes.length > 1);
        if (across.length === 0) continue;
        const regions = sorted(across.flatMap((p) => p.regionCodes)).filter((r) => place.regionCodes.includes(r));
        const s = suggestion('SOUTH_SOUTH_EXCHANGE', place, regions, across, [domain]);
        if (s) found.push(s);
      }
    }
  }

  const kept = found.filter((c) => !found.some((d) => d !== c && dominates(d, c)));
  return kept.sort(
    (a, b) =>
      b.invitees.length - a.invitees.length ||
      (b.monthsSinceLastAccompaniment ?? Infinity) - (a.monthsSinceLastAccompaniment ?? Infinity) ||
      problemLessons(b) - problemLessons(a) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      byString(a.countryCode, b.countryCode) ||
      byString(a.regionCodes.join(','), b.regionCodes.join(',')) ||
      byString(a.themes.join(','), b.themes.join(',')),
  );

  function suggestion(
    kind: RegionalEventKind,
    place: Place,
    regionCodes: readonly string[],
    triggers: readonly RegionalEventTrigger[],
    themes: readonly PolicyDomain[],
  ): RegionalEventSuggestion | undefined {
    const twinnings = place.twinnings.filter((t) => regionCodes.includes(t.regionCode));
    const invitees = sorted(twinnings.map((t) => t.nisCode)).map(nameOf);
    if (invitees.length === 0) return undefined;
    const window = windowFor(events.eventDays[kind], input, events);
    if (!window) return undefined;
    const dormancy = triggers.find((t) => t.kind === 'NO_RECENT_ACCOMPANIMENT');
    const base = {
      kind,
      scope: { kind: place.kind, code: place.code },
      countryCode: place.countryCode,
      regionCodes: [...regionCodes],
      triggers,
      invitees,
      themes,
      goodPractices: practicesFor(goodPractices, place.countryCode, regionCodes, themes, events.maxGoodPractices),
      window,
      cost: costOf(policy, events, place.countryCode, invitees.length, window.days),
      monthsSinceLastAccompaniment: dormancy
        ? dormancy.monthsSinceLastAccompaniment
        : placeMonths(twinnings, input).months,
    };
    return { ...base, why: explain(base, events) };
  }
}

function placesOf(twinnings: readonly RegionalTwinning[]): Place[] {
  const regions = new Map<string, RegionalTwinning[]>();
  const countries = new Map<string, RegionalTwinning[]>();
  for (const t of twinnings) {
    regions.set(t.regionCode, [...(regions.get(t.regionCode) ?? []), t]);
    countries.set(t.countryCode, [...(countries.get(t.countryCode) ?? []), t]);
  }
  const places: Place[] = [];
  for (const [code, ts] of [...regions].sort(([a], [b]) => byString(a, b))) {
    places.push({ kind: 'REGION', code, countryCode: ts[0]!.countryCode, regionCodes: [code], twinnings: ts });
  }
  for (const [code, ts] of [...countries].sort(([a], [b]) => byString(a, b))) {
    const regionCodes = sorted(ts.map((t) => t.regionCode));
    if (regionCodes.length < 2) continue;
    places.push({ kind: 'COUNTRY', code, countryCode: code, regionCodes, twinnings: ts });
  }
  return places;
}

function placeMonths(
  twinnings: readonly RegionalTwinning[],
  input: RegionalEventInput,
): { last: string | null; months: number | null } {
  let last: string | null = null;
  for (const t of twinnings) {
    const on = input.lastAccompaniedOn[t.nisCode];
    if (on !== undefined && (last === null || on > last)) last = on;
  }
  return { last, months: last === null ? null : monthsBetween(last, input.today) };
}

function noRecentAccompaniment(
  place: Place,
  input: RegionalEventInput,
  events: RegionalEventPolicy,
): NoRecentAccompanimentTrigger | undefined {
  if (place.twinnings.length < events.minActiveTwinnings) return undefined;
  const { last, months } = placeMonths(place.twinnings, input);
  if (months !== null && months < events.monthsWithoutAccompaniment) return undefined;
  return {
    kind: 'NO_RECENT_ACCOMPANIMENT',
    activeTwinnings: place.twinnings.length,
    lastAccompaniedOn: last,
    monthsSinceLastAccompaniment: months,
  };
}

function sharedProblems(
  lessons: readonly RegionalLesson[],
  events: RegionalEventPolicy,
  nameOf: (nisCode: string) => MunicipalityName,
): SharedProblemTrigger[] {
  const groups = new Map<string, { domain: PolicyDomain; level: LessonLevel; lessons: RegionalLesson[] }>();
  for (const l of lessons) {
    for (const domain of new Set(l.policyDomains)) {
      const key = `${domain}\n${l.level}`;
      const g = groups.get(key) ?? { domain, level: l.level, lessons: [] };
      g.lessons.push(l);
      groups.set(key, g);
    }
  }
  const shared: SharedProblemTrigger[] = [];
  for (const g of groups.values()) {
    const nisCodes = sorted(g.lessons.flatMap((l) => l.nisCodes));
    if (nisCodes.length < events.minMunicipalitiesSharingProblem) continue;
    shared.push({
      kind: 'SHARED_PROBLEM',
      policyDomain: g.domain,
      level: g.level,
      regionCodes: sorted(g.lessons.map((l) => l.regionCode!)),
      municipalities: nisCodes.map(nameOf),
      lessons: g.lessons
        .map((l) => ({ lessonId: l.lessonId, title: l.title, recordedOn: l.recordedOn }))
        .sort((a, b) => byString(a.recordedOn, b.recordedOn) || byString(a.lessonId, b.lessonId)),
    });
  }
  return shared.sort(
    (a, b) =>
      byString(a.policyDomain, b.policyDomain) ||
      LessonLevels.codes.indexOf(a.level) - LessonLevels.codes.indexOf(b.level),
  );
}

/** The shared problems' domains, then the twinnings' and the recent lessons', most frequent first. */
function conferenceThemes(
  place: Place,
  shared: readonly SharedProblemTrigger[],
  recent: readonly RegionalLesson[],
): PolicyDomain[] {
  const first = sorted(shared.map((p) => p.policyDomain)) as PolicyDomain[];
  const counts = new Map<PolicyDomain, number>();
  const count = (d: PolicyDomain) => counts.set(d, (counts.get(d) ?? 0) + 1);
  for (const t of place.twinnings) for (const d of new Set(t.policyDomains ?? [])) count(d);
  for (const l of recent) for (const d of new Set(l.policyDomains)) count(d);
  const rest = [...counts]
    .filter(([d]) => !first.includes(d))
    .sort(([a, n], [b, m]) => m - n || byString(a, b))
    .map(([d]) => d);
  return [...first, ...rest];
}

function practicesFor(
  goodPractices: readonly RegionalLesson[],
  countryCode: string,
  regionCodes: readonly string[],
  themes: readonly PolicyDomain[],
  max: number,
): GoodPracticeToBring[] {
  const theme = (l: RegionalLesson) => Math.min(...l.policyDomains.map((d) => themes.indexOf(d)).filter((i) => i >= 0));
  return (
    goodPractices
      .filter((l) => l.countryCode === countryCode && l.policyDomains.some((d) => themes.includes(d)))
      .map((l) => ({ l, own: l.regionCode !== null && regionCodes.includes(l.regionCode), theme: theme(l) }))
      // Stable: within a source and theme the newest-first order of goodPractices stays.
      .sort((a, b) => Number(b.own) - Number(a.own) || a.theme - b.theme)
      .slice(0, max)
      .map(({ l, own }) => ({
        lessonId: l.lessonId,
        title: l.title,
        regionCode: l.regionCode,
        policyDomains: [...l.policyDomains],
        source: own ? ('REGION' as const) : ('COUNTRY' as const),
      }))
  );
}

function windowFor(
  days: number,
  input: RegionalEventInput,
  events: RegionalEventPolicy,
): RegionalEventSuggestion['window'] | undefined {
  const { from, to } = input.period;
  const earliest = addDays(input.today, events.leadDays);
  let start = earliest > from ? earliest : from;
  if (addDays(start, days - 1) > to) start = addDays(to, -(days - 1));
  if (start < from || start < input.today) return undefined;
  return { start, end: addDays(start, days - 1), days };
}

function costOf(
  policy: AssessmentPolicy,
  events: RegionalEventPolicy,
  countryCode: string,
  invitees: number,
  days: number,
): RegionalEventCost {
  const cost = costIn(policy, countryCode);
  const participants = invitees * events.participantsPerMunicipality;
  const staffCents = tripCostCents(cost, days);
  const organisationCents = Math.round(participants * days * events.organisationEurPerParticipantDay * 100);
  return {
    travelEur: cost.travelEur,
    dailyAllowanceEur: cost.dailyAllowanceEur,
    allowanceEur: Math.round(cost.dailyAllowanceEur * days * 100) / 100,
    participants,
    organisationEur: organisationCents / 100,
    totalEur: (staffCents + organisationCents) / 100,
  };
}

const problemKey = (p: SharedProblemTrigger) => `${p.policyDomain}\n${p.level}`;
const problemLessons = (s: RegionalEventSuggestion) =>
  new Set(s.triggers.flatMap((t) => (t.kind === 'SHARED_PROBLEM' ? t.lessons.map((l) => l.lessonId) : []))).size;
const problemsOf = (s: RegionalEventSuggestion) =>
  s.triggers.filter((t): t is SharedProblemTrigger => t.kind === 'SHARED_PROBLEM');

/** Whether `d` makes `c` superfluous: it covers c's regions, themes and shared problems, and is larger or ranks first by kind. */
function dominates(d: RegionalEventSuggestion, c: RegionalEventSuggestion): boolean {
  const subset = <T>(a: readonly T[], b: readonly T[]) => a.every((x) => b.includes(x));
  if (!subset(c.regionCodes, d.regionCodes) || !subset(c.themes, d.themes)) return false;
  const covers = problemsOf(c).every((p) =>
    problemsOf(d).some(
      (q) =>
        problemKey(q) === problemKey(p) &&
        subset(
          p.municipalities.map((m) => m.nisCode),
          q.municipalities.map((m) => m.nisCode),
        ),
    ),
  );
  if (!covers) return false;
  const larger =
    d.regionCodes.length > c.regionCodes.length ||
    d.themes.length > c.themes.length ||
    d.triggers.length > c.triggers.length;
  const equal =
    d.regionCodes.length === c.regionCodes.length &&
    d.themes.length === c.themes.length &&
    d.triggers.length === c.triggers.length;
  return larger || (equal && kindOrder[d.kind] < kindOrder[c.kind]);
}

function explain(s: Omit<RegionalEventSuggestion, 'why'>, events: RegionalEventPolicy): { nl: string; en: string } {
  const kind = RegionalEventKinds.get(s.kind).label;
  const names = s.invitees.map((m) => m.name);
  const where = regionNamesIn(s.regionCodes, 'nl');
  const whereEn = regionNamesIn(s.regionCodes, 'en');
  const themesNl = s.themes.map((d) => PolicyDomains.label(d, 'nl').toLowerCase());
  const themesEn = s.themes.map((d) => PolicyDomains.label(d, 'en').toLowerCase());
  const nl: string[] = [
    `${kind.nl} in ${list(where, 'en')} (${s.countryCode}) met ${list(names, 'en')} ` +
      `(${s.invitees.length} ${s.invitees.length === 1 ? 'gemeente' : 'gemeenten'} met een actieve stedenband).`,
  ];
  const en: string[] = [
    `${kind.en} in ${list(whereEn, 'and')} (${s.countryCode}) with ${list(names, 'and')} ` +
      `(${s.invitees.length} ${s.invitees.length === 1 ? 'municipality' : 'municipalities'} with an active twinning).`,
  ];
  for (const t of s.triggers) {
    if (t.kind === 'NO_RECENT_ACCOMPANIMENT') {
      nl.push(
        t.lastAccompaniedOn === null
          ? `VVSG begeleidde er nog nooit een bezoek, bij ${t.activeTwinnings} actieve stedenbanden.`
          : `VVSG begeleidde er ${t.monthsSinceLastAccompaniment} maanden geen bezoek meer (laatste tot ${t.lastAccompaniedOn}), bij ${t.activeTwinnings} actieve stedenbanden.`,
      );
      en.push(
        t.lastAccompaniedOn === null
          ? `VVSG has never accompanied a visit there, with ${t.activeTwinnings} active twinnings.`
          : `VVSG has not accompanied a visit there for ${t.monthsSinceLastAccompaniment} months (the last ended on ${t.lastAccompaniedOn}), with ${t.activeTwinnings} active twinnings.`,
      );
    } else {
      const who = t.municipalities.map((m) => m.name);
      const n = t.lessons.length;
      nl.push(
        `${n} ${n === 1 ? 'les' : 'lessen'} van de laatste ${events.lessonMonths / 12} jaar van ${list(who, 'en')} ` +
          `melden hetzelfde probleem in ${PolicyDomains.label(t.policyDomain, 'nl').toLowerCase()} ` +
          `(${LessonLevels.label(t.level, 'nl').toLowerCase()}${t.regionCodes.length > 1 ? `, in ${list(regionNamesIn(t.regionCodes, 'nl'), 'en')}` : ''}).`,
      );
      en.push(
        `${n} lesson${n === 1 ? '' : 's'} of the last ${events.lessonMonths / 12} years from ${list(who, 'and')} ` +
          `report the same problem in ${PolicyDomains.label(t.policyDomain, 'en').toLowerCase()} ` +
          `(${LessonLevels.label(t.level, 'en').toLowerCase()}${t.regionCodes.length > 1 ? `, in ${list(regionNamesIn(t.regionCodes, 'en'), 'and')}` : ''}).`,
      );
    }
  }
  if (s.themes.length > 0) {
    nl.push(`Thema's: ${list(themesNl, 'en')}.`);
    en.push(`Themes: ${list(themesEn, 'and')}.`);
  }
  if (s.goodPractices.length > 0) {
    // Two lessons may carry the same title (one practice seen on two missions): name it once.
    const titles = [...new Set(s.goodPractices.map((g) => `"${g.title}"`))];
    nl.push(`Goede praktijken om mee te nemen: ${list(titles, 'en')}.`);
    en.push(`Good practices to bring: ${list(titles, 'and')}.`);
  }
  const c = s.cost;
  const w = s.window;
  nl.push(
    `Voorstel: ${w.start} tot ${w.end} (${w.days} dagen), geschatte kost ${euroNl(c.totalEur)}: ` +
      `reis ${euroNl(c.travelEur)} + ${w.days} dagen × ${euroNl(c.dailyAllowanceEur)} dagvergoeding + ` +
      `${c.participants} deelnemers (${events.participantsPerMunicipality} per gemeente) × ${w.days} dagen × ` +
      `${euroNl(events.organisationEurPerParticipantDay)} organisatie.`,
  );
  en.push(
    `Suggested: ${w.start} to ${w.end} (${w.days} days), estimated cost ${euroEn(c.totalEur)}: ` +
      `travel ${euroEn(c.travelEur)} + ${w.days} days × ${euroEn(c.dailyAllowanceEur)} allowance + ` +
      `${c.participants} participants (${events.participantsPerMunicipality} per municipality) × ${w.days} days × ` +
      `${euroEn(events.organisationEurPerParticipantDay)} organisation.`,
  );
  return { nl: nl.join(' '), en: en.join(' ') };
}

/** A regional event already proposed or approved (from the read models). */
export interface PlannedRegionalEvent {
  readonly regionCodes: readonly string[];
  readonly themes: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
}

/**
 * The suggestions the planner has not already taken up: one is left out when
 * a proposed or approved event in the period covers all its regions and its
 * leading theme (the problem it was suggested for), so a suggestion does not
 * repeat what is on the table.
 */
export function notYetPlanned(
  suggestions: readonly RegionalEventSuggestion[],
  planned: readonly PlannedRegionalEvent[],
): RegionalEventSuggestion[] {
  return suggestions.filter(
    (s) =>
      !planned.some(
        (p) =>
          s.regionCodes.every((r) => p.regionCodes.includes(r)) &&
          (s.themes.length === 0 || p.themes.includes(s.themes[0]!)),
      ),
  );
}
