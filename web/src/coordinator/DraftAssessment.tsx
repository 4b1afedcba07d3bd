import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { DraftRequestInput } from '../gql/graphql';
import { errorKind, apiMessage } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { useLanguage } from '../i18n/locale';
import { Badge } from '../ui/Badge';
import { Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';

const DraftDocument = graphql(`
  query DraftAssessment($input: DraftRequestInput!) {
    assessDraftRequest(input: $input) {
      requiredReasons
      claimedReasons
      satisfiedReasons
      derivedReasons {
        reason
        why {
          nl
          en
        }
      }
      opportune
      staffTimeAvailable
      budgetAvailable
      recommendation
      daysNeeded
      explanation
      explanationEn
    }
  }
`);

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The assessment the request would get as it stands, from a query that
 * stores nothing: the coordinator learns the rule before submitting.
 */
export function DraftAssessment({ input }: { input: DraftRequestInput | undefined }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const { language } = useLanguage();
  const key = JSON.stringify(input ?? null);
  const debounced = useDebounced(key, 400);
  const draft = JSON.parse(debounced) as DraftRequestInput | null;
  const [{ data, error, fetching }] = useQuery({
    query: DraftDocument,
    variables: { input: draft as DraftRequestInput },
    pause: !draft,
    requestPolicy: 'network-only',
  });
  const a = data?.assessDraftRequest;
  return (
    <section className="card" aria-labelledby="draft-title" aria-live="polite" aria-busy={fetching}>
      <h2 id="draft-title">{f.t('draft.title')}</h2>
      <p className="small muted">{f.t('draft.lead')}</p>
      {!draft ? (
        <p>{f.t('draft.incomplete')}</p>
      ) : error && !a ? (
        <p className="muted" lang={errorKind(error) === 'badInput' ? 'en' : undefined}>
          {apiMessage(error)}
        </p>
      ) : !a ? (
        <Loading />
      ) : (
        <>
          <p>
            <Badge tone={a.recommendation === 'ACCEPT' ? 'ok' : 'warn'}>
              {f.t('draft.recommendation', { decision: vocabulary.label('decisions', a.recommendation) })}
            </Badge>
          </p>
          <div className={`factor factor--${a.opportune ? 'ok' : 'bad'}`}>
            <p>
              {f.t('draft.required', {
                type: vocabulary.label('missionTypes', draft.missionType).toLowerCase(),
                required: a.requiredReasons,
                count: a.satisfiedReasons.length,
              })}
            </p>
            <dl className="facts">
              <dt>{f.t('draft.claimed')}</dt>
              <dd>
                {a.claimedReasons.map((r) => vocabulary.label('additionalReasons', r)).join('; ') || f.t('draft.none')}
              </dd>
              <dt>{f.t('draft.derived')}</dt>
              <dd>
                {a.derivedReasons.length ? (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {a.derivedReasons.map((d) => (
                      <li key={d.reason}>
                        {vocabulary.label('additionalReasons', d.reason)}
                        {d.why && <span className="muted">: {f.sentence(d.why[language])}</span>}
                      </li>
                    ))}
                  </ul>
                ) : (
                  f.t('draft.none')
                )}
              </dd>
            </dl>
          </div>
          <div className={`factor factor--${a.staffTimeAvailable ? 'ok' : 'bad'}`}>
            <p>{f.t('draft.staff', { ok: String(a.staffTimeAvailable), days: f.days(a.daysNeeded) })}</p>
          </div>
          <div className={`factor factor--${a.budgetAvailable ? 'ok' : 'bad'}`}>
            <p>{f.t('draft.budget', { ok: String(a.budgetAvailable) })}</p>
          </div>
          <ul className="small">
            {(language === 'en' ? a.explanationEn : a.explanation).map((sentence, i) => (
              <li key={i}>{f.sentence(sentence)}</li>
            ))}
          </ul>
          <p className="small muted">{f.t('draft.note')}</p>
        </>
      )}
    </section>
  );
}
