import type { BudgetStatus, RegionVisit, StaffAvailability } from '../assessment/assess.js';

/** An undecided request, for reassessment when its region's context changes. */
export interface OpenRequest {
  readonly requestId: string;
  readonly nisCode: string;
}

/**
 * What the domain needs to know across aggregates: the port the read side
 * implements (projections), and `EventLogContext` implements over the event
 * store so the domain can be tested alone. Dates are YYYY-MM-DD.
 */
export interface DomainContext {
  /** End date of the municipality's last accompanied visit (a mission, not cancelled) that started on or before `onOrBefore`. */
  lastAccompaniedVisit(nisCode: string, onOrBefore: string): Promise<string | undefined>;
  /**
   * Open or accepted requests and scheduled or completed missions in a southern
   * region whose dates meet [from, to] within `marginDays`.
   */
  visitsInRegion(regionCode: string, from: string, to: string, marginDays: number): Promise<RegionVisit[]>;
  /** Undecided requests in a region whose dates meet [from, to] within `marginDays`. */
  openRequestsInRegion(regionCode: string, from: string, to: string, marginDays: number): Promise<OpenRequest[]>;
  /** Every registered staff member's declared, booked and free days in a year. */
  staffAvailability(year: number): Promise<StaffAvailability[]>;
  budgetStatus(year: number): Promise<BudgetStatus>;
}
