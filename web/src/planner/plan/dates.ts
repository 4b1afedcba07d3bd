import type { Formatters } from '../../i18n/format';

/**
 * A range of dates as people write it: the year once when both days share it
 * ("17 jan. – 23 jan. 2027"), both years when they differ.
 */
export function dateRange(f: Formatters, from: string, to: string): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return f.t('plan.dates', { from: f.shortDate(from), to: f.shortDate(to) });
  const start = f.intl.formatDate(new Date(`${from}T00:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return f.t('plan.dates', { from: start, to: f.shortDate(to) });
}
