import { useId, useMemo } from 'react';
import { Link } from 'wouter';
import { useFormat } from '../../i18n/format';
import { MunicipalityLink } from '../../places/links';
import { Badge } from '../../ui/Badge';
import { ChartCard, type FigureColumn } from '../../ui/ChartCard';
import { Bars, palette, type Series } from '../../ui/charts';
import { DataTable, type Column } from '../../ui/DataTable';
import { useVocabulary } from '../../vocabulary/vocabularies';
import { dateRange } from './dates';
import { budgetShare, isGreedyFallback, staffRows, type StaffRow } from './summary';
import type { PlanData, PlanTripData } from './types';

/** The chosen trips: alone or bundled, each request linked to its page (where it is decided), who goes, and the figures. */
export function TripsTable({ trips }: { trips: readonly PlanTripData[] }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  if (trips.length === 0) return <p className="muted">{f.t('plan.trips.none')}</p>;
  const range = (from: string, to: string) => dateRange(f, from, to);
  const columns: Column<PlanTripData>[] = [
    {
      key: 'dates',
      header: f.t('plan.col.dates'),
      render: (trip) => <span className="nowrap">{range(trip.startDate, trip.endDate)}</span>,
    },
    {
      key: 'kind',
      header: f.t('plan.col.kind'),
      render: (trip) =>
        trip.kind === 'BUNDLE' ? (
          <Badge tone="info">{f.t('plan.kind.BUNDLE', { count: trip.requests.length })}</Badge>
        ) : (
          <Badge tone="muted">{f.t('plan.kind.REQUEST')}</Badge>
        ),
    },
    {
      key: 'requests',
      header: f.t('plan.col.requests'),
      render: (trip) => (
        <ul className="plan__requests">
          {trip.requests.map((request) => (
            <li key={request.id}>
              <MunicipalityLink nisCode={request.nisCode}>
                {request.municipalityName ?? request.nisCode}
              </MunicipalityLink>
              {': '}
              <Link to={`/aanvragen/${encodeURIComponent(request.id)}`}>
                {f.t('plan.request', {
                  type: vocabulary.label('missionTypes', request.missionType),
                  dates: range(request.startDate, request.endDate),
                })}
              </Link>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'staff',
      header: f.t('plan.col.staff'),
      render: (trip) => trip.staffMember.name ?? f.t('plan.unknownStaff'),
    },
    { key: 'staffDays', header: f.t('plan.col.staffDays'), numeric: true, render: (trip) => f.number(trip.staffDays) },
    { key: 'cost', header: f.t('plan.col.cost'), numeric: true, render: (trip) => f.euro(trip.costEur) },
    { key: 'priority', header: f.t('plan.col.priority'), numeric: true, render: (trip) => f.number(trip.priority) },
  ];
  return (
    <DataTable caption={f.t('plan.trips.caption')} columns={columns} rows={trips} rowKey={(trip) => trip.tripId} />
  );
}

/** Trips already fixed (accepted requests, scheduled missions): in every plan, folded away. */
export function FixedTrips({ fixed }: { fixed: PlanData['fixed'] }) {
  const f = useFormat();
  if (fixed.length === 0) return null;
  type Fixed = PlanData['fixed'][number];
  const columns: Column<Fixed>[] = [
    {
      key: 'dates',
      header: f.t('plan.col.dates'),
      render: (trip) => <span className="nowrap">{dateRange(f, trip.startDate, trip.endDate)}</span>,
    },
    {
      key: 'municipalities',
      header: f.t('plan.col.municipalities'),
      render: (trip) =>
        trip.municipalities.map((m, index) => (
          <span key={m.nisCode}>
            {index > 0 && ', '}
            <MunicipalityLink nisCode={m.nisCode}>{m.name ?? m.nisCode}</MunicipalityLink>
          </span>
        )),
    },
    {
      key: 'staff',
      header: f.t('plan.col.staff'),
      render: (trip) => trip.staff.map((s) => s.name ?? f.t('plan.unknownStaff')).join(', ') || f.t('none'),
    },
  ];
  return (
    <details className="plan__fixed">
      <summary>{f.t('plan.fixed.summary', { count: fixed.length })}</summary>
      <DataTable
        caption={f.t('plan.fixed.caption')}
        captionHidden
        columns={columns}
        rows={fixed}
        rowKey={(t) => t.id}
      />
    </details>
  );
}

interface GainRow extends Record<string, unknown> {
  readonly key: 'optimal' | 'greedy';
  readonly label: string;
  /** The axis's label: short enough for a phone. */
  readonly short: string;
  readonly points: number;
  readonly trips: number;
}

/** The objective beside the greedy plan's: the gain optimising brings, as a chart and a figure. */
export function GainChart({ plan }: { plan: PlanData }) {
  const f = useFormat();
  const rows: GainRow[] = [
    {
      key: 'optimal',
      label: f.t('plan.gain.optimal'),
      short: f.t('plan.gain.optimalShort'),
      points: plan.objective,
      trips: plan.trips.length,
    },
    {
      key: 'greedy',
      label: f.t('plan.gain.greedy'),
      short: f.t('plan.gain.greedyShort'),
      points: plan.greedy.objective,
      trips: plan.greedy.trips.length,
    },
  ];
  const columns: FigureColumn<GainRow>[] = [
    { key: 'plan', header: f.t('plan.gain.plan'), render: (row) => row.label, csv: (row) => row.label },
    {
      key: 'points',
      header: f.t('plan.gain.points'),
      numeric: true,
      render: (row) => f.number(row.points),
      csv: (row) => row.points,
    },
    {
      key: 'trips',
      header: f.t('plan.gain.tripCount'),
      numeric: true,
      render: (row) => f.number(row.trips),
      csv: (row) => row.trips,
    },
  ];
  const series: Series[] = [{ key: 'points', label: f.t('plan.gain.points'), color: palette.blue }];
  const ratio = plan.objectiveToGreedy ?? 1;
  return (
    <ChartCard
      title={f.t('plan.gain.title')}
      subtitle={
        isGreedyFallback(plan.status)
          ? f.t('plan.statusText.fallback')
          : f.t('plan.gain.sub', { gain: plan.gainOverGreedy, ratio: f.number(ratio, 3) })
      }
      columns={columns}
      rows={rows}
      rowKey={(row) => row.key}
    >
      <Bars data={rows} series={series} xKey="short" xLabel={f.t('plan.axis.plan')} yLabel={f.t('plan.axis.points')} />
    </ChartCard>
  );
}

/** Staff days per member: used by the plan and left, binding members named as such. */
export function StaffChart({ year, staff }: { year: number; staff: PlanData['staff'] }) {
  const f = useFormat();
  const rows = useMemo(
    () => staffRows(staff, (name) => f.t('plan.staff.bindingMark', { name })),
    [staff, f],
  ) as (StaffRow & Record<string, unknown>)[];
  const series: Series[] = [
    { key: 'used', label: f.t('plan.staff.used'), color: palette.blue },
    { key: 'slackFree', label: f.t('plan.staff.slack'), color: palette.sky },
    { key: 'slackBinding', label: f.t('plan.staff.slackBinding'), color: palette.vermillion },
  ];
  const columns: FigureColumn<StaffRow>[] = [
    { key: 'member', header: f.t('plan.col.member'), render: (row) => row.name, csv: (row) => row.name },
    {
      key: 'free',
      header: f.t('plan.col.free'),
      numeric: true,
      render: (row) => f.number(row.free, 1),
      csv: (row) => row.free,
    },
    {
      key: 'used',
      header: f.t('plan.col.used'),
      numeric: true,
      render: (row) => f.number(row.used, 1),
      csv: (row) => row.used,
    },
    {
      key: 'slack',
      header: f.t('plan.col.slack'),
      numeric: true,
      render: (row) => f.number(row.slack, 1),
      csv: (row) => row.slack,
    },
    {
      key: 'binding',
      header: f.t('plan.col.binding'),
      render: (row) =>
        row.binding ? (
          <Badge tone="warn">{f.t('plan.binding')}</Badge>
        ) : (
          <span className="muted">{f.t('plan.notBinding')}</span>
        ),
      csv: (row) => (row.binding ? f.t('yes') : f.t('no')),
    },
  ];
  return (
    <ChartCard
      title={f.t('plan.staff.title')}
      subtitle={f.t('plan.staff.sub', { year })}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
    >
      <Bars
        data={rows}
        series={series}
        xKey="label"
        xLabel={f.t('plan.axis.staff')}
        yLabel={f.t('plan.axis.days')}
        formatY={(value) => f.number(value)}
      />
    </ChartCard>
  );
}

/** The year's unreserved budget: what the plan uses, what is left, and whether that binds. */
export function BudgetUse({ year, budget }: { year: number; budget: PlanData['budget'] }) {
  const f = useFormat();
  const id = useId();
  const share = budgetShare(budget.usedEur, budget.unreservedEur);
  return (
    <section className="card stack plan__budget" aria-labelledby={id}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h4 id={id} style={{ margin: 0 }}>
          {f.t('plan.budget.title', { year })}
        </h4>
        {budget.binding ? (
          <Badge tone="warn">{f.t('plan.binding')}</Badge>
        ) : (
          <Badge tone="muted">{f.t('plan.notBinding')}</Badge>
        )}
      </div>
      <dl className="facts">
        <dt>{f.t('plan.budget.used')}</dt>
        <dd className="num">{f.euro(budget.usedEur)}</dd>
        <dt>{f.t('plan.budget.unreserved')}</dt>
        <dd className="num">{f.euro(budget.unreservedEur)}</dd>
        <dt>{f.t('plan.budget.slack')}</dt>
        <dd className="num">{f.euro(budget.slackEur)}</dd>
      </dl>
      <div>
        <div className={budget.binding ? 'meter meter--bad' : 'meter'} aria-hidden="true">
          <span style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
        <p className="small muted" style={{ margin: 'var(--space-1) 0 0' }}>
          {f.t('plan.budget.share', { share: f.percent(share) })}
        </p>
      </div>
      <p className="small" style={{ marginBottom: 0 }}>
        {f.t(budget.binding ? 'plan.budget.bindingText' : 'plan.budget.freeText')}
      </p>
    </section>
  );
}
