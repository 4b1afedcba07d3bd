import type { MissionType } from '@werkbezoek/schema';

/** Travel and daily allowance for one staff member's visit to a country (demo parameters, in euro). */
export interface CountryCost {
  /** Return flight and local transport. */
  readonly travelEur: number;
  /** Daily allowance covering accommodation and meals. */
  readonly dailyAllowanceEur: number;
}

/**
 * The parameters of the assessment, versioned: every assessment event records
 * the version and the values it used, so a past recommendation stays
 * explainable after the parameters change.
 */
export interface AssessmentPolicy {
  readonly version: string;
  /** Additional reasons needed per mission type: its relevance rank minus one (DOMAIN.md). */
  readonly requiredReasons: Readonly<Record<MissionType, number>>;
  /** FOLLOW_UP holds when the municipality had no accompanied visit in this many months. */
  readonly followUpMonths: number;
  /** COMBINED_VISITS holds when another municipality visits the region within this many days. */
  readonly combinedVisitWindowDays: number;
  /** ACTOR_RENEWAL holds when an actor changed on the twinning within this many months. */
  readonly actorRenewalMonths: number;
  /** Staff days for preparing and for processing a visit, on top of the visit's own days. */
  readonly preparationDays: number;
  readonly processingDays: number;
  /** Cost per country (ISO 3166-1 alpha-2); `defaultCost` for the others. */
  readonly costs: Readonly<Record<string, CountryCost>>;
  readonly defaultCost: CountryCost;
}

/**
 * The default policy. The rule (required reasons = rank − 1) and the windows
 * come from the source document and the brief; the cost table is a set of
 * documented demo parameters: economy return fares from Brussels and daily
 * allowances in the range of the Belgian federal per-diem rates for these
 * countries, rounded. Replace them with VVSG's own figures through
 * configuration; each change needs a new `version`.
 */
export const defaultPolicy: AssessmentPolicy = {
  version: '2026.1',
  requiredReasons: { IDENTIFICATION: 0, EVALUATION: 1, TECHNICAL: 2, POLITICAL: 3 },
  followUpMonths: 24,
  combinedVisitWindowDays: 14,
  actorRenewalMonths: 12,
  preparationDays: 2,
  processingDays: 2,
  costs: {
    BJ: { travelEur: 950, dailyAllowanceEur: 140 },
    SN: { travelEur: 800, dailyAllowanceEur: 150 },
    MA: { travelEur: 350, dailyAllowanceEur: 130 },
    ZA: { travelEur: 1100, dailyAllowanceEur: 120 },
    RW: { travelEur: 1000, dailyAllowanceEur: 135 },
    BW: { travelEur: 1150, dailyAllowanceEur: 120 },
    NA: { travelEur: 1150, dailyAllowanceEur: 115 },
    NI: { travelEur: 1200, dailyAllowanceEur: 120 },
    GT: { travelEur: 1100, dailyAllowanceEur: 120 },
    EC: { travelEur: 1150, dailyAllowanceEur: 115 },
    PE: { travelEur: 1200, dailyAllowanceEur: 110 },
    BO: { travelEur: 1300, dailyAllowanceEur: 105 },
  },
  defaultCost: { travelEur: 1200, dailyAllowanceEur: 130 },
};
