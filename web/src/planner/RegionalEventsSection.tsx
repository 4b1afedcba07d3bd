import type { PlannerPeriod } from './period';

/** Placeholder until the regional events' section is built (issue 13). */
export function RegionalEventsSection(_props: { readonly period: PlannerPeriod }) {
  return null;
}
