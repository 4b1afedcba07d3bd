/**
 * The planner's forms checked before they are sent, by the rules the API
 * applies (services/domain/src/jointMissions/jointMission.ts), so a mistake
 * shows beside its field at once; the API checks again and its answer shows
 * the same way. Each problem is a message id with its values.
 */
import type { MessageId } from '../i18n/messages';
import { daysIncluded } from './timeline';

export interface Problem {
  readonly id: MessageId;
  readonly values?: Record<string, string | number>;
}
export type Problems<Field extends string> = Partial<Record<Field, Problem>>;

/** The longest joint mission (the API's MAX_JOINT_WINDOW_DAYS). */
export const MAX_WINDOW_DAYS = 60;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export interface ProposalDraft {
  readonly startDate: string;
  readonly endDate: string;
  readonly requestIds: readonly string[];
  readonly rationale: string;
}

/** A request's visit as the form knows it. */
export interface RequestVisit {
  readonly startDate: string;
  readonly endDate: string;
  readonly label: string;
}

export function checkProposal(
  draft: ProposalDraft,
  today: string,
  visits: ReadonlyMap<string, RequestVisit>,
): Problems<'startDate' | 'endDate' | 'requestIds' | 'rationale'> {
  const problems: Problems<'startDate' | 'endDate' | 'requestIds' | 'rationale'> = {};
  if (draft.requestIds.length < 2) problems.requestIds = { id: 'planner.form.atLeastTwo' };
  if (!draft.rationale.trim()) problems.rationale = { id: 'planner.form.required' };
  if (!isoDate.test(draft.startDate)) problems.startDate = { id: 'planner.form.required' };
  if (!isoDate.test(draft.endDate)) problems.endDate = { id: 'planner.form.required' };
  if (problems.startDate || problems.endDate) return problems;
  if (draft.startDate < today) problems.startDate = { id: 'planner.form.startPast', values: { today } };
  if (draft.endDate < draft.startDate) {
    problems.endDate = { id: 'planner.form.endBeforeStart' };
    return problems;
  }
  const days = daysIncluded(draft.startDate, draft.endDate);
  if (days > MAX_WINDOW_DAYS) {
    problems.endDate = { id: 'planner.form.tooLong', values: { days, max: MAX_WINDOW_DAYS } };
    return problems;
  }
  const outside = draft.requestIds
    .map((id) => visits.get(id))
    .filter((v): v is RequestVisit => !!v && (v.startDate < draft.startDate || v.endDate > draft.endDate));
  if (outside.length > 0 && !problems.requestIds) {
    problems.requestIds = {
      id: 'planner.form.outsideWindow',
      values: { visits: outside.map((v) => v.label).join(', ') },
    };
  }
  return problems;
}

export interface ApprovalDraft {
  readonly staffMemberIds: readonly string[];
  /** As typed; empty means the estimate. */
  readonly budget: string;
}

/** A number input's value (always with a point, whatever the language); undefined when empty, NaN when not a number. */
export function parseEuro(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function checkApproval(draft: ApprovalDraft): Problems<'staffMemberIds' | 'budgetEur'> {
  const problems: Problems<'staffMemberIds' | 'budgetEur'> = {};
  if (draft.staffMemberIds.length === 0) problems.staffMemberIds = { id: 'planner.form.chooseStaff' };
  const budget = parseEuro(draft.budget);
  if (budget !== undefined && (Number.isNaN(budget) || budget <= 0)) problems.budgetEur = { id: 'planner.form.euro' };
  return problems;
}

export function checkRejection(reason: string): Problems<'reason'> {
  return reason.trim() ? {} : { reason: { id: 'planner.form.reasonRequired' } };
}
