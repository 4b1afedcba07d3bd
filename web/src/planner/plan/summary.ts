import type { PlanStatus } from '../../gql/graphql';
import type { Tone } from '../../ui/Badge';

/** How a plan's status reads: its badge's tone, and whether the plan is the solver's or the greedy fallback. */
export function statusTone(status: PlanStatus): Tone {
  switch (status) {
    case 'OPTIMAL':
      return 'ok';
    case 'TIME_LIMIT':
      return 'warn';
    case 'INFEASIBLE':
    case 'ROUND_LIMIT':
    case 'ERROR':
      return 'bad';
  }
}

/** Whether the plan shown is the greedy one because the solver gave none (so comparing it with itself says nothing). */
export function isGreedyFallback(status: PlanStatus): boolean {
  return status === 'INFEASIBLE' || status === 'ROUND_LIMIT' || status === 'ERROR';
}

interface StaffUse {
  readonly freeDays: number;
  readonly usedDays: number;
  readonly slackDays: number;
  readonly binding: boolean;
  readonly staffMember: { readonly id: string; readonly name?: string | null };
}

/** A staff member's bar: the days the plan uses, and what is left, split by whether it binds (so the legend names it). */
export interface StaffRow {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly used: number;
  readonly free: number;
  readonly slack: number;
  readonly slackBinding: number;
  readonly slackFree: number;
  readonly binding: boolean;
}

/**
 * The staff chart's rows: binding members first (what limits the plan), then
 * by days used; a member's label carries the binding mark in words, so it is
 * not told by colour alone.
 */
export function staffRows(staff: readonly StaffUse[], bindingMark: (name: string) => string): StaffRow[] {
  return [...staff]
    .map((s) => {
      const name = s.staffMember.name ?? s.staffMember.id;
      const slack = Math.max(0, s.slackDays);
      return {
        id: s.staffMember.id,
        name,
        label: s.binding ? bindingMark(name) : name,
        used: s.usedDays,
        free: s.freeDays,
        slack,
        slackBinding: s.binding ? slack : 0,
        slackFree: s.binding ? 0 : slack,
        binding: s.binding,
      };
    })
    .sort((a, b) => Number(b.binding) - Number(a.binding) || b.used - a.used || a.name.localeCompare(b.name));
}

/** The share of the unreserved budget the plan uses, between 0 and 1 (0 when nothing is unreserved). */
export function budgetShare(usedEur: number, unreservedEur: number): number {
  if (unreservedEur <= 0) return usedEur > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, usedEur / unreservedEur));
}

interface Trip {
  readonly kind: 'REQUEST' | 'BUNDLE';
  readonly requests: readonly unknown[];
}

/** How many trips and requests the plan chooses, and how many trips are joint missions. */
export function tripCounts(trips: readonly Trip[]): { trips: number; bundles: number; requests: number } {
  return {
    trips: trips.length,
    bundles: trips.filter((t) => t.kind === 'BUNDLE').length,
    requests: trips.reduce((sum, t) => sum + t.requests.length, 0),
  };
}
