import type { AdditionalReason, Decision, MissionType } from '@werkbezoek/schema';
import type { AssessmentPolicy } from '../assessment/policy.js';
import { costIn, tripCostCents } from '../assessment/wording.js';
import { visitDays } from '../dates.js';
import type { JointMissionCandidate } from './candidates.js';
import type { BundleTrip, RequestTrip } from './optimiser.js';
import { bundlePriority, priorityPolicy, requestPriority, type PriorityPolicy } from './priority.js';

/** An undecided request as the plan weighs it: its visit and its latest assessment. */
export interface PlanRequest {
  readonly requestId: string;
  /** Null where the twinning's country is unknown: the policy's default cost applies. */
  readonly countryCode: string | null;
  readonly missionType: MissionType;
  readonly startDate: string;
  readonly endDate: string;
  /** The latest assessment's satisfied reasons and recommendation; absent when it was never assessed. */
  readonly assessment?: {
    readonly satisfiedReasons: readonly AdditionalReason[];
    readonly recommendation: Decision;
  };
}

/**
 * A request's own trip, costed and weighed as the assessment does it: staff
 * days = preparation + visit days + processing, cost = travel + the daily
 * allowance per visit day (assessment/wording.ts), priority by the priority
 * policy. An unassessed request earns no recommendation points.
 */
export function requestTrip(
  request: PlanRequest,
  policy: AssessmentPolicy,
  priorities: PriorityPolicy = priorityPolicy,
): RequestTrip {
  const days = visitDays(request.startDate, request.endDate);
  return {
    requestId: request.requestId,
    startDate: request.startDate,
    endDate: request.endDate,
    days: policy.preparationDays + days + policy.processingDays,
    costEur: tripCostCents(costIn(policy, request.countryCode ?? ''), days) / 100,
    priority: requestPriority(priorityInput(request), priorities).points,
  };
}

/**
 * A joint-mission candidate as a bundle: its combined trip's days and cost
 * from the candidate, its priority the sum of its requests' (each with the
 * reasons the joint mission gives it added to those its assessment found)
 * plus its saving. Undefined when one of its requests is not among
 * `requests` (the plan only bundles undecided requests).
 */
export function bundleTrip(
  candidate: JointMissionCandidate,
  requests: ReadonlyMap<string, PlanRequest>,
  priorities: PriorityPolicy = priorityPolicy,
): BundleTrip | undefined {
  const members = candidate.reasons.map((r) => {
    const request = requests.get(r.requestId);
    return request && { ...priorityInput(request), extra: r.reasons };
  });
  if (members.some((m) => m === undefined)) return undefined;
  const inputs = members.map((m) => ({
    missionType: m!.missionType,
    satisfiedReasons: [...new Set([...m!.satisfiedReasons, ...m!.extra])],
    recommendation: m!.recommendation,
  }));
  return {
    bundleId: bundleId(candidate),
    requestIds: candidate.requestIds,
    startDate: candidate.trip.start,
    endDate: candidate.trip.end,
    days: candidate.combinedStaffDays,
    costEur: candidate.combinedCostEur,
    priority: bundlePriority(inputs, candidate.savingEur, priorities).points,
  };
}

/** A stable id for a bundle: its first day and its requests (jointMissionCandidates lists a set of requests once). */
export function bundleId(candidate: JointMissionCandidate): string {
  return `bundle:${candidate.trip.start}:${candidate.requestIds.join('+')}`;
}

function priorityInput(request: PlanRequest) {
  return {
    missionType: request.missionType,
    satisfiedReasons: request.assessment?.satisfiedReasons ?? [],
    // Unassessed: no recommendation points (DECLINE weighs 0 in every version so far).
    recommendation: request.assessment?.recommendation ?? ('DECLINE' as const),
  };
}
