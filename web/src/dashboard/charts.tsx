import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useLocation } from 'wouter';
import { graphql } from '../gql';
import type { CoverageList_MunicipalityFragment, DashboardPageQuery, DeclineReason, MissionType } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import type { Quarter } from '../period/quarters';
import { municipalityHref } from '../places/links';
import { requestsHref } from '../requests/filters';
import { ChartCard, type FigureColumn } from '../ui/ChartCard';
import { Bars, palette, type Series } from '../ui/charts';
import { DataTable } from '../ui/DataTable';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { coverageBucket, coverageBuckets, drillThrough, type DashboardFilters } from './filters';

type Data = DashboardPageQuery;
const missionTypes: MissionType[] = ['IDENTIFICATION', 'EVALUATION', 'TECHNICAL', 'POLITICAL'];
const missionColors: Record<MissionType, string> = {
  IDENTIFICATION: palette.blue,
  EVALUATION: palette.orange,
  TECHNICAL: palette.green,
  POLITICAL: palette.purple,
};
const declineReasons: DeclineReason[] = ['NOT_OPPORTUNE', 'NO_STAFF_TIME', 'NO_BUDGET'];
const declineColors: Record<DeclineReason, string> = {
  NOT_OPPORTUNE: palette.vermillion,
  NO_STAFF_TIME: palette.orange,
  NO_BUDGET: palette.purple,
};

/** A figure column: the number right-aligned, linked to the requests behind it. */
function figure<Row>(
  format: (n: number) => string,
  key: string,
  header: string,
  value: (row: Row) => number,
  href?: (row: Row) => string | undefined,
): FigureColumn<Row> {
  return { key, header, numeric: true, render: (row) => format(value(row)), csv: value, ...(href ? { href } : {}) };
}

export function DemandChart({
  filters,
  rows,
  onDrawn,
}: {
  filters: DashboardFilters;
  rows: Data['dashboard']['rows'];
  onDrawn?: () => void;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const [, navigate] = useLocation();
  const shown = filters.missionType ? [filters.missionType] : missionTypes;
  const data = useMemo(() => {
    const byQuarter = new Map<string, Record<string, number | string>>();
    for (const row of rows) {
      const entry = byQuarter.get(row.quarter) ?? { quarter: row.quarter, total: 0 };
      entry[row.missionType] = row.submitted;
      entry.total = (entry.total as number) + row.submitted;
      byQuarter.set(row.quarter, entry);
    }
    return [...byQuarter.values()] as ({ quarter: Quarter; total: number } & Record<MissionType, number>)[];
  }, [rows]);
  const series: Series[] = shown.map((m) => ({
    key: m,
    label: vocabulary.label('missionTypes', m),
    color: missionColors[m],
  }));
  const title = f.t('chart.demand.title');
  const columns: FigureColumn<(typeof data)[number]>[] = [
    { key: 'quarter', header: f.t('col.quarter'), render: (row) => f.quarter(row.quarter), csv: (row) => row.quarter },
    ...shown.map((m) =>
      figure<(typeof data)[number]>(
        f.number,
        m,
        vocabulary.label('missionTypes', m),
        (row) => row[m] ?? 0,
        (row) => drillThrough(filters, { quarter: row.quarter, missionType: m }),
      ),
    ),
    figure<(typeof data)[number]>(
      f.number,
      'total',
      f.t('col.total'),
      (row) => row.total,
      (row) => drillThrough(filters, { quarter: row.quarter }),
    ),
  ];
  return (
    <ChartCard
      title={title}
      subtitle={f.t('chart.demand.sub')}
      columns={columns}
      rows={data}
      rowKey={(row) => row.quarter}
      onDrawn={onDrawn}
    >
      <Bars
        data={data}
        series={series}
        xKey="quarter"
        xLabel={f.t('axis.quarter')}
        yLabel={f.t('axis.requests')}
        formatX={f.quarter}
        onSelect={(row, key) =>
          navigate(drillThrough(filters, { quarter: row.quarter, missionType: key as MissionType }))
        }
      />
    </ChartCard>
  );
}

type QuarterCounts = Data['dashboard']['byQuarter'][number];

export function OutcomesChart({
  filters,
  quarters,
}: {
  filters: DashboardFilters;
  quarters: readonly QuarterCounts[];
}) {
  const f = useFormat();
  const [, navigate] = useLocation();
  const data = useMemo(
    () =>
      quarters.map((q) => ({
        quarter: q.quarter as Quarter,
        accepted: q.accepted,
        ...Object.fromEntries(
          declineReasons.map((r) => [r, q.declinedByReason.find((d) => d.reason === r)?.count ?? 0]),
        ),
        withdrawn: q.withdrawn,
        pending: q.pending,
      })) as ({ quarter: Quarter; accepted: number; withdrawn: number; pending: number } & Record<
        DeclineReason,
        number
      >)[],
    [quarters],
  );
  type Row = (typeof data)[number];
  const outcomeFilter = (key: string) =>
    key === 'accepted'
      ? { status: ['ACCEPTED' as const, 'COMPLETED' as const] }
      : key === 'withdrawn'
        ? { status: ['WITHDRAWN' as const] }
        : key === 'pending'
          ? { status: ['SUBMITTED' as const] }
          : { status: ['DECLINED' as const], declineReason: key as DeclineReason };
  const series: Series[] = [
    { key: 'accepted', label: f.t('series.accepted'), color: palette.green },
    ...declineReasons.map((r) => ({ key: r, label: f.t(`short.${r}`), color: declineColors[r] })),
    { key: 'withdrawn', label: f.t('series.withdrawn'), color: palette.grey },
    { key: 'pending', label: f.t('series.pending'), color: palette.sky },
  ];
  const columns: FigureColumn<Row>[] = [
    { key: 'quarter', header: f.t('col.quarter'), render: (row) => f.quarter(row.quarter), csv: (row) => row.quarter },
    ...series.map((s) =>
      figure<Row>(
        f.number,
        s.key,
        s.label,
        (row) => row[s.key as keyof Row] as number,
        (row) => drillThrough(filters, { quarter: row.quarter, ...outcomeFilter(s.key) }),
      ),
    ),
  ];
  return (
    <ChartCard
      title={f.t('chart.outcomes.title')}
      subtitle={f.t('chart.outcomes.sub')}
      columns={columns}
      rows={data}
      rowKey={(row) => row.quarter}
    >
      <Bars
        data={data}
        series={series}
        xKey="quarter"
        xLabel={f.t('axis.quarter')}
        yLabel={f.t('axis.requests')}
        formatX={f.quarter}
        onSelect={(row, key) => navigate(drillThrough(filters, { quarter: row.quarter, ...outcomeFilter(key) }))}
      />
    </ChartCard>
  );
}

export function AgreementChart({
  filters,
  quarters,
  rate,
}: {
  filters: DashboardFilters;
  quarters: readonly QuarterCounts[];
  rate: number | null;
}) {
  const f = useFormat();
  const [, navigate] = useLocation();
  const data = useMemo(
    () =>
      quarters.map((q) => ({
        quarter: q.quarter as Quarter,
        agree: q.agreements,
        disagree: q.assessedDecisions - q.agreements,
        rate: q.agreementRate ?? null,
      })),
    [quarters],
  );
  type Row = (typeof data)[number];
  const series: Series[] = [
    { key: 'agree', label: f.t('series.agree'), color: palette.blue },
    { key: 'disagree', label: f.t('series.disagree'), color: palette.orange },
  ];
  const columns: FigureColumn<Row>[] = [
    { key: 'quarter', header: f.t('col.quarter'), render: (row) => f.quarter(row.quarter), csv: (row) => row.quarter },
    figure<Row>(
      f.number,
      'agree',
      f.t('series.agree'),
      (row) => row.agree,
      (row) => drillThrough(filters, { quarter: row.quarter, agreement: true }),
    ),
    figure<Row>(
      f.number,
      'disagree',
      f.t('series.disagree'),
      (row) => row.disagree,
      (row) => drillThrough(filters, { quarter: row.quarter, agreement: false }),
    ),
    {
      key: 'rate',
      header: f.t('col.rate'),
      numeric: true,
      render: (row) => f.percent(row.rate),
      csv: (row) => row.rate,
    },
  ];
  return (
    <ChartCard
      title={f.t('chart.agreement.title')}
      subtitle={f.t('chart.agreement.sub', { rate: f.percent(rate) })}
      columns={columns}
      rows={data}
      rowKey={(row) => row.quarter}
    >
      <Bars
        data={data}
        series={series}
        xKey="quarter"
        xLabel={f.t('axis.quarter')}
        yLabel={f.t('axis.decisions')}
        formatX={f.quarter}
        onSelect={(row, key) => navigate(drillThrough(filters, { quarter: row.quarter, agreement: key === 'agree' }))}
      />
    </ChartCard>
  );
}

/** Accepted requests with visits in a year: what its booked days and reserved budget are for. */
function yearHref(year: number): string {
  return requestsHref({ status: ['ACCEPTED', 'COMPLETED'], from: `${year}-01-01`, to: `${year}-12-31` });
}

/**
 * Figures per year beside what was allocated: the first series is the
 * allocation (no requests behind it), the others drill through to the
 * accepted requests with visits in that year; the last column is what is left.
 */
function YearlyChart<Row extends { year: number }>({
  years,
  title,
  subtitle,
  yLabel,
  series,
  left,
  format,
}: {
  years: readonly Row[];
  title: string;
  subtitle: string;
  yLabel: string;
  series: readonly (Series & { key: keyof Row & string })[];
  left: { key: keyof Row & string; label: string };
  format: (n: number) => string;
}) {
  const f = useFormat();
  const [, navigate] = useLocation();
  const value = (row: Row, key: keyof Row) => Number(row[key]);
  const columns: FigureColumn<Row>[] = [
    { key: 'year', header: f.t('col.year'), render: (row) => String(row.year), csv: (row) => row.year },
    ...series.map((s, index) =>
      figure<Row>(
        format,
        s.key,
        s.label,
        (row) => value(row, s.key),
        (row) => (index === 0 ? undefined : yearHref(row.year)),
      ),
    ),
    figure<Row>(format, left.key, left.label, (row) => value(row, left.key)),
  ];
  return (
    <ChartCard title={title} subtitle={subtitle} columns={columns} rows={years} rowKey={(row) => String(row.year)}>
      <Bars
        data={years.map((y) => ({ ...y, year: String(y.year) }))}
        series={series}
        stacked={false}
        xKey="year"
        xLabel={f.t('axis.year')}
        yLabel={yLabel}
        formatY={format}
        onSelect={(row) => navigate(yearHref(Number(row.year)))}
      />
    </ChartCard>
  );
}

export function CapacityChart({ years }: { years: Data['capacitySummary'] }) {
  const f = useFormat();
  return (
    <YearlyChart
      years={years}
      title={f.t('chart.capacity.title')}
      subtitle={f.t('chart.capacity.sub')}
      yLabel={f.t('axis.days')}
      format={(n) => f.number(n, 1)}
      series={[
        { key: 'declaredDays', label: f.t('series.declared'), color: palette.grey },
        { key: 'bookedDays', label: f.t('series.booked'), color: palette.blue },
        { key: 'usedDays', label: f.t('series.used'), color: palette.green },
      ]}
      left={{ key: 'freeDays', label: f.t('series.free') }}
    />
  );
}

export function BudgetChart({ years }: { years: Data['budgets'] }) {
  const f = useFormat();
  return (
    <YearlyChart
      years={years}
      title={f.t('chart.budget.title')}
      subtitle={f.t('chart.budget.sub')}
      yLabel={f.t('axis.euro')}
      format={f.euro}
      series={[
        { key: 'allocatedEur', label: f.t('series.allocated'), color: palette.grey },
        { key: 'reservedEur', label: f.t('series.reserved'), color: palette.sky },
        { key: 'spentEur', label: f.t('series.spent'), color: palette.blue },
      ]}
      left={{ key: 'unreservedEur', label: f.t('series.unreserved') }}
    />
  );
}

export function CoverageChart({ months }: { months: Data['coverageByMonths'] }) {
  const f = useFormat();
  const data = useMemo(
    () =>
      coverageBuckets.map((bucket) => ({
        bucket,
        municipalities: months
          .filter((m) => coverageBucket(m.monthsSinceLastAccompaniment) === bucket)
          .reduce((sum, m) => sum + m.municipalities, 0),
      })),
    [months],
  );
  type Row = (typeof data)[number];
  const bucketLabel = (bucket: string) => f.t(`bucket.${bucket}` as 'bucket.never');
  const columns: FigureColumn<Row>[] = [
    {
      key: 'bucket',
      header: f.t('axis.sinceLast'),
      render: (row) => bucketLabel(row.bucket),
      csv: (row) => bucketLabel(row.bucket),
    },
    figure<Row>(f.number, 'municipalities', f.t('axis.municipalities'), (row) => row.municipalities),
  ];
  return (
    <ChartCard
      title={f.t('chart.coverage.title')}
      subtitle={f.t('chart.coverage.sub')}
      columns={columns}
      rows={data}
      rowKey={(row) => row.bucket}
    >
      <Bars
        data={data}
        series={[{ key: 'municipalities', label: f.t('series.municipalities'), color: palette.blue }]}
        xKey="bucket"
        xLabel={f.t('axis.sinceLast')}
        yLabel={f.t('axis.municipalities')}
        formatX={bucketLabel}
      />
    </ChartCard>
  );
}

/** The municipalities behind the coverage chart, each linked to its page (its history, and on to its requests). */
graphql(`
  fragment CoverageList_Municipality on Coverage {
    nisCode
    name
    lastAccompaniedOn
    monthsSinceLastAccompaniment
  }
`);

const CoverageListAllDocument = graphql(`
  query CoverageList_All($countryCode: String) {
    coverage(countryCode: $countryCode) {
      ...CoverageList_Municipality
    }
  }
`);

/**
 * The municipalities longest without an accompanied visit: the first ten
 * come with the dashboard; all `total` are read only when asked for.
 */
export function CoverageList({
  head,
  total,
  countryCode,
}: {
  head: readonly CoverageList_MunicipalityFragment[];
  total: number;
  countryCode: string | null;
}) {
  const f = useFormat();
  const [expanded, setExpanded] = useState(false);
  const [{ data: all, fetching, error }] = useQuery({
    query: CoverageListAllDocument,
    variables: { countryCode },
    pause: !expanded,
  });
  const bucketLabel = (bucket: string) => f.t(`bucket.${bucket}` as 'bucket.never');
  const shown = expanded && all ? all.coverage : head;
  type Municipality = CoverageList_MunicipalityFragment;
  return (
    <section className="card grid__wide" aria-labelledby="coverage-list">
      <h2 id="coverage-list">{f.t('coverage.list')}</h2>
      <DataTable<Municipality>
        caption={f.t('coverage.list')}
        captionHidden
        rows={shown}
        rowKey={(row) => row.nisCode}
        columns={[
          {
            key: 'name',
            header: f.t('coverage.municipality'),
            render: (row) => row.name ?? row.nisCode,
            href: (row) => municipalityHref(row.nisCode),
          },
          { key: 'last', header: f.t('coverage.last'), render: (row) => f.date(row.lastAccompaniedOn) },
          {
            key: 'months',
            header: f.t('coverage.months'),
            numeric: true,
            render: (row) =>
              row.monthsSinceLastAccompaniment === null || row.monthsSinceLastAccompaniment === undefined
                ? f.t('none')
                : f.number(row.monthsSinceLastAccompaniment),
          },
          {
            key: 'bucket',
            header: f.t('coverage.bucket'),
            render: (row) => bucketLabel(coverageBucket(row.monthsSinceLastAccompaniment)),
          },
        ]}
      />
      {expanded && fetching && <Loading />}
      {expanded && error && <ErrorState error={error} />}
      {!expanded && total > shown.length && (
        <button type="button" className="button button--small" onClick={() => setExpanded(true)}>
          {f.t('coverage.show', { count: total })}
        </button>
      )}
    </section>
  );
}
