import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { Decision, MissionType, RequestStatus, RequestsPageQuery } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { Pager } from '../ui/Pager';
import { DataTable } from '../ui/DataTable';
import { Page } from '../ui/Page';
import { Field } from '../ui/Field';
import { SelectField } from '../ui/SelectField';
import { ErrorState, Loading } from '../ui/states';
import { MunicipalityLink } from '../places/links';
import { useVocabulary } from '../vocabulary/vocabularies';
import { readRequestParams, toRequestFilter, writeRequestParams, type RequestParams } from './filters';
import { requestColumns } from './columns';
import { StatusBadge } from './StatusBadge';

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

  const regions = useMemo(
    () =>
      (vocabulary.data?.regions ?? [])
        .filter((r) => !params.countryCode || r.countryCode === params.countryCode)
        .map((r) => ({
          value: r.code,
          label: params.countryCode ? vocabulary.label('regions', r.code) : vocabulary.region(r.code),
        })),
    [vocabulary, params.countryCode],
  );
  const columns = requestColumns<Node>(f, vocabulary);
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
        <SelectField
          label={f.t('requests.status')}
          value={singleStatus}
          options={vocabulary.options('requestStatuses')}
          all={f.t('filter.all')}
          onChange={(status) => update({ status: status ? [status as RequestStatus] : undefined })}
        />
        <SelectField
          label={f.t('requests.missionType')}
          value={params.missionType}
          options={vocabulary.options('missionTypes')}
          all={f.t('filter.all')}
          onChange={(missionType) => update({ missionType: missionType as MissionType | undefined })}
        />
        <SelectField
          label={f.t('requests.country')}
          value={params.countryCode}
          options={vocabulary.countries}
          all={f.t('filter.all')}
          onChange={(countryCode) => update({ countryCode, regionCode: undefined })}
        />
        <SelectField
          label={f.t('requests.region')}
          value={params.regionCode}
          options={regions}
          all={f.t('filter.all')}
          onChange={(regionCode) => update({ regionCode })}
        />
        <Field label={f.t('requests.from')}>
          <input
            type="date"
            value={params.from ?? ''}
            onChange={(e) => update({ from: e.target.value || undefined })}
          />
        </Field>
        <Field label={f.t('requests.to')}>
          <input type="date" value={params.to ?? ''} onChange={(e) => update({ to: e.target.value || undefined })} />
        </Field>
        <SelectField
          label={f.t('requests.recommendation')}
          value={params.recommendation}
          options={vocabulary.options('decisions')}
          all={f.t('filter.all')}
          onChange={(recommendation) => update({ recommendation: recommendation as Decision | undefined })}
        />
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
                columns.submitted,
                {
                  key: 'municipality',
                  header: f.t('col.municipality'),
                  render: (row) => (
                    <MunicipalityLink nisCode={row.municipality.nisCode}>
                      {row.municipality.name ?? row.municipality.nisCode}
                    </MunicipalityLink>
                  ),
                },
                columns.partner(true),
                columns.type,
                columns.visit,
                { key: 'status', header: f.t('col.status'), render: (row) => <StatusBadge status={row.status} /> },
                columns.advice,
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
                  render: (row) =>
                    row.assessment?.estimatedCostEur != null ? f.euro(row.assessment.estimatedCostEur) : f.t('none'),
                },
              ]}
            />
          )}
          <Pager trail={trail} pageInfo={connection.pageInfo} goTo={goTo} />
        </section>
      )}
    </Page>
  );
}
