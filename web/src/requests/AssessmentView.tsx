import { useMutation, useQuery } from 'urql';
import { useCan, useViewer } from '../auth/viewer';
import { readerRoles } from '../auth/roles';
import { graphql } from '../gql';
import { useFormat } from '../i18n/format';
import { useLanguage } from '../i18n/locale';
import { Badge } from '../ui/Badge';
import { MutationError } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { RecommendationBadge } from './StatusBadge';
import type { RequestDetail } from './types';
import { Personal } from '../ui/Erased';

const ResourcesDocument = graphql(`
  query AssessmentResources($year: Int!) {
    staffCapacity(year: $year) {
      staffMemberId
      year
      name
      freeDays
    }
    budgets(fromYear: $year, toYear: $year) {
      year
      unreservedEur
    }
  }
`);

const ReassessDocument = graphql(`
  mutation Reassess($requestId: ID!) {
    assessAccompanimentRequest(requestId: $requestId) {
      id
      assessment {
        assessedOn
        recommendation
      }
    }
  }
`);

/**
 * The assessment as the source document reasons: the visit's purpose and the
 * additional reasons it needs, then staff time, then budget; the first factor
 * that fails gives the decline reason. Staff see the figures it compared.
 */
export function AssessmentView({ request }: { request: RequestDetail }) {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const { language } = useLanguage();
  const canReassess = useCan('assessAccompanimentRequest');
  const reader = readerRoles.has(viewer.role);
  const year = Number(request.startDate.slice(0, 4));
  const [{ data: resources }] = useQuery({ query: ResourcesDocument, variables: { year }, pause: !reader });
  const [reassessed, reassess] = useMutation(ReassessDocument);
  const a = request.assessment;

  if (!a) {
    return (
      <section className="card" aria-labelledby="assessment-title">
        <h2 id="assessment-title">{f.t('assessment.title')}</h2>
        <p>{f.t('assessment.none')}</p>
      </section>
    );
  }
  const freeDays = resources ? Math.max(0, ...resources.staffCapacity.map((s) => s.freeDays)) : undefined;
  const unreserved = resources?.budgets[0]?.unreservedEur;
  const claimed = request.reasons;
  const derived = a.derivedReasons;
  const explanation = language === 'en' ? a.explanationEn : a.explanation;
  const verdict = (ok: boolean) => (
    <Badge tone={ok ? 'ok' : 'bad'}>{f.t(ok ? 'assessment.ok' : 'assessment.notOk')}</Badge>
  );

  return (
    <section className="card" aria-labelledby="assessment-title">
      <div className="chart__head">
        <h2 id="assessment-title">{f.t('assessment.title')}</h2>
        <RecommendationBadge decision={a.recommendation} />
      </div>
      <p className="small muted">{f.t('assessment.meta', { date: f.date(a.assessedOn), policy: a.policyVersion })}</p>

      <div className={`factor factor--${a.opportune ? 'ok' : 'bad'}`}>
        <h3>
          {f.t('assessment.factor1')} {verdict(a.opportune)}
        </h3>
        <p>
          {f.t('assessment.factor1.body', {
            type: vocabulary.label('missionTypes', request.missionType).toLowerCase(),
            rank: vocabulary.missionRank(request.missionType) ?? '?',
            required: a.requiredReasons,
            satisfied: a.satisfiedReasons.length,
          })}
        </p>
        <dl className="facts">
          <dt>{f.t('assessment.claimed')}</dt>
          <dd>
            {claimed.length
              ? claimed.map((r) => vocabulary.label('additionalReasons', r)).join('; ')
              : f.t('assessment.noneListed')}
          </dd>
          <dt>{f.t('assessment.derived')}</dt>
          <dd>
            {derived.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {derived.map((r) => (
                  <li key={r}>
                    {vocabulary.label('additionalReasons', r)}:{' '}
                    <span className="muted">{f.t(`assessment.why.${r}` as 'assessment.why.FOLLOW_UP')}</span>
                  </li>
                ))}
              </ul>
            ) : (
              f.t('assessment.noneListed')
            )}
          </dd>
        </dl>
      </div>

      <div className={`factor factor--${a.staffTimeAvailable ? 'ok' : 'bad'}`}>
        <h3>
          {f.t('assessment.factor2')} {verdict(a.staffTimeAvailable)}
        </h3>
        {!reader ? (
          <p>{f.t('assessment.factor2.coordinator', { needed: f.days(a.daysNeeded) })}</p>
        ) : freeDays !== undefined ? (
          <>
            <p>{f.t('assessment.factor2.body', { needed: f.days(a.daysNeeded), year, free: f.days(freeDays) })}</p>
            <Meter value={a.daysNeeded} max={Math.max(freeDays, a.daysNeeded)} bad={!a.staffTimeAvailable} />
          </>
        ) : (
          <p>{f.days(a.daysNeeded)}</p>
        )}
      </div>

      <div className={`factor factor--${a.budgetAvailable ? 'ok' : 'bad'}`}>
        <h3>
          {f.t('assessment.factor3')} {verdict(a.budgetAvailable)}
        </h3>
        {/* The figures are for staff; coordinators get neither the cost nor the budget. */}
        {!reader ? (
          <p>{f.t('assessment.factor3.coordinator')}</p>
        ) : unreserved !== undefined && a.estimatedCostEur != null ? (
          <>
            <p>
              {f.t('assessment.factor3.body', {
                cost: f.euro(a.estimatedCostEur),
                year,
                unreserved: f.euro(unreserved),
              })}
            </p>
            <Meter value={a.estimatedCostEur} max={Math.max(unreserved, a.estimatedCostEur)} bad={!a.budgetAvailable} />
          </>
        ) : null}
      </div>

      <h3>{f.t('assessment.explanation')}</h3>
      <ul>
        {explanation.map((sentence, i) => (
          <li key={i}>
            <Personal value={f.sentence(sentence)} />
          </li>
        ))}
      </ul>
      {canReassess && request.status === 'SUBMITTED' && (
        <div className="row">
          <button
            type="button"
            className="button"
            disabled={reassessed.fetching}
            onClick={() => void reassess({ requestId: request.id })}
          >
            {f.t('assessment.reassess')}
          </button>
          {reassessed.data && !reassessed.error && (
            <span role="status" className="small">
              {f.t('assessment.reassessed')}
            </span>
          )}
        </div>
      )}
      {reassessed.error && (
        <MutationError
          error={reassessed.error}
          role={viewer.role}
          retry={() => void reassess({ requestId: request.id })}
        />
      )}
    </section>
  );
}

/** How much of what is available the request needs; the numbers beside it say the same. */
function Meter({ value, max, bad }: { value: number; max: number; bad: boolean }) {
  const share = max > 0 ? Math.min(1, value / max) : 1;
  return (
    <div className={`meter${bad ? ' meter--bad' : ''}`} aria-hidden="true">
      <span style={{ width: `${Math.round(share * 100)}%` }} />
    </div>
  );
}
