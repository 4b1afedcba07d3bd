import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import { useFormat } from '../i18n/format';
import { ErrorState, Loading } from '../ui/states';
import { EventItem } from './events/EventItem';
import { suggestionKey } from './events/proposal';
import { SuggestionCard } from './events/SuggestionCard';
import type { PlannerPeriod } from './period';
import './plan/plan.css';

const EventsDocument = graphql(`
  query RegionalEventsSection($from: LocalDate!, $to: LocalDate!, $countryCode: String) {
    regionalEventSuggestions(from: $from, to: $to) {
      kind
      countryCode
      scopeCode
      scopeKind
      regionCodes
      startDate
      endDate
      days
      participants
      travelCostEur
      allowanceCostEur
      organisationCostEur
      estimatedCostEur
      monthsSinceLastAccompaniment
      themes
      why {
        nl
        en
      }
      invitees {
        nisCode
        name
      }
      goodPractices {
        lessonId
        title
        regionCode
        source
      }
      triggers {
        kind
        activeTwinnings
        lastAccompaniedOn
        monthsSinceLastAccompaniment
        policyDomain
        level
        regionCodes
        municipalities {
          nisCode
          name
        }
        lessons {
          lessonId
          title
          recordedOn
        }
      }
    }
    regionalEvents(first: 100, filter: { from: $from, to: $to, countryCode: $countryCode }) {
      edges {
        node {
          ...RegionalEventItem
        }
      }
    }
  }
`);

/**
 * Regional event suggestions for the workbench period (issue 13), each with
 * the municipalities to invite and the good practices to bring, proposed from
 * its card; and the events already proposed, approved or rejected in the
 * period, which management decides here.
 */
export function RegionalEventsSection({ period }: { readonly period: PlannerPeriod }) {
  const f = useFormat();
  const viewer = useViewer();
  const headingId = useId();
  const valid = period.from <= period.to;
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: EventsDocument,
    variables: { from: period.from, to: period.to, countryCode: period.countryCode },
    pause: !valid,
  });
  // The suggestions' query has no country: a chosen country narrows them here.
  const suggestions = useMemo(
    () =>
      (data?.regionalEventSuggestions ?? []).filter((s) => !period.countryCode || s.countryCode === period.countryCode),
    [data, period.countryCode],
  );
  const events = data?.regionalEvents.edges.map((e) => e.node) ?? [];
  // The card of a proposed suggestion goes (the API no longer suggests it): the confirmation stands above the list.
  const [proposed, setProposed] = useState<string>();

  return (
    <section className="stack" aria-labelledby={headingId} aria-busy={fetching}>
      <div className="plan__head">
        <h2 id={headingId}>{f.t('events.title')}</h2>
        <p className="page-lead">{f.t('events.lead')}</p>
      </div>
      {!valid ? null : error && !data ? (
        <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <Loading lines={5} />
      ) : (
        <>
          {error && (
            <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
          )}
          <section className="stack" aria-labelledby={`${headingId}-suggestions`}>
            <h3 id={`${headingId}-suggestions`}>{f.t('events.suggestions.title')}</h3>
            <p className="muted small">{f.t('events.suggestions.count', { count: suggestions.length })}</p>
            <div role="status">
              {proposed && <p className="notice notice--ok">{f.t('events.proposed', { title: proposed })}</p>}
            </div>
            {suggestions.length > 0 && (
              <ul className="events__list grid grid--2">
                {suggestions.map((suggestion) => (
                  <li key={suggestionKey(suggestion)}>
                    <SuggestionCard suggestion={suggestion} onProposed={setProposed} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="stack" aria-labelledby={`${headingId}-list`}>
            <h3 id={`${headingId}-list`}>{f.t('events.list.title')}</h3>
            {events.length === 0 ? (
              <p className="muted">{f.t('events.list.none')}</p>
            ) : (
              <ul className="events__list grid grid--2" aria-label={f.t('events.list.caption')}>
                {events.map((event) => (
                  <li key={event.id}>
                    <EventItem event={event} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
