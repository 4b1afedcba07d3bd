import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { useCan, useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { MyRequestsQuery } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { MunicipalityLink } from '../places/links';
import { requestColumns } from '../requests/columns';
import { StatusBadge } from '../requests/StatusBadge';
import { DataTable } from '../ui/DataTable';
import { Field } from '../ui/Field';
import { Page } from '../ui/Page';
import { ErrorState, Loading, MutationError } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { emptyForm, toSubmitInput, type RequestFormValues } from './requestForm';
import { RequestForm } from './RequestForm';

const MyRequestsDocument = graphql(`
  query MyRequests {
    twinnings {
      id
      partnerName
      regionCode
      countryCode
      active
    }
    accompanimentRequests(first: 100) {
      totalCount
      edges {
        node {
          id
          status
          missionType
          startDate
          endDate
          submittedOn
          decidedOn
          declineReason
          reasons
          policyDomains
          delegationSize
          notes
          twinning {
            id
            partnerName
            regionCode
          }
          assessment {
            recommendation
          }
          mission {
            id
            status
            startDate
            endDate
          }
        }
      }
    }
  }
`);

const SubmitDocument = graphql(`
  mutation SubmitRequest($input: SubmitAccompanimentRequestInput!) {
    submitAccompanimentRequest(input: $input) {
      id
      status
    }
  }
`);

const AmendDocument = graphql(`
  mutation AmendRequest($input: AmendAccompanimentRequestInput!) {
    amendAccompanimentRequest(input: $input) {
      id
      status
      missionType
      startDate
      endDate
      reasons
      policyDomains
      delegationSize
      notes
    }
  }
`);

const WithdrawDocument = graphql(`
  mutation WithdrawRequest($input: WithdrawAccompanimentRequestInput!) {
    withdrawAccompanimentRequest(input: $input) {
      id
      status
      withdrawalReason
    }
  }
`);

type Request = MyRequestsQuery['accompanimentRequests']['edges'][number]['node'];
type Mode =
  { kind: 'list' } | { kind: 'new' } | { kind: 'amend'; request: Request } | { kind: 'withdraw'; request: Request };

/** A coordinator's own municipality: submit, amend, withdraw, and follow each request to its decision and mission. */
export default function MyRequestsPage() {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const canSubmit = useCan('submitAccompanimentRequest');
  const canAmend = useCan('amendAccompanimentRequest');
  const canWithdraw = useCan('withdrawAccompanimentRequest');
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MyRequestsDocument });
  const [submitted, submit] = useMutation(SubmitDocument);
  const [amended, amend] = useMutation(AmendDocument);
  const [withdrawn, withdraw] = useMutation(WithdrawDocument);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [done, setDone] = useState<MessageId>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const municipality = viewer.municipalityName ?? viewer.nisCode ?? '';
  const twinnings = data?.twinnings.filter((t) => t.active) ?? [];
  const rows = data?.accompanimentRequests.edges.map((e) => e.node) ?? [];
  const columns = requestColumns<Request>(f, vocabulary);

  const finish = (message: MessageId) => {
    setDone(message);
    setMode({ kind: 'list' });
  };
  const onSubmit = async (values: RequestFormValues) => {
    const result = await submit({ input: toSubmitInput(values) });
    if (!result.error) finish('mine.submitted');
  };
  const onAmend = async (request: Request, values: RequestFormValues) => {
    const input = toSubmitInput(values);
    const result = await amend({
      input: {
        requestId: request.id,
        missionType: input.missionType,
        startDate: input.startDate,
        endDate: input.endDate,
        reasons: input.reasons,
        policyDomains: input.policyDomains,
        delegationSize: input.delegationSize,
        notes: input.notes ?? '',
      },
    });
    if (!result.error) finish('mine.amended');
  };
  const onWithdraw = async (request: Request) => {
    if (!reason.trim()) {
      setReasonError(f.t('form.required'));
      return;
    }
    const result = await withdraw({ input: { requestId: request.id, reason: reason.trim() } });
    if (!result.error) {
      setReason('');
      finish('mine.withdrawn');
    }
  };

  return (
    <Page
      title={f.t('mine.title')}
      lead={
        // The municipality's name opens its page: its twinning and the history of its visits.
        <FormattedMessage
          id="mine.lead"
          values={{
            municipality: viewer.nisCode ? (
              <MunicipalityLink nisCode={viewer.nisCode}>{municipality}</MunicipalityLink>
            ) : (
              municipality
            ),
          }}
        />
      }
      busy={fetching || (!data && !error)}
      actions={
        canSubmit && mode.kind === 'list' && twinnings.length > 0 ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setDone(undefined);
              setMode({ kind: 'new' });
            }}
          >
            {f.t('mine.new')}
          </button>
        ) : undefined
      }
    >
      {done && mode.kind === 'list' && (
        <p className="notice notice--ok" role="status">
          {f.t(done)}
        </p>
      )}
      {error && !data ? (
        <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <Loading lines={6} />
      ) : mode.kind === 'new' ? (
        <RequestForm
          title={f.t('form.newTitle')}
          initial={{ ...emptyForm, twinningId: twinnings.length === 1 ? (twinnings[0]?.id ?? '') : '' }}
          twinnings={twinnings.map((t) => ({ id: t.id, partnerName: t.partnerName, regionCode: t.regionCode }))}
          submitLabel={f.t('form.submit')}
          busy={submitted.fetching}
          error={submitted.error}
          onSubmit={(values) => void onSubmit(values)}
          onCancel={() => setMode({ kind: 'list' })}
        />
      ) : mode.kind === 'amend' ? (
        <RequestForm
          title={f.t('form.amendTitle')}
          initial={{
            twinningId: mode.request.twinning.id,
            missionType: mode.request.missionType,
            startDate: mode.request.startDate,
            endDate: mode.request.endDate,
            reasons: mode.request.reasons,
            policyDomains: mode.request.policyDomains,
            delegationSize: String(mode.request.delegationSize),
            notes: mode.request.notes ?? '',
          }}
          twinnings={[
            {
              id: mode.request.twinning.id,
              partnerName: mode.request.twinning.partnerName ?? '',
              regionCode: mode.request.twinning.regionCode ?? '',
            },
          ]}
          fixedTwinning
          submitLabel={f.t('form.save')}
          busy={amended.fetching}
          error={amended.error}
          onSubmit={(values) => void onAmend(mode.request, values)}
          onCancel={() => setMode({ kind: 'list' })}
        />
      ) : (
        <div className="stack">
          {twinnings.length === 0 && <p className="notice notice--warn">{f.t('mine.noTwinning')}</p>}
          {mode.kind === 'withdraw' && (
            <form
              className="card"
              aria-labelledby="withdraw-title"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void onWithdraw(mode.request);
              }}
            >
              <h2 id="withdraw-title">{f.t('withdraw.title')}</h2>
              <p>
                {mode.request.twinning.partnerName} ·{' '}
                {f.t('requests.visit', {
                  from: f.shortDate(mode.request.startDate),
                  to: f.shortDate(mode.request.endDate),
                })}
              </p>
              <Field label={f.t('withdraw.reason')} error={reasonError}>
                <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
              </Field>
              <div className="form-actions">
                <button type="submit" className="button button--danger" disabled={withdrawn.fetching}>
                  {f.t('withdraw.confirm')}
                </button>
                <button type="button" className="button" onClick={() => setMode({ kind: 'list' })}>
                  {f.t('form.cancel')}
                </button>
              </div>
              {withdrawn.error && <MutationError error={withdrawn.error} role={viewer.role} />}
            </form>
          )}
          <section className="card" aria-labelledby="mine-list">
            <h2 id="mine-list">{f.t('mine.list', { municipality })}</h2>
            {rows.length === 0 ? (
              <p>{f.t('mine.empty')}</p>
            ) : (
              <DataTable<Request>
                caption={f.t('mine.list', { municipality })}
                captionHidden
                rows={rows}
                rowKey={(row) => row.id}
                columns={[
                  columns.submitted,
                  columns.partner(true),
                  columns.type,
                  columns.visit,
                  columns.advice,
                  {
                    key: 'status',
                    header: f.t('col.status'),
                    render: (row) => (
                      <>
                        <StatusBadge status={row.status} />
                        {row.declineReason && (
                          <span className="chart__sub">{vocabulary.label('declineReasons', row.declineReason)}</span>
                        )}
                        {row.mission && (
                          <span className="chart__sub">
                            {f.t('mine.missionLine', {
                              status: f.t(`missionStatus.${row.mission.status}` as MessageId),
                              from: f.shortDate(row.mission.startDate),
                              to: f.shortDate(row.mission.endDate),
                            })}
                          </span>
                        )}
                      </>
                    ),
                  },
                  {
                    key: 'actions',
                    header: f.t('col.actions'),
                    render: (row) =>
                      row.status === 'SUBMITTED' ? (
                        <div className="row" style={{ gap: 8 }}>
                          {canAmend && (
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => {
                                setDone(undefined);
                                setMode({ kind: 'amend', request: row });
                              }}
                            >
                              {f.t('mine.amend')}
                            </button>
                          )}
                          {canWithdraw && (
                            <button
                              type="button"
                              className="button button--small button--danger"
                              onClick={() => {
                                setDone(undefined);
                                setReasonError(undefined);
                                setMode({ kind: 'withdraw', request: row });
                              }}
                            >
                              {f.t('mine.withdraw')}
                            </button>
                          )}
                        </div>
                      ) : null,
                  },
                ]}
              />
            )}
          </section>
        </div>
      )}
    </Page>
  );
}
