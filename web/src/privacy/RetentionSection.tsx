import { useQuery } from 'urql';
import { Link } from 'wouter';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { RetentionSectionQuery } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { Badge } from '../ui/Badge';
import { DataTable, type Column } from '../ui/DataTable';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { accessHref } from './reportData';
import { SubjectName } from './SubjectName';

const RetentionSectionDocument = graphql(`
  query RetentionSection {
    retentionReport {
      asOf
      events
      periods {
        kind
        years
        basis
      }
      due {
        subjectId
        displayName
        expiresOn
        eventCount
        pendingErasureId
        kinds {
          kind
        }
      }
    }
  }
`);

type Report = RetentionSectionQuery['retentionReport'];

/**
 * The retention periods and who is past them today (retentionReport), on the
 * privacy page for management: what the daily job or `pnpm privacy:retention
 * --apply` would erase. Ids and dates only; each id opens the person's access
 * report.
 */
export function RetentionSection() {
  const f = useFormat();
  const viewer = useViewer();
  const [{ data, error }, reexecute] = useQuery({ query: RetentionSectionDocument });
  return (
    <section className="card stack" aria-labelledby="retention-title">
      <h2 id="retention-title">{f.t('retention.title')}</h2>
      <p className="small muted">{f.t('retention.lead')}</p>
      {error && !data ? (
        <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <Loading lines={4} />
      ) : (
        <RetentionTables report={data.retentionReport} />
      )}
    </section>
  );
}

function RetentionTables({ report }: { report: Report }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const kind = (code: string) => vocabulary.label('dataSubjectKinds', code);
  const periodColumns: Column<Report['periods'][number]>[] = [
    { key: 'kind', header: f.t('retention.col.kind'), render: (p) => kind(p.kind) },
    {
      key: 'years',
      header: f.t('retention.col.years'),
      numeric: true,
      render: (p) => (p.years === null ? f.t('retention.kept') : f.t('retention.years', { count: p.years })),
    },
    {
      key: 'basis',
      header: f.t('retention.col.basis'),
      render: (p) => f.t(`retention.basis.${p.basis}` as MessageId),
    },
  ];
  const dueColumns: Column<Report['due'][number]>[] = [
    {
      key: 'subject',
      header: f.t('retention.col.subject'),
      render: (d) => (
        <Link to={accessHref(d.subjectId)}>
          <SubjectName name={d.displayName} subjectId={d.subjectId} />
        </Link>
      ),
    },
    { key: 'kind', header: f.t('retention.col.kind'), render: (d) => d.kinds.map((k) => kind(k.kind)).join(', ') },
    { key: 'expiresOn', header: f.t('retention.col.expiresOn'), render: (d) => f.date(d.expiresOn) },
    { key: 'events', header: f.t('retention.col.events'), numeric: true, render: (d) => f.number(d.eventCount) },
    {
      key: 'status',
      header: f.t('retention.col.status'),
      render: (d) =>
        d.pendingErasureId ? (
          <Badge tone="info">{f.t('retention.pending')}</Badge>
        ) : (
          <Badge tone="warn">{f.t('retention.due')}</Badge>
        ),
    },
  ];
  return (
    <>
      <DataTable
        caption={f.t('retention.periods.caption')}
        columns={periodColumns}
        rows={report.periods}
        rowKey={(p) => p.kind}
      />
      <h3>{f.t('retention.due.title', { date: f.date(report.asOf) })}</h3>
      <p role="status">{f.t('retention.due.summary', { count: report.due.length, events: report.events })}</p>
      {report.due.length > 0 && (
        <DataTable
          caption={f.t('retention.due.caption')}
          captionHidden
          columns={dueColumns}
          rows={report.due}
          rowKey={(d) => d.subjectId}
        />
      )}
    </>
  );
}
