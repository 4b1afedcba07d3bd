import { isLocalDate, ValidationError, type DataSubjectKind } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import { retentionBasis, type RetentionBasis } from './basis.js';
import type {
  DataSubjectOfficeTable,
  DataSubjectRecordTable,
  DataSubjectStreamTable,
  DataSubjectTable,
} from './table.js';

interface Db {
  data_subjects: DataSubjectTable;
  data_subject_streams: DataSubjectStreamTable;
  data_subject_records: DataSubjectRecordTable;
  data_subject_offices: DataSubjectOfficeTable;
}
/** The views these queries read, for callers that type their Kysely handle. */
export type { Db as DataSubjectsDb };

export interface DataSubjectKindView {
  readonly kind: DataSubjectKind;
  readonly basis: RetentionBasis;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly eventCount: number;
  /** The day retention counts from; null while it does not run (an actor in office). */
  readonly retentionFrom: string | null;
}

export interface DataSubjectView {
  readonly subjectId: string;
  readonly kinds: DataSubjectKindView[];
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly eventCount: number;
  readonly erasedOn: string | null;
  readonly erasureId: string | null;
}

/** The events of one stream that name a subject as one kind. */
export interface DataSubjectStreamView {
  readonly kind: DataSubjectKind;
  readonly streamId: string;
  readonly eventCount: number;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  /** The events' global positions, in the log's order. */
  readonly positions: bigint[];
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);
const recordKinds = (Object.keys(retentionBasis) as DataSubjectKind[]).filter(
  (k) => retentionBasis[k] === 'RECORD_END',
);

/**
 * The subjects with their kinds, each kind's sightings and the day its
 * retention counts from, derived from the stored dates: LAST_NAMED the
 * latest day (or end date) of an event naming them as that kind; RECORD_END
 * the latest end of a record naming them (its last event or end date, the
 * later); OUT_OF_OFFICE none while they hold a twinning office, else the
 * last day they left one. `only` restricts it to one subject.
 */
async function load(db: Kysely<Db>, only: string | undefined, heldOnly = false): Promise<DataSubjectView[]> {
  let subjects = db.selectFrom('data_subjects').selectAll();
  if (only !== undefined) subjects = subjects.where('subject_id', '=', only);
  if (heldOnly) subjects = subjects.where('erased_on', 'is', null);
  let sightings = db
    .selectFrom('data_subject_streams')
    .select((eb) => [
      'subject_id',
      'kind',
      eb.fn.sum<number | string>('event_count').as('events'),
      eb.fn.min('first_seen_at').as('first_seen_at'),
      eb.fn.max('last_seen_at').as('last_seen_at'),
      eb.fn.max('until_on').as('until_on'),
    ])
    .groupBy(['subject_id', 'kind']);
  let records = db
    .selectFrom('data_subject_streams as s')
    .innerJoin('data_subject_records as r', 'r.stream_id', 's.stream_id')
    .select(['s.subject_id', 's.kind', 'r.last_event_on', 'r.end_date'])
    .where('s.kind', 'in', recordKinds);
  let offices = db.selectFrom('data_subject_offices').selectAll();
  // An event that names a subject as two kinds counts once: distinct positions over their streams.
  let positions = db.selectFrom('data_subject_streams').select(['subject_id', 'positions']);
  if (only !== undefined) {
    sightings = sightings.where('subject_id', '=', only);
    records = records.where('s.subject_id', '=', only);
    offices = offices.where('subject_id', '=', only);
    positions = positions.where('subject_id', '=', only);
  }
  const ends = new Map<string, string>();
  for (const r of await records.execute()) {
    const k = `${r.subject_id} ${r.kind}`;
    ends.set(k, later(ends.get(k) ?? null, later(r.last_event_on, r.end_date))!);
  }
  const held = new Map<string, { holding: boolean; leftOn: string | null }>();
  for (const o of await offices.execute()) {
    const h = held.get(o.subject_id) ?? { holding: false, leftOn: null };
    held.set(o.subject_id, { holding: h.holding || o.left_on === null, leftOn: later(h.leftOn, o.left_on) });
  }
  const kinds = new Map<string, DataSubjectKindView[]>();
  for (const s of await sightings.execute()) {
    const kind = s.kind as DataSubjectKind;
    const basis = retentionBasis[kind];
    const office = held.get(s.subject_id);
    const retentionFrom =
      basis === 'RECORD_END'
        ? (ends.get(`${s.subject_id} ${kind}`) ?? s.until_on)
        : basis === 'OUT_OF_OFFICE' && office
          ? office.holding
            ? null
            : office.leftOn
          : s.until_on;
    const list = kinds.get(s.subject_id) ?? [];
    list.push({
      kind,
      basis,
      firstSeenAt: s.first_seen_at,
      lastSeenAt: s.last_seen_at,
      eventCount: Number(s.events),
      retentionFrom,
    });
    kinds.set(s.subject_id, list);
  }
  const distinct = new Map<string, Set<string>>();
  for (const p of await positions.execute()) {
    const set = distinct.get(p.subject_id) ?? new Set();
    for (const position of p.positions.split(',')) set.add(position);
    distinct.set(p.subject_id, set);
  }
  return (await subjects.orderBy('subject_id').execute()).map((r) => {
    const list = (kinds.get(r.subject_id) ?? []).sort((a, b) => a.kind.localeCompare(b.kind));
    return {
      subjectId: r.subject_id,
      kinds: list,
      firstSeenAt: r.first_seen_at,
      lastSeenAt: list.map((k) => k.lastSeenAt).reduce((a, b) => (a >= b ? a : b), r.first_seen_at),
      eventCount: distinct.get(r.subject_id)?.size ?? 0,
      erasedOn: r.erased_on,
      erasureId: r.erasure_id,
    };
  });
}

/** A data subject the log names, or undefined. */
export async function getDataSubject(db: Kysely<Db>, subjectId: string): Promise<DataSubjectView | undefined> {
  return (await load(db, subjectId))[0];
}

/** Every data subject, with their kinds; the erased ones too unless `heldOnly`. */
export async function listDataSubjects(
  db: Kysely<Db>,
  { heldOnly = false }: { readonly heldOnly?: boolean } = {},
): Promise<DataSubjectView[]> {
  return load(db, undefined, heldOnly);
}

/** The streams whose events name a subject, per kind, with those events' positions. */
export async function listDataSubjectStreams(db: Kysely<Db>, subjectId: string): Promise<DataSubjectStreamView[]> {
  const rows = await db
    .selectFrom('data_subject_streams')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('first_seen_at')
    .orderBy('stream_id')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({
    kind: r.kind as DataSubjectKind,
    streamId: r.stream_id,
    eventCount: Number(r.event_count),
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    positions: r.positions.split(',').map(BigInt),
  }));
}

/** Which of these ids the log names as data subjects (one query, for hiding third parties). */
export async function knownDataSubjects(
  db: Kysely<Db>,
  ids: readonly string[],
): Promise<Map<string, DataSubjectKind[]>> {
  const known = new Map<string, DataSubjectKind[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('data_subject_streams')
      .select(['subject_id', 'kind'])
      .distinct()
      .where('subject_id', 'in', chunk)
      .execute();
    for (const r of rows) known.set(r.subject_id, [...(known.get(r.subject_id) ?? []), r.kind as DataSubjectKind]);
  }
  return known;
}

/** A retention period in whole years per kind; null keeps that kind's data without a limit. */
export type RetentionPeriods = Readonly<Record<DataSubjectKind, number | null>>;

/** `date` (YYYY-MM-DD) plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface KindRetention {
  readonly kind: DataSubjectKind;
  readonly retentionFrom: string | null;
  readonly years: number | null;
  /** The first day the data is past this kind's period; null when it is not counting or kept without limit. */
  readonly expiresOn: string | null;
}

export interface RetentionStatus {
  readonly subjectId: string;
  readonly kinds: KindRetention[];
  /**
   * The first day the subject is past retention: every kind they are named
   * as must have expired, since one period still running (an actor in office,
   * a kind kept without limit) is a reason to keep the data.
   */
  readonly expiresOn: string | null;
  readonly eventCount: number;
  readonly lastSeenAt: string;
}

/** Where a subject stands against the retention periods. */
export function retentionStatus(subject: DataSubjectView, periods: RetentionPeriods): RetentionStatus {
  const kinds = subject.kinds.map((k): KindRetention => {
    const years = periods[k.kind];
    return {
      kind: k.kind,
      retentionFrom: k.retentionFrom,
      years,
      expiresOn: k.retentionFrom !== null && years !== null ? addYears(k.retentionFrom, years) : null,
    };
  });
  const open = kinds.length === 0 || kinds.some((k) => k.expiresOn === null);
  return {
    subjectId: subject.subjectId,
    kinds,
    expiresOn: open ? null : kinds.map((k) => k.expiresOn!).reduce((a, b) => (a >= b ? a : b)),
    eventCount: subject.eventCount,
    lastSeenAt: subject.lastSeenAt,
  };
}

/**
 * The subjects whose data is past retention on `today` (YYYY-MM-DD): held
 * (not erased yet) and past the period of every kind they are named as;
 * the longest expired first.
 */
export async function subjectsPastRetention(
  db: Kysely<Db>,
  periods: RetentionPeriods,
  today: string,
): Promise<RetentionStatus[]> {
  if (!isLocalDate(today))
    throw new ValidationError(`today "${today}" is not a calendar date in the form YYYY-MM-DD`, ['today']);
  return (await listDataSubjects(db, { heldOnly: true }))
    .map((s) => retentionStatus(s, periods))
    .filter((s) => s.expiresOn !== null && s.expiresOn <= today)
    .sort((a, b) => a.expiresOn!.localeCompare(b.expiresOn!) || a.subjectId.localeCompare(b.subjectId));
}
