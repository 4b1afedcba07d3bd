import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { plannerRoles, readerRoles } from '../auth/roles';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { RegionPage_QueryQuery } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { requestsHref } from '../requests/filters';
import { KpiGrid } from '../ui/KpiGrid';
import { Badge, type Tone } from '../ui/Badge';
import { ChartCard, type FigureColumn } from '../ui/ChartCard';
import { Bars, palette } from '../ui/charts';
import { DataTable } from '../ui/DataTable';
import { Page } from '../ui/Page';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { MunicipalityLink } from './links';
import { Refusal } from './Refusal';
import {
  byYear,
  lastAccompaniment,
  outcomes,
  todayInBrussels,
  visitsPerYear,
  type Outcome,
  type YearRow,
} from './timeline';
import { lessonHref } from './VisitTimeline';
import './places.css';

const RegionDocument = graphql(`
  query RegionPage_Query($regionCode: String!) {
    twinnings(filter: { regionCode: $regionCode }) {
      id
      nisCode
      municipality {
        nisCode
        name
      }
      partnerName
      since
      endedOn
      active
    }
    accompanimentRequests(filter: { regionCode: $regionCode }, first: 100) {
      totalCount
      edges {
        node {
          id
          status
          startDate
          mission {
            id
            status
            startDate
          }
        }
      }
    }
    missions(filter: { regionCode: $regionCode }, first: 100) {
      edges {
        node {
          id
          status
          missionType
          startDate
          endDate
          jointMissionId
          staffNames
          municipalities {
            nisCode
            name
          }
          lessons {
            id
          }
        }
      }
    }
    lessons(filter: { regionCode: $regionCode }, first: 50) {
      edges {
        node {
          id
          title
          goodPractice
          missionType
          recordedOn
          policyDomains
          municipalities {
            nisCode
            name
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** For planners, management and staff only: the API refuses analysts and coordinators. */
const PlansDocument = graphql(`
  query RegionPage_PlansQuery($regionCode: String!) {
    jointMissions(filter: { regionCode: $regionCode }, first: 50) {
      edges {
        node {
          id
          status
          missionType
          startDate
          endDate
          municipalities {
            nisCode
            name
          }
        }
      }
    }
    regionalEvents(filter: { regionCode: $regionCode }, first: 50) {
      edges {
        node {
          id
          status
          kind
          title
          startDate
          endDate
          municipalities {
            nisCode
            name
          }
        }
      }
    }
  }
`);

type Data = RegionPage_QueryQuery;
type Mission = Data['missions']['edges'][number]['node'];
type Twinning = Data['twinnings'][number];

const outcomeColors: Record<Outcome, string> = {
  accompanied: palette.green,
  planned: palette.sky,
  pending: palette.orange,
  declined: palette.vermillion,
  withdrawn: palette.grey,
  cancelled: palette.purple,
  notAccompanied: palette.ink,
};

const missionTones: Record<string, Tone> = { COMPLETED: 'ok', SCHEDULED: 'info', CANCELLED: 'muted' };
const planTones: Record<string, Tone> = { APPROVED: 'ok', PROPOSED: 'info', REJECTED: 'muted' };

export default function RegionPage() {
  const { regionCode = '' } = useParams<{ regionCode: string }>();
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const reader = readerRoles.has(viewer.role);
  const planner = plannerRoles.has(viewer.role);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: RegionDocument,
    variables: { regionCode },
    pause: !reader,
  });
  const known = vocabulary.data?.regions.find((r) => r.code === regionCode);
  const regionName = vocabulary.label('regions', regionCode);
  const countryName = vocabulary.country(known?.countryCode ?? regionCode.slice(0, 2));

  if (!reader) {
    // A region's page reads every municipality's visits: a coordinator sees their own on their municipality's page.
    return (
      <Page title={regionName} busy={false}>
        <Refusal role={viewer.role} />
      </Page>
    );
  }
  if (vocabulary.data && !known) {
    return (
      <Page title={f.t('places.region')} busy={false}>
        <p className="notice" role="alert">
          {f.t('places.notFound.region', { regionCode })}
        </p>
      </Page>
    );
  }
  if (!data) {
    return (
      <Page title={regionName} busy={fetching || !error}>
        {error ? (
          <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : (
          <Loading lines={8} />
        )}
      </Page>
    );
  }
  return (
    <RegionView
      regionCode={regionCode}
      regionName={regionName}
      countryName={countryName}
      data={data}
      planner={planner}
    />
  );
}

function RegionView({
  regionCode,
  regionName,
  countryName,
  data,
  planner,
}: {
  regionCode: string;
  regionName: string;
  countryName: string;
  data: Data;
  planner: boolean;
}) {
  const f = useFormat();
  const today = todayInBrussels();
  const missions = data.missions.edges.map((e) => e.node);
  const lessons = data.lessons.edges.map((e) => e.node);
  const active = data.twinnings.filter((t) => t.active);
  const last = lastAccompaniment(missions, today);

  const years = useMemo(
    () =>
      visitsPerYear(
        data.accompanimentRequests.edges.map(({ node: r }) => ({
          startDate: r.startDate,
          status: r.status,
          missionStatus: r.mission?.status ?? null,
          accompanied: !!r.mission && r.mission.status !== 'CANCELLED' && r.mission.startDate <= today,
        })),
        data.missions.edges.map((e) => e.node),
      ),
    [data, today],
  );

  const kpis: { label: string; value: string; note?: string; href?: string }[] = [
    {
      label: f.t('region.page.sinceLast'),
      value: last ? f.number(last.months) : f.t('none'),
      note: last ? f.t('municipality.sinceLastOn', { date: f.date(last.on) }) : f.t('municipality.neverAccompanied'),
    },
    {
      label: f.t('region.page.visits'),
      value: f.number(data.accompanimentRequests.totalCount),
      href: requestsHref({ regionCode }),
    },
    { label: f.t('region.page.missions'), value: f.number(missions.filter((m) => m.status !== 'CANCELLED').length) },
    {
      label: f.t('region.page.lessons'),
      value: `${f.number(lessons.length)}${data.lessons.pageInfo.hasNextPage ? '+' : ''}`,
    },
  ];

  return (
    <Page
      title={regionName}
      lead={f.t('region.page.lead', { country: countryName, count: new Set(active.map((t) => t.nisCode)).size })}
      busy={false}
      actions={
        <Link className="button" to={requestsHref({ regionCode })}>
          {f.t('region.page.requests', { region: regionName })}
        </Link>
      }
    >
      <KpiGrid kpis={kpis} label={f.t('region.page.figures', { region: regionName })} className="places-kpis" />
      <div className="grid grid--2 places-grid">
        <Municipalities twinnings={data.twinnings} regionName={regionName} />
        <VisitsChart rows={years} regionName={regionName} />
        <Missions missions={missions} regionName={regionName} />
        {planner && <Plans regionCode={regionCode} />}
        <Lessons
          lessons={lessons}
          more={data.lessons.pageInfo.hasNextPage}
          regionCode={regionCode}
          regionName={regionName}
        />
      </div>
    </Page>
  );
}

const lessonsShown = 10;

type Lesson = Data['lessons']['edges'][number]['node'];

/** The region's lessons, good practices first (the API's order), the first ten until asked for all. */
function Lessons({
  lessons,
  more,
  regionCode,
  regionName,
}: {
  lessons: readonly Lesson[];
  more: boolean;
  regionCode: string;
  regionName: string;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const [all, setAll] = useState(false);
  const goodPractices = lessons.filter((l) => l.goodPractice).length;
  const shown = all ? lessons : lessons.slice(0, lessonsShown);
  return (
    <section className="card grid__wide" aria-labelledby="lessons-title">
      <h2 id="lessons-title">{f.t('region.lessons.title', { region: regionName })}</h2>
      {lessons.length === 0 ? (
        <p className="muted">{f.t('region.lessons.empty')}</p>
      ) : (
        <>
          <p className="small muted">
            {f.t('region.lessons.summary', { count: lessons.length, good: goodPractices, more: String(more) })}
            {' · '}
            {/* the catalogue's region facet, as the lessons page keeps it in its URL */}
            <Link to={`/lessen?regio=${encodeURIComponent(regionCode)}`}>
              {f.t('region.lessons.all', { region: regionName })}
            </Link>
          </p>
          <ul className="places-list">
            {shown.map((lesson) => (
              <li key={lesson.id}>
                <div className="row places-visit__head">
                  <Link to={lessonHref(lesson.id)}>{lesson.title}</Link>
                  {lesson.goodPractice && <Badge tone="ok">{f.t('timeline.goodPractice')}</Badge>}
                </div>
                <p className="small muted places-visit__detail">
                  {f.t('region.lessons.from', {
                    type: lesson.missionType ? vocabulary.label('missionTypes', lesson.missionType) : f.t('none'),
                    date: f.date(lesson.recordedOn),
                  })}
                  {' · '}
                  <Names municipalities={lesson.municipalities} />
                  {lesson.policyDomains.length > 0 &&
                    ` · ${lesson.policyDomains.map((d) => vocabulary.label('policyDomains', d)).join(', ')}`}
                </p>
              </li>
            ))}
          </ul>
          {!all && lessons.length > shown.length && (
            <button type="button" className="button button--small" onClick={() => setAll(true)}>
              {f.t('region.lessons.more', { count: lessons.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** Municipalities named in a sentence, each linked to its page. */
function Names({ municipalities }: { municipalities: readonly { nisCode: string; name?: string | null }[] }) {
  return (
    <>
      {municipalities.map((m, index) => (
        <span key={m.nisCode}>
          {index > 0 && ', '}
          <MunicipalityLink nisCode={m.nisCode}>{m.name ?? m.nisCode}</MunicipalityLink>
        </span>
      ))}
    </>
  );
}

function Municipalities({ twinnings, regionName }: { twinnings: readonly Twinning[]; regionName: string }) {
  const f = useFormat();
  const rows = [...twinnings].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.municipality.name!.localeCompare(b.municipality.name ?? ''),
  );
  const title = f.t('region.municipalities.title', { region: regionName });
  return (
    <section className="card" aria-labelledby="municipalities-title">
      <h2 id="municipalities-title">{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{f.t('region.municipalities.empty')}</p>
      ) : (
        <DataTable<Twinning>
          caption={title}
          captionHidden
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            {
              key: 'municipality',
              header: f.t('region.col.municipality'),
              render: (row) => (
                <MunicipalityLink nisCode={row.nisCode}>{row.municipality.name ?? row.nisCode}</MunicipalityLink>
              ),
            },
            { key: 'partner', header: f.t('region.col.partner'), render: (row) => row.partnerName },
            {
              key: 'since',
              header: f.t('region.col.since'),
              render: (row) => <span className="nowrap">{f.shortDate(row.since)}</span>,
            },
            {
              key: 'status',
              header: f.t('region.col.status'),
              render: (row) => (
                <Badge tone={row.active ? 'ok' : 'muted'}>
                  {row.active ? f.t('twinning.active') : `${f.t('twinning.endedBadge')} ${f.shortDate(row.endedOn)}`}
                </Badge>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function VisitsChart({ rows, regionName }: { rows: readonly YearRow[]; regionName: string }) {
  const f = useFormat();
  const shown = outcomes.filter((o) => rows.some((r) => r[o] > 0));
  const total = (row: YearRow) => outcomes.reduce((sum, o) => sum + row[o], 0);
  const columns: FigureColumn<YearRow>[] = [
    { key: 'year', header: f.t('region.col.year'), render: (row) => row.year, csv: (row) => row.year },
    ...shown.map((o): FigureColumn<YearRow> => ({
      key: o,
      header: f.t(`outcome.${o}`),
      numeric: true,
      render: (row) => f.number(row[o]),
      csv: (row) => row[o],
    })),
    {
      key: 'total',
      header: f.t('region.col.total'),
      numeric: true,
      render: (row) => f.number(total(row)),
      csv: total,
    },
    {
      key: 'missions',
      header: f.t('region.col.missions'),
      numeric: true,
      render: (row) => f.number(row.missions),
      csv: (row) => row.missions,
    },
  ];
  return (
    <ChartCard
      title={f.t('region.chart.title')}
      subtitle={f.t('region.chart.subtitle', { region: regionName })}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.year}
    >
      <Bars
        data={rows}
        series={shown.map((o) => ({ key: o, label: f.t(`outcome.${o}`), color: outcomeColors[o] }))}
        xKey="year"
        xLabel={f.t('region.chart.x')}
        yLabel={f.t('region.chart.y')}
      />
    </ChartCard>
  );
}

const missionsShown = 8;

function Missions({ missions, regionName }: { missions: readonly Mission[]; regionName: string }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const [all, setAll] = useState(false);
  const sorted = byYear(missions).flatMap((g) => g.items);
  const shown = all ? sorted : sorted.slice(0, missionsShown);
  return (
    <section className="card" aria-labelledby="missions-title">
      <h2 id="missions-title">{f.t('region.missions.title', { region: regionName })}</h2>
      <p className="small muted">{f.t('region.missions.lead')}</p>
      {missions.length === 0 ? (
        <p className="muted">{f.t('region.missions.empty')}</p>
      ) : (
        <>
          <ul className="timeline">
            {shown.map((mission) => (
              <li
                key={mission.id}
                className={`places-visit places-visit--${mission.status === 'COMPLETED' ? 'accompanied' : mission.status === 'CANCELLED' ? 'cancelled' : 'planned'}`}
              >
                <time dateTime={mission.startDate}>
                  {f.t('requests.visit', { from: f.shortDate(mission.startDate), to: f.shortDate(mission.endDate) })}
                </time>
                <div className="row places-visit__head">
                  <strong>{vocabulary.label('missionTypes', mission.missionType)}</strong>
                  <Badge tone={missionTones[mission.status] ?? 'muted'}>
                    {f.t(`missionStatusLabel.${mission.status}`)}
                  </Badge>
                  {mission.jointMissionId && <Badge tone="info">{f.t('timeline.joint')}</Badge>}
                </div>
                <p className="small places-visit__detail">
                  <Names municipalities={mission.municipalities} />
                  {mission.staffNames.length > 0 && mission.status !== 'CANCELLED' && (
                    <span className="muted">
                      {' · '}
                      {f.t(mission.status === 'COMPLETED' ? 'timeline.staff' : 'timeline.staffPlanned', {
                        names: mission.staffNames.join(', '),
                      })}
                    </span>
                  )}
                  <span className="muted"> · {f.t('region.missions.lessons', { count: mission.lessons.length })}</span>
                </p>
              </li>
            ))}
          </ul>
          {!all && sorted.length > missionsShown && (
            <button type="button" className="button button--small" onClick={() => setAll(true)}>
              {f.t('region.missions.more', { count: sorted.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Plans({ regionCode }: { regionCode: string }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const viewer = useViewer();
  const [{ data, error }] = useQuery({ query: PlansDocument, variables: { regionCode } });
  const plans = data
    ? [
        ...data.jointMissions.edges.map(({ node }) => ({
          id: node.id,
          title: f.t('region.plans.jointMission', {
            type: vocabulary.label('missionTypes', node.missionType).toLowerCase(),
          }),
          kind: undefined,
          status: node.status,
          startDate: node.startDate,
          endDate: node.endDate,
          municipalities: node.municipalities,
        })),
        ...data.regionalEvents.edges.map(({ node }) => ({
          id: node.id,
          title: node.title,
          kind: f.t(`region.plans.kind.${node.kind}`),
          status: node.status,
          startDate: node.startDate,
          endDate: node.endDate,
          municipalities: node.municipalities,
        })),
      ].sort((a, b) => b.startDate.localeCompare(a.startDate))
    : [];
  return (
    <section className="card" aria-labelledby="plans-title">
      <h2 id="plans-title">{f.t('region.plans.title')}</h2>
      <p className="small muted">{f.t('region.plans.lead')}</p>
      {error && !data ? (
        <ErrorState error={error} role={viewer.role} />
      ) : !data ? (
        <Loading />
      ) : plans.length === 0 ? (
        <p className="muted">{f.t('region.plans.empty')}</p>
      ) : (
        <ul className="places-list">
          {plans.map((plan) => (
            <li key={plan.id}>
              <div className="row places-visit__head">
                <strong>{plan.title}</strong>
                <Badge tone={planTones[plan.status] ?? 'muted'}>{f.t(`region.plans.status.${plan.status}`)}</Badge>
              </div>
              <p className="small places-visit__detail">
                <span className="muted">
                  {plan.kind && `${plan.kind} · `}
                  {f.t('requests.visit', { from: f.shortDate(plan.startDate), to: f.shortDate(plan.endDate) })}
                </span>
                {plan.municipalities.length > 0 && (
                  <>
                    {' · '}
                    <Names municipalities={plan.municipalities} />
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
