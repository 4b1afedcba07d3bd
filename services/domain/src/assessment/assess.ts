import {
  AdditionalReasons,
  MissionTypes,
  type AdditionalReason,
  type DeclineReason,
  type Decision,
  type EventData,
  type MissionType,
  staffToken,
} from '@werkbezoek/schema';
import { addMonths, periodsMeet, visitDays, yearOf } from '../dates.js';
import type { ActorChange } from '../twinnings/twinning.js';
import { neutralBudgetSentence, neutralStaffTimeSentence } from './forCoordinator.js';
import type { AssessmentPolicy } from './policy.js';
import { costIn, euroEn, euroNl, list, tripCostCents } from './wording.js';

/** Another municipality's request or mission in the same southern region. */
export interface RegionVisit {
  readonly kind: 'REQUEST' | 'MISSION';
  readonly id: string;
  readonly nisCode: string;
  readonly municipalityName: string | undefined;
  readonly startDate: string;
  readonly endDate: string;
}

export interface StaffAvailability {
  readonly staffMemberId: string;
  readonly name: string;
  readonly declaredDays: number;
  readonly bookedDays: number;
  readonly freeDays: number;
}

export interface BudgetStatus {
  readonly year: number;
  readonly allocatedEur: number;
  readonly reservedEur: number;
  readonly spentEur: number;
  readonly unreservedEur: number;
}

/** Everything the policy looks at, gathered by the handler from the context. */
export interface AssessmentFacts {
  readonly assessedOn: string;
  readonly request: {
    readonly requestId: string;
    readonly nisCode: string;
    readonly twinningId: string;
    readonly missionType: MissionType;
    readonly startDate: string;
    readonly endDate: string;
    readonly claimedReasons: readonly AdditionalReason[];
    readonly countryCode: string;
    readonly regionCode: string;
  };
  /** The end of the municipality's last accompanied visit on or before the assessment date. */
  readonly lastAccompaniedOn: string | undefined;
  /** Open or accepted requests and missions of other municipalities in the same region. */
  readonly visitsInRegion: readonly RegionVisit[];
  readonly actorChanges: readonly ActorChange[];
  /** Staff availability in the visit's year. */
  readonly staff: readonly StaffAvailability[];
  /** The programme budget of the visit's year. */
  readonly budget: BudgetStatus;
}

export type AssessmentResult = Omit<EventData<'AccompanimentRequestAssessed'>, 'requestId' | 'trigger'>;

/** A text in Dutch and English. */
export interface Explained {
  readonly nl: string;
  readonly en: string;
}

/**
 * The assessment, with what only people outside VVSG may read: the
 * explanation without staff names or euro figures (a coordinator learns
 * whether staff time and budget allow it, not whose time or how much), and
 * for each derived reason the sentence that says why it holds.
 */
export interface AssessmentDetail {
  readonly result: AssessmentResult;
  readonly coordinatorExplanation: { readonly nl: string[]; readonly en: string[] };
  readonly derivedWhy: Partial<Record<AdditionalReason, Explained>>;
}

const reasonNames: Record<AdditionalReason, { nl: string; en: string }> = {
  CONTENT_PROBLEMS: { nl: 'inhoudelijke problemen', en: 'content problems' },
  RELATIONAL_PROBLEMS: { nl: 'relationele of communicatieproblemen', en: 'relational or communication problems' },
  ACTOR_RENEWAL: { nl: 'vernieuwing van actoren', en: 'renewal of actors' },
  EXPERTISE_ACTIVITIES: {
    nl: 'activiteiten waar VVSG-expertise opportuun is',
    en: 'activities where VVSG expertise is opportune',
  },
  FOLLOW_UP: { nl: 'opvolging', en: 'follow-up' },
  COMBINED_VISITS: { nl: 'gecombineerde bezoeken in de regio', en: 'combined visits in the region' },
};

const withoutName = ({ name: _name, ...rest }: StaffAvailability) => rest;

// Formatters are costly to build and cheap to use: one per language.
/** "a" or "an" before an English word. */
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'An' : 'A');

/**
 * The assessment of a request, the heart of the source document: a pure
 * function of the facts and the policy that recommends ACCEPT or DECLINE and
 * explains why in Dutch and English. It never decides: a person does.
 *
 * 1. Opportunity: the mission type needs (rank − 1) additional reasons; the
 *    satisfied ones are those claimed plus those derived from the facts
 *    (FOLLOW_UP, COMBINED_VISITS, ACTOR_RENEWAL).
 * 2. Staff time: preparation + visit + processing days against the free days
 *    of the staff member with the most free days that year (named by their
 *    staff token, see staffTokens.ts in @werkbezoek/schema).
 * 3. Budget: travel plus daily allowance against the year's unreserved budget.
 * The first that fails gives the decline reason, in that order.
 */
export function assess(facts: AssessmentFacts, policy: AssessmentPolicy): AssessmentResult {
  return assessInDetail(facts, policy).result;
}

/** `assess`, with the coordinator's explanation and the why of each derived reason (see AssessmentDetail). */
export function assessInDetail(facts: AssessmentFacts, policy: AssessmentPolicy): AssessmentDetail {
  const { request, assessedOn } = facts;
  const nl: string[] = [];
  const en: string[] = [];
  // Sentences a coordinator reads instead, by their index in nl/en. explanationForCoordinator finds the
  // same sentences in a stored explanation by where they stand and how they start: keep the two in step.
  const forCoordinator = new Map<number, Explained>();
  const derivedWhy: Partial<Record<AdditionalReason, Explained>> = {};
  const last = (): Explained => ({ nl: nl[nl.length - 1]!, en: en[en.length - 1]! });
  const type = MissionTypes.get(request.missionType);
  const requiredReasons = policy.requiredReasons[request.missionType];

  // Derived reasons.
  const derived: AdditionalReason[] = [];
  const followUpSince = addMonths(assessedOn, -policy.followUpMonths);
  const followUp = facts.lastAccompaniedOn === undefined || facts.lastAccompaniedOn < followUpSince;
  if (followUp) derived.push('FOLLOW_UP');
  const partners = facts.visitsInRegion.filter(
    (v) =>
      v.nisCode !== request.nisCode &&
      periodsMeet(request.startDate, request.endDate, v.startDate, v.endDate, policy.combinedVisitWindowDays),
  );
  if (partners.length > 0) derived.push('COMBINED_VISITS');
  const renewalSince = addMonths(assessedOn, -policy.actorRenewalMonths);
  const renewals = facts.actorChanges.filter((c) => c.changedOn >= renewalSince && c.changedOn <= assessedOn);
  if (renewals.length > 0) derived.push('ACTOR_RENEWAL');

  const claimed = [...new Set(request.claimedReasons)];
  const satisfied = AdditionalReasons.codes.filter((r) => claimed.includes(r) || derived.includes(r));
  const opportune = satisfied.length >= requiredReasons;

  nl.push(
    requiredReasons === 0
      ? `Een ${type.label.nl.toLowerCase()} is het meest relevante type werkbezoek: er zijn geen bijkomende redenen nodig.`
      : `Een ${type.label.nl.toLowerCase()} (rang ${type.rank}) vraagt minstens ${requiredReasons} bijkomende ${requiredReasons === 1 ? 'reden' : 'redenen'}; er ${satisfied.length === 1 ? 'is er' : 'zijn er'} ${satisfied.length}.`,
  );
  en.push(
    requiredReasons === 0
      ? `An ${type.label.en.toLowerCase()} is the most relevant kind of visit: no additional reasons are needed.`
      : `${article(type.label.en)} ${type.label.en.toLowerCase()} (rank ${type.rank}) needs at least ${requiredReasons} additional reason${requiredReasons === 1 ? '' : 's'}; ${satisfied.length} ${satisfied.length === 1 ? 'holds' : 'hold'}.`,
  );
  if (claimed.length > 0) {
    nl.push(
      `Aangegeven door de gemeente: ${list(
        claimed.map((r) => reasonNames[r].nl),
        'en',
      )}.`,
    );
    en.push(
      `Claimed by the municipality: ${list(
        claimed.map((r) => reasonNames[r].en),
        'and',
      )}.`,
    );
  }
  if (followUp) {
    nl.push(
      facts.lastAccompaniedOn
        ? `Opvolging: het laatste begeleide werkbezoek eindigde op ${facts.lastAccompaniedOn}, meer dan ${policy.followUpMonths} maanden geleden.`
        : `Opvolging: de gemeente werd nog nooit begeleid op werkbezoek.`,
    );
    en.push(
      facts.lastAccompaniedOn
        ? `Follow-up: the last accompanied visit ended on ${facts.lastAccompaniedOn}, more than ${policy.followUpMonths} months ago.`
        : `Follow-up: the municipality has never been accompanied on a visit.`,
    );
    derivedWhy.FOLLOW_UP = last();
  } else {
    nl.push(`Geen opvolgingsreden: het laatste begeleide werkbezoek eindigde op ${facts.lastAccompaniedOn}.`);
    en.push(`No follow-up reason: the last accompanied visit ended on ${facts.lastAccompaniedOn}.`);
  }
  if (partners.length > 0) {
    // An accepted request and its mission are one visit: name it once.
    const names = [
      ...new Set(partners.map((p) => `${p.municipalityName ?? p.nisCode} (${p.startDate} – ${p.endDate})`)),
    ];
    nl.push(
      `Combinatie: ook ${list(names, 'en')} ${names.length === 1 ? 'bezoekt' : 'bezoeken'} ${request.regionCode} binnen ${policy.combinedVisitWindowDays} dagen.`,
    );
    en.push(
      `Combined visits: ${list(names, 'and')} also ${names.length === 1 ? 'visits' : 'visit'} ${request.regionCode} within ${policy.combinedVisitWindowDays} days.`,
    );
    derivedWhy.COMBINED_VISITS = last();
  }
  if (renewals.length > 0) {
    const changes = renewals.map(
      (c) => `${c.actorKind.toLowerCase()} (${c.side === 'NORTH' ? 'Noord' : 'Zuid'}, ${c.changedOn})`,
    );
    const changesEn = renewals.map(
      (c) => `${c.actorKind.toLowerCase()} (${c.side === 'NORTH' ? 'North' : 'South'}, ${c.changedOn})`,
    );
    nl.push(`Vernieuwing van actoren in de laatste ${policy.actorRenewalMonths} maanden: ${list(changes, 'en')}.`);
    en.push(`Actors renewed in the last ${policy.actorRenewalMonths} months: ${list(changesEn, 'and')}.`);
    derivedWhy.ACTOR_RENEWAL = last();
  }

  // Staff time.
  const days = visitDays(request.startDate, request.endDate);
  const daysNeeded = policy.preparationDays + days + policy.processingDays;
  const year = yearOf(request.startDate);
  const best = [...facts.staff].sort((a, b) => b.freeDays - a.freeDays)[0];
  const freeStaffDays = Math.max(0, best?.freeDays ?? 0);
  const staffTimeAvailable = freeStaffDays >= daysNeeded;
  // The staff member by id (a token in the sentence), never by name: the explanation is sealed with the
  // request's key, so a name in it would outlive their erasure. Readers show the current name.
  nl.push(
    `Personeelstijd: ${policy.preparationDays} + ${days} + ${policy.processingDays} = ${daysNeeded} dagen nodig; ` +
      (best
        ? `${staffToken(best.staffMemberId)} heeft er het meest vrij in ${year}: ${best.freeDays}.`
        : `er is geen personeel met capaciteit in ${year}.`),
  );
  en.push(
    `Staff time: ${policy.preparationDays} + ${days} + ${policy.processingDays} = ${daysNeeded} days needed; ` +
      (best
        ? `${staffToken(best.staffMemberId)} has the most free in ${year}: ${best.freeDays}.`
        : `no staff member has capacity in ${year}.`),
  );
  forCoordinator.set(nl.length - 1, neutralStaffTimeSentence(daysNeeded, staffTimeAvailable, year));

  // Budget.
  const cost = costIn(policy, request.countryCode);
  const estimatedCostEur = tripCostCents(cost, days) / 100;
  const unreservedBudgetEur = facts.budget.unreservedEur;
  const budgetAvailable = estimatedCostEur <= unreservedBudgetEur;
  nl.push(
    `Budget: geschatte kost ${euroNl(estimatedCostEur)} (reis ${euroNl(cost.travelEur)} + ${days} dagen × ${euroNl(cost.dailyAllowanceEur)}); ` +
      `nog niet gereserveerd in ${year}: ${euroNl(unreservedBudgetEur)}.`,
  );
  en.push(
    `Budget: estimated cost ${euroEn(estimatedCostEur)} (travel ${euroEn(cost.travelEur)} + ${days} days × ${euroEn(cost.dailyAllowanceEur)}); ` +
      `unreserved in ${year}: ${euroEn(unreservedBudgetEur)}.`,
  );
  forCoordinator.set(nl.length - 1, neutralBudgetSentence(budgetAvailable, year));

  let recommendation: Decision = 'ACCEPT';
  let declineReason: DeclineReason | undefined;
  if (!opportune) declineReason = 'NOT_OPPORTUNE';
  else if (!staffTimeAvailable) declineReason = 'NO_STAFF_TIME';
  else if (!budgetAvailable) declineReason = 'NO_BUDGET';
  if (declineReason) recommendation = 'DECLINE';
  const verdict = {
    ACCEPT: { nl: 'Advies: aanvaarden.', en: 'Recommendation: accept.' },
    NOT_OPPORTUNE: {
      nl: 'Advies: weigeren, deelname is niet opportuun (te weinig bijkomende redenen).',
      en: 'Recommendation: decline, participation is not opportune (too few additional reasons).',
    },
    NO_STAFF_TIME: {
      nl: 'Advies: weigeren, er is onvoldoende personeelstijd.',
      en: 'Recommendation: decline, there is not enough staff time.',
    },
    NO_BUDGET: {
      nl: 'Advies: weigeren, het budget laat het niet toe.',
      en: 'Recommendation: decline, the budget does not allow it.',
    },
  }[declineReason ?? 'ACCEPT'];
  nl.push(verdict.nl);
  en.push(verdict.en);

  const result: AssessmentResult = {
    policyVersion: policy.version,
    recommendation,
    ...(declineReason ? { declineReason } : {}),
    opportune,
    requiredReasons,
    claimedReasons: claimed,
    derivedReasons: AdditionalReasons.codes.filter((r) => derived.includes(r)),
    satisfiedReasons: satisfied,
    daysNeeded,
    freeStaffDays,
    staffTimeAvailable,
    estimatedCostEur,
    unreservedBudgetEur,
    budgetAvailable,
    inputs: {
      policy: {
        version: policy.version,
        requiredReasons,
        followUpMonths: policy.followUpMonths,
        combinedVisitWindowDays: policy.combinedVisitWindowDays,
        actorRenewalMonths: policy.actorRenewalMonths,
        preparationDays: policy.preparationDays,
        processingDays: policy.processingDays,
        cost,
      },
      assessedOn,
      request,
      lastAccompaniedOn: facts.lastAccompaniedOn ?? null,
      visitsInRegion: partners,
      actorChanges: renewals,
      // The rule looks at the staff member with the most free days; the whole list would grow every
      // assessment with the size of the team. By id only, as in the explanation.
      staff: { members: facts.staff.length, mostFree: best ? withoutName(best) : null },
      budget: facts.budget,
    },
    explanation: { nl, en },
  };
  return {
    result,
    coordinatorExplanation: {
      nl: nl.map((sentence, i) => forCoordinator.get(i)?.nl ?? sentence),
      en: en.map((sentence, i) => forCoordinator.get(i)?.en ?? sentence),
    },
    derivedWhy,
  };
}
