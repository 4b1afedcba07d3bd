/** Pure helpers of the regional events' section: the proposal form's draft and checks, and what a card shows. */

export interface ProposalDraft {
  readonly title: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly invitedNisCodes: readonly string[];
}

/** The API's limit: an event lasts at most 14 days. */
export const maxEventDays = 14;

/** Days from start to end, both included; NaN when a date is missing or invalid. */
export function eventDays(startDate: string, endDate: string): number {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate}T00:00:00Z`);
  return (end - start) / 86_400_000 + 1;
}

export type ProposalProblem =
  | { readonly field: 'title' | 'startDate' | 'endDate'; readonly problem: 'required' }
  | { readonly field: 'endDate'; readonly problem: 'endBeforeStart' }
  | { readonly field: 'endDate'; readonly problem: 'tooLong'; readonly days: number }
  | { readonly field: 'invitedNisCodes'; readonly problem: 'twoInvitees' };

/**
 * What the form can tell before asking the API (the same rules the API
 * applies): a title, both dates, the end not before the start, at most 14
 * days, at least two invitees. One problem per field, the first that applies.
 */
export function checkProposal(draft: ProposalDraft): ProposalProblem[] {
  const problems: ProposalProblem[] = [];
  if (!draft.title.trim()) problems.push({ field: 'title', problem: 'required' });
  if (!draft.startDate) problems.push({ field: 'startDate', problem: 'required' });
  if (!draft.endDate) problems.push({ field: 'endDate', problem: 'required' });
  else if (draft.startDate) {
    const days = eventDays(draft.startDate, draft.endDate);
    if (days < 1) problems.push({ field: 'endDate', problem: 'endBeforeStart' });
    else if (days > maxEventDays) problems.push({ field: 'endDate', problem: 'tooLong', days });
  }
  if (new Set(draft.invitedNisCodes).size < 2) problems.push({ field: 'invitedNisCodes', problem: 'twoInvitees' });
  return problems;
}

/**
 * Good practices to bring, each title once: the suggestion lists every
 * promoted lesson, and several municipalities may have promoted the same
 * finding; the first (the event's own regions, newest) is linked.
 */
export function distinctGoodPractices<T extends { readonly title: string }>(practices: readonly T[]): T[] {
  const seen = new Set<string>();
  return practices.filter((p) => {
    const key = p.title.trim().toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A stable key for a suggestion (it has no id): its kind, place and dates. */
export function suggestionKey(s: {
  readonly kind: string;
  readonly scopeCode: string;
  readonly regionCodes: readonly string[];
  readonly startDate: string;
  readonly themes: readonly string[];
}): string {
  return [s.kind, s.scopeCode, s.regionCodes.join('+'), s.startDate, s.themes.join('+')].join(':');
}

/** An amount typed in a form: a number of euro of 0 or more, `undefined` when empty, `null` when not a valid amount. */
export function parseEuro(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? value : null;
}

interface CostParts {
  readonly days: number;
  readonly participants: number;
  readonly invitees: readonly unknown[];
  readonly travelCostEur: number;
  readonly allowanceCostEur: number;
  readonly organisationCostEur: number;
}

/**
 * The suggestion's estimate for other dates or invitees, by its own parts:
 * travel once, the allowance per day, and the organisation per participant
 * and day (with as many participants per municipality as suggested).
 */
export function reestimate(s: CostParts, days: number, invitees: number): number {
  if (!(days >= 1) || s.days <= 0) return s.travelCostEur + s.allowanceCostEur + s.organisationCostEur;
  const allowancePerDay = s.allowanceCostEur / s.days;
  const perMunicipality = s.invitees.length > 0 ? s.participants / s.invitees.length : 0;
  const perParticipantDay = s.participants > 0 ? s.organisationCostEur / (s.participants * s.days) : 0;
  return Math.round(s.travelCostEur + allowancePerDay * days + perMunicipality * invitees * days * perParticipantDay);
}
