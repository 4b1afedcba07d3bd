import { ValidationError } from '@werkbezoek/schema';

const DAY = 86_400_000;

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The calendar date in Brussels at an instant: VVSG's working day. */
export function localDateOf(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new ValidationError(`"${instant}" is not an instant`, ['issuedAt']);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / DAY);
}

/** Days of a visit, both ends included. */
export function visitDays(startDate: string, endDate: string): number {
  return daysBetween(startDate, endDate) + 1;
}

export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY).toISOString().slice(0, 10);
}

/** The same day `months` months earlier or later, clamped to the month's end. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole months from `a` to `b`, rounded down. */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Whether [a1, a2] and [b1, b2] overlap or lie within `marginDays` of each other. */
export function periodsMeet(a1: string, a2: string, b1: string, b2: string, marginDays = 0): boolean {
  return daysBetween(a2, b1) <= marginDays && daysBetween(b2, a1) <= marginDays;
}
