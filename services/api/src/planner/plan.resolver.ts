import {
  greedyAccompanimentPlan,
  optimiseAccompanimentPlan,
  priorityPolicy,
  type PlannedTrip,
} from '@werkbezoek/domain';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { authorize } from '../auth/roles.js';
import type { ApiContext } from '../context.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { AccompanimentPlan, type PlanTrip } from './plan.type.js';
import { readPlanInputs, validatePlanPeriod, type PlanInputs } from './planInput.js';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const finite = (n: number) => (Number.isFinite(n) ? n : null);

function toTrip(t: PlannedTrip, inputs: PlanInputs): PlanTrip {
  return {
    kind: t.kind,
    tripId: t.tripId,
    requests: t.requestIds
      .flatMap((id) => inputs.requests.get(id) ?? [])
      .map((r) => ({
        id: r.requestId,
        nisCode: r.nisCode,
        municipalityName: r.municipalityName,
        missionType: r.missionType,
        startDate: r.startDate,
        endDate: r.endDate,
      }))
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id)),
    startDate: t.startDate,
    endDate: t.endDate,
    staffDays: t.days,
    costEur: t.costEur,
    priority: t.priority,
    staffMember: { id: t.staffMemberId, name: inputs.staffNames.get(t.staffMemberId) ?? null },
  };
}

@Resolver()
export class PlanResolver {
  @Query(() => AccompanimentPlan, {
    description:
      'The optimal accompaniment plan for a period within one year (issue 12), solved exactly (HiGHS), with the greedy plan beside it. For planners, management and staff.',
  })
  async optimizeAccompanimentPlan(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar, { description: 'In the same year as from.' }) to: string,
    @Ctx() context: ApiContext,
  ): Promise<AccompanimentPlan> {
    authorize(context.principal, 'plan');
    validatePlanPeriod(from, to);
    const inputs = await readPlanInputs(context, from, to);
    let started = performance.now();
    const greedy = greedyAccompanimentPlan(inputs.input);
    const greedyMs = performance.now() - started;
    started = performance.now();
    const plan = await optimiseAccompanimentPlan(inputs.input);
    const solveMs = performance.now() - started;

    const byName = (a: { staffMember: { name: string | null; id: string } }, b: typeof a) =>
      (a.staffMember.name ?? '\uffff').localeCompare(b.staffMember.name ?? '\uffff', 'nl') ||
      a.staffMember.id.localeCompare(b.staffMember.id);
    return {
      year: plan.year,
      from,
      to,
      status: plan.status,
      objective: plan.objective,
      bound: finite(plan.bound),
      mipGap: finite(plan.mipGap),
      policyVersion: priorityPolicy.version,
      trips: plan.trips.map((t) => toTrip(t, inputs)),
      fixed: inputs.fixed.map((f) => ({
        ...f,
        requestIds: [...f.requestIds],
        municipalities: [...f.municipalities],
        staff: [...f.staff],
      })),
      staff: plan.staff
        .map((s) => ({
          staffMember: { id: s.staffMemberId, name: inputs.staffNames.get(s.staffMemberId) ?? null },
          freeDays: s.freeDays,
          usedDays: s.usedDays,
          slackDays: round(s.slackDays, 2),
          binding: s.binding,
        }))
        .sort(byName),
      budget: {
        unreservedEur: plan.budget.unreservedEur,
        usedEur: round(plan.budget.usedEur, 2),
        slackEur: round(plan.budget.slackEur, 2),
        binding: plan.budget.binding,
      },
      greedy: {
        objective: greedy.objective,
        trips: greedy.trips.map((t) => toTrip(t, inputs)),
        solveMs: round(greedyMs, 2),
      },
      gainOverGreedy: plan.objective - greedy.objective,
      objectiveToGreedy: greedy.objective > 0 ? round(plan.objective / greedy.objective, 4) : null,
      rounds: plan.rounds,
      solveMs: round(solveMs),
      candidatesMs: round(inputs.candidatesMs, 2),
      requestsConsidered: inputs.requests.size,
      bundlesConsidered: inputs.input.bundles.length,
      staffConsidered: inputs.input.staff.length,
    };
  }
}
