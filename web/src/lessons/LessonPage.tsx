import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { useCan, useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { LessonPageQuery } from '../gql/graphql';
import { errorKind, fieldErrors } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { MunicipalityLink, RegionLink } from '../places/links';
import { Badge } from '../ui/Badge';
import { Field } from '../ui/Field';
import { Page } from '../ui/Page';
import { ErrorState, Loading, MutationError } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { lessonHref, lessonsHref } from './filters';
import { excerpt } from './highlight';
import './lessons.css';
import { Personal } from '../ui/Erased';

const LessonDocument = graphql(`
  query LessonPage($id: ID!) {
    lesson(id: $id) {
      id
      title
      body
      language
      level
      phase
      policyDomains
      sdgs
      dacCriteria
      missionType
      countryCode
      regionCode
      recordedOn
      goodPractice
      promotedOn
      retracted
      retractionReason
      editedCount
      author {
        id
        name
      }
      municipalities {
        nisCode
        name
      }
      mission {
        id
        missionType
        startDate
        endDate
        regionCode
        countryCode
        staffNames
        reportSummary
        municipalities {
          nisCode
          name
        }
      }
    }
  }
`);

const RelatedDocument = graphql(`
  query LessonPageRelated($filter: LessonFilter!) {
    lessons(filter: $filter, first: 7) {
      totalCount
      edges {
        node {
          id
          title
          body
          language
          goodPractice
          recordedOn
          municipalities {
            nisCode
            name
          }
        }
      }
    }
  }
`);

const PromoteDocument = graphql(`
  mutation LessonPagePromote($lessonId: ID!, $rationale: String) {
    promoteToGoodPractice(lessonId: $lessonId, rationale: $rationale) {
      id
      goodPractice
      promotedOn
    }
  }
`);

type Lesson = NonNullable<LessonPageQuery['lesson']>;

export default function LessonPage() {
  const f = useFormat();
  const viewer = useViewer();
  const { id = '' } = useParams<{ id: string }>();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: LessonDocument, variables: { id } });
  const lesson = data?.lesson;
  const breadcrumb = <Link to="/lessen">{f.t('lesson.back')}</Link>;

  if (error && !data)
    return (
      <Page title={f.t('lessons.title')} busy={false} breadcrumb={breadcrumb}>
        <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      </Page>
    );
  if (!data)
    return (
      <Page title={f.t('lessons.title')} busy breadcrumb={breadcrumb}>
        <Loading lines={8} />
      </Page>
    );
  if (!lesson)
    return (
      <Page title={f.t('state.notFound.title')} busy={false} breadcrumb={breadcrumb}>
        <p className="notice">{f.t('lesson.notFound')}</p>
      </Page>
    );
  return (
    <Page title={lesson.title} busy={fetching} breadcrumb={breadcrumb}>
      <LessonView lesson={lesson} />
    </Page>
  );
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const mayPromote = useCan('promoteToGoodPractice');
  const [promoted, setPromoted] = useState(false);
  const domains = lesson.policyDomains.map((d) => vocabulary.label('policyDomains', d));
  return (
    <div className="grid grid--2">
      <section className="card grid__wide" aria-labelledby="lesson-text-title">
        <h2 id="lesson-text-title" className="visually-hidden">
          {f.t('lessons.col.body')}
        </h2>
        <div className="lesson-result__badges" style={{ marginBottom: 12 }}>
          {lesson.goodPractice && <Badge tone="ok">{f.t('lessons.goodPractice')}</Badge>}
          {lesson.retracted && <Badge tone="bad">{f.t('lessons.retracted')}</Badge>}
          {domains.map((d) => (
            <span key={d} className="badge badge--muted">
              {d}
            </span>
          ))}
        </div>
        <p className="lesson-text" lang={lesson.language}>
          <Personal value={lesson.body} />
        </p>
        {lesson.goodPractice && lesson.promotedOn && (
          <p className="small muted">{f.t('lesson.promotedOn', { date: f.date(lesson.promotedOn) })}</p>
        )}
        <div role="status">
          {promoted && lesson.goodPractice && <p className="notice notice--ok">{f.t('lesson.promote.done')}</p>}
        </div>
        {lesson.retracted && lesson.retractionReason && (
          <p className="notice notice--warn">{f.t('lesson.retractedBecause', { reason: lesson.retractionReason })}</p>
        )}
      </section>

      <section className="card" aria-labelledby="lesson-facts-title">
        <h2 id="lesson-facts-title">{f.t('lesson.facts')}</h2>
        <dl className="facts">
          <dt>{f.t('lesson.author')}</dt>
          <dd>
            <Personal value={lesson.author.name} fallback={f.t('none')} />
          </dd>
          <dt>{f.t('lesson.recordedOn')}</dt>
          <dd>
            {f.date(lesson.recordedOn)}
            {lesson.editedCount > 0 && (
              <span className="muted"> · {f.t('lesson.edited', { count: lesson.editedCount })}</span>
            )}
          </dd>
          <dt>{f.t('lesson.language')}</dt>
          <dd>{f.t(`lesson.language.${lesson.language}` as MessageId)}</dd>
          <dt>{f.t('lesson.level')}</dt>
          <dd>{f.t(lesson.level === 'RESULTS' ? 'lessons.level.RESULTS' : 'lessons.level.PROCESS')}</dd>
          <dt>{f.t('lesson.phase')}</dt>
          <dd>{vocabulary.label('phases', lesson.phase)}</dd>
          <dt>{f.t('lesson.domains')}</dt>
          <dd>{domains.join(', ') || f.t('none')}</dd>
          {lesson.sdgs.length > 0 && (
            <>
              <dt>{f.t('lesson.sdgs')}</dt>
              <dd>{lesson.sdgs.map((n) => `SDG ${n}`).join(', ')}</dd>
            </>
          )}
          {lesson.dacCriteria.length > 0 && (
            <>
              <dt>{f.t('lesson.dac')}</dt>
              <dd className="lesson-capitalised">
                {lesson.dacCriteria.map((c) => f.t(`lesson.dac.${c}` as MessageId)).join(', ')}
              </dd>
            </>
          )}
        </dl>
      </section>

      <MissionCard lesson={lesson} />

      <Related lesson={lesson} />

      {mayPromote && !lesson.goodPractice && !lesson.retracted && (
        <PromoteForm lessonId={lesson.id} onDone={() => setPromoted(true)} />
      )}
    </div>
  );
}

function MissionCard({ lesson }: { lesson: Lesson }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const mission = lesson.mission;
  const regionCode = mission?.regionCode ?? lesson.regionCode;
  const municipalities = mission?.municipalities ?? lesson.municipalities;
  const missionType = mission?.missionType ?? lesson.missionType;
  return (
    <section className="card" aria-labelledby="lesson-mission-title">
      <h2 id="lesson-mission-title">{f.t('lesson.mission')}</h2>
      {!mission && !lesson.missionType ? (
        <p className="muted">{f.t('lesson.mission.unknown')}</p>
      ) : (
        <dl className="facts">
          <dt>{f.t('lesson.mission.type')}</dt>
          <dd>{missionType ? vocabulary.label('missionTypes', missionType) : f.t('none')}</dd>
          {mission && (
            <>
              <dt>{f.t('lesson.mission.dates')}</dt>
              <dd>
                {f.t('lesson.mission.dateRange', { from: f.date(mission.startDate), to: f.date(mission.endDate) })}
              </dd>
            </>
          )}
          <dt>{f.t('lesson.mission.municipalities')}</dt>
          <dd>
            {municipalities.length === 0
              ? f.t('none')
              : municipalities.map((m, i) => (
                  <span key={m.nisCode}>
                    {i > 0 && ', '}
                    <MunicipalityLink nisCode={m.nisCode}>{m.name ?? m.nisCode}</MunicipalityLink>
                  </span>
                ))}
          </dd>
          <dt>{f.t('lesson.mission.region')}</dt>
          <dd>
            {regionCode ? (
              <RegionLink regionCode={regionCode}>{vocabulary.region(regionCode)}</RegionLink>
            ) : (
              f.t('none')
            )}
          </dd>
        </dl>
      )}
      {mission?.reportSummary && (
        <p className="small" style={{ marginTop: 12 }}>
          <Personal value={mission.reportSummary} />
        </p>
      )}
    </section>
  );
}

/** The other lessons of the lesson's region in any of its policy domains, good practices first. */
function Related({ lesson }: { lesson: Lesson }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const regionCode = lesson.regionCode;
  const filter = {
    ...(regionCode ? { regionCodes: [regionCode] } : {}),
    ...(lesson.policyDomains.length ? { policyDomains: lesson.policyDomains } : {}),
  };
  const [{ data }] = useQuery({ query: RelatedDocument, variables: { filter } });
  const others = (data?.lessons.edges ?? [])
    .map((e) => e.node)
    .filter((l) => l.id !== lesson.id)
    .slice(0, 6);
  const more = (data?.lessons.totalCount ?? 0) - (data?.lessons.edges.some((e) => e.node.id === lesson.id) ? 1 : 0);
  const domains = lesson.policyDomains.map((d) => vocabulary.label('policyDomains', d).toLowerCase()).join(', ');
  return (
    <section className="card grid__wide" aria-labelledby="lesson-related-title">
      <h2 id="lesson-related-title">
        {regionCode
          ? f.t('lesson.related', { region: vocabulary.region(regionCode), domains })
          : f.t('lesson.related.noRegion', { domains })}
      </h2>
      {!data ? (
        <Loading lines={3} />
      ) : others.length === 0 ? (
        <p className="muted">{f.t('lesson.related.empty')}</p>
      ) : (
        <>
          <ul className="lesson-related">
            {others.map((other) => (
              <li key={other.id}>
                <div className="row" style={{ gap: 8 }}>
                  {other.goodPractice && <Badge tone="ok">{f.t('lessons.goodPractice')}</Badge>}
                  <Link to={lessonHref(other.id)} lang={other.language}>
                    {other.title}
                  </Link>
                </div>
                <p className="small muted" style={{ margin: '4px 0 0' }} lang={other.language}>
                  {excerpt(other.body, 160)}
                </p>
                <p className="small muted" style={{ margin: 0 }}>
                  {other.municipalities.map((m) => m.name ?? m.nisCode).join(', ')} · {f.shortDate(other.recordedOn)}
                </p>
              </li>
            ))}
          </ul>
          {more > others.length && (
            <p style={{ marginTop: 12 }}>
              <Link to={lessonsHref({ regionCodes: filter.regionCodes, policyDomains: filter.policyDomains })}>
                {f.t('lesson.related.all')} ({f.number(more)})
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** Staff make the lesson a good practice, with why; the page shows it at once (the cache updates the lesson). */
function PromoteForm({ lessonId, onDone }: { lessonId: string; onDone: () => void }) {
  const f = useFormat();
  const viewer = useViewer();
  const [result, promote] = useMutation(PromoteDocument);
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const api = fieldErrors(result.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rationale.trim().length < 10) {
      setProblem(f.t('lesson.promote.required'));
      return;
    }
    setProblem(undefined);
    void promote({ lessonId, rationale: rationale.trim() }).then((r) => {
      if (r.data && !r.error) onDone();
    });
  };
  return (
    <form className="card grid__wide" onSubmit={submit} aria-labelledby="lesson-promote-title" noValidate>
      <h2 id="lesson-promote-title">{f.t('lesson.promote.title')}</h2>
      <p className="muted">{f.t('lesson.promote.lead')}</p>
      <Field
        label={f.t('lesson.promote.rationale')}
        hint={f.t('lesson.promote.hint')}
        error={problem ?? api.rationale}
        lang={!problem && api.rationale ? 'en' : undefined}
      >
        <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} maxLength={2000} rows={3} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {result.fetching ? f.t('lesson.promote.busy') : f.t('lesson.promote.submit')}
        </button>
      </div>
      {result.error && (errorKind(result.error) !== 'badInput' || !api.rationale) && (
        <MutationError error={result.error} role={viewer.role} />
      )}
    </form>
  );
}
