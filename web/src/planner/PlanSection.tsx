import type { PlannerPeriod } from './period';

/** Placeholder until the optimised plan's section is built (issue 13). */
export function PlanSection(_props: { readonly period: PlannerPeriod }) {
  return null;
}
