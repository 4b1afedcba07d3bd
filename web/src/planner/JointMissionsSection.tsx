import { useState } from 'react';
import { Link } from 'wouter';
import { useCan } from '../auth/viewer';
import { graphql } from '../gql';
import type { JointMissionStatus, PlannerJointMissionFragment } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { MunicipalityLink, RegionLink } from '../places/links';
import { requestsHref } from '../requests/filters';
import { StatusBadge } from '../requests/StatusBadge';
import { Badge, type Tone } from '../ui/Badge';
import { useVocabulary } from '../vocabulary/vocabularies';
import { ApproveForm, RejectForm } from './DecideForms';
import { textLanguage, writeDates } from './text';

// The fields every joint mission shows here; the mutations answer with them, so the cache updates the card in place.
graphql(`
  fragment PlannerJointMission on JointMission {
    id
    status
    startDate
    endDate
    countryCode
    regionCodes
    missionType
    estimatedCostEur
    budgetEur
    rationale
    rejectionReason
    note
    proposedOn
    decidedOn
    requestIds
    municipalities {
      nisCode
      name
    }
    requests {
      id
      status
      startDate
      endDate
      municipality {
        nisCode
        name
      }
    }
    staffMembers {
      id
      name
    }
  }
`);

const tones: Record<JointMissionStatus, Tone> = { PROPOSED: 'info', APPROVED: 'ok', REJECTED: 'bad' };
const order: Record<JointMissionStatus, number> = { PROPOSED: 0, APPROVED: 1, REJECTED: 2 };

/** Joint missions in the period: what is proposed first (it waits for a decision), then what was decided. */
export function JointMissionsSection({ jointMissions }: { jointMissions: readonly PlannerJointMissionFragment[] }) {
  const f = useFormat();
  const sorted = [...jointMissions].sort(
    (a, b) => order[a.status] - order[b.status] || a.startDate.localeCompare(b.startDate),
  );
  if (sorted.length === 0) return <p className="notice">{f.t('planner.missions.empty')}</p>;
  return (
    <ul className="planner-list">
      {sorted.map((jm) => (
        <JointMissionCard key={jm.id} jointMission={jm} />
      ))}
    </ul>
  );
}

function JointMissionCard({ jointMission: jm }: { jointMission: PlannerJointMissionFragment }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const mayApprove = useCan('approveJointMission');
  const mayReject = useCan('rejectJointMission');
  const [deciding, setDeciding] = useState<'approve' | 'reject'>();
  const [done, setDone] = useState<MessageId>();
  // The inbox, narrowed to the visits in its window and region (or country, when it spans regions).
  const inbox = requestsHref({
    ...(jm.regionCodes.length === 1 ? { regionCode: jm.regionCodes[0] } : { countryCode: jm.countryCode }),
    from: jm.startDate,
    to: jm.endDate,
  });
  const decidedOn = jm.decidedOn ? `, ${f.t('planner.mission.decidedOn', { date: f.date(jm.decidedOn) })}` : '';
  return (
    <li className="card planner-card" id={`jm-${jm.id}`} tabIndex={-1}>
      <div className="planner-card__head">
        <div>
          <h3>
            {jm.regionCodes.map((code, i) => (
              <span key={code}>
                {i > 0 && ', '}
                <RegionLink regionCode={code}>{vocabulary.region(code)}</RegionLink>
              </span>
            ))}
          </h3>
          <p className="planner-card__sub">
            {f.t('planner.mission.proposedOn', { date: f.date(jm.proposedOn) })}
            {decidedOn}
          </p>
        </div>
        <Badge tone={tones[jm.status]}>{f.t(`planner.status.${jm.status}`)}</Badge>
      </div>
      <div className="planner-columns">
        <dl className="facts">
          <dt>{f.t('planner.mission.window')}</dt>
          <dd>
            {f.date(jm.startDate)} – {f.date(jm.endDate)}
          </dd>
          <dt>{f.t('planner.mission.missionType')}</dt>
          <dd>{vocabulary.label('missionTypes', jm.missionType)}</dd>
          <dt>{f.t('planner.mission.requests')}</dt>
          <dd>
            <ul className="planner-names" style={{ flexDirection: 'column' }}>
              {jm.requests.map((r) => (
                <li key={r.id}>
                  <MunicipalityLink nisCode={r.municipality.nisCode}>
                    {r.municipality.name ?? r.municipality.nisCode}
                  </MunicipalityLink>{' '}
                  <Link to={`/aanvragen/${encodeURIComponent(r.id)}`} className="small">
                    {f.shortDate(r.startDate)} – {f.shortDate(r.endDate)}
                  </Link>{' '}
                  <StatusBadge status={r.status} />
                </li>
              ))}
            </ul>
          </dd>
          {jm.staffMembers.length > 0 && (
            <>
              <dt>{f.t('planner.mission.staff')}</dt>
              <dd>{jm.staffMembers.map((s) => s.name ?? s.id).join(', ')}</dd>
            </>
          )}
        </dl>
        <dl className="facts" style={{ alignContent: 'start' }}>
          <dt>{f.t('planner.mission.estimate')}</dt>
          <dd className="num" style={{ textAlign: 'right' }}>
            {jm.estimatedCostEur === null || jm.estimatedCostEur === undefined
              ? f.t('none')
              : f.euro(jm.estimatedCostEur)}
          </dd>
          {jm.budgetEur !== null && jm.budgetEur !== undefined && (
            <>
              <dt>{f.t('planner.mission.budget')}</dt>
              <dd className="num" style={{ textAlign: 'right' }}>
                {f.euro(jm.budgetEur)}
              </dd>
            </>
          )}
        </dl>
      </div>
      <p className="small" style={{ margin: '12px 0 0' }}>
        <Link to={inbox}>{f.t('planner.mission.inbox')}</Link>
      </p>
      <p className="planner-why">
        <strong>{f.t('planner.mission.rationale')}: </strong>
        <FreeText text={jm.rationale} />
      </p>
      {jm.rejectionReason && (
        <p className="planner-why planner-why--bad">
          <strong>{f.t('planner.mission.rejection')}: </strong>
          <FreeText text={jm.rejectionReason} />
        </p>
      )}
      {jm.note && (
        <p className="small" style={{ marginTop: 12 }}>
          <strong>{f.t('planner.mission.note')}: </strong>
          <FreeText text={jm.note} />
        </p>
      )}
      {done && (
        <p className="notice notice--ok" role="status" style={{ marginTop: 12 }}>
          {f.t(done)}
        </p>
      )}
      {jm.status === 'PROPOSED' && (mayApprove || mayReject) && (
        <>
          {deciding === 'approve' ? (
            <ApproveForm
              jointMission={jm}
              onDone={() => {
                setDeciding(undefined);
                setDone('planner.approve.done');
              }}
              onCancel={() => setDeciding(undefined)}
            />
          ) : deciding === 'reject' ? (
            <RejectForm
              jointMission={jm}
              onDone={() => {
                setDeciding(undefined);
                setDone('planner.reject.done');
              }}
              onCancel={() => setDeciding(undefined)}
            />
          ) : (
            <div className="form-actions">
              {mayApprove && (
                <button type="button" className="button button--primary" onClick={() => setDeciding('approve')}>
                  {f.t('planner.mission.approve')}
                </button>
              )}
              {mayReject && (
                <button type="button" className="button button--danger" onClick={() => setDeciding('reject')}>
                  {f.t('planner.mission.reject')}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </li>
  );
}

/** What a person wrote, in the language they wrote it in (see text.ts). */
function FreeText({ text }: { text: string }) {
  const f = useFormat();
  const lang = textLanguage(text);
  return <span lang={lang}>{lang ? writeDates(text, lang) : f.sentence(text)}</span>;
}
