import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation, useParams } from 'wouter';
import { useViewer } from '../auth/viewer';
import { graphql } from '../gql';
import type { AccessReportPageQuery } from '../gql/graphql';
import { apiMessage, errorKind } from '../graphql/errors';
import { useFormat, type Formatters } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { DataTable, type Column } from '../ui/DataTable';
import { Personal } from '../ui/Erased';
import { Field } from '../ui/Field';
import { Page } from '../ui/Page';
import { ErrorState, Loading } from '../ui/states';
import { useVocabulary } from '../vocabulary/vocabularies';
import { accessHref, dataFields, groupBy, OTHER_DOCUMENT, OTHER_PERSON, recordKind } from './reportData';
import './accessReport.css';
import { SubjectName } from './SubjectName';

const AccessReportDocument = graphql(`
  query AccessReportPage($subjectId: ID!) {
    dataSubjectReport(subjectId: $subjectId) {
      subjectId
      displayName
      generatedAt
      firstSeenAt
      lastSeenAt
      erasedOn
      kinds {
        kind
        basis
        retentionFrom
      }
      events {
        position
        streamId
        type
        occurredAt
        actorRole
        fields
        data
      }
      readModelRows {
        readModel
        table
        key
        columns {
          name
          value
        }
      }
      json
      fileName
    }
  }
`);

type Report = AccessReportPageQuery['dataSubjectReport'];
type ReportEvent = Report['events'][number];
type Row = Report['readModelRows'][number];

/** A message when this language has it, else `fallback` (event types and fields not listed read as they are). */
function label(f: Formatters, id: string, fallback: string): string {
  return f.intl.messages[id] === undefined ? fallback : f.t(id as MessageId);
}

/** A value as the person reads it: erased and withheld values as badges, the rest as it is. */
function Value({ value }: { value: string | number | boolean | null }) {
  const f = useFormat();
  if (value === null) return f.t('none');
  if (value === OTHER_PERSON || value === OTHER_DOCUMENT) {
    const other = value === OTHER_PERSON ? 'access.otherPerson' : 'access.otherDocument';
    return (
      <span className="badge badge--muted" title={f.t(`${other}.title`)}>
        {f.t(other)}
      </span>
    );
  }
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? f.date(value) : <Personal value={value} />;
  return String(value);
}

/**
 * "Inzageverzoek": management and staff look up one person by id and see
 * everything the platform holds about them (dataSubjectReport), to hand it
 * over: the events that name them by kind of record, their fields marked,
 * other people's data as badges; the read-model rows; the JSON to download;
 * a print that leaves the controls out.
 */
export default function AccessReportPage() {
  const f = useFormat();
  const { subjectId } = useParams<{ subjectId?: string }>();
  const breadcrumb = <Link to="/privacy">{f.t('access.back')}</Link>;
  return (
    <Page title={f.t('access.title')} lead={f.t('access.lead')} busy={false} breadcrumb={breadcrumb}>
      <div className="stack">
        <SubjectForm initial={subjectId ?? ''} />
        {subjectId && <Report subjectId={subjectId} />}
      </div>
    </Page>
  );
}

function SubjectForm({ initial }: { initial: string }) {
  const f = useFormat();
  const [, navigate] = useLocation();
  const [value, setValue] = useState(initial);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = value.trim();
    setMissing(id === '');
    if (id) navigate(accessHref(id));
  };
  return (
    <form className="card no-print" onSubmit={submit} aria-labelledby="access-form-title" noValidate>
      <h2 id="access-form-title">{f.t('access.form.title')}</h2>
      <div className="row" style={{ alignItems: 'end', gap: 12, flexWrap: 'wrap' }}>
        <Field
          label={f.t('access.form.subjectId')}
          hint={f.t('access.form.subjectIdHint')}
          {...(missing ? { error: f.t('access.form.required') } : {})}
        >
          <input
            type="text"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            size={40}
          />
        </Field>
        <button type="submit" className="button button--primary">
          {f.t('access.form.submit')}
        </button>
      </div>
    </form>
  );
}

function Report({ subjectId }: { subjectId: string }) {
  const f = useFormat();
  const viewer = useViewer();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: AccessReportDocument,
    variables: { subjectId },
    requestPolicy: 'network-only',
  });
  if (error && !data) {
    const kind = errorKind(error);
    if (kind === 'notFound' || kind === 'badInput')
      return (
        <p className="notice" role="status">
          {kind === 'notFound' ? f.t('access.report.notFound') : apiMessage(error)}
        </p>
      );
    return <ErrorState error={error} role={viewer.role} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!data || fetching) return <Loading lines={8} />;
  return <ReportView report={data.dataSubjectReport} />;
}

function download(report: Report): void {
  const url = URL.createObjectURL(new Blob([report.json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = report.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ReportView({ report }: { report: Report }) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const kinds = report.kinds.map((k) => vocabulary.label('dataSubjectKinds', k.kind)).join(', ');
  const summary: [string, ReactNode][] = [
    [f.t('access.report.subject'), <SubjectName key="id" name={report.displayName} subjectId={report.subjectId} />],
    [f.t('access.report.kinds'), kinds],
    [f.t('access.report.firstSeen'), f.date(report.firstSeenAt.slice(0, 10))],
    [f.t('access.report.lastSeen'), f.date(report.lastSeenAt.slice(0, 10))],
    [f.t('access.report.events'), f.number(report.events.length)],
    [f.t('access.report.erasedOn'), report.erasedOn ? f.date(report.erasedOn) : f.t('access.report.notErased')],
    ...report.kinds.map((k): [string, ReactNode] => [
      `${f.t('access.report.retention')} (${vocabulary.label('dataSubjectKinds', k.kind)})`,
      k.retentionFrom ? f.date(k.retentionFrom) : f.t('access.report.retentionOpen'),
    ]),
  ];
  return (
    <article className="stack access-report" aria-labelledby="access-report-title">
      <section className="card" aria-labelledby="access-report-title">
        <div className="page-header" style={{ marginBottom: 8 }}>
          <div>
            <h2 id="access-report-title">
              {report.displayName
                ? f.t('access.report.titleOf', { name: report.displayName })
                : f.t('access.report.title')}
            </h2>
            <p className="small muted">{f.t('access.report.generatedAt', { when: f.dateTime(report.generatedAt) })}</p>
          </div>
          <div className="row no-print" style={{ gap: 8 }}>
            <button
              type="button"
              className="button button--primary"
              onClick={() => download(report)}
              aria-describedby="access-download-hint"
            >
              {f.t('access.report.download')}
            </button>
            <button type="button" className="button" onClick={() => window.print()}>
              {f.t('access.report.print')}
            </button>
          </div>
        </div>
        <p id="access-download-hint" className="small muted no-print">
          {f.t('access.report.downloadHint', { file: report.fileName })}
        </p>
        <dl className="access-summary">
          {summary.map(([term, description]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="access-events-title" className="stack">
        <h2 id="access-events-title">
          {f.t('access.events.title')}{' '}
          <span className="muted small">({f.t('access.report.eventsCount', { count: report.events.length })})</span>
        </h2>
        {report.events.length === 0 && <p>{f.t('access.events.none')}</p>}
        {groupBy(report.events, (e) => recordKind(e.streamId)).map(([kind, events]) => (
          <section key={kind} className="card" aria-labelledby={`access-record-${kind}`}>
            <h3 id={`access-record-${kind}`}>{label(f, `access.record.${kind}`, kind)}</h3>
            <ol className="access-events">
              {events.map((e) => (
                <EventItem key={e.position} event={e} />
              ))}
            </ol>
          </section>
        ))}
      </section>

      <section aria-labelledby="access-rows-title" className="card">
        <h2 id="access-rows-title">{f.t('access.rows.title')}</h2>
        <p className="small muted">{f.t('access.rows.lead')}</p>
        {report.readModelRows.length === 0 ? (
          <p>{f.t('access.rows.none')}</p>
        ) : (
          <RowsTable rows={report.readModelRows} />
        )}
      </section>
    </article>
  );
}

function EventItem({ event }: { event: ReportEvent }) {
  const f = useFormat();
  const fields = dataFields(JSON.parse(event.data) as unknown, event.fields);
  const type = label(f, `access.type.${event.type}`, event.type);
  const headingId = `access-event-${event.position}`;
  return (
    <li className="access-event">
      <h4 id={headingId}>{f.t('access.event.heading', { type, date: f.dateTime(event.occurredAt) })}</h4>
      <p className="small muted">
        {f.t('access.event.by', { role: label(f, `role.${event.actorRole}`, event.actorRole) })} ·{' '}
        <code>{event.streamId}</code> #{event.position}
      </p>
      <table className="access-fields" aria-labelledby={headingId}>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{f.t('access.event.field')}</th>
            <th scope="col">{f.t('access.event.value')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.path} className={field.own ? 'access-field--own' : undefined}>
              <th scope="row">
                {label(f, `access.field.${field.key}`, field.path)}
                {field.own && <span className="visually-hidden"> ({f.t('access.event.own')})</span>}
              </th>
              <td>
                <Value value={field.value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

function RowsTable({ rows }: { rows: readonly Row[] }) {
  const f = useFormat();
  const show = (json: string) => {
    const value = JSON.parse(json) as unknown;
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  const columns: Column<Row>[] = [
    { key: 'readModel', header: f.t('access.rows.readModel'), render: (r) => r.readModel },
    { key: 'table', header: f.t('access.rows.table'), render: (r) => <code>{r.table}</code> },
    {
      key: 'key',
      header: f.t('access.rows.key'),
      render: (r) => (
        <code className="small">
          {Object.values(JSON.parse(r.key) as Record<string, unknown>)
            .map(String)
            .join(' · ')}
        </code>
      ),
    },
    {
      key: 'columns',
      header: f.t('access.rows.columns'),
      render: (r) => (
        <dl className="access-columns">
          {r.columns.map((c) => (
            <div key={c.name}>
              <dt>
                <code>{c.name}</code>
              </dt>
              <dd>
                <Personal value={show(c.value)} />
              </dd>
            </div>
          ))}
        </dl>
      ),
    },
  ];
  return (
    <DataTable
      caption={f.t('access.rows.caption')}
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.table}:${r.key}`}
    />
  );
}
