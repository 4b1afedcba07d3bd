// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ViewerProvider, type Viewer } from '../auth/viewer';
import { LocaleProvider } from '../i18n/locale';
import { loadAllMessages, type Messages } from '../i18n/messages';
import { MunicipalityLink, RegionLink } from './links';
import { VisitTimeline, type TimelineVisit } from './VisitTimeline';

afterEach(cleanup);
let nl: Messages;
beforeAll(async () => {
  nl = await loadAllMessages('nl');
});

const visit = (v: Partial<TimelineVisit> & Pick<TimelineVisit, 'id' | 'startDate'>): TimelineVisit => ({
  kind: 'REQUEST',
  requestId: v.id,
  missionId: null,
  jointMissionId: null,
  missionType: 'TECHNICAL',
  endDate: v.startDate,
  accompanied: false,
  status: 'SUBMITTED',
  missionStatus: null,
  declineReason: null,
  decidedOn: null,
  staffNames: [],
  ...v,
});

function show(children: React.ReactNode, viewer?: Viewer) {
  const tree = (
    <Router hook={memoryLocation().hook}>
      <LocaleProvider initial={{ language: 'nl', messages: nl }}>{children}</LocaleProvider>
    </Router>
  );
  return render(viewer ? <ViewerProvider viewer={viewer}>{tree}</ViewerProvider> : tree);
}

describe('a municipality’s timeline', () => {
  it('groups the visits by year, latest first, and says what became of each', () => {
    show(
      <VisitTimeline
        headingId="t"
        visits={[
          visit({ id: 'r1', startDate: '2024-10-07', status: 'DECLINED', declineReason: 'NOT_OPPORTUNE' }),
          visit({
            id: 'r2',
            startDate: '2026-03-10',
            status: 'COMPLETED',
            accompanied: true,
            missionId: 'm2',
            missionStatus: 'COMPLETED',
            jointMissionId: 'j1',
            staffNames: ['Lies Janssens'],
          }),
        ]}
        lessonsOf={(missionId) =>
          missionId === 'm2' ? [{ id: 'l1', title: 'Mobiele registratiedagen werken', goodPractice: true }] : undefined
        }
      />,
    );
    const years = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(years).toEqual(['2026 · 1 bezoek', '2024 · 1 bezoek']);

    const [accompanied, declined] = screen.getAllByRole('listitem').filter((li) => li.querySelector('time'));
    expect(within(accompanied!).getByText('Begeleid')).toBeTruthy();
    expect(within(accompanied!).getByText('Gezamenlijke missie')).toBeTruthy();
    expect(within(accompanied!).getByText('Begeleid door Lies Janssens')).toBeTruthy();
    const lesson = within(accompanied!).getByRole('link', { name: 'Mobiele registratiedagen werken' });
    expect(lesson.getAttribute('href')).toBe('/lessen/l1');
    expect(within(accompanied!).getByText('Goede praktijk')).toBeTruthy();

    expect(within(declined!).getByText('Geweigerd')).toBeTruthy();
    expect(within(declined!).getByText(/^Reden: /)).toBeTruthy();
    // the mission type opens the request
    expect(within(declined!).getByRole('link', { name: 'TECHNICAL' }).getAttribute('href')).toBe('/aanvragen/r1');
  });
});

describe('links to a municipality and a region', () => {
  const coordinator: Viewer = {
    role: 'COORDINATOR',
    nisCode: '11055',
    municipalityName: 'Zoersel',
    displayName: 'Coördinator Zoersel',
    allowedMutations: [],
  };

  it('open their pages', () => {
    show(
      <>
        <MunicipalityLink nisCode="11055">Zoersel</MunicipalityLink>
        <RegionLink regionCode="BJ-ZO">Zou</RegionLink>
      </>,
    );
    expect(screen.getByRole('link', { name: 'Zoersel' }).getAttribute('href')).toBe('/gemeenten/11055');
    expect(screen.getByRole('link', { name: 'Zou' }).getAttribute('href')).toBe('/regios/BJ-ZO');
  });

  it('stay names where a coordinator could not open the page', () => {
    const { container } = show(
      <>
        <MunicipalityLink nisCode="11055">Zoersel</MunicipalityLink>
        <MunicipalityLink nisCode="13014">Hoogstraten</MunicipalityLink>
        <RegionLink regionCode="BJ-ZO">Zou</RegionLink>
      </>,
      coordinator,
    );
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['Zoersel']);
    expect(container.textContent).toBe('ZoerselHoogstratenZou');
  });
});
