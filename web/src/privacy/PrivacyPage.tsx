import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { useCan, useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { PrivacyPageQuery } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { Badge } from '../ui/Badge';
import { DataTable, type Column } from '../ui/DataTable';
import { Personal } from '../ui/Erased';
import { Page } from '../ui/Page';
import { ErrorState, Loading, MutationError } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { ConfirmErasureDialog } from './ConfirmErasureDialog';
import { ErasureRequestForm } from './ErasureRequestForm';
import { accessHref } from './reportData';
import { RetentionSection } from './RetentionSection';

const PrivacyPageDocument = graphql(`
  query PrivacyPage {
    dataSubjectErasures {
      id
      subjectId
      subjectName
      subjectKind
      reason
      caseReference
      status
      requestedOn
      requestedByRole
      requestedByViewer
      decidedOn
      decidedByRole
      readModelsPurgedAt
    }
    staffMembers {
      id
      name
    }
  }
`);

const ConfirmErasureDocument = graphql(`
  mutation ConfirmErasure($erasureId: ID!) {
    confirmDataSubjectErasure(erasureId: $erasureId) {
      id
      status
      decidedOn
      decidedByRole
      readModelsPurgedAt
    }
  }
`);

const CancelErasureDocument = graphql(`
  mutation CancelErasure($erasureId: ID!) {
    cancelDataSubjectErasure(erasureId: $erasureId) {
      id
      status
      decidedOn
      decidedByRole
    }
  }
`);

type Erasure = PrivacyPageQuery['dataSubjectErasures'][number];

/**
 * "Privacy en gegevenswissing": management requests the erasure of a person's
 * data, a second person (staff) confirms it after a dialog that says it
 * cannot be undone; the erasures done are listed below. Nothing here shows a
 * person's data but a staff member's name while it is still held.
 */
export default function PrivacyPage() {
  const f = useFormat();
  const viewer = useViewer();
  const vocabulary = useVocabulary();
  const mayRequest = useCan('eraseDataSubject');
  const mayConfirm = useCan('confirmDataSubjectErasure');
  const mayCancel = useCan('cancelDataSubjectErasure');
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PrivacyPageDocument });
  const [confirmed, confirm] = useMutation(ConfirmErasureDocument);
  const [cancelled, cancel] = useMutation(CancelErasureDocument);
  const [asking, setAsking] = useState<Erasure | undefined>();
  const [done, setDone] = useState<'confirmed' | 'purging' | 'cancelled' | undefined>();
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  const names = new Map((data?.staffMembers ?? []).map((s) => [s.id, s.name]));
  const kind = (e: Erasure) => vocabulary.label('dataSubjectKinds', e.subjectKind);
  // A staff member's current name (it reads erased once they are), else the name the log gives the person.
  const nameOf = (e: Erasure) => names.get(e.subjectId) ?? e.subjectName ?? undefined;
  const subject = (e: Erasure) => {
    const name = nameOf(e);
    return (
      <>
        {name && (
          <>
            <Personal value={name} />
            <br />
          </>
        )}
        <Link to={accessHref(e.subjectId)}>
          <code className="small">{e.subjectId}</code>
        </Link>
      </>
    );
  };
  const reason = (e: Erasure) => (
    <>
      {vocabulary.label('erasureReasons', e.reason)}
      {e.caseReference && <span className="muted"> · {e.caseReference}</span>}
    </>
  );
  const requested = (e: Erasure) =>
    f.t('privacy.byRole', { date: f.shortDate(e.requestedOn), role: f.t(`role.${e.requestedByRole}` as never) });

  // "Opnieuw proberen" sends the last confirmation or cancellation again, with the same variables (and so the same key).
  const last = useRef<() => void>(undefined);
  const doConfirm = (e: Erasure) => {
    last.current = () => doConfirm(e);
    void confirm({ erasureId: e.id }).then((r) => {
      setAsking(undefined);
      if (!r.error) setDone(r.data?.confirmDataSubjectErasure.readModelsPurgedAt ? 'confirmed' : 'purging');
      refresh();
    });
  };
  const doCancel = (e: Erasure) => {
    last.current = () => doCancel(e);
    void cancel({ erasureId: e.id }).then((r) => {
      if (!r.error) setDone('cancelled');
      refresh();
    });
  };

  const actions = (e: Erasure) => (
    <div className="row" style={{ gap: 8, alignItems: 'start' }}>
      {mayConfirm && (
        <div>
          <button
            type="button"
            className="button button--small button--danger"
            disabled={e.requestedByViewer || confirmed.fetching}
            aria-describedby={e.requestedByViewer ? `own-${e.id}` : undefined}
            onClick={() => setAsking(e)}
          >
            {f.t('privacy.confirm')}
          </button>
          {e.requestedByViewer && (
            <p id={`own-${e.id}`} className="small muted">
              {f.t('privacy.confirm.ownRequest')}
            </p>
          )}
        </div>
      )}
      {mayCancel && (
        <button
          type="button"
          className="button button--small"
          disabled={cancelled.fetching}
          onClick={() => doCancel(e)}
        >
          {f.t('privacy.cancel')}
        </button>
      )}
      {!mayConfirm && !mayCancel && <span className="small muted">{f.t('privacy.confirm.notYours')}</span>}
    </div>
  );

  const pendingColumns: Column<Erasure>[] = [
    { key: 'subject', header: f.t('privacy.col.subject'), render: subject },
    { key: 'kind', header: f.t('privacy.col.kind'), render: kind },
    { key: 'reason', header: f.t('privacy.col.reason'), render: reason },
    { key: 'requested', header: f.t('privacy.col.requested'), render: requested },
    { key: 'actions', header: f.t('privacy.col.actions'), render: actions },
  ];
  const doneColumns: Column<Erasure>[] = [
    { key: 'subject', header: f.t('privacy.col.subject'), render: subject },
    { key: 'kind', header: f.t('privacy.col.kind'), render: kind },
    { key: 'reason', header: f.t('privacy.col.reason'), render: reason },
    { key: 'requested', header: f.t('privacy.col.requested'), render: requested },
    {
      key: 'decided',
      header: f.t('privacy.col.decided'),
      render: (e) =>
        e.decidedOn && e.decidedByRole
          ? f.t('privacy.byRole', { date: f.shortDate(e.decidedOn), role: f.t(`role.${e.decidedByRole}` as never) })
          : f.t('none'),
    },
    {
      key: 'status',
      header: f.t('privacy.col.status'),
      render: (e) =>
        e.status === 'ERASED' ? (
          <>
            <Badge tone="muted">{vocabulary.label('erasureStatuses', e.status)}</Badge>{' '}
            <span className="small muted">{f.t(e.readModelsPurgedAt ? 'privacy.purged' : 'privacy.purging')}</span>
          </>
        ) : (
          <Badge tone="info">{vocabulary.label('erasureStatuses', e.status)}</Badge>
        ),
    },
  ];

  const erasures = data?.dataSubjectErasures ?? [];
  const pending = erasures.filter((e) => e.status === 'PENDING');
  const handled = erasures.filter((e) => e.status !== 'PENDING');
  const mutationError = confirmed.error ?? cancelled.error;
  return (
    <Page title={f.t('privacy.title')} lead={f.t('privacy.lead')} busy={fetching}>
      <div className="stack">
        <p>
          <Link to={accessHref()}>{f.t('access.link')}</Link>
        </p>
        {mayRequest && <ErasureRequestForm onRequested={refresh} />}
        <div role="status">
          {done === 'confirmed' && <p className="notice notice--ok">{f.t('privacy.confirmed')}</p>}
          {done === 'purging' && <p className="notice notice--ok">{f.t('privacy.confirmedPurging')}</p>}
          {done === 'cancelled' && <p className="notice notice--ok">{f.t('privacy.cancelled')}</p>}
        </div>
        {mutationError && <MutationError error={mutationError} role={viewer.role} retry={() => last.current?.()} />}
        {error && !data ? (
          <ErrorState error={error} role={viewer.role} retry={refresh} />
        ) : !data ? (
          <Loading lines={4} />
        ) : (
          <>
            <section className="card" aria-labelledby="erasures-pending-title">
              <h2 id="erasures-pending-title">{f.t('privacy.pending.title')}</h2>
              {pending.length === 0 ? (
                <p className="muted">{f.t('privacy.pending.empty')}</p>
              ) : (
                <DataTable
                  caption={f.t('privacy.pending.title')}
                  captionHidden
                  columns={pendingColumns}
                  rows={pending}
                  rowKey={(e) => e.id}
                />
              )}
            </section>
            <section className="card" aria-labelledby="erasures-done-title">
              <h2 id="erasures-done-title">{f.t('privacy.done.title')}</h2>
              {handled.length === 0 ? (
                <p className="muted">{f.t('privacy.done.empty')}</p>
              ) : (
                <DataTable
                  caption={f.t('privacy.done.title')}
                  captionHidden
                  columns={doneColumns}
                  rows={handled}
                  rowKey={(e) => e.id}
                />
              )}
            </section>
          </>
        )}
        {viewer.role === 'MANAGEMENT' && <RetentionSection />}
      </div>
      {asking && (
        <ConfirmErasureDialog
          subject={nameOf(asking) ?? asking.subjectId}
          kind={kind(asking)}
          busy={confirmed.fetching}
          onConfirm={() => doConfirm(asking)}
          onClose={() => setAsking(undefined)}
        />
      )}
    </Page>
  );
}
