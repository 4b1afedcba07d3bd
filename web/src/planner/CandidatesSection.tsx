import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from 'urql';
import { Link } from 'wouter';
import { useCan } from '../auth/viewer';
import { graphql } from '../gql';
import type { PlannerCandidateFragment, PlannerJointMissionFragment } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { useLanguage } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { MunicipalityLink, RegionLink } from '../places/links';
import { Badge } from '../ui/Badge';
import { useVocabulary } from '../vocabulary/vocabularies';
import { ShowMore, useMorePages, type RankedConnection } from './morePages';
import type { PlannerPeriod } from './period';
import { ProposeForm } from './ProposeForm';
import { withCandidateRequests, type RequestVisitFacts } from './requestVisits';

// What a candidate's card shows; the planner page reads the first page, "show more" the next ones.
graphql(`
  fragment PlannerCandidate on JointMissionCandidate {
    countryCode
    regionCodes
    missionType
    municipalities {
      nisCode
      name
    }
    requests {
      id
      nisCode
      municipalityName
      startDate
      endDate
      undecided
    }
    combinedCostEur
    combinedStaffDays
    separateCostEur
    separateStaffDays
    savingEur
    tripStart
    tripEnd
    windowStart
    windowEnd
    why {
      nl
      en
    }
  }
`);

const MoreCandidatesDocument = graphql(`
  query PlannerMoreCandidates($from: LocalDate!, $to: LocalDate!, $countryCode: String, $after: String!) {
    jointMissionCandidatePage(from: $from, to: $to, countryCode: $countryCode, first: 20, after: $after) {
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
  }
`);

type Candidate = PlannerCandidateFragment;

/** A candidate is known by the requests it covers. */
const candidateKey = (c: Candidate) =>
  c.requests
    .map((r) => r.id)
    .sort()
    .join('+');

/**
 * Joint-mission candidates, best saving first (the API's order), each with
 * what one trip saves and why; a page at a time (issue 16: thousands at a
 * national scale).
 */
export function CandidatesSection({
  page,
  period,
  visits: clusterVisits,
  jointMissions,
}: {
  page: RankedConnection<Candidate>;
  period: PlannerPeriod;
  visits: ReadonlyMap<string, RequestVisitFacts>;
  jointMissions: readonly PlannerJointMissionFragment[];
}) {
  const f = useFormat();
  const client = useClient();
  const pages = useMorePages(page, async (after) => {
    const result = await client
      .query(
        MoreCandidatesDocument,
        { from: period.from, to: period.to, countryCode: period.countryCode ?? null, after },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (!result.data) throw result.error ?? new Error('No page of candidates');
    return result.data.jointMissionCandidatePage;
  });
  const candidates = pages.nodes;
  // The regions shown may be a page: a candidate says itself where its requests stand.
  const visits = useMemo(() => withCandidateRequests(clusterVisits, candidates), [clusterVisits, candidates]);
  const [open, setOpen] = useState<string>();
  const [proposed, setProposed] = useState<PlannerJointMissionFragment>();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (proposed) notice.current?.focus();
  }, [proposed]);
  // Which open joint mission already takes a request along.
  const planned = new Map<string, PlannerJointMissionFragment>();
  for (const jm of jointMissions) if (jm.status !== 'REJECTED') for (const id of jm.requestIds) planned.set(id, jm);

  return (
    <>
      {proposed && (
        <div className="notice notice--ok" role="status" tabIndex={-1} ref={notice} style={{ marginBottom: 16 }}>
          <p style={{ margin: 0 }}>
            {f.t('planner.propose.done', {
              from: f.date(proposed.startDate),
              to: f.date(proposed.endDate),
              municipalities: proposed.municipalities.map((m) => m.name ?? m.nisCode).join(', '),
              cost:
                proposed.estimatedCostEur === null || proposed.estimatedCostEur === undefined
                  ? f.t('none')
                  : f.euro(proposed.estimatedCostEur),
            })}{' '}
            <a href={`#jm-${proposed.id}`}>{f.t('planner.propose.view')}</a>
          </p>
        </div>
      )}
      {candidates.length === 0 ? (
        <p className="notice">{f.t('planner.candidates.empty')}</p>
      ) : (
        <ol className="planner-list">
          {candidates.map((candidate) => {
            const key = candidateKey(candidate);
            return (
              <CandidateCard
                key={key}
                candidate={candidate}
                visits={visits}
                planned={planned}
                open={open === key}
                onOpen={() => setOpen(key)}
                onClose={() => setOpen(undefined)}
                onProposed={(jm) => {
                  setOpen(undefined);
                  setProposed(jm);
                }}
              />
            );
          })}
        </ol>
      )}
      <ShowMore shown={candidates.length} pages={pages} kind="candidates" />
    </>
  );
}

function CandidateCard({
  candidate,
  visits,
  planned,
  open,
  onOpen,
  onClose,
  onProposed,
}: {
  candidate: Candidate;
  visits: ReadonlyMap<string, RequestVisitFacts>;
  planned: ReadonlyMap<string, PlannerJointMissionFragment>;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onProposed: (jm: PlannerJointMissionFragment) => void;
}) {
  const f = useFormat();
  const { language } = useLanguage();
  const vocabulary = useVocabulary();
  const may = useCan('proposeJointMission');
  const opener = useRef<HTMLButtonElement>(null);
  const regionNames = candidate.regionCodes.map((code) => vocabulary.region(code)).join(', ');
  const undecided = candidate.requests.filter((r) => visits.get(r.id)?.undecided !== false).length;
  const why = f.sentence(candidate.why[language]);
  const close = () => {
    onClose();
    opener.current?.focus();
  };
  return (
    <li className="card planner-card">
      <div className="planner-card__head">
        <div>
          <h3>
            {candidate.regionCodes.map((code, i) => (
              <span key={code}>
                {i > 0 && ', '}
                <RegionLink regionCode={code}>{vocabulary.region(code)}</RegionLink>
              </span>
            ))}
          </h3>
          <p className="planner-card__sub">
            {vocabulary.label('missionTypes', candidate.missionType)} ·{' '}
            {f.t('unit.requests', { count: candidate.requests.length })}
          </p>
        </div>
        <span className="saving">{f.t('planner.candidate.saving', { amount: f.euro(candidate.savingEur) })}</span>
      </div>
      <div className="planner-columns">
        <dl className="facts">
          <dt>{f.t('planner.candidate.trip')}</dt>
          <dd>
            {f.date(candidate.tripStart)} – {f.date(candidate.tripEnd)}
          </dd>
          <dt>{f.t('planner.candidate.window')}</dt>
          <dd>
            {f.date(candidate.windowStart)} – {f.date(candidate.windowEnd)}
          </dd>
          <dt>{f.t('planner.candidate.requests')}</dt>
          <dd>
            <ul className="planner-names">
              {candidate.requests.map((r) => {
                const jm = planned.get(r.id);
                const visit = visits.get(r.id);
                return (
                  <li key={r.id}>
                    <MunicipalityLink nisCode={r.nisCode}>{r.municipalityName ?? r.nisCode}</MunicipalityLink>{' '}
                    <Link to={`/aanvragen/${encodeURIComponent(r.id)}`} className="small">
                      {visit ? `${f.shortDate(visit.startDate)} – ${f.shortDate(visit.endDate)}` : r.id.slice(0, 8)}
                    </Link>
                    {visit && !visit.undecided && (
                      <>
                        {' '}
                        <Badge tone="ok">{f.t('planner.request.accepted')}</Badge>
                      </>
                    )}
                    {jm && (
                      <>
                        {' '}
                        <a href={`#jm-${jm.id}`} className="small">
                          {f.t('planner.candidate.inJointMission', {
                            status: f.t(`planner.planStatus.${jm.status}` as MessageId),
                          })}
                        </a>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </dd>
        </dl>
        <table className="compare">
          <caption>{f.t('planner.candidate.compare')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col" className="num">
                {f.t('planner.candidate.staffDays')}
              </th>
              <th scope="col" className="num">
                {f.t('planner.candidate.cost')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{f.t('planner.candidate.oneTrip')}</th>
              <td className="num">{f.number(candidate.combinedStaffDays)}</td>
              <td className="num">{f.euro(candidate.combinedCostEur)}</td>
            </tr>
            <tr>
              <th scope="row">{f.t('planner.candidate.separate')}</th>
              <td className="num">{f.number(candidate.separateStaffDays)}</td>
              <td className="num">{f.euro(candidate.separateCostEur)}</td>
            </tr>
            <tr>
              <th scope="row" className="saving-cell">
                {f.t('planner.candidate.savingLabel')}
              </th>
              <td className="num saving-cell">{f.number(candidate.separateStaffDays - candidate.combinedStaffDays)}</td>
              <td className="num saving-cell">{f.euro(candidate.savingEur)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="planner-why">
        <strong>{f.t('planner.candidate.why')}: </strong>
        {why}
      </p>
      {may &&
        (undecided < 2 ? (
          <p className="small muted" style={{ marginTop: 12, marginBottom: 0 }}>
            {f.t('planner.candidate.notProposable')}
          </p>
        ) : open ? (
          <ProposeForm
            candidate={{
              regionNames,
              tripStart: candidate.tripStart,
              tripEnd: candidate.tripEnd,
              why,
              requests: candidate.requests,
            }}
            visits={visits}
            onProposed={onProposed}
            onCancel={close}
          />
        ) : (
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              onClick={onOpen}
              ref={opener}
              aria-expanded={false}
            >
              {f.t('planner.candidate.propose')}
            </button>
          </div>
        ))}
    </li>
  );
}
