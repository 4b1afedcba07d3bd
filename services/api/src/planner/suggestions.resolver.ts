import {
  addMonths,
  defaultPolicy,
  defaultRegionalEventPolicy,
  notYetPlanned,
  regionalEventSuggestions,
  type RegionalEventSuggestion as Suggestion,
  type RegionalLesson,
} from '@werkbezoek/domain';
import {
  lessonColumns,
  listCoverage,
  listRegionalEvents,
  listRequests,
  listTwinnings,
  toLessonView,
  type ClustersDb,
  type HistoryDb,
  type LessonsDb,
  type PlanningDb,
  type RequestsDb,
} from '@werkbezoek/projections';
import type { LessonLevel, PolicyDomain } from '@werkbezoek/schema';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { today } from '../analytics/today.js';
import { authorize } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { validateCandidateArgs } from './candidates.resolver.js';
import { RegionalEventSuggestion, type RegionalEventTrigger } from './suggestions.type.js';

// Every request and lesson of two years is read at once: the rules need them all, and a page per round trip would only add queries.
const ALL = 100_000;

/**
 * The suggestions' input, from the read models, as seen on `on`: the active
 * twinnings (the clusters' copy of the registry), when each municipality was
 * last accompanied (history), and the lessons that can count, not retracted:
 * those of the last two years and every good practice up to today. A few
 * queries, whatever the size of the catalogue.
 *
 * No read model keeps a twinning's own policy domains, so a twinning's are
 * those its municipality's requests for that region named in the same two
 * years (the requests read model): what the partners are working on now.
 */
async function inputsOn(context: ApiContext, on: string) {
  const since = addMonths(on, -defaultRegionalEventPolicy.lessonMonths);
  const [twinnings, coverage, lessons, requests] = await Promise.all([
    listTwinnings(views<ClustersDb>(context), { activeOn: on }),
    listCoverage(views<HistoryDb>(context), { today: on }),
    views<LessonsDb>(context)
      .selectFrom('lessons')
      .select(lessonColumns.map((c) => `lessons.${c}` as const))
      .where('retracted', '=', 0)
      .where('recorded_on', '<=', on)
      .where((eb) => eb.or([eb('recorded_on', '>=', since), eb('good_practice', '=', 1)]))
      .execute(),
    listRequests(views<RequestsDb>(context), { submittedFrom: since, submittedTo: on }, { first: ALL }, [
      'nisCode',
      'regionCode',
      'policyDomains',
    ]),
  ]);
  const domains = new Map<string, Set<PolicyDomain>>();
  for (const { node: r } of requests.edges) {
    const key = `${r.nisCode} ${r.regionCode ?? ''}`;
    const found = domains.get(key) ?? new Set<PolicyDomain>();
    for (const d of r.policyDomains) found.add(d as PolicyDomain);
    domains.set(key, found);
  }
  const lastAccompaniedOn: Record<string, string | undefined> = {};
  const municipalityNames: Record<string, string> = {};
  for (const c of coverage) {
    if (c.lastAccompaniedOn) lastAccompaniedOn[c.nisCode] = c.lastAccompaniedOn;
    if (c.name) municipalityNames[c.nisCode] = c.name;
  }
  return {
    twinnings: twinnings.map((t) => ({
      nisCode: t.nisCode,
      municipalityName: t.municipalityName ?? t.nisCode,
      countryCode: t.countryCode,
      regionCode: t.regionCode,
      policyDomains: [...(domains.get(`${t.nisCode} ${t.regionCode}`) ?? [])].sort(),
    })),
    lastAccompaniedOn,
    municipalityNames,
    lessons: lessons.map((row): RegionalLesson => {
      const l = toLessonView(row);
      return {
        lessonId: l.lessonId,
        title: l.title,
        nisCodes: l.nisCodes,
        countryCode: l.countryCode,
        regionCode: l.regionCode,
        policyDomains: l.policyDomains as PolicyDomain[],
        level: l.level as LessonLevel,
        recordedOn: l.recordedOn,
        goodPractice: l.goodPractice,
      };
    }),
  };
}

const toTrigger = (t: Suggestion['triggers'][number]): RegionalEventTrigger =>
  t.kind === 'NO_RECENT_ACCOMPANIMENT'
    ? {
        kind: t.kind,
        activeTwinnings: t.activeTwinnings,
        lastAccompaniedOn: t.lastAccompaniedOn,
        monthsSinceLastAccompaniment: t.monthsSinceLastAccompaniment,
        policyDomain: null,
        level: null,
        regionCodes: [],
        municipalities: [],
        lessons: [],
      }
    : {
        kind: t.kind,
        activeTwinnings: null,
        lastAccompaniedOn: null,
        monthsSinceLastAccompaniment: null,
        policyDomain: t.policyDomain,
        level: t.level,
        regionCodes: [...t.regionCodes],
        municipalities: t.municipalities.map((m) => ({ nisCode: m.nisCode, name: m.name })),
        lessons: t.lessons.map((l) => ({ ...l })),
      };

const toType = (s: Suggestion): RegionalEventSuggestion => ({
  kind: s.kind,
  scopeKind: s.scope.kind,
  scopeCode: s.scope.code,
  countryCode: s.countryCode,
  regionCodes: [...s.regionCodes],
  triggers: s.triggers.map(toTrigger),
  invitees: s.invitees.map((m) => ({ nisCode: m.nisCode, name: m.name })),
  themes: [...s.themes],
  goodPractices: s.goodPractices.map((g) => ({ ...g, policyDomains: [...g.policyDomains] })),
  startDate: s.window.start,
  endDate: s.window.end,
  days: s.window.days,
  participants: s.cost.participants,
  travelCostEur: s.cost.travelEur,
  allowanceCostEur: s.cost.allowanceEur,
  organisationCostEur: s.cost.organisationEur,
  estimatedCostEur: s.cost.totalEur,
  monthsSinceLastAccompaniment: s.monthsSinceLastAccompaniment,
  why: { nl: s.why.nl, en: s.why.en },
});

@Resolver()
export class RegionalEventSuggestionResolver {
  @Query(() => [RegionalEventSuggestion], {
    description:
      'Proactive regional events (issue 12): regions and countries with at least three active twinnings that VVSG has not accompanied a visit to for 12 months become a conference; lessons of the last two years from several municipalities reporting the same policy domain at the same level become a workshop (one region) or a south-south exchange (several regions of a country). Dated inside the period; ranked by municipalities invited, then months without accompaniment. For planners, management and staff.',
  })
  async regionalEventSuggestions(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() context: ApiContext,
  ): Promise<RegionalEventSuggestion[]> {
    authorize(context.principal, 'plan');
    validateCandidateArgs({ from, to });
    const on = today(context);
    const [inputs, planned] = await Promise.all([
      inputsOn(context, on),
      listRegionalEvents(views<PlanningDb>(context), { status: ['PROPOSED', 'APPROVED'], from, to }, { first: ALL }),
    ]);
    const suggestions = regionalEventSuggestions({ today: on, period: { from, to }, ...inputs }, defaultPolicy);
    return notYetPlanned(
      suggestions,
      planned.edges.map((e) => e.node),
    ).map(toType);
  }
}
