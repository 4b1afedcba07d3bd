import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { english } from '../../i18n/english';
import { formatters } from '../../i18n/format';
import { intlLocale } from '../../i18n/locale';
import { loadAllMessages } from '../../i18n/messages';
import { dateRange } from './dates';

const nl = formatters(createIntl({ locale: intlLocale.nl, messages: await loadAllMessages('nl') }));
const en = formatters(createIntl({ locale: intlLocale.en, messages: english }));

describe('a range of dates', () => {
  it('names the year once when both days share it', () => {
    expect(dateRange(nl, '2027-01-17', '2027-01-26')).toMatch(/^17 jan\.? – 26 jan\.? 2027$/);
    expect(dateRange(en, '2027-02-19', '2027-03-02')).toBe('19 Feb – 2 Mar 2027');
  });

  it('names both years across a year’s end', () => {
    expect(dateRange(en, '2026-12-28', '2027-01-04')).toBe('28 Dec 2026 – 4 Jan 2027');
  });
});
