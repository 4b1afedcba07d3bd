// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/locale';
import { loadAllMessages, type Language, type Messages } from '../i18n/messages';
import { ChartCard, type FigureColumn } from './ChartCard';

afterEach(cleanup);
const messages = {} as Record<Language, Messages>;
beforeAll(async () => {
  messages.nl = await loadAllMessages('nl');
  messages.en = await loadAllMessages('en');
});

interface Row {
  quarter: string;
  requests: number;
}
const rows: Row[] = [
  { quarter: '2026-Q1', requests: 1234 },
  { quarter: '2026-Q2', requests: 7 },
];
const columns: FigureColumn<Row>[] = [
  { key: 'quarter', header: 'Kwartaal', render: (r) => r.quarter, csv: (r) => r.quarter },
  {
    key: 'requests',
    header: 'Aanvragen',
    numeric: true,
    render: (r) => r.requests.toLocaleString('nl-BE'),
    csv: (r) => r.requests,
    href: (r) => `/aanvragen?kwartaal=${r.quarter}`,
  },
];

function show(language: Language, data = rows) {
  return render(
    <Router hook={memoryLocation().hook}>
      <LocaleProvider initial={{ language, messages: messages[language] }}>
        <ChartCard
          title="Vraag per kwartaal"
          subtitle="Aantal aanvragen"
          columns={columns}
          rows={data}
          rowKey={(r) => r.quarter}
        >
          <svg data-testid="chart" />
        </ChartCard>
      </LocaleProvider>
    </Router>,
  );
}

describe('a chart with its table view', () => {
  it('is a figure named by its title, showing the chart until the table is asked for', () => {
    show('nl');
    const figure = screen.getByRole('figure', { name: /Vraag per kwartaal/ });
    expect(within(figure).getByTestId('chart')).toBeTruthy();
    expect(within(figure).queryByRole('table')).toBeNull();

    fireEvent.click(within(figure).getByRole('button', { name: 'Tabel' }));
    const table = within(figure).getByRole('table', { name: 'Tabel: Vraag per kwartaal' });
    const cells = within(table).getAllByRole('cell');
    // Numbers right-aligned, linked to the requests behind them.
    expect(cells.map((c) => c.textContent)).toEqual(['1.234', '7']);
    expect(cells.every((c) => c.classList.contains('num'))).toBe(true);
    expect(within(cells[0]!).getByRole('link').getAttribute('href')).toBe('/aanvragen?kwartaal=2026-Q1');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Kwartaal', 'Aanvragen']);

    fireEvent.click(within(figure).getByRole('button', { name: 'Grafiek' }));
    expect(within(figure).queryByRole('table')).toBeNull();
  });

  it('speaks English when asked, and says when there is nothing to show', () => {
    show('en', []);
    expect(screen.getByRole('button', { name: 'Table' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Download the figures of “Vraag per kwartaal” as CSV/ })).toBeTruthy();
    expect(screen.getByText('No data for this selection.')).toBeTruthy();
    expect(screen.queryByTestId('chart')).toBeNull();
  });
});
