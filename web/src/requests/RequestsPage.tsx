import { useMemo } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { Decision, MissionType, RequestStatus, RequestsPageQuery } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { DataTable } from '../ui/DataTable';
import { Page } from '../ui/Page';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { readRequestParams, toRequestFilter, writeRequestParams, type RequestParams } from './filters';
import { RecommendationBadge, StatusBadge } from './StatusBadge';

const RequestsDocument = graphql(`
  query RequestsPage($filter: RequestFilter, $first: Int, $after: String) {
    accompanimentRequests(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          submittedOn
          status
          missionType
          startDate
          endDate
          municipality {
            nisCode
            name
          }
          twinning {
            id
            partnerName
            regionCode
          }
          assessment {
            recommendation
            daysNeeded
            estimatedCostEur
          }
        }
      }
    }
  }
`);

type Node = RequestsPageQuery['accompanimentRequests']['edges'][number]['node'];

const pageSize = 25;
/** The cursors of the pages before this one, so "previous" works from a link too. */
const trailParam = 'na';

export default function RequestsPage() {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readRequestParams(search), [search]);
  const trail = useMemo(() => (search.get(trailParam) ?? '').split(',').filter(Boolean), [search]);
  const after = trail.at(-1) ?? null;
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: RequestsDocument,
    variables: { filter: toRequestFilter(params), first: pageSize, after },
  });

  const update = (patch: Partial<RequestParams>) => {
    const next = writeRequestParams({ ...params, ...patch }, search);
    next.delete(trailParam);
    setSearch(next, { replace: true });
  };
  const goTo = (cursors: string[]) => {
    const next = new URLSearchParams(search);
    if (cursors.length) next.set(trailParam, cursors.join(','));
    else next.delete(trailParam);
    setSearch(next);
  };

  const countries = useMemo(
    () =>
      [...new Set(vocabulary.data?.regions.map((r) => r.countryCode) ?? [])].sort((a, b) =>
        vocabulary.country(a).localeCompare(vocabulary.country(b)),
      ),
    [vocabulary],
  );
  const regions = useMemo(
    () => (vocabulary.data?.regions ?? []).filter((r) => !params.countryCode || r.countryCode === params.countryCode),
    [vocabulary, params.countryCode],
  );
  const connection = data?.accompanimentRequests;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const singleStatus = params.status?.length === 1 ? params.status[0] : '';

  // Filters that come from a drill-through and have no control of their own are shown as removable chips.
  const chips: { key: string; label: string; remove: Partial<RequestParams> }[] = [];
  if (params.status && params.status.length > 1)
    chips.push({
      key: 'status',
      label: f.t('requests.chip.status', {
        value: params.status.map((s) => vocabulary.label('requestStatuses', s)).join(', '),
      }),
      remove: { status: undefined },
    });
  if (params.submittedFrom || params.submittedTo)
    chips.push({
      key: 'submitted',
      label: f.t('requests.chip.submitted', {
        from: f.shortDate(params.submittedFrom),
        to: f.shortDate(params.submittedTo),
      }),
      remove: { submittedFrom: undefined, submittedTo: undefined },
    });
  if (params.declineReason)
    chips.push({
      key: 'decline',
      label: f.t('requests.chip.declineReason', { reason: vocabulary.label('declineReasons', params.declineReason) }),
      remove: { declineReason: undefined },
    });
  if (params.agreement !== undefined)
    chips.push({
      key: 'agreement',
      label: f.t('requests.chip.agreement', { value: f.t(params.agreement ? 'yes' : 'no') }),
      remove: { agreement: undefined },
    });
  if (params.nisCode)
    chips.push({
      key: 'nis',
      label: f.t('requests.chip.municipality', { nisCode: params.nisCode }),
      remove: { nisCode: undefined },
    });

  return (
    <Page title={f.t('requests.title')} lead={f.t('requests.lead')} busy={fetching || (!data && !error)}>
      <form className="filters card" aria-label={f.t('requests.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="rq-status">{f.t('requests.status')}</label>
          <select
            id="rq-status"
            value={singleStatus}
            onChange={(e) => update({ status: e.target.value ? [e.target.value as RequestStatus] : undefined })}
          >
            <option value="">{f.t('filter.all')}</option>
            {vocabulary.data?.requestStatuses.map((s) => (
              <option key={s.code} value={s.code}>
                {vocabulary.label('requestStatuses', s.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rq-type">{f.t('requests.missionType')}</label>
          <select
            id="rq-type"
            value={params.missionType ?? ''}
            onChange={(e) => update({ missionType: (e.target.value || undefined) as MissionType | undefined })}
          >
            <option value="">{f.t('filter.all')}</option>
            {vocabulary.data?.missionTypes.map((m) => (
              <option key={m.code} value={m.code}>
                {vocabulary.label('missionTypes', m.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rq-country">{f.t('requests.country')}</label>
          <select
            id="rq-country"
            value={params.countryCode ?? ''}
            onChange={(e) => update({ countryCode: e.target.value || undefined, regionCode: undefined })}
          >
            <option value="">{f.t('filter.all')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {vocabulary.country(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rq-region">{f.t('requests.region')}</label>
          <select
            id="rq-region"
            value={params.regionCode ?? ''}
            onChange={(e) => update({ regionCode: e.target.value || undefined })}
          >
            <option value="">{f.t('filter.all')}</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {params.countryCode ? vocabulary.label('regions', r.code) : vocabulary.region(r.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rq-from">{f.t('requests.from')}</label>
          <input
            id="rq-from"
            type="date"
            value={params.from ?? ''}
            onChange={(e) => update({ from: e.target.value || undefined })}
          />
        </div>
        <div className="field">
          <label htmlFor="rq-to">{f.t('requests.to')}</label>
          <input
            id="rq-to"
            type="date"
            value={params.to ?? ''}
            onChange={(e) => update({ to: e.target.value || undefined })}
          />
        </div>
        <div className="field">
          <label htmlFor="rq-advice">{f.t('requests.recommendation')}</label>
          <select
            id="rq-advice"
            value={params.recommendation ?? ''}
            onChange={(e) => update({ recommendation: (e.target.value || undefined) as Decision | undefined })}
          >
            <option value="">{f.t('filter.all')}</option>
            {vocabulary.data?.decisions.map((d) => (
              <option key={d.code} value={d.code}>
                {vocabulary.label('decisions', d.code)}
              </option>
            ))}
          </select>
        </div>
        {Object.keys(params).length > 0 && (
          <button type="button" className="button" onClick={() => setSearch(new URLSearchParams(), { replace: true })}>
            {f.t('filter.clear')}
          </button>
        )}
      </form>
      {chips.length > 0 && (
        <div className="chips">
          {chips.map((chip) => (
            <button
              key={chip.key}
              type="button"
              className="chip"
              onClick={() => update(chip.remove)}
              aria-label={f.t('filter.remove', { label: chip.label })}
            >
              {chip.label} <span aria-hidden="true">✕</span>
            </button>
          ))}
        </div>
      )}
      {error && !data ? (
        <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !connection ? (
        <Loading lines={10} />
      ) : (
        <section className="card" aria-labelledby="requests-count">
          <p id="requests-count" className="muted" aria-live="polite">
            {f.t('pager.summary', { count: connection.totalCount })}
            {trail.length > 0 && ` · ${f.t('pager.page', { page: trail.length + 1 })}`}
          </p>
          {rows.length === 0 ? (
            <p>{f.t('requests.empty')}</p>
          ) : (
            <DataTable<Node>
              caption={f.t('requests.table')}
              captionHidden
              rows={rows}
              rowKey={(row) => row.id}
              columns={[
                {
                  key: 'submitted',
                  header: f.t('col.submitted'),
                  render: (row) => <span className="nowrap">{f.shortDate(row.submittedOn)}</span>,
                },
                {
                  key: 'municipality',
                  header: f.t('col.municipality'),
                  render: (row) => (
                    <Link to={`/aanvragen/${encodeURIComponent(row.id)}`}>
                      {row.municipality.name ?? row.municipality.nisCode}
                    </Link>
                  ),
                },
                {
                  key: 'partner',
                  header: f.t('col.partner'),
                  render: (row) => (
                    <>
                      {row.twinning.partnerName}
                      <span className="chart__sub">{vocabulary.region(row.twinning.regionCode)}</span>
                    </>
                  ),
                },
                {
                  key: 'type',
                  header: f.t('col.type'),
                  render: (row) => vocabulary.label('missionTypes', row.missionType),
                },
                {
                  key: 'visit',
                  header: f.t('col.visit'),
                  render: (row) => (
                    <span className="nowrap">
                      {f.t('requests.visit', { from: f.shortDate(row.startDate), to: f.shortDate(row.endDate) })}
                    </span>
                  ),
                },
                { key: 'status', header: f.t('col.status'), render: (row) => <StatusBadge status={row.status} /> },
                {
                  key: 'advice',
                  header: f.t('col.recommendation'),
                  render: (row) => <RecommendationBadge decision={row.assessment?.recommendation} />,
                },
                {
                  key: 'days',
                  header: f.t('col.days'),
                  numeric: true,
                  render: (row) => (row.assessment ? f.number(row.assessment.daysNeeded, 1) : f.t('none')),
                },
                {
                  key: 'cost',
                  header: f.t('col.cost'),
                  numeric: true,
                  render: (row) => (row.assessment ? f.euro(row.assessment.estimatedCostEur) : f.t('none')),
                },
              ]}
            />
          )}
          <nav className="pager" aria-label={f.t('pager.page', { page: trail.length + 1 })}>
            <div className="row">
              <button type="button" className="button" disabled={!trail.length} onClick={() => goTo([])}>
                {f.t('pager.first')}
              </button>
              <button
                type="button"
                className="button"
                disabled={!trail.length}
                onClick={() => goTo(trail.slice(0, -1))}
              >
                {f.t('pager.previous')}
              </button>
            </div>
            <button
              type="button"
              className="button"
              disabled={!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor}
              onClick={() => connection.pageInfo.endCursor && goTo([...trail, connection.pageInfo.endCursor])}
            >
              {f.t('pager.next')}
            </button>
          </nav>
        </section>
      )}
    </Page>
  );
}
