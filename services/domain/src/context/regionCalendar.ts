/**
 * Visits of each region filed under every calendar month they touch, so a
 * question about a few weeks in a region reads those months only, however
 * many years of visits the region holds (at scale 180 a region gathers
 * thousands). It answers with candidates: callers keep their exact test of
 * the dates (periodsMeet), so the index changes how fast, never what.
 */
export class RegionCalendar<T> {
  private readonly regions = new Map<string, { months: Map<number, Set<T>>; long: Set<T> }>();

  /** Files `item` under the months of [startDate, endDate] (either order) in `region`. */
  add(region: string, startDate: string, endDate: string, item: T): void {
    let calendar = this.regions.get(region);
    if (!calendar) this.regions.set(region, (calendar = { months: new Map(), long: new Set() }));
    const [first, last] = span(startDate, endDate);
    if (last - first >= LONG_MONTHS) {
      calendar.long.add(item);
      return;
    }
    for (let month = first; month <= last; month++) {
      let items = calendar.months.get(month);
      if (!items) calendar.months.set(month, (items = new Set()));
      items.add(item);
    }
  }

  /** Takes `item` out again: give the dates it was added with (before an amendment changes them). */
  remove(region: string, startDate: string, endDate: string, item: T): void {
    const calendar = this.regions.get(region);
    if (!calendar) return;
    const [first, last] = span(startDate, endDate);
    if (last - first >= LONG_MONTHS) {
      calendar.long.delete(item);
      return;
    }
    for (let month = first; month <= last; month++) {
      const items = calendar.months.get(month);
      if (!items) continue;
      items.delete(item);
      if (items.size === 0) calendar.months.delete(month);
    }
  }

  /** Every item of `region` filed under a month of [from, to]: a superset of those whose dates meet it. */
  candidates(region: string, from: string, to: string): Set<T> {
    const calendar = this.regions.get(region);
    const found = new Set<T>(calendar?.long);
    if (!calendar) return found;
    const [first, last] = span(from, to);
    for (let month = first; month <= last; month++)
      for (const item of calendar.months.get(month) ?? []) found.add(item);
    return found;
  }

  clear(): void {
    this.regions.clear();
  }
}

/** Visits longer than this are kept aside and offered to every question, rather than filed month by month. */
const LONG_MONTHS = 36;

/** A YYYY-MM-DD date's month as a number (year × 12 + month − 1). */
const monthOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function span(a: string, b: string): [number, number] {
  const [x, y] = [monthOf(a), monthOf(b)];
  return x <= y ? [x, y] : [y, x];
}
