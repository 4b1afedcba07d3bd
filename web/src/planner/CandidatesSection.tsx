import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useCan } from '../auth/viewer';
import type { PlannerJointMissionFragment, PlannerPageQuery } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { useLanguage } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { MunicipalityLink, RegionLink } from '../places/links';
import { Badge } from '../ui/Badge';
import { useVocabulary } from '../vocabulary/vocabularies';
import { ProposeForm } from './ProposeForm';
import type { RequestVisitFacts } from './requestVisits';

type Candidate = PlannerPageQuery['jointMissionCandidates'][number];

/** A candidate is known by the requests it covers. */
const candidateKey = (c: Candidate) =>
  c.requests
    .map((r) => r.id)
    .sort()
    .join('+');

/** Joint-mission candidates, best saving first (the API's order), each with what one trip saves and why. */
export function CandidatesSection({
  candidates,
  visits,
  jointMissions,
}: {
  candidates: readonly Candidate[];
  visits: ReadonlyMap<string, RequestVisitFacts>;
  jointMissions: readonly PlannerJointMissionFragment[];
}) {
  const f = useFormat();
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
