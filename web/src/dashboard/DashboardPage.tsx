import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'wouter';
import { useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import { useFormat } from '../i18n/format';
import { RegionMap } from '../map/RegionMap';
import { addQuarters, quarterDates, quarterOf, quartersBetween, type Quarter } from '../period/quarters';
import { KpiGrid } from '../ui/KpiGrid';
import { Page } from '../ui/Page';
import { SelectField } from '../ui/SelectField';
import { Staggered } from '../ui/Staggered';
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
    coverage(countryCode: $countryCode, first: 10) {
      ...CoverageList_Municipality
    }
    coverageByMonths(countryCode: $countryCode) {
      monthsSinceLastAccompaniment
      municipalities
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
  // The data mark is set while rendering the first answer, before any of its work.
  const dataMarked = useRef(false);
  if (data && !dataMarked.current) {
    dataMarked.current = true;
    performance.mark('werkbezoek:dashboard-data');
  }
  const marked = useRef(false);
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
    return quartersBetween('2017-Q1', filters.to > later ? filters.to : later).map((q) => ({
      value: q,
      label: f.quarter(q),
    }));
  }, [filters.to, f]);
  const totals = data?.dashboard.totals;
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
        <SelectField
          label={f.t('dashboard.from')}
          value={filters.from}
          options={quarterOptions}
          onChange={(from) => from && update({ from: from as Quarter })}
        />
        <SelectField
          label={f.t('dashboard.to')}
          value={filters.to}
          options={quarterOptions}
          onChange={(to) => to && update({ to: to as Quarter })}
        />
        <SelectField
          label={f.t('dashboard.country')}
          value={filters.countryCode}
          options={vocabulary.countries}
          all={f.t('filter.all')}
          onChange={(countryCode) => update({ countryCode })}
        />
        <SelectField
          label={f.t('dashboard.missionType')}
          value={filters.missionType}
          options={vocabulary.options('missionTypes')}
          all={f.t('filter.all')}
          onChange={(missionType) => update({ missionType: missionType as DashboardFilters['missionType'] })}
        />
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
          <KpiGrid kpis={kpis ?? []} label={f.t('dashboard.title')} />
          <div className="grid grid--2">
            <Staggered>
              <DemandChart filters={filters} rows={data.dashboard.rows} onDrawn={onFirstChart} />
              <OutcomesChart filters={filters} quarters={data.dashboard.byQuarter} />
              <AgreementChart
                filters={filters}
                quarters={data.dashboard.byQuarter}
                rate={totals?.agreementRate ?? null}
              />
              <CoverageChart months={data.coverageByMonths} />
              <CapacityChart years={data.capacitySummary} />
              <BudgetChart years={data.budgets} />
              <CoverageList
                head={data.coverage}
                total={data.coverageByMonths.reduce((sum, m) => sum + m.municipalities, 0)}
                countryCode={filters.countryCode ?? null}
              />
            </Staggered>
          </div>
          {/* Below the charts: the map draws last and whatever it takes in height moves nothing on screen. */}
          <RegionMap
            from={quarterDates(filters.from).from}
            to={quarterDates(filters.to).to}
            countryCode={filters.countryCode ?? null}
          />
        </div>
      )}
    </Page>
  );
}
