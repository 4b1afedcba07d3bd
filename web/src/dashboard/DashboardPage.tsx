import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import { useFormat } from '../i18n/format';
import { addQuarters, quarterOf, quartersBetween, type Quarter } from '../period/quarters';
import { Page } from '../ui/Page';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import {
  AgreementChart,
  BudgetChart,
  CapacityChart,
  CoverageChart,
  CoverageList,
  DemandChart,
  OutcomesChart,
} from './charts';
import {
  dashboardVariables,
  drillThrough,
  readDashboardFilters,
  writeDashboardFilters,
  type DashboardFilters,
} from './filters';

const DashboardDocument = graphql(`
  query DashboardPage(
    $fromQuarter: String!
    $toQuarter: String!
    $missionType: MissionType
    $countryCode: String
    $fromYear: Int!
    $toYear: Int!
  ) {
    dashboard(fromQuarter: $fromQuarter, toQuarter: $toQuarter, missionType: $missionType, countryCode: $countryCode) {
      totals {
        submitted
        accepted
        declined
        withdrawn
        pending
        agreements
        assessedDecisions
        agreementRate
        medianDaysToDecision
      }
      byQuarter {
        quarter
        submitted
        accepted
        declined
        withdrawn
        pending
        agreements
        assessedDecisions
        agreementRate
        declinedByReason {
          reason
          count
        }
      }
      rows {
        quarter
        missionType
        submitted
      }
    }
    capacitySummary(fromYear: $fromYear, toYear: $toYear) {
      year
      declaredDays
      bookedDays
      usedDays
      freeDays
    }
    budgets(fromYear: $fromYear, toYear: $toYear) {
      year
      allocatedEur
      reservedEur
      spentEur
      unreservedEur
    }
    coverage {
      nisCode
      name
      lastAccompaniedOn
      monthsSinceLastAccompaniment
    }
    twinnings {
      id
      nisCode
      countryCode
    }
  }
`);

export default function DashboardPage() {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => readDashboardFilters(search, new Date()), [search]);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: DashboardDocument,
    variables: dashboardVariables(filters, new Date()),
  });

  // For `pnpm bench web`: when the figures arrived, and when the first chart drew them.
  const marked = useRef(false);
  useEffect(() => {
    if (data && !marked.current) performance.mark('werkbezoek:dashboard-data');
  }, [data]);
  const onFirstChart = useCallback(() => {
    if (marked.current) return;
    marked.current = true;
    performance.mark('werkbezoek:dashboard-first-chart');
  }, []);

  const update = (patch: Partial<DashboardFilters>) => {
    const next = { ...filters, ...patch };
    if (next.from > next.to) next.to = next.from;
    setSearch(writeDashboardFilters(next), { replace: true });
  };
  const quarterOptions = useMemo(() => {
    const later = addQuarters(quarterOf(new Date()), 4);
    return quartersBetween('2017-Q1', filters.to > later ? filters.to : later);
  }, [filters.to]);
  const countries = useMemo(
    () =>
      [...new Set(vocabulary.data?.regions.map((r) => r.countryCode) ?? [])].sort((a, b) =>
        vocabulary.country(a).localeCompare(vocabulary.country(b)),
      ),
    [vocabulary],
  );
  const totals = data?.dashboard.totals;
  // Coverage with a country chosen: the municipalities twinned there.
  const coverage = useMemo(() => {
    if (!data || !filters.countryCode) return data?.coverage ?? [];
    const twinned = new Set(data.twinnings.filter((t) => t.countryCode === filters.countryCode).map((t) => t.nisCode));
    return data.coverage.filter((c) => twinned.has(c.nisCode));
  }, [data, filters.countryCode]);
  const kpis = totals && [
    { label: f.t('kpi.submitted'), value: f.number(totals.submitted), href: drillThrough(filters, {}) },
    {
      label: f.t('kpi.accepted'),
      value: f.number(totals.accepted),
      href: drillThrough(filters, { status: ['ACCEPTED', 'COMPLETED'] }),
    },
    {
      label: f.t('kpi.declined'),
      value: f.number(totals.declined),
      href: drillThrough(filters, { status: ['DECLINED'] }),
    },
    {
      label: f.t('kpi.pending'),
      value: f.number(totals.pending),
      href: drillThrough(filters, { status: ['SUBMITTED'] }),
    },
    {
      label: f.t('kpi.agreement'),
      value: f.percent(totals.agreementRate),
      href: drillThrough(filters, { agreement: true }),
    },
    {
      label: f.t('kpi.median'),
      value:
        totals.medianDaysToDecision === null || totals.medianDaysToDecision === undefined
          ? f.t('none')
          : f.t('kpi.medianValue', { days: Math.round(totals.medianDaysToDecision) }),
    },
  ];

  return (
    <Page title={f.t('dashboard.title')} lead={f.t('dashboard.lead')} busy={fetching || (!data && !error)}>
      <form className="filters card" aria-label={f.t('dashboard.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="dash-from">{f.t('dashboard.from')}</label>
          <select id="dash-from" value={filters.from} onChange={(e) => update({ from: e.target.value as Quarter })}>
            {quarterOptions.map((q) => (
              <option key={q} value={q}>
                {f.quarter(q)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dash-to">{f.t('dashboard.to')}</label>
          <select id="dash-to" value={filters.to} onChange={(e) => update({ to: e.target.value as Quarter })}>
            {quarterOptions.map((q) => (
              <option key={q} value={q}>
                {f.quarter(q)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dash-country">{f.t('dashboard.country')}</label>
          <select
            id="dash-country"
            value={filters.countryCode ?? ''}
            onChange={(e) => update({ countryCode: e.target.value || undefined })}
          >
            <option value="">{f.t('filter.all')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {vocabulary.country(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dash-type">{f.t('dashboard.missionType')}</label>
          <select
            id="dash-type"
            value={filters.missionType ?? ''}
            onChange={(e) => update({ missionType: (e.target.value || undefined) as DashboardFilters['missionType'] })}
          >
            <option value="">{f.t('filter.all')}</option>
            {vocabulary.data?.missionTypes.map((m) => (
              <option key={m.code} value={m.code}>
                {vocabulary.label('missionTypes', m.code)}
              </option>
            ))}
          </select>
        </div>
        <p className="small muted" style={{ margin: 0 }}>
          {f.t('dashboard.live')}
        </p>
      </form>
      {error && !data ? (
        <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <Loading lines={8} />
      ) : (
        <div className="stack">
          {error && (
            <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
          )}
          <section className="grid grid--kpi" aria-label={f.t('dashboard.title')}>
            {kpis?.map((kpi) =>
              kpi.href ? (
                <Link key={kpi.label} to={kpi.href} className="card kpi">
                  <span className="kpi__label">{kpi.label}</span>
                  <span className="kpi__value" style={{ display: 'block' }}>
                    {kpi.value}
                  </span>
                </Link>
              ) : (
                <div key={kpi.label} className="card kpi">
                  <span className="kpi__label">{kpi.label}</span>
                  <span className="kpi__value" style={{ display: 'block' }}>
                    {kpi.value}
                  </span>
                </div>
              ),
            )}
          </section>
          <div className="grid grid--2">
            <DemandChart filters={filters} rows={data.dashboard.rows} onDrawn={onFirstChart} />
            <OutcomesChart filters={filters} quarters={data.dashboard.byQuarter} />
            <AgreementChart
              filters={filters}
              quarters={data.dashboard.byQuarter}
              rate={totals?.agreementRate ?? null}
            />
            <CoverageChart coverage={coverage} />
            <CapacityChart years={data.capacitySummary} />
            <BudgetChart years={data.budgets} />
          </div>
          <CoverageList coverage={coverage} />
        </div>
      )}
    </Page>
  );
}
