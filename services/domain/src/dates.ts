import { ValidationError } from '@werkbezoek/schema';

const DAY = 86_400_000;

// Assessments compare the same few thousand calendar days over and over; parsing them once is much cheaper.
const parsedDays = new Map<string, number>();
function utc(date: string): number {
  let ms = parsedDays.get(date);
  if (ms === undefined) {
    ms = Date.parse(`${date}T00:00:00Z`);
    if (parsedDays.size >= 100_000) parsedDays.clear();
    parsedDays.set(date, ms);
  }
  return ms;
}

/** The day of the month of the last Sunday of a month (month 1–12). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

const switches = new Map<number, readonly [string, string]>();
/** When EU summer time starts and ends in a year (last Sundays of March and October, 01:00 UTC), as ISO prefixes. */
function summerTime(year: number): readonly [string, string] {
  let s = switches.get(year);
  if (!s) {
    const y = String(year).padStart(4, '0');
    const day = (month: number) => String(lastSunday(year, month)).padStart(2, '0');
    s = [`${y}-03-${day(3)}T01`, `${y}-10-${day(10)}T01`];
    switches.set(year, s);
  }
  return s;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * The calendar date in Brussels at an instant: VVSG's working day. CET/CEST
 * by the EU rule (in force since 1996), read from the ISO string itself:
 * Date and Intl cost tens of microseconds per call on this path, which every
 * command takes.
 */
export function localDateOf(instant: string): string {
  const m = UTC_INSTANT.exec(instant);
  if (!m) {
    const time = Date.parse(instant);
    if (Number.isNaN(time)) throw new ValidationError(`"${instant}" is not an instant`, ['issuedAt']);
    return localDateOf(new Date(time).toISOString());
  }
  const year = Number(m[1]);
  const [start, end] = summerTime(year);
  const offset = instant >= start && instant < end ? 2 : 1;
  if (Number(m[4]) + offset < 24) return instant.slice(0, 10);
  // Past midnight in Brussels: the next calendar day.
  let day = Number(m[3]) + 1;
  let month = Number(m[2]);
  let y = year;
  if (day > daysIn(y, month)) {
    day = 1;
    month += 1;
    if (month > 12) {
      month = 1;
      y += 1;
    }
  }
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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
