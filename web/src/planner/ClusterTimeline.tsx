import { useId, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { MissionType } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { MunicipalityLink } from '../places/links';
import { DataTable, type Column } from '../ui/DataTable';
import { useVocabulary } from '../vocabulary/vocabularies';
import { layoutRows, monthTicks, span, visitState, type VisitState } from './timeline';

interface Ref {
  readonly nisCode: string;
  readonly name?: string | null;
}
export interface ClusterData {
  readonly regionCode: string;
  readonly municipalities: readonly Ref[];
  readonly visits: readonly {
    readonly id: string;
    readonly kind: 'REQUEST' | 'MISSION';
    readonly status: string;
    readonly startDate: string;
    readonly endDate: string;
    readonly missionType: MissionType;
    readonly municipalities: readonly Ref[];
    readonly requestIds: readonly string[];
  }[];
  readonly overlappingGroups: readonly {
    readonly startDate: string;
    readonly endDate: string;
    readonly nisCodes: readonly string[];
    readonly visits: readonly { readonly id: string }[];
  }[];
  readonly jointMissions: readonly Plan[];
  readonly regionalEvents: readonly Plan[];
}
interface Plan {
  readonly id: string;
  readonly status: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly title?: string | null;
}

const LANE = 26;
const stateMessage: Record<VisitState, MessageId> = {
  undecided: 'planner.state.undecided',
  accepted: 'planner.state.accepted',
  mission: 'planner.state.mission',
};

/** Where a visit's bar leads: its request, or the first request a mission serves. */
function visitHref(visit: ClusterData['visits'][number]): string | undefined {
  const id = visit.kind === 'REQUEST' ? visit.id : visit.requestIds[0];
  return id ? `/aanvragen/${encodeURIComponent(id)}` : undefined;
}

/**
 * A region's visits on the period's time axis, one row per municipality, with
 * its joint missions and regional events below; the same as a table on
 * request. Every bar is a link named in words (who, state, type, dates), so a
 * keyboard or screen-reader user reads what a sighted user sees.
 */
export function ClusterTimeline({
  cluster,
  from,
  to,
  regionName,
  heading,
}: {
  cluster: ClusterData;
  from: string;
  to: string;
  regionName: string;
  /** The region's heading, beside the switch between timeline and table. */
  heading: ReactNode;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const [table, setTable] = useState(false);
  const id = useId();
  const names = useMemo(
    () => new Map(cluster.municipalities.map((m) => [m.nisCode, m.name ?? m.nisCode])),
    [cluster.municipalities],
  );
  const rows = useMemo(
    () =>
      layoutRows(
        from,
        to,
        cluster.municipalities.map((m) => m.nisCode),
        cluster.visits.map((v) => ({ ...v, nisCodes: v.municipalities.map((m) => m.nisCode) })),
        cluster.overlappingGroups.map((g) => ({ ...g, visitIds: g.visits.map((v) => v.id) })),
      ),
    [cluster, from, to],
  );
  const ticks = useMemo(() => monthTicks(from, to), [from, to]);
  const month = (date: string) =>
    f.intl.formatDate(new Date(`${date}T00:00:00Z`), { month: 'short', timeZone: 'UTC' }).replace('.', '');
  const planTitle = (plan: Plan, kind: 'mission' | 'event') =>
    kind === 'mission' ? f.t('planner.jointMission') : (plan.title ?? f.t('planner.timeline.events'));
  const planLabel = (plan: Plan, kind: 'mission' | 'event') =>
    f.t('planner.timeline.plan', {
      title: planTitle(plan, kind),
      status: f.t(`planner.planStatus.${plan.status}` as MessageId),
      from: f.shortDate(plan.startDate),
      to: f.shortDate(plan.endDate),
    });
  const planRows = [
    { key: 'missions', label: f.t('planner.timeline.jointMissions'), plans: cluster.jointMissions, kind: 'mission' },
    { key: 'events', label: f.t('planner.timeline.events'), plans: cluster.regionalEvents, kind: 'event' },
  ] as const;

  return (
    <div className="tl">
      <div className="planner-card__head">
        {heading}
        <button type="button" className="button button--small" aria-pressed={table} onClick={() => setTable(!table)}>
          {table ? f.t('planner.timeline.showTimeline') : f.t('planner.timeline.showTable')}
        </button>
      </div>
      {table ? (
        <ClusterTable cluster={cluster} regionName={regionName} planLabel={planTitle} names={names} />
      ) : (
        <>
          <div role="group" aria-labelledby={`${id}-label`} style={{ position: 'relative' }}>
            <span id={`${id}-label`} className="visually-hidden">
              {f.t('planner.timeline.label', { region: regionName })}
            </span>
            <div className="tl__axis" aria-hidden="true">
              <span />
              <div className="tl__track">
                {ticks.map((tick, i) => (
                  <span
                    key={tick.date}
                    className={`tl__tick${ticks.length > 6 && i % 3 !== 0 ? ' tl__tick--minor' : ''}`}
                    style={{ left: `${tick.left}%` }}
                  >
                    {month(tick.date)}
                  </span>
                ))}
              </div>
            </div>
            <div className="tl__grid" aria-hidden="true">
              {ticks.map((tick) => (
                <span key={tick.date} style={{ left: `${tick.left}%` }} />
              ))}
            </div>
            {rows.map((row) => (
              <div className="tl__row" key={row.nisCode}>
                <div className="tl__label">
                  <MunicipalityLink nisCode={row.nisCode}>{names.get(row.nisCode)}</MunicipalityLink>
                </div>
                <div className="tl__track" style={{ minHeight: row.lanes * LANE + 8 }}>
                  {row.groups.map((g, i) => (
                    <span
                      key={i}
                      className="tl__band"
                      aria-hidden="true"
                      style={{ left: `${g.left}%`, width: `${g.width}%` }}
                    />
                  ))}
                  {row.bars.map((bar) => {
                    const visit = cluster.visits.find((v) => v.id === bar.visit.id)!;
                    const values = {
                      municipality: names.get(row.nisCode) ?? row.nisCode,
                      state: f.t(stateMessage[bar.state]),
                      type: vocabulary.label('missionTypes', visit.missionType),
                      from: f.shortDate(bar.visit.startDate),
                      to: f.shortDate(bar.visit.endDate),
                    };
                    const label = f.t(bar.grouped ? 'planner.timeline.barGrouped' : 'planner.timeline.bar', values);
                    const href = visitHref(visit);
                    const style: CSSProperties = {
                      left: `${bar.span.left}%`,
                      width: `${bar.span.width}%`,
                      top: 4 + bar.lane * LANE + (bar.state === 'mission' ? 0 : 2),
                    };
                    const className = `tl__bar tl__bar--${bar.state}${bar.grouped ? ' tl__bar--grouped' : ''}`;
                    return href ? (
                      <Link
                        key={bar.visit.id}
                        to={href}
                        className={className}
                        style={style}
                        aria-label={label}
                        title={label}
                      />
                    ) : (
                      <span
                        key={bar.visit.id}
                        className={className}
                        style={style}
                        role="img"
                        aria-label={label}
                        title={label}
                      />
                    );
                  })}
                </div>
              </div>
            ))}
            {planRows
              .filter((r) => r.plans.length > 0)
              .map((r) => (
                <div className="tl__row" key={r.key}>
                  <div className="tl__label tl__label--plan">{r.label}</div>
                  <div className="tl__track" style={{ minHeight: LANE + 8 }}>
                    {r.plans.map((plan) => {
                      const where = span(from, to, plan.startDate, plan.endDate);
                      if (!where) return null;
                      const label = planLabel(plan, r.kind);
                      const style: CSSProperties = { left: `${where.left}%`, width: `${where.width}%`, top: 6 };
                      const className = `tl__bar ${r.kind === 'mission' ? 'tl__bar--plan' : 'tl__bar--event'}${plan.status === 'PROPOSED' ? ' tl__bar--plan-proposed' : ''}`;
                      return r.kind === 'mission' ? (
                        <a
                          key={plan.id}
                          href={`#jm-${plan.id}`}
                          className={className}
                          style={style}
                          aria-label={label}
                          title={label}
                        />
                      ) : (
                        <span
                          key={plan.id}
                          className={className}
                          style={style}
                          role="img"
                          aria-label={label}
                          title={label}
                        />
                      );
                    })}
                  </div>
                </div>
              ))}
          </div>
        </>
      )}
    </div>
  );
}

/** What the bars and bands of every timeline mean: shown once above them. */
export function TimelineLegend() {
  const f = useFormat();
  const items: [string, MessageId][] = [
    ['tl__bar tl__bar--undecided', 'planner.state.undecided'],
    ['tl__bar tl__bar--accepted', 'planner.state.accepted'],
    ['tl__bar tl__bar--mission', 'planner.state.mission'],
    ['tl__band', 'planner.timeline.overlap'],
    ['tl__bar tl__bar--plan', 'planner.jointMission'],
    ['tl__bar tl__bar--event', 'planner.timeline.events'],
  ];
  return (
    <ul className="tl__legend" aria-label={f.t('planner.timeline.legend')}>
      {items.map(([className, message]) => (
        <li key={message}>
          <span className={className} aria-hidden="true" />
          {f.t(message)}
        </li>
      ))}
    </ul>
  );
}

interface TableRow {
  readonly key: string;
  readonly what: ReactNode;
  readonly startDate: string;
  readonly endDate: string;
  readonly state: string;
  readonly missionType: string;
  readonly overlap: boolean | null;
}

/** The timeline as a table: every visit, joint mission and regional event, by date. */
function ClusterTable({
  cluster,
  regionName,
  planLabel,
  names,
}: {
  cluster: ClusterData;
  regionName: string;
  planLabel: (plan: Plan, kind: 'mission' | 'event') => string;
  names: ReadonlyMap<string, string>;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const grouped = new Set(cluster.overlappingGroups.flatMap((g) => g.visits.map((v) => v.id)));
  const rows: TableRow[] = [
    ...cluster.visits.map((v) => ({
      key: v.id,
      what: (
        <span>
          {v.municipalities.map((m, i) => (
            <span key={m.nisCode}>
              {i > 0 && ', '}
              <MunicipalityLink nisCode={m.nisCode}>{m.name ?? names.get(m.nisCode) ?? m.nisCode}</MunicipalityLink>
            </span>
          ))}
        </span>
      ),
      startDate: v.startDate,
      endDate: v.endDate,
      state: f.t(stateMessage[visitState(v)]),
      missionType: vocabulary.label('missionTypes', v.missionType),
      overlap: grouped.has(v.id),
    })),
    ...cluster.jointMissions.map((p) => ({
      key: p.id,
      what: <a href={`#jm-${p.id}`}>{planLabel(p, 'mission')}</a>,
      startDate: p.startDate,
      endDate: p.endDate,
      state: f.t(`planner.planStatus.${p.status}` as MessageId),
      missionType: '',
      overlap: null,
    })),
    ...cluster.regionalEvents.map((p) => ({
      key: p.id,
      what: planLabel(p, 'event'),
      startDate: p.startDate,
      endDate: p.endDate,
      state: f.t(`planner.planStatus.${p.status}` as MessageId),
      missionType: '',
      overlap: null,
    })),
  ].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const columns: Column<TableRow>[] = [
    { key: 'what', header: f.t('planner.table.what'), render: (r) => r.what },
    {
      key: 'from',
      header: f.t('planner.table.from'),
      render: (r) => <span className="nowrap">{f.shortDate(r.startDate)}</span>,
    },
    {
      key: 'to',
      header: f.t('planner.table.to'),
      render: (r) => <span className="nowrap">{f.shortDate(r.endDate)}</span>,
    },
    { key: 'state', header: f.t('planner.table.state'), render: (r) => r.state },
    { key: 'type', header: f.t('planner.table.missionType'), render: (r) => r.missionType || f.t('none') },
    {
      key: 'overlap',
      header: f.t('planner.table.overlap'),
      render: (r) => (r.overlap === null ? f.t('none') : f.t(r.overlap ? 'yes' : 'no')),
    },
  ];
  return (
    <DataTable
      caption={f.t('planner.table.caption', { region: regionName })}
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
    />
  );
}
