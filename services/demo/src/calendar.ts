import type { Random } from './random.js';

/**
 * Simulated time. Dates are YYYY-MM-DD; instants are milliseconds since the
 * epoch (UTC). Office hours are drawn between 07:00 and 15:59 UTC, so the
 * Brussels calendar date the deciders derive from `issuedAt` is the same date.
 */
export const DAY_MS = 86_400_000;

export function toDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function midnight(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

export function plusDays(date: string, days: number): string {
  return toDate(midnight(date) + days * DAY_MS);
}

export function daysFrom(a: string, b: string): number {
  return Math.round((midnight(b) - midnight(a)) / DAY_MS);
}

export function yearOfDate(date: string): number {
  return Number(date.slice(0, 4));
}

export function isWeekend(date: string): boolean {
  const day = new Date(midnight(date)).getUTCDay();
  return day === 0 || day === 6;
}

/** The date itself, or the Monday after when it falls in a weekend. */
export function workday(date: string): string {
  let d = date;
  while (isWeekend(d)) d = plusDays(d, 1);
  return d;
}

/** An instant during office hours on `date`. */
export function officeTime(date: string, rng: Random): number {
  return midnight(date) + (7 * 60 + rng.int(0, 9 * 60 - 1)) * 60_000;
}

/** A random date in [from, to] (both included). */
export function dateBetween(from: string, to: string, rng: Random): string {
  const span = daysFrom(from, to);
  return plusDays(from, span <= 0 ? 0 : rng.int(0, span));
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly run: () => Promise<void>;
}

/**
 * The simulation's agenda: actions ordered by instant, ties by the order in
 * which they were scheduled, so a run is fully determined by the seed.
 */
export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, run: () => Promise<void>): void {
    const entry = { at, seq: this.seq++, run };
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  peek(): Entry | undefined {
    return this.heap[0];
  }

  pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
