import { useMemo, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { useSearchParams } from 'wouter';
import { plannerRoles } from '../auth/roles';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import { useFormat } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { RegionMap } from '../map/RegionMap';
import { Page } from '../ui/Page';
import { SelectField } from '../ui/SelectField';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { CandidatesSection } from './CandidatesSection';
import { ClustersSection } from './ClustersSection';
import { plannerPeriod, readPlannerFilters, writePlannerFilters, yearOptions, type PlannerFilters } from './filters';
import { JointMissionsSection } from './JointMissionsSection';
import { PlanSection } from './PlanSection';
import { RegionalEventsSection } from './RegionalEventsSection';
import { requestVisits } from './requestVisits';
import './planner.css';

// The first page of regions and of candidates (issue 16): at a national scale a year holds dozens of regions with
// hundreds of visits each and thousands of candidates; their sections read the next pages. A page of regions stops
// at about 500 visits (the busiest region alone, at 1.3 million events), which a person can read and the API answers
// fast; the demo's year (some 50 visits in 19 regions) fits on one.
const PlannerDocument = graphql(`
  query PlannerPage($from: LocalDate!, $to: LocalDate!, $countryCode: String, $filter: JointMissionFilter!) {
    regionalClusterPage(from: $from, to: $to, countryCode: $countryCode, first: 20, maxVisits: 500) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PlannerRegionalCluster
        }
      }
    }
    jointMissionCandidatePage(from: $from, to: $to, countryCode: $countryCode, first: 20) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PlannerCandidate
        }
      }
    }
    jointMissions(filter: $filter, first: 100) {
      edges {
        node {
          ...PlannerJointMission
        }
      }
    }
  }
`);

/** The planner's workbench (issue 13): for planners, management and staff. */
export default function PlannerPage() {
  const f = useFormat();
  const viewer = useViewer();
  if (!plannerRoles.has(viewer.role)) {
    return (
      <Page title={f.t('planner.title')} busy={false}>
        <div className="notice notice--error" role="alert">
          <h2>{f.t('state.forbidden.title')}</h2>
          <p>{f.t('planner.noAccess', { role: f.t(`role.${viewer.role}` as MessageId) })}</p>
        </div>
      </Page>
    );
  }
  return <Workbench />;
}

const sections = [
  ['map', 'planner.map.title'],
  ['clusters', 'planner.clusters.title'],
  ['candidates', 'planner.candidates.title'],
  ['joint-missions', 'planner.missions.title'],
  ['plan', 'planner.plan.title'],
  ['events', 'planner.events.title'],
] as const satisfies readonly (readonly [string, MessageId])[];

function Workbench() {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const [search, setSearch] = useSearchParams();
  const today = useMemo(() => new Date(), []);
  const filters = useMemo(() => readPlannerFilters(search, today), [search, today]);
  const period = useMemo(() => plannerPeriod(filters), [filters]);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: PlannerDocument,
    variables: {
      from: period.from,
      to: period.to,
      countryCode: period.countryCode,
      filter: { from: period.from, to: period.to, ...(period.countryCode ? { countryCode: period.countryCode } : {}) },
    },
  });
  const update = (patch: Partial<PlannerFilters>) => {
    const next: PlannerFilters = { ...filters, ...patch };
    setSearch(writePlannerFilters(next), { replace: true });
  };
  const visits = useMemo(() => requestVisits(data?.regionalClusterPage.edges.map((e) => e.node) ?? []), [data]);
  const jointMissions = useMemo(() => data?.jointMissions.edges.map((e) => e.node) ?? [], [data]);
  const retry = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <Page title={f.t('planner.title')} lead={f.t('planner.lead')} busy={fetching || (!data && !error)}>
      <form className="filters card" aria-label={f.t('planner.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={f.t('planner.year')}
          value={String(filters.year)}
          options={yearOptions(today, filters.year).map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(year) => year && update({ year: Number(year) })}
        />
        <SelectField
          label={f.t('planner.quarter')}
          value={filters.quarter ? String(filters.quarter) : undefined}
          options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: f.t('planner.quarterOption', { quarter: q }) }))}
          all={f.t('planner.wholeYear')}
          onChange={(quarter) => update({ quarter: quarter ? (Number(quarter) as 1 | 2 | 3 | 4) : undefined })}
        />
        <SelectField
          label={f.t('planner.country')}
          value={filters.countryCode}
          options={vocabulary.countries}
          all={f.t('filter.all')}
          onChange={(countryCode) => update({ countryCode })}
        />
        <p className="small muted" style={{ margin: 0 }} aria-live="polite">
          {f.t('planner.period', { from: f.date(period.from), to: f.date(period.to) })}
          {!search.get('jaar') && <> · {f.t('planner.periodDefault')}</>}
        </p>
      </form>
      <nav className="planner-toc" aria-label={f.t('planner.toc')}>
        <ul>
          {sections.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{f.t(title)}</a>
            </li>
          ))}
        </ul>
      </nav>

      {/* The map, the plan and the events carry their own headings. */}
      <div className="planner-section" id="map">
        <RegionMap from={period.from} to={period.to} countryCode={period.countryCode} />
      </div>

      {error && !data ? (
        <ErrorState error={error} role={viewer.role} retry={retry} />
      ) : !data ? (
        <Loading lines={8} />
      ) : (
        <>
          {error && <ErrorState error={error} role={viewer.role} retry={retry} />}
          <Section id="clusters" title={f.t('planner.clusters.title')} lead={f.t('planner.clusters.lead')}>
            <ClustersSection page={data.regionalClusterPage} period={period} />
          </Section>
          <Section id="candidates" title={f.t('planner.candidates.title')} lead={f.t('planner.candidates.lead')}>
            <CandidatesSection
              page={data.jointMissionCandidatePage}
              period={period}
              visits={visits}
              jointMissions={jointMissions}
            />
          </Section>
          <Section id="joint-missions" title={f.t('planner.missions.title')} lead={f.t('planner.missions.lead')}>
            <JointMissionsSection jointMissions={jointMissions} />
          </Section>
        </>
      )}

      <div className="planner-section" id="plan">
        <PlanSection period={period} />
      </div>
      <div className="planner-section" id="events">
        <RegionalEventsSection period={period} />
      </div>
    </Page>
  );
}

function Section({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section className="planner-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead && <p className="page-lead">{lead}</p>}
      {children}
    </section>
  );
}
