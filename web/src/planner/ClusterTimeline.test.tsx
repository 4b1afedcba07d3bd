// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/locale';
import { loadAllMessages, type Messages } from '../i18n/messages';
import { ClusterTimeline, type ClusterData } from './ClusterTimeline';

afterEach(cleanup);
let dutch: Messages;
beforeAll(async () => {
  dutch = await loadAllMessages('nl');
});

const cluster: ClusterData = {
  regionCode: 'ZA-WC',
  municipalities: [
    { nisCode: '23016', name: 'Dilbeek' },
    { nisCode: '11023', name: 'Kapellen' },
  ],
  visits: [
    {
      id: 'r1',
      kind: 'REQUEST',
      status: 'SUBMITTED',
      startDate: '2027-09-27',
      endDate: '2027-10-03',
      missionType: 'TECHNICAL',
      municipalities: [{ nisCode: '23016', name: 'Dilbeek' }],
      requestIds: [],
    },
    {
      id: 'm1',
      kind: 'MISSION',
      status: 'SCHEDULED',
      startDate: '2027-09-29',
      endDate: '2027-10-08',
      missionType: 'TECHNICAL',
      municipalities: [{ nisCode: '11023', name: 'Kapellen' }],
      requestIds: ['r2'],
    },
  ],
  overlappingGroups: [
    {
      startDate: '2027-09-27',
      endDate: '2027-10-08',
      nisCodes: ['23016', '11023'],
      visits: [{ id: 'r1' }, { id: 'm1' }],
    },
  ],
  jointMissions: [{ id: 'jm1', status: 'PROPOSED', startDate: '2027-09-27', endDate: '2027-10-08' }],
  regionalEvents: [],
};

function show() {
  return render(
    <Router hook={memoryLocation().hook}>
      <LocaleProvider initial={{ language: 'nl', messages: dutch }}>
        <ClusterTimeline
          cluster={cluster}
          from="2027-01-01"
          to="2027-12-31"
          regionName="West-Kaap"
          heading={<h3>West-Kaap</h3>}
        />
      </LocaleProvider>
    </Router>,
  );
}

describe('a region’s timeline', () => {
  it('names every bar in words and links it to its request', () => {
    show();
    const timeline = screen.getByRole('group', { name: 'Tijdlijn van de bezoeken in West-Kaap' });
    const undecided = within(timeline).getByRole('link', { name: /^Dilbeek: Aanvraag, niet beslist/ });
    expect(undecided.getAttribute('href')).toBe('/aanvragen/r1');
    expect(undecided.getAttribute('aria-label')).toMatch(
      /27 sep\.? 2027 tot 3 okt\.? 2027; overlapt met andere gemeenten$/,
    );
    // a mission leads to the request it serves
    expect(
      within(timeline)
        .getByRole('link', { name: /^Kapellen: Missie/ })
        .getAttribute('href'),
    ).toBe('/aanvragen/r2');
    expect(
      within(timeline)
        .getByRole('link', { name: /^Gezamenlijke missie \(voorgesteld\)/ })
        .getAttribute('href'),
    ).toBe('#jm-jm1');
    // the municipalities link to their pages
    expect(within(timeline).getByRole('link', { name: 'Dilbeek' }).getAttribute('href')).toBe('/gemeenten/23016');
  });

  it('shows the same as a table on request', () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Tabel' }));
    const table = screen.getByRole('table', { name: 'Bezoeken in West-Kaap' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual([
      'Aanvraag, niet beslist',
      'voorgesteld',
      'Missie',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Tijdlijn' }));
    expect(screen.queryByRole('table')).toBeNull();
  });
});
