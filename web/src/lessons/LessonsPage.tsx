import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useClient, useQuery, type OperationResult } from 'urql';
import { Link, useSearchParams } from 'wouter';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { LessonsCsvQuery, LessonsPageQuery } from '../gql/graphql';
import { useFormat, type Formatters } from '../i18n/format';
import { useLanguage } from '../i18n/locale';
import { MunicipalityLink, RegionLink } from '../places/links';
import { Pager } from '../ui/Pager';
import { Badge } from '../ui/Badge';
import { csvFileName, csvFormats, downloadCsv, toCsv, type CsvColumn } from '../ui/csv';
import { Page } from '../ui/Page';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary, type Vocabulary } from '../vocabulary/vocabularies';
import {
  facetKeys,
  isTicked,
  lessonHref,
  readLessonParams,
  toggleFacet,
  toLessonFilter,
  trailParam,
  writeLessonParams,
  type FacetKey,
  type LessonParams,
} from './filters';
import { excerpt, Highlighted, plainText } from './highlight';
import './lessons.css';

const LessonsDocument = graphql(`
  query LessonsPage($search: String, $filter: LessonFilter, $first: Int, $after: String) {
    lessons(search: $search, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        highlight {
          title
          snippet
        }
        node {
          id
          title
          body
          language
          level
          phase
          goodPractice
          recordedOn
          policyDomains
          missionType
          countryCode
          regionCode
          municipalities {
            nisCode
            name
          }
        }
      }
    }
    lessonFacets(search: $search, filter: $filter) {
      goodPractice {
        value
        count
      }
      policyDomains {
        value
        count
      }
      countries {
        value
        count
      }
      regions {
        value
        count
      }
      missionTypes {
        value
        count
      }
      phases {
        value
        count
      }
      levels {
        value
        count
      }
    }
  }
`);

const CsvDocument = graphql(`
  query LessonsCsv($search: String, $filter: LessonFilter, $first: Int, $after: String) {
    lessons(search: $search, filter: $filter, first: $first, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          title
          body
          language
          level
          phase
          goodPractice
          recordedOn
          policyDomains
          missionType
          countryCode
          regionCode
          author {
            id
            name
          }
          municipalities {
            nisCode
            name
          }
        }
      }
    }
  }
`);

type Edge = LessonsPageQuery['lessons']['edges'][number];
type Facets = LessonsPageQuery['lessonFacets'];
type CsvRow = LessonsCsvQuery['lessons']['edges'][number]['node'];

const pageSize = 20;
/** A CSV holds at most this many lessons (ten pages of the API's largest). */
const csvLimit = 1000;
/** Values a facet shows before "show all". */
const facetPreview = 6;
/** Typing waits this long before it searches. */
const searchDelay = 300;

const facetField: Record<FacetKey, keyof Omit<Facets, '__typename'>> = {
  goodPractice: 'goodPractice',
  policyDomains: 'policyDomains',
  countryCodes: 'countries',
  regionCodes: 'regions',
  missionTypes: 'missionTypes',
  phases: 'phases',
  levels: 'levels',
};

function facetLabel(facet: FacetKey, value: string, f: Formatters, vocabulary: Vocabulary): string {
  switch (facet) {
    case 'goodPractice':
      return f.t(value === 'true' ? 'lessons.facet.goodPractice.true' : 'lessons.facet.goodPractice.false');
    case 'policyDomains':
      return vocabulary.label('policyDomains', value);
    case 'countryCodes':
      return vocabulary.country(value);
    case 'regionCodes':
      return vocabulary.region(value);
    case 'missionTypes':
      return vocabulary.label('missionTypes', value);
    case 'phases':
      return vocabulary.label('phases', value);
    case 'levels':
      return f.t(value === 'RESULTS' ? 'lessons.level.RESULTS' : 'lessons.level.PROCESS');
  }
}

export default function LessonsPage() {
  const f = useFormat();
  const viewer = useViewer();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readLessonParams(search), [search]);
  const trail = useMemo(() => (search.get(trailParam) ?? '').split(',').filter(Boolean), [search]);
  const after = trail.at(-1) ?? null;
  const filter = useMemo(() => toLessonFilter(params), [params]);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: LessonsDocument,
    variables: { search: params.search ?? null, filter, first: pageSize, after },
  });

  const update = (next: LessonParams) => {
    const query = writeLessonParams(next, search);
    query.delete(trailParam);
    setSearch(query, { replace: true });
  };
  const goTo = (cursors: string[]) => {
    const next = new URLSearchParams(search);
    if (cursors.length) next.set(trailParam, cursors.join(','));
    else next.delete(trailParam);
    setSearch(next);
  };

  const connection = data?.lessons;
  const tickedCount = facetKeys.reduce(
    (n, key) => n + (key === 'goodPractice' ? (params.goodPractice === undefined ? 0 : 1) : (params[key]?.length ?? 0)),
    0,
  );
  const ticked = tickedCount > 0;
  // On a phone the facets fold away above the results (CSS shows them always on wider screens).
  const [facetsShown, setFacetsShown] = useState(false);

  return (
    <Page title={f.t('lessons.title')} lead={f.t('lessons.lead')} busy={fetching || (!data && !error)}>
      <SearchBox value={params.search ?? ''} onSearch={(text) => update({ ...params, search: text || undefined })} />
      <div className="lessons-layout">
        <aside className="card lessons-facets" aria-labelledby="lessons-facets-title">
          <div className="lessons-facets__head">
            <h2 id="lessons-facets-title">{f.t('lessons.facets')}</h2>
            {ticked && (
              <button type="button" className="link-button" onClick={() => update({ search: params.search })}>
                {f.t('lessons.facets.clear')}
              </button>
            )}
          </div>
          <button
            type="button"
            className="button button--small lessons-facets__toggle"
            aria-expanded={facetsShown}
            aria-controls="lessons-facet-groups"
            onClick={() => setFacetsShown(!facetsShown)}
          >
            {f.t(facetsShown ? 'lessons.facets.hide' : 'lessons.facets.show', { count: tickedCount })}
          </button>
          <div
            id="lessons-facet-groups"
            className={facetsShown ? 'lessons-facets__groups' : 'lessons-facets__groups lessons-facets__groups--folded'}
          >
            {data ? (
              facetKeys.map((facet) => (
                <FacetGroup
                  key={facet}
                  facet={facet}
                  counts={data.lessonFacets[facetField[facet]]}
                  params={params}
                  onToggle={(value, on) => update(toggleFacet(params, facet, value, on))}
                />
              ))
            ) : (
              <Loading lines={8} />
            )}
          </div>
        </aside>
        <section className="lessons-results" aria-labelledby="lessons-count">
          {error && !data ? (
            <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
          ) : !connection ? (
            <Loading lines={10} />
          ) : (
            <>
              <div className="lessons-results__head">
                <p id="lessons-count" aria-live="polite">
                  <strong>
                    {params.search
                      ? f.t('lessons.countFor', { count: connection.totalCount, search: params.search })
                      : f.t('lessons.count', { count: connection.totalCount })}
                  </strong>
                  {trail.length > 0 && (
                    <span className="muted"> · {f.t('pager.page', { page: trail.length + 1 })}</span>
                  )}
                </p>
                <CsvButton
                  search={params.search}
                  params={params}
                  count={connection.totalCount}
                  disabled={connection.totalCount === 0}
                />
              </div>
              {connection.edges.length === 0 ? (
                <p className="notice">{f.t('lessons.empty')}</p>
              ) : (
                <ol className="lessons-list" start={trail.length * pageSize + 1}>
                  {connection.edges.map((edge) => (
                    <LessonResult key={edge.node.id} edge={edge} />
                  ))}
                </ol>
              )}
              {(trail.length > 0 || connection.pageInfo.hasNextPage) && (
                <Pager trail={trail} pageInfo={connection.pageInfo} goTo={goTo} />
              )}
            </>
          )}
        </section>
      </div>
    </Page>
  );
}

/** The search box: searches as one types (after a pause) and at once on Enter. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const f = useFormat();
  const id = useId();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  // The URL changed elsewhere (back, a link, clearing): show what it says.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  const send = (next: string) => {
    const trimmed = next.trim();
    if (trimmed === sent.current) return;
    sent.current = trimmed;
    onSearch(trimmed);
  };
  useEffect(() => {
    const timer = setTimeout(() => send(text), searchDelay);
    return () => clearTimeout(timer);
    // Only typing restarts the pause; send reads the latest onSearch through the render that scheduled it.
  }, [text]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(text);
  };
  return (
    <form role="search" className="card lessons-search" onSubmit={submit} aria-label={f.t('lessons.search.label')}>
      <div className="field">
        <label htmlFor={id}>{f.t('lessons.search.label')}</label>
        <div className="lessons-search__row">
          <input
            id={id}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${id}-hint`}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="button button--primary">
            {f.t('lessons.search.submit')}
          </button>
        </div>
        <span className="field__hint" id={`${id}-hint`}>
          {f.t('lessons.search.hint')}
        </span>
      </div>
    </form>
  );
}

function FacetGroup({
  facet,
  counts,
  params,
  onToggle,
}: {
  facet: FacetKey;
  counts: readonly { value: string; count: number }[];
  params: LessonParams;
  onToggle: (value: string, on: boolean) => void;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const legend = useId();
  const [open, setOpen] = useState(false);
  // A ticked value stays visible (with 0) even when the search leaves no lesson with it.
  const ticked: string[] =
    facet === 'goodPractice'
      ? params.goodPractice === undefined
        ? []
        : [String(params.goodPractice)]
      : (params[facet] ?? []);
  const values = [
    ...counts,
    ...ticked.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 })),
  ];
  const shown = open ? values : values.filter((v, i) => i < facetPreview || ticked.includes(v.value));
  return (
    <fieldset className="lessons-facet" aria-labelledby={legend}>
      <legend id={legend} className="field__label">
        {f.t(`lessons.facet.${facet}`)}
      </legend>
      {values.length === 0 ? (
        <p className="muted small">{f.t('lessons.facet.none')}</p>
      ) : (
        <div className="checks">
          {shown.map(({ value, count }) => (
            <label key={value}>
              <input
                type="checkbox"
                checked={isTicked(params, facet, value)}
                onChange={(e) => onToggle(value, e.target.checked)}
              />
              <span>
                {facetLabel(facet, value, f, vocabulary)} <span className="muted">({f.number(count)})</span>
              </span>
            </label>
          ))}
        </div>
      )}
      {values.length > facetPreview && (
        <button type="button" className="link-button small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? f.t('lessons.facet.less') : f.t('lessons.facet.more', { count: values.length })}
        </button>
      )}
    </fieldset>
  );
}

function LessonResult({ edge }: { edge: Edge }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const lesson = edge.node;
  const title = edge.highlight?.title ?? lesson.title;
  const snippet = edge.highlight?.snippet ?? excerpt(lesson.body);
  return (
    <li className={`lesson-result${lesson.goodPractice ? ' lesson-result--good' : ''}`}>
      <article aria-labelledby={`lesson-${lesson.id}`}>
        <div className="lesson-result__badges">
          {lesson.goodPractice && <Badge tone="ok">{f.t('lessons.goodPractice')}</Badge>}
          {lesson.policyDomains.map((d) => (
            <span key={d} className="badge badge--muted">
              {vocabulary.label('policyDomains', d)}
            </span>
          ))}
        </div>
        <h3 id={`lesson-${lesson.id}`} lang={lesson.language}>
          <Link to={lessonHref(lesson.id)}>
            <Highlighted text={title} />
          </Link>
        </h3>
        <p className="lesson-result__snippet" lang={lesson.language}>
          <Highlighted text={snippet} />
        </p>
        <p className="lesson-result__meta small muted">
          {lesson.regionCode && (
            <RegionLink regionCode={lesson.regionCode}>{vocabulary.region(lesson.regionCode)}</RegionLink>
          )}
          {lesson.municipalities.length > 0 && (
            <>
              {lesson.regionCode && ' · '}
              {lesson.municipalities.map((m, i) => (
                <span key={m.nisCode}>
                  {i > 0 && ', '}
                  <MunicipalityLink nisCode={m.nisCode}>{m.name ?? m.nisCode}</MunicipalityLink>
                </span>
              ))}
            </>
          )}
          {lesson.missionType && ` · ${vocabulary.label('missionTypes', lesson.missionType)}`}
          {` · ${f.t(lesson.level === 'RESULTS' ? 'lessons.level.RESULTS' : 'lessons.level.PROCESS')}`}
          {` · ${f.t('lessons.meta.recorded', { date: f.shortDate(lesson.recordedOn) })}`}
        </p>
      </article>
    </li>
  );
}

/** Downloads every lesson of the search and filter (not only the page shown) as CSV. */
function CsvButton({
  search,
  params,
  count,
  disabled,
}: {
  search: string | undefined;
  params: LessonParams;
  count: number;
  disabled: boolean;
}) {
  const f = useFormat();
  const client = useClient();
  const vocabulary = useVocabulary();
  const { language } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const rows: CsvRow[] = [];
      let after: string | null = null;
      do {
        const result: OperationResult<LessonsCsvQuery> = await client
          .query(
            CsvDocument,
            { search: search ?? null, filter: toLessonFilter(params), first: 100, after },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        if (result.error || !result.data) throw result.error ?? new Error('no data');
        rows.push(...result.data.lessons.edges.map((e) => e.node));
        const page = result.data.lessons.pageInfo;
        after = page.hasNextPage ? (page.endCursor ?? null) : null;
      } while (after && rows.length < csvLimit);
      const yesNo = (value: boolean) => (language === 'nl' ? (value ? 'ja' : 'nee') : value ? 'yes' : 'no');
      const columns: CsvColumn<CsvRow>[] = [
        { header: f.t('lessons.col.title'), value: (r) => plainText(r.title) },
        { header: f.t('lessons.col.goodPractice'), value: (r) => yesNo(r.goodPractice) },
        { header: f.t('lessons.col.recordedOn'), value: (r) => r.recordedOn },
        { header: f.t('lessons.col.language'), value: (r) => r.language },
        {
          header: f.t('lessons.col.level'),
          value: (r) => f.t(r.level === 'RESULTS' ? 'lessons.level.RESULTS' : 'lessons.level.PROCESS'),
        },
        { header: f.t('lessons.col.phase'), value: (r) => vocabulary.label('phases', r.phase) },
        {
          header: f.t('lessons.col.domains'),
          value: (r) => r.policyDomains.map((d) => vocabulary.label('policyDomains', d)).join(', '),
        },
        {
          header: f.t('lessons.col.missionType'),
          value: (r) => (r.missionType ? vocabulary.label('missionTypes', r.missionType) : ''),
        },
        { header: f.t('lessons.col.country'), value: (r) => (r.countryCode ? vocabulary.country(r.countryCode) : '') },
        {
          header: f.t('lessons.col.region'),
          value: (r) => (r.regionCode ? vocabulary.label('regions', r.regionCode) : ''),
        },
        {
          header: f.t('lessons.col.municipalities'),
          value: (r) => r.municipalities.map((m) => m.name ?? m.nisCode).join(', '),
        },
        { header: f.t('lessons.col.author'), value: (r) => r.author.name ?? '' },
        { header: f.t('lessons.col.body'), value: (r) => r.body },
        { header: f.t('lessons.col.link'), value: (r) => new URL(lessonHref(r.id), window.location.origin).href },
      ];
      downloadCsv(csvFileName(f.t('lessons.csv.file')), toCsv(columns, rows, csvFormats[language]));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="row">
      {failed && (
        <span className="field__error" role="alert">
          {f.t('state.error.generic')}
        </span>
      )}
      <button
        type="button"
        className="button button--small"
        disabled={disabled || busy}
        aria-label={busy ? f.t('lessons.csv.busy') : f.t('lessons.csv.hint', { count: Math.min(count, csvLimit) })}
        title={f.t('lessons.csv.hint', { count: Math.min(count, csvLimit) })}
        onClick={() => void download()}
      >
        {busy ? f.t('lessons.csv.busy') : f.t('lessons.csv')}
      </button>
    </div>
  );
}
