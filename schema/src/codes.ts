import { iso31661, iso31662 } from 'iso-3166';
import { z } from 'zod';

const countries = new Map(iso31661.map((c) => [c.alpha2, c.name]));
const subdivisions = new Map(iso31662.map((s) => [s.code, s]));

export function countryName(alpha2: string): string | undefined {
  return countries.get(alpha2);
}

export function regionName(code: string): string | undefined {
  return subdivisions.get(code)?.name;
}

/** The country (ISO 3166-1 alpha-2) an ISO 3166-2 subdivision belongs to. */
export function countryOfRegion(code: string): string | undefined {
  return subdivisions.get(code)?.parent ?? undefined;
}

/**
 * String schemas that hold codes, not free text: ids, NIS codes, dates,
 * instants, country and region codes. They cannot hold personal data, so the
 * classification guard (personalData.ts) does not ask for them to be listed.
 */
export const codeKinds = z.registry<{ readonly kind: string }>();

function code<S extends z.ZodType>(kind: string, schema: S): S {
  codeKinds.add(schema, { kind });
  return schema;
}

/** Belgian NIS code (INS/NIS) of a municipality: five digits, e.g. 11055 for Zoersel. */
export const NisCode = code(
  'NIS code',
  z.string().regex(/^[1-9]\d{4}$/, 'a Belgian NIS code is five digits, such as "11055" for Zoersel'),
);

export const CountryCode = code(
  'country code',
  z.string().refine((c) => countries.has(c), {
    error: (issue) => `${JSON.stringify(issue.input)} is not an ISO 3166-1 alpha-2 country code (e.g. "BJ" for Benin)`,
  }),
);

export const RegionCode = code(
  'region code',
  z.string().refine((c) => subdivisions.has(c), {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not an ISO 3166-2 subdivision code (e.g. "BJ-ZO" for Zou, Benin)`,
  }),
);

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An ISO calendar date, YYYY-MM-DD, without time or zone. */
export const LocalDate = code(
  'date',
  z.string().refine(isLocalDate, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a calendar date in the form YYYY-MM-DD`,
  }),
);

/** An instant in UTC, ISO 8601 with a Z, as `Date.prototype.toISOString` writes it. */
export const Instant = code(
  'instant',
  z.iso.datetime({ error: 'expected an ISO 8601 UTC timestamp such as 2026-03-01T09:30:00.000Z' }),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Identifier of an aggregate or entity: a lowercase UUID. */
export const Id = code('id', z.string().regex(UUID, 'expected a lowercase UUID'));
export const UuidV7 = code('id', z.string().regex(UUID_V7, 'expected a lowercase UUID version 7'));

/**
 * The largest amount in euro the platform takes: far above any budget of the programme, so that a slip
 * of the keyboard (or 1e300, which the cent check alone lets through) is refused rather than summed.
 */
export const MAX_AMOUNT_EUR = 1_000_000_000;

/** How many municipalities one regional event can invite: a bounded event, a plenary room's worth. */
export const MAX_INVITED_MUNICIPALITIES = 100;

/** Euro amount: non-negative, at most MAX_AMOUNT_EUR, at most cent precision. */
export const AmountEur = z
  .number()
  .nonnegative('an amount in euro cannot be negative')
  .max(MAX_AMOUNT_EUR, 'an amount in euro is at most 1,000,000,000')
  .refine(
    (n) => Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6,
    'an amount in euro has at most two decimals',
  );

/** Staff days: non-negative, in half days. */
export const Days = z
  .number()
  .nonnegative('a number of days cannot be negative')
  .refine((n) => Number.isInteger(n * 2), 'days are counted in half days (e.g. 2 or 2.5)');

export const Year = z
  .number()
  .int()
  .min(2000, 'a programme year is 2000 or later')
  .max(2100, 'a programme year is 2100 or earlier');

export const NonEmptyText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
