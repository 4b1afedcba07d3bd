import { ValidationError } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import type {
  CapacityBudgetYearTable,
  CapacityDeclarationTable,
  CapacityStaffTable,
  CapacityStaffYearTable,
} from './table.js';

interface Db {
  capacity_staff: CapacityStaffTable;
  capacity_declarations: CapacityDeclarationTable;
  capacity_staff_years: CapacityStaffYearTable;
  capacity_budget_years: CapacityBudgetYearTable;
}
/** The views these queries read, for callers that type their Kysely handle. */
export type { Db as CapacityDb };

export interface StaffCapacityView {
  readonly staffMemberId: string;
  /** Null for a staff member the projection saw bookings of but no registration. */
  readonly name: string | null;
  readonly year: number;
  /** The latest declaration at or before the year; 0 when none. */
  readonly declaredDays: number;
  /** Booked less released. */
  readonly bookedDays: number;
  /** Days spent on completed missions that started in the year, shared equally among the mission's staff. */
  readonly usedDays: number;
  /** Declared less booked: what the assessment policy can still plan. */
  readonly freeDays: number;
}

export interface BudgetYearView {
  readonly year: number;
  readonly allocatedEur: number;
  /** What reservations still hold back (reserved, less released and spent against them). */
  readonly reservedEur: number;
  readonly spentEur: number;
  /** Allocated, less reserved and spent. */
  readonly unreservedEur: number;
}

const hundredths = (n: number) => Math.round(n * 100) / 100;

/** As String.prototype.localeCompare without arguments, made once: every staff member is sorted per year asked for. */
const byName = new Intl.Collator();

function checkYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new ValidationError(`${field} must be a programme year from 2000 to 2100, not ${year}`, [field]);
}

/**
 * The names of these staff members, in one query; a staff member the read
 * model does not know is absent. A text that names staff by token
 * (staffTokens.ts in @werkbezoek/schema) is read with these, so it shows the
 * current name, and ERASED_VALUE once a staff member was erased (their
 * registration then reads as it).
 *
 * @example renderStaffTokens(sentence, (id) => names.get(id) ?? ERASED_VALUE)
 */
export async function staffNames(db: Kysely<Db>, staffMemberIds: readonly string[]): Promise<Map<string, string>> {
  if (staffMemberIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('capacity_staff')
    .select(['staff_member_id', 'name'])
    .where('staff_member_id', 'in', [...staffMemberIds])
    .execute();
  return new Map(rows.map((r) => [r.staff_member_id, r.name]));
}

/**
 * Every staff member's days in a year: declared, booked, used and free, by name.
 *
 * @example staffCapacity(db, 2026)
 */
export async function staffCapacity(db: Kysely<Db>, year: number): Promise<StaffCapacityView[]> {
  checkYear(year, 'year');
  return (await capacityOfYears(db, year, year))[0]!;
}

/**
 * staffCapacity of every year from `fromYear` to `toYear`, in order, from one
 * read of the staff, their declarations and their years (issue 16: the
 * dashboard asks for three years on every request).
 */
async function capacityOfYears(db: Kysely<Db>, fromYear: number, toYear: number): Promise<StaffCapacityView[][]> {
  const staff = await db.selectFrom('capacity_staff').selectAll().execute();
  const declarations = await db
    .selectFrom('capacity_declarations')
    .selectAll()
    .where('from_year', '<=', toYear)
    .execute();
  const staffYears = await db
    .selectFrom('capacity_staff_years')
    .selectAll()
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .execute();

  const out: StaffCapacityView[][] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const names = new Map<string, string | null>(staff.map((s) => [s.staff_member_id, s.name]));
    // The declaration that applies is the latest at or before the year.
    const declared = new Map<string, { from: number; days: number }>();
    for (const d of declarations) {
      if (Number(d.from_year) > year) continue;
      const best = declared.get(d.staff_member_id);
      if (!best || d.from_year > best.from) declared.set(d.staff_member_id, { from: d.from_year, days: d.days });
    }
    const used = new Map(staffYears.filter((y) => Number(y.year) === year).map((y) => [y.staff_member_id, y]));
    for (const id of [...declared.keys(), ...used.keys()]) if (!names.has(id)) names.set(id, null);

    out.push(
      [...names]
        .map(([staffMemberId, name]): StaffCapacityView => {
          const declaredDays = declared.get(staffMemberId)?.days ?? 0;
          const bookedDays = hundredths(used.get(staffMemberId)?.booked_days ?? 0);
          return {
            staffMemberId,
            name,
            year,
            declaredDays,
            bookedDays,
            usedDays: hundredths(used.get(staffMemberId)?.used_days ?? 0),
            freeDays: hundredths(declaredDays - bookedDays),
          };
        })
        .sort(
          (a, b) =>
            byName.compare(a.name ?? '\uffff', b.name ?? '\uffff') || byName.compare(a.staffMemberId, b.staffMemberId),
        ),
    );
  }
  return out;
}

/**
 * The programme budget of every year from `fromYear` to `toYear`, in euro;
 * a year without budget events shows zeros.
 */
export async function budgetOverview(
  db: Kysely<Db>,
  { fromYear, toYear }: { readonly fromYear: number; readonly toYear: number },
): Promise<BudgetYearView[]> {
  checkYear(fromYear, 'fromYear');
  checkYear(toYear, 'toYear');
  if (fromYear > toYear) throw new ValidationError(`toYear (${toYear}) lies before fromYear (${fromYear})`, ['toYear']);
  const rows = await db
    .selectFrom('capacity_budget_years')
    .selectAll()
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .execute();
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const out: BudgetYearView[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    // PostgreSQL hands bigint back as numbers here (see db/database.ts); Number() keeps SQLite and pg alike.
    const r = byYear.get(year);
    const allocated = Number(r?.allocated_cents ?? 0);
    const reserved = Number(r?.reserved_cents ?? 0);
    const spent = Number(r?.spent_cents ?? 0);
    out.push({
      year,
      allocatedEur: allocated / 100,
      reservedEur: reserved / 100,
      spentEur: spent / 100,
      unreservedEur: (allocated - reserved - spent) / 100,
    });
  }
  return out;
}

const MAX_SUMMARY_YEARS = 20;

export interface YearCapacityView {
  readonly year: number;
  readonly declaredDays: number;
  readonly bookedDays: number;
  readonly usedDays: number;
  readonly freeDays: number;
}

/**
 * The team's days in every year from `fromYear` to `toYear`: each figure of
 * `staffCapacity` summed over the staff, so the two never disagree.
 */
export async function capacitySummary(
  db: Kysely<Db>,
  { fromYear, toYear }: { readonly fromYear: number; readonly toYear: number },
): Promise<YearCapacityView[]> {
  checkYear(fromYear, 'fromYear');
  checkYear(toYear, 'toYear');
  if (fromYear > toYear) throw new ValidationError(`toYear (${toYear}) lies before fromYear (${fromYear})`, ['toYear']);
  if (toYear - fromYear >= MAX_SUMMARY_YEARS)
    throw new ValidationError(`Ask for at most ${MAX_SUMMARY_YEARS} years at a time, not ${toYear - fromYear + 1}`, [
      'toYear',
    ]);
  const out: YearCapacityView[] = [];
  const years = await capacityOfYears(db, fromYear, toYear);
  for (let year = fromYear; year <= toYear; year++) {
    const sum = { year, declaredDays: 0, bookedDays: 0, usedDays: 0, freeDays: 0 };
    for (const s of years[year - fromYear]!) {
      sum.declaredDays += s.declaredDays;
      sum.bookedDays += s.bookedDays;
      sum.usedDays += s.usedDays;
      sum.freeDays += s.freeDays;
    }
    out.push({
      year,
      declaredDays: hundredths(sum.declaredDays),
      bookedDays: hundredths(sum.bookedDays),
      usedDays: hundredths(sum.usedDays),
      freeDays: hundredths(sum.freeDays),
    });
  }
  return out;
}
