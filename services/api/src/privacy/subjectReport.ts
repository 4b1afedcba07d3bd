import type { EventStore } from '@werkbezoek/eventstore';
import {
  findRowsMentioning,
  getDataSubject,
  knownDataSubjects,
  listDataSubjectStreams,
  type DataSubjectKindView,
  type DataSubjectStreamView,
  type DataSubjectsDb,
  type MentioningRow,
  type ReadModelDb,
} from '@werkbezoek/projections';
import {
  ERASED_VALUE,
  Id,
  NotFoundError,
  personalDataOf,
  setPath,
  ValidationError,
  werkbezoekCatalogue,
  type DataSubjectKind,
  type RecordedEvent,
} from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import { latestName } from './subjectNames.js';

/** What a personal field of another person reads as in someone's access report (the UI translates it). */
export const OTHER_PERSON_VALUE = '[andere persoon]';
/** What a field of another record's text (a document key: a lesson, a request's notes) reads as. */
export const OTHER_DOCUMENT_VALUE = '[ander document]';

export interface SubjectReportEvent {
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  /** The role of who caused it (or SYSTEM); never their id, which names another person. */
  readonly actorRole: string;
  readonly kinds: readonly DataSubjectKind[];
  /** The paths of the subject's own personal fields in `data`. */
  readonly fields: readonly string[];
  /** The event's data, decrypted, with every other person's values and ids replaced. */
  readonly data: unknown;
}

/**
 * Everything the platform holds about one data subject, for a subject access
 * request (GDPR art. 15): the events that name them, decrypted, other
 * people's data hidden; the read-model rows that hold their id or values.
 */
export interface SubjectReport {
  readonly subjectId: string;
  readonly generatedAt: string;
  readonly kinds: readonly DataSubjectKindView[];
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly erasedOn: string | null;
  /** The latest name the log gives them, or a document's title (subjectNames.ts); null when none or erased. */
  readonly displayName: string | null;
  readonly events: readonly SubjectReportEvent[];
  readonly readModelRows: readonly MentioningRow[];
}

const PERSON_KINDS: ReadonlySet<DataSubjectKind> = new Set([
  'CONTACT_PERSON',
  'STAFF_MEMBER',
  'TWINNING_ACTOR',
  'CONTACTED_PERSON',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function stringLeaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringLeaves(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stringLeaves(v, out);
  return out;
}

/** `value` with every string that is another person's id replaced. */
function hideIds(value: unknown, others: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return others.has(value) ? OTHER_PERSON_VALUE : value;
  if (Array.isArray(value)) return value.map((v) => hideIds(v, others));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hideIds(v, others)]));
  return value;
}

/**
 * The events at the positions `rows` name, read stream by stream (a stream
 * read is indexed in every store), in the log's order, each with the kinds
 * it names the subject as.
 */
export async function readSubjectEvents(
  store: EventStore,
  rows: readonly DataSubjectStreamView[],
): Promise<{ event: RecordedEvent; kinds: DataSubjectKind[] }[]> {
  const byStream = new Map<string, Map<bigint, DataSubjectKind[]>>();
  for (const r of rows) {
    const positions = byStream.get(r.streamId) ?? new Map<bigint, DataSubjectKind[]>();
    for (const p of r.positions) positions.set(p, [...(positions.get(p) ?? []), r.kind]);
    byStream.set(r.streamId, positions);
  }
  const events: { event: RecordedEvent; kinds: DataSubjectKind[] }[] = [];
  for (const [streamId, positions] of byStream) {
    for await (const event of store.readStream(streamId)) {
      const kinds = positions.get(event.position);
      if (kinds) events.push({ event, kinds: kinds.sort() });
    }
  }
  return events.sort((a, b) =>
    a.event.position < b.event.position ? -1 : a.event.position > b.event.position ? 1 : 0,
  );
}

/**
 * The access report of `subjectId`: the events that name them (from the
 * data-subject read model's positions, read from the log and decrypted by the
 * store), each with the other subjects' personal fields replaced by
 * OTHER_PERSON_VALUE or OTHER_DOCUMENT_VALUE and other people's ids by
 * OTHER_PERSON_VALUE, since an access report must not disclose third
 * parties; and the read-model rows that hold the subject's id or one of
 * their values. Throws NotFoundError when the log names no such subject.
 */
export async function buildSubjectReport(
  services: { readonly store: EventStore; readonly readModels: ReadModelDb },
  subjectId: string,
  now: Date,
): Promise<SubjectReport> {
  if (!Id.safeParse(subjectId).success)
    throw new ValidationError(
      `subjectId "${subjectId}" is not a data subject's id: a lowercase UUID such as 0190a5f2-1c2b-7d3e-8f40-1234567890ab`,
      ['subjectId'],
    );
  const db = services.readModels.db as Kysely<DataSubjectsDb>;
  const subject = await getDataSubject(db, subjectId);
  if (!subject)
    throw new NotFoundError(`No personal data is held for ${subjectId}: no event of the log names this data subject`);
  const events = await readSubjectEvents(services.store, await listDataSubjectStreams(db, subjectId));

  const candidates = [...new Set(events.flatMap(({ event }) => stringLeaves(event.data)).filter((s) => UUID.test(s)))];
  const known = await knownDataSubjects(
    db,
    candidates.filter((s) => s !== subjectId),
  );
  const otherPeople = new Set(
    [...known].filter(([, kinds]) => kinds.some((k) => PERSON_KINDS.has(k))).map(([id]) => id),
  );

  const own: string[] = [subjectId];
  const reported = events.map(({ event: e, kinds }): SubjectReportEvent => {
    const definition = werkbezoekCatalogue.get(e.type);
    let data: unknown = e.data;
    const fields: string[] = [];
    for (const datum of definition ? personalDataOf(definition, e.data) : []) {
      if (datum.subjectId === subjectId) {
        fields.push(datum.path);
        own.push(...stringLeaves(datum.value));
        continue;
      }
      const person = otherPeople.has(datum.subjectId) || !known.has(datum.subjectId);
      data = setPath(data, datum.path, person ? OTHER_PERSON_VALUE : OTHER_DOCUMENT_VALUE);
    }
    return {
      position: String(e.position),
      streamId: e.streamId,
      revision: Number(e.revision),
      type: e.type,
      occurredAt: e.metadata.occurredAt,
      recordedAt: e.recordedAt,
      actorRole: e.metadata.actor.role,
      kinds,
      fields,
      data: hideIds(data, otherPeople),
    };
  });
  const needles = own.filter((v) => v !== ERASED_VALUE);
  return {
    subjectId,
    generatedAt: now.toISOString(),
    kinds: subject.kinds,
    firstSeenAt: subject.firstSeenAt,
    lastSeenAt: subject.lastSeenAt,
    erasedOn: subject.erasedOn,
    displayName: latestName(
      events.map((e) => e.event),
      subjectId,
    ),
    events: reported,
    readModelRows: await findRowsMentioning(services.readModels, needles),
  };
}

/** The report's download name: what it is, whose and when, in Dutch first. */
export function reportFileName(report: SubjectReport): string {
  return `inzageverzoek-${report.subjectId}-${report.generatedAt.slice(0, 10)}.json`;
}

/**
 * The latest name the log gives a data subject (a person's name, a document's
 * title), decrypted by the store; null when their events hold none (a
 * request's notes, a cost's note) or the subject was erased.
 */
export async function subjectDisplayName(
  services: { readonly store: EventStore; readonly readModels: ReadModelDb },
  subjectId: string,
): Promise<string | null> {
  const streams = await listDataSubjectStreams(services.readModels.db as Kysely<DataSubjectsDb>, subjectId);
  const events = await readSubjectEvents(services.store, streams);
  return latestName(
    events.map((e) => e.event),
    subjectId,
  );
}
