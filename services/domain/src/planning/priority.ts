import type { AdditionalReason, Decision, MissionType } from '@werkbezoek/schema';
import { defaultPolicy } from '../assessment/policy.js';

/**
 * How much accompanying a visit is worth when the plan cannot take every
 * request (issue 12). Versioned like the assessment policy: a plan records the
 * version it was weighed with, so yesterday's plan stays explainable after the
 * weights change. Weights are whole points so that the optimiser's objective
 * is an integer and "optimal" can be proved exactly.
 */
export interface PriorityPolicy {
  readonly version: string;
  /** Points per mission type, by its relevance rank in the source document (1 = most relevant = most points). */
  readonly missionTypePoints: Readonly<Record<MissionType, number>>;
  /** Points per satisfied additional reason beyond the ones the mission type requires. */
  readonly pointsPerExtraReason: number;
  /** Points for the assessment's recommendation: a request VVSG should accept weighs more. */
  readonly recommendationPoints: Readonly<Record<Decision, number>>;
  /** A bundle earns one point per this many euro it saves against accompanying its requests one by one. */
  readonly eurPerSavingPoint: number;
}

/**
 * The default weighting. The order comes from DOMAIN.md: identification above
 * evaluation above technical above political, each step worth as much as two
 * extra reasons, so an extra reason never outranks a more relevant purpose on
 * its own; a recommendation to accept is worth one step. A joint mission's
 * saving counts one point per 100 euro, so a bundle that saves something beats
 * its requests taken separately. Each change needs a new `version`.
 */
export const priorityPolicy: PriorityPolicy = {
  version: '2026.1',
  missionTypePoints: { IDENTIFICATION: 40, EVALUATION: 30, TECHNICAL: 20, POLITICAL: 10 },
  pointsPerExtraReason: 5,
  recommendationPoints: { ACCEPT: 10, DECLINE: 0 },
  eurPerSavingPoint: 100,
};

export interface RequestPriorityInput {
  readonly missionType: MissionType;
  /** Every additional reason that holds (claimed and derived); duplicates count once. */
  readonly satisfiedReasons: readonly AdditionalReason[];
  readonly recommendation: Decision;
}

/** A priority with the points that make it up, so a planner can see why one trip outranks another. */
export interface Priority {
  readonly points: number;
  readonly policyVersion: string;
  readonly parts: {
    readonly missionType: number;
    readonly extraReasons: number;
    readonly recommendation: number;
    readonly requests: number;
    readonly saving: number;
  };
}

/**
 * A request's priority: its mission type's points, plus points for each
 * satisfied reason beyond those its type requires (the assessment's rule),
 * plus the recommendation's points.
 *
 * @example requestPriority({ missionType: 'EVALUATION', satisfiedReasons: ['FOLLOW_UP', 'CONTENT_PROBLEMS'], recommendation: 'ACCEPT' }).points // 30 + 5 + 10 = 45
 */
export function requestPriority(input: RequestPriorityInput, policy: PriorityPolicy = priorityPolicy): Priority {
  const required = defaultPolicy.requiredReasons[input.missionType];
  const extra = Math.max(0, new Set(input.satisfiedReasons).size - required);
  const parts = {
    missionType: policy.missionTypePoints[input.missionType],
    extraReasons: extra * policy.pointsPerExtraReason,
    recommendation: policy.recommendationPoints[input.recommendation],
    requests: 0,
    saving: 0,
  };
  return {
    points: parts.missionType + parts.extraReasons + parts.recommendation,
    policyVersion: policy.version,
    parts,
  };
}

/**
 * A bundle's (joint mission's) priority: the sum of its requests' priorities
 * plus its saving in euro (cost of the requests alone minus the bundle's
 * cost; never negative) at one point per `eurPerSavingPoint`, rounded down.
 */
export function bundlePriority(
  requests: readonly RequestPriorityInput[],
  savingEur: number,
  policy: PriorityPolicy = priorityPolicy,
): Priority {
  const total = requests.reduce((sum, r) => sum + requestPriority(r, policy).points, 0);
  const saving = Math.floor(Math.max(0, savingEur) / policy.eurPerSavingPoint);
  return {
    points: total + saving,
    policyVersion: policy.version,
    parts: { missionType: 0, extraReasons: 0, recommendation: 0, requests: total, saving },
  };
}
