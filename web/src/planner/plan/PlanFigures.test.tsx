// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../i18n/locale';
import { loadAllMessages, type Language, type Messages } from '../../i18n/messages';
import { BudgetUse, StaffChart, TripsTable } from './PlanFigures';
import type { PlanData } from './types';

afterEach(cleanup);
const messages = {} as Record<Language, Messages>;
beforeAll(async () => {
  messages.nl = await loadAllMessages('nl');
  messages.en = await loadAllMessages('en');
});

function show(node: ReactNode, language: Language = 'nl') {
  return render(
    <Router hook={memoryLocation().hook}>
      <LocaleProvider initial={{ language, messages: messages[language] }}>{node}</LocaleProvider>
    </Router>,
  );
}

const staff = { id: 's1', name: 'Pieter Peeters' };
const trips: PlanData['trips'] = [
  {
    tripId: 'bundle:1',
    kind: 'BUNDLE',
    startDate: '2027-01-17',
    endDate: '2027-01-26',
    priority: 72,
    staffDays: 14,
    costEur: 2350,
    staffMember: staff,
    requests: [
      {
        id: 'r1',
        nisCode: '31022',
        municipalityName: 'Oostkamp',
        missionType: 'TECHNICAL',
        startDate: '2027-01-17',
        endDate: '2027-01-23',
      },
      {
        id: 'r2',
        nisCode: '44043',
        municipalityName: 'Merelbeke',
        missionType: 'TECHNICAL',
        startDate: '2027-01-18',
        endDate: '2027-01-26',
      },
    ],
  },
];

describe('the plan’s trips', () => {
  it('shows a bundle with each request linked to its page and its municipality, and the figures right-aligned', () => {
    show(<TripsTable trips={trips} />);
    const table = screen.getByRole('table', { name: 'Reizen in het plan, op begindatum' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByText('Gebundeld (2)')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Oostkamp' }).getAttribute('href')).toBe('/gemeenten/31022');
    const requestLinks = within(row)
      .getAllByRole('link')
      .filter((a) => a.getAttribute('href')?.startsWith('/aanvragen/'));
    expect(requestLinks.map((a) => a.getAttribute('href'))).toEqual(['/aanvragen/r1', '/aanvragen/r2']);
    const numbers = within(row)
      .getAllByRole('cell')
      .filter((c) => c.classList.contains('num'))
      .map((c) => c.textContent);
    expect(numbers).toEqual(['14', '€\u00a02.350', '72']);
  });

  it('says so when the plan chooses nothing', () => {
    show(<TripsTable trips={[]} />, 'en');
    expect(screen.getByText(/The plan chooses no trip/)).toBeTruthy();
  });
});

describe('what binds the plan', () => {
  const use = (name: string, free: number, used: number, binding: boolean): PlanData['staff'][number] => ({
    binding,
    freeDays: free,
    usedDays: used,
    slackDays: free - used,
    staffMember: { id: name, name },
  });

  it('names binding staff in words in the staff chart’s table, binding ones first', () => {
    show(<StaffChart year={2027} staff={[use('Bram De Smet', 33, 18, false), use('Ellen Vermeulen', 25, 16, true)]} />);
    const figure = screen.getByRole('figure', { name: /Personeelsdagen per medewerker/ });
    fireEvent.click(within(figure).getByRole('button', { name: 'Tabel' }));
    const rows = within(within(figure).getByRole('table')).getAllByRole('row').slice(1);
    // The badge's icon (hidden from screen readers) is left out: the word carries the meaning.
    expect(rows.map((r) => r.textContent?.replace(/[!✓•–✕]/g, ''))).toEqual([
      'Ellen Vermeulen25169Bindend',
      'Bram De Smet331815Niet bindend',
    ]);
  });

  it('shows the budget’s use and that it binds, in words', () => {
    show(<BudgetUse year={2027} budget={{ binding: true, unreservedEur: 13440, usedEur: 12430, slackEur: 1010 }} />);
    const budget = screen.getByRole('region', { name: 'Budget 2027' });
    expect(within(budget).getByText(/Bindend/)).toBeTruthy();
    expect(
      within(budget)
        .getAllByRole('definition')
        .map((dd) => dd.textContent),
    ).toEqual(['€\u00a012.430', '€\u00a013.440', '€\u00a01.010']);
    expect(within(budget).getByText('92% van het niet-gereserveerde budget')).toBeTruthy();
  });
});
