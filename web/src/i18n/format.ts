import { useCallback, useMemo } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { MessageId } from './messages';

type Values = Record<string, string | number | boolean | null | undefined | Date>;

/** A calendar date (YYYY-MM-DD) as a Date at UTC midnight, formatted in UTC so no time zone shifts it. */
function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const isoDate = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

export interface Formatters {
  readonly t: (id: MessageId, values?: Values) => string;
  /** 21 maart 2026 / 21 March 2026 */
  readonly date: (date: string | null | undefined) => string;
  /** 21 mrt. 2026 / 21 Mar 2026 */
  readonly shortDate: (date: string | null | undefined) => string;
  /** An instant (ISO 8601) with its time. */
  readonly dateTime: (instant: string) => string;
  readonly number: (value: number, digits?: number) => string;
  readonly percent: (ratio: number | null | undefined) => string;
  readonly euro: (value: number) => string;
  readonly days: (count: number) => string;
  /** 2026-Q1 → K1 2026 / Q1 2026 */
  readonly quarter: (quarter: string) => string;
  /** Writes the ISO dates inside an API sentence as people read them. */
  readonly sentence: (text: string) => string;
  readonly intl: IntlShape;
}

export function formatters(intl: IntlShape): Formatters {
  const t = (id: MessageId, values?: Values) => intl.formatMessage({ id }, values);
  const date = (value: string | null | undefined) =>
    value ? intl.formatDate(utc(value), { dateStyle: 'long', timeZone: 'UTC' }) : t('none');
  return {
    t,
    date,
    shortDate: (value) =>
      value
        ? intl.formatDate(utc(value), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
        : t('none'),
    dateTime: (instant) => intl.formatDate(new Date(instant), { dateStyle: 'medium', timeStyle: 'short' }),
    number: (value, digits = 0) => intl.formatNumber(value, { maximumFractionDigits: digits }),
    percent: (ratio) =>
      ratio === null || ratio === undefined
        ? t('none')
        : intl.formatNumber(ratio, { style: 'percent', maximumFractionDigits: 0 }),
    euro: (value) => intl.formatNumber(value, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
    days: (count) => t('unit.days', { count }),
    quarter: (quarter) => {
      const [year, q] = quarter.split('-Q');
      return t('quarter.label', { year, quarter: q });
    },
    sentence: (text) => text.replace(isoDate, (match) => (Number.isNaN(utc(match).getTime()) ? match : date(match))),
    intl,
  };
}

/** Every formatter for the current language. */
export function useFormat(): Formatters {
  const intl = useIntl();
  return useMemo(() => formatters(intl), [intl]);
}

/** Only the message function, for components that format nothing else. */
export function useT(): Formatters['t'] {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: Values) => intl.formatMessage({ id }, values as never), [intl]);
}
