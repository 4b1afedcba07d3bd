/**
 * How the assessment and the planner write amounts, costs and lists in their
 * Dutch and English sentences, so the two always read alike.
 */
import { regionLabel } from '@werkbezoek/schema';
import type { AssessmentPolicy, CountryCost } from './policy.js';

const amountsEn = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const amountsNl = new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
export const euroEn = (n: number) => `€${amountsEn.format(n)}`;
export const euroNl = (n: number) => `€ ${amountsNl.format(n)}`;

/** "a, b and c" / "a, b en c". */
export const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

/** The travel and daily allowance for a country, or the policy's default. */
export const costIn = (policy: AssessmentPolicy, countryCode: string): CountryCost =>
  policy.costs[countryCode] ?? policy.defaultCost;

/** One staff member's trip, in cents so sums and differences stay exact: travel once + the allowance per day. */
export const tripCostCents = (cost: CountryCost, days: number) =>
  Math.round((cost.travelEur + cost.dailyAllowanceEur * days) * 100);

/** Regions by the names people use (Zou, West-Kaap), the ISO 3166-2 code where none is known. */
export const regionNamesIn = (codes: readonly string[], language: 'nl' | 'en'): string[] =>
  codes.map((code) => regionLabel(code)?.[language] ?? code);
