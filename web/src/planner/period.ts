/** The period the planner's workbench looks at: from and to (ISO dates, both included), optionally one country. */
export interface PlannerPeriod {
  readonly from: string;
  readonly to: string;
  readonly countryCode: string | null;
}
