import { useId, useMemo, useState } from 'react';
import './plan/plan.css';
import { useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import { useFormat } from '../i18n/format';
import { Badge } from '../ui/Badge';
import { SelectField } from '../ui/SelectField';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import type { PlannerPeriod } from './period';
import { BudgetUse, FixedTrips, GainChart, StaffChart, TripsTable } from './plan/PlanFigures';
import { planScopes, resolveScope, spansYears, type PlanScope } from './plan/scope';
import { isGreedyFallback, statusTone, tripCounts } from './plan/summary';
import type { PlanData } from './plan/types';

const PlanDocument = graphql(`
  query PlanSection($from: LocalDate!, $to: LocalDate!) {
    optimizeAccompanimentPlan(from: $from, to: $to) {
      year
      from
      to
      status
      objective
      bound
      mipGap
      policyVersion
      gainOverGreedy
      objectiveToGreedy
      requestsConsidered
      bundlesConsidered
      staffConsidered
      rounds
      solveMs
      candidatesMs
      greedy {
        objective
        trips {
          tripId
        }
      }
      trips {
        tripId
        kind
        startDate
        endDate
        priority
        staffDays
        costEur
        staffMember {
          id
          name
        }
        requests {
          id
          nisCode
          municipalityName
          missionType
          startDate
          endDate
        }
      }
      fixed {
        id
        startDate
        endDate
        requestIds
        missionId
        municipalities {
          nisCode
          name
        }
        staff {
          id
          name
        }
      }
      staff {
        binding
        freeDays
        usedDays
        slackDays
        staffMember {
          id
          name
        }
      }
      budget {
        binding
        unreservedEur
        usedEur
        slackEur
      }
    }
  }
`);

/**
 * The optimised plan for the workbench period's year, or a quarter of it
 * (issue 13): what is chosen and who goes, the gain over the greedy plan, and
 * what binds. A period across a year's end is planned one year or quarter at
 * a time, as the API requires.
 */
export function PlanSection({ period }: { readonly period: PlannerPeriod }) {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const headingId = useId();
  const scopes = useMemo(() => planScopes(period), [period]);
  const [chosen, setChosen] = useState<string>();
  const scope = resolveScope(scopes, chosen);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: PlanDocument,
    variables: { from: scope?.from ?? '', to: scope?.to ?? '' },
    pause: !scope,
  });
  // A plan for another period stays on screen only while the new one is computed; it is marked as such.
  const plan = data?.optimizeAccompanimentPlan;
  const stale = !!plan && (plan.from !== scope?.from || plan.to !== scope?.to);
  const scopeLabel = (s: PlanScope) => {
    const range = { from: f.shortDate(s.from), to: f.shortDate(s.to) };
    if (s.kind === 'period')
      return s.whole ? f.t('plan.scope.year', { year: s.year }) : f.t('plan.scope.period', range);
    if (s.kind === 'year')
      return s.whole
        ? f.t('plan.scope.year', { year: s.year })
        : f.t('plan.scope.yearPart', { year: s.year, ...range });
    return s.whole
      ? f.t('plan.scope.quarter', { year: s.year, quarter: s.quarter })
      : f.t('plan.scope.quarterPart', { year: s.year, quarter: s.quarter, ...range });
  };

  return (
    <section className="stack plan" aria-labelledby={headingId} aria-busy={fetching}>
      <div className="plan__head">
        <h2 id={headingId}>{f.t('plan.title')}</h2>
        <p className="page-lead">{f.t('plan.lead')}</p>
      </div>
      <form className="filters card" aria-label={f.t('plan.scope')} onSubmit={(e) => e.preventDefault()}>
        {scopes.length > 1 && scope && (
          <SelectField
            label={f.t('plan.scope')}
            value={scope.key}
            options={scopes.map((s) => ({ value: s.key, label: scopeLabel(s) }))}
            onChange={(key) => key && setChosen(key)}
          />
        )}
        <button
          type="button"
          className="button button--primary"
          // aria-disabled, not disabled: the button keeps the keyboard's focus while the plan is computed.
          aria-disabled={!scope || fetching}
          onClick={() => {
            if (scope && !fetching) reexecute({ requestPolicy: 'network-only' });
          }}
        >
          {f.t('plan.rerun')}
        </button>
        <p className="small muted plan__scope-hint">
          {!scope
            ? f.t('plan.scope.none')
            : spansYears(period)
              ? f.t('plan.scope.spans', { first: period.from.slice(0, 4), last: period.to.slice(0, 4) })
              : f.t('plan.scope.hint')}
          {period.countryCode &&
            ` ${f.t('plan.scope.allCountries', { country: vocabulary.country(period.countryCode) })}`}
        </p>
      </form>
      <p className="notice" role="note">
        {f.t('plan.advice')}
      </p>
      <div aria-live="polite" className="visually-hidden">
        {fetching ? f.t('plan.computing') : ''}
      </div>
      {!scope ? null : error && !plan ? (
        <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !plan ? (
        <Loading lines={6} />
      ) : (
        <div className={stale || fetching ? 'stack plan--refreshing' : 'stack'}>
          {error && (
            <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
          )}
          <PlanStatusLine plan={plan} />
          <PlanKpis plan={plan} />
          <section className="card stack" aria-labelledby={`${headingId}-trips`}>
            <h3 id={`${headingId}-trips`}>{f.t('plan.trips.title')}</h3>
            <TripsTable trips={plan.trips} />
            <FixedTrips fixed={plan.fixed} />
          </section>
          <h3>{f.t('plan.binds.title')}</h3>
          <StaffChart year={plan.year} staff={plan.staff} />
          <div className="grid grid--2">
            <BudgetUse year={plan.year} budget={plan.budget} />
            <div className="plan__gain">
              <GainChart plan={plan} />
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function PlanStatusLine({ plan }: { plan: PlanData }) {
  const f = useFormat();
  const text =
    plan.status === 'OPTIMAL'
      ? f.t('plan.statusText.OPTIMAL')
      : plan.status === 'TIME_LIMIT'
        ? plan.mipGap !== null && plan.mipGap !== undefined && plan.bound !== null && plan.bound !== undefined
          ? f.t('plan.statusText.TIME_LIMIT', {
              gap: f.intl.formatNumber(plan.mipGap, { style: 'percent', maximumFractionDigits: 1 }),
              bound: f.number(plan.bound),
            })
          : f.t('plan.statusText.TIME_LIMIT.noGap')
        : f.t('plan.statusText.fallback');
  return (
    <div className="card plan__status">
      <p className="row" style={{ margin: 0 }}>
        <Badge tone={statusTone(plan.status)}>{f.t(`plan.status.${plan.status}`)}</Badge>
        <span>{text}</span>
      </p>
      <p className="small muted" style={{ margin: 'var(--space-2) 0 0' }}>
        {f.t('plan.computed', {
          from: f.date(plan.from),
          to: f.date(plan.to),
          seconds: f.number(plan.solveMs / 1000, 1),
        })}{' '}
        {f.t('plan.policy', { version: plan.policyVersion, rounds: plan.rounds })}
      </p>
    </div>
  );
}

function PlanKpis({ plan }: { plan: PlanData }) {
  const f = useFormat();
  const counts = tripCounts(plan.trips);
  const tiles = [
    { label: f.t('plan.kpi.objective'), value: f.t('plan.kpi.points', { points: plan.objective }) },
    {
      label: f.t('plan.kpi.gain'),
      value: isGreedyFallback(plan.status) ? f.t('none') : f.t('plan.kpi.gainValue', { gain: plan.gainOverGreedy }),
      // The ratio says something only when there is a gain.
      detail:
        plan.gainOverGreedy > 0 && plan.objectiveToGreedy !== null && plan.objectiveToGreedy !== undefined
          ? `${f.number(plan.objectiveToGreedy, 3)}×`
          : undefined,
    },
    {
      label: f.t('plan.kpi.trips'),
      value: f.number(counts.trips),
      detail: f.t('plan.kpi.tripsDetail', { requests: counts.requests, bundles: counts.bundles }),
    },
    {
      label: f.t('plan.kpi.considered'),
      value: f.number(plan.requestsConsidered),
      detail: f.t('plan.kpi.consideredDetail', {
        requests: plan.requestsConsidered,
        bundles: plan.bundlesConsidered,
        staff: plan.staffConsidered,
      }),
    },
  ];
  return (
    <dl className="grid grid--kpi plan__kpis">
      {tiles.map((tile) => (
        <div key={tile.label} className="card kpi">
          <dt className="kpi__label">{tile.label}</dt>
          <dd className="kpi__value">{tile.value}</dd>
          {tile.detail && <dd className="small muted">{tile.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
