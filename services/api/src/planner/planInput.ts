import {
  addDays,
  bundleTrip,
  defaultPolicy,
  jointMissionCandidates,
  requestTrip,
  yearOf,
  type AccompanimentPlanInput,
  type FixedTrip,
  type PlanRequest,
} from '@werkbezoek/domain';
import {
  budgetOverview,
  staffCapacity,
  type CapacityDb,
  type MissionView,
  type RequestField,
  type RequestView,
} from '@werkbezoek/projections';
import { ValidationError, type AdditionalReason, type MissionType } from '@werkbezoek/schema';
import { today } from '../analytics/today.js';
import { views, type ApiContext } from '../context.js';
import { validateCandidateArgs, visitsIn } from './candidates.resolver.js';

/** What the plan reads of a request beyond what the candidates' sweep reads. */
const planFields: readonly RequestField[] = [
  'assessment.recommendation',
  'staffMemberId',
  'staffMemberName',
  'missionId',
];

/** Throws a ValidationError naming the field when a period cannot be planned as one year. */
export function validatePlanPeriod(from: string, to: string): void {
  validateCandidateArgs({ from, to });
  if (yearOf(from) !== yearOf(to)) {
    throw new ValidationError(
      `a plan covers one year (budget and free days are per year): from (${from}) and to (${to}) must lie in the same year`,
      ['from', 'to'],
    );
  }
}

/** An accepted request or scheduled mission in the plan, with who accompanies it. */
export interface FixedVisit {
  readonly id: string;
  readonly missionId: string | null;
  readonly requestIds: readonly string[];
  readonly municipalities: readonly { readonly nisCode: string; readonly name: string | null }[];
  readonly startDate: string;
  readonly endDate: string;
  readonly staff: readonly { readonly id: string; readonly name: string | null }[];
}

export interface PlanInputs {
  readonly input: AccompanimentPlanInput;
  /** The undecided requests considered, by id (for naming the plan's trips). */
  readonly requests: ReadonlyMap<string, RequestView>;
  readonly fixed: readonly FixedVisit[];
  readonly staffNames: ReadonlyMap<string, string | null>;
  /** Joint-mission candidates found among the undecided requests. */
  readonly candidates: number;
  /** Time spent in the sweep for candidates (pure), in ms. */
  readonly candidatesMs: number;
}

/**
 * The optimiser's input for a period of one year, from the read models.
 *
 * - Requests: undecided (SUBMITTED) requests starting in the period, not
 *   before today, weighed by their latest assessment (planInput.ts in the
 *   domain: days and cost as the assessment counts them).
 * - Bundles: the joint-mission candidates among those requests only. A
 *   candidate that would take along an accepted request or a scheduled
 *   mission is not a bundle here: the model chooses new trips, and joining a
 *   trip already booked is a change to that mission, which a planner
 *   proposes on its own (jointMissionCandidates lists those). The sweep over
 *   the undecided requests alone still finds every group of two or more of
 *   them, with its days and cost computed for exactly those.
 * - Staff: each member with days declared for the year, with the free days
 *   (declared less booked) of that year.
 * - Budget: the year's unreserved budget.
 * - Fixed: accepted requests and scheduled missions whose dates, preparation
 *   and processing included, overlap the period; their staff are busy then.
 */
export async function readPlanInputs(context: ApiContext, from: string, to: string): Promise<PlanInputs> {
  const year = yearOf(from);
  const now = today(context);
  // Trips just outside the period still occupy their staff inside it during preparation and processing.
  const wide = {
    from: addDays(from, -defaultPolicy.processingDays),
    to: addDays(to, defaultPolicy.preparationDays),
  };
  const db = views<CapacityDb>(context);
  const [read, capacity, [budget]] = await Promise.all([
    visitsIn(context, wide, planFields),
    staffCapacity(db, year),
    budgetOverview(db, { fromYear: year, toYear: year }),
  ]);

  const undecided = read.requests.filter(
    (r) => r.status === 'SUBMITTED' && r.startDate >= from && r.startDate <= to && r.startDate >= now,
  );
  const requests = new Map(undecided.map((r) => [r.requestId, r]));
  const planRequests = new Map<string, PlanRequest>(undecided.map((r) => [r.requestId, planRequest(r)]));

  const started = performance.now();
  const candidates = jointMissionCandidates(
    {
      visits: read.visits.filter((v) => v.kind === 'REQUEST' && requests.has(v.id)),
      lastAccompaniedOn: read.lastAccompaniedOn,
      period: { from, to },
      today: now,
    },
    defaultPolicy,
  );
  const candidatesMs = performance.now() - started;
  const bundles = candidates.flatMap((c) => bundleTrip(c, planRequests) ?? []);

  const fixed = fixedVisits(read.requests, read.missions);
  const staff = capacity.filter((s) => s.declaredDays > 0);
  const staffNames = new Map(capacity.map((s) => [s.staffMemberId, s.name]));
  for (const f of fixed) for (const s of f.staff) if (!staffNames.has(s.id)) staffNames.set(s.id, s.name);

  return {
    input: {
      year,
      requests: [...planRequests.values()].map((r) => requestTrip(r, defaultPolicy)),
      bundles,
      staff: staff.map((s) => ({ staffMemberId: s.staffMemberId, freeDays: s.freeDays })),
      unreservedEur: budget?.unreservedEur ?? 0,
      fixed: fixed.flatMap((f): FixedTrip[] => {
        const trip = { id: f.id, requestIds: f.requestIds, startDate: f.startDate, endDate: f.endDate };
        // One fixed trip per member who accompanies it: each of them is busy on its dates.
        return f.staff.length === 0 ? [trip] : f.staff.map((s) => ({ ...trip, staffMemberId: s.id }));
      }),
    },
    requests,
    fixed,
    staffNames,
    candidates: candidates.length,
    candidatesMs,
  };
}

function planRequest(r: RequestView): PlanRequest {
  return {
    requestId: r.requestId,
    countryCode: r.countryCode,
    missionType: r.missionType as MissionType,
    startDate: r.startDate,
    endDate: r.endDate,
    ...(r.assessment
      ? {
          assessment: {
            satisfiedReasons: r.assessment.satisfiedReasons as AdditionalReason[],
            recommendation: r.assessment.recommendation,
          },
        }
      : {}),
  };
}

/** Scheduled missions, and accepted requests no scheduled mission read here accompanies. */
function fixedVisits(requests: readonly RequestView[], missions: readonly MissionView[]): FixedVisit[] {
  const inMissions = new Set(missions.flatMap((m) => m.requestIds));
  const out: FixedVisit[] = missions.map((m) => ({
    id: m.missionId,
    missionId: m.missionId,
    requestIds: m.requestIds,
    municipalities: m.nisCodes.map((nisCode, i) => ({ nisCode, name: m.municipalityNames[i] ?? null })),
    startDate: m.startDate,
    endDate: m.endDate,
    staff: m.staffMemberIds.map((id, i) => ({ id, name: m.staffNames[i] ?? null })),
  }));
  for (const r of requests) {
    if (r.status !== 'ACCEPTED' || inMissions.has(r.requestId)) continue;
    out.push({
      id: r.requestId,
      missionId: r.missionId,
      requestIds: [r.requestId],
      municipalities: [{ nisCode: r.nisCode, name: r.municipalityName }],
      startDate: r.startDate,
      endDate: r.endDate,
      staff: r.staffMemberId ? [{ id: r.staffMemberId, name: r.staffMemberName }] : [],
    });
  }
  return out.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
}
