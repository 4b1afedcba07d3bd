import Database from 'better-sqlite3';
import type { CommandRecord } from './loadGenerator.js';

/*
 * The embedded event log as stored, read with SQLite itself (ids and types
 * are not personal data, so nothing needs decrypting), and what the fault
 * suites check in it: whole appends only, each acknowledged command's events
 * once, and every request either accepted with all it holds or holding
 * nothing.
 */

export interface StoredEvent {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly correlationId: string;
}

/** Every event of an SQLite event store, in order. Safe while a writer runs, or after it was killed (WAL). */
export function readEventLog(path: string): StoredEvent[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<
        [],
        { position: number; stream_id: string; revision: number; type: string; data: string; metadata: string }
      >('select position, stream_id, revision, type, data, metadata from events order by position')
      .all();
    return rows.map((r) => ({
      position: r.position,
      streamId: r.stream_id,
      revision: r.revision,
      type: r.type,
      data: JSON.parse(r.data) as Record<string, unknown>,
      correlationId: (JSON.parse(r.metadata) as { correlationId: string }).correlationId,
    }));
  } finally {
    db.close();
  }
}

/** SQLite's own check of the file, and the log's shape: positions 1..n without a gap, each stream's revisions 0..k. */
export function storeConsistency(path: string): { integrity: string; problems: string[] } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  let integrity: string;
  try {
    integrity = db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
  const problems: string[] = [];
  const next = new Map<string, number>();
  readEventLog(path).forEach((e, i) => {
    if (e.position !== i + 1) problems.push(`position ${e.position} where ${i + 1} was due`);
    const expected = next.get(e.streamId) ?? 0;
    if (e.revision !== expected) problems.push(`${e.streamId}@${e.revision} where revision ${expected} was due`);
    next.set(e.streamId, e.revision + 1);
  });
  return { integrity, problems };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * Requests whose acceptance and resources disagree: an acceptance without
 * exactly one booking of staff days and one budget reservation still held
 * and its mission scheduled, or days or budget held for a request that was
 * not accepted. A crash between the appends of an acceptance (they go to
 * four streams) leaves such a request until the command is sent again.
 */
export function halfAccepted(events: readonly StoredEvent[]): string[] {
  const accepted = new Map<string, number>();
  const missions = new Map<string, number>();
  const acceptedMission = new Map<string, string>();
  const bookings = new Map<string, { requestId: string | undefined; days: number }>();
  const reservations = new Map<string, { requestId: string | undefined; eur: number }>();
  for (const e of events) {
    const d = e.data;
    switch (e.type) {
      case 'AccompanimentAccepted':
        accepted.set(str(d.requestId)!, (accepted.get(str(d.requestId)!) ?? 0) + 1);
        acceptedMission.set(str(d.requestId)!, str(d.missionId)!);
        break;
      case 'MissionScheduled':
        missions.set(str(d.missionId)!, (missions.get(str(d.missionId)!) ?? 0) + 1);
        break;
      case 'StaffDaysBooked':
        bookings.set(str(d.bookingId)!, { requestId: str(d.requestId), days: d.days as number });
        break;
      case 'StaffDaysReleased': {
        const booking = bookings.get(str(d.bookingId)!);
        if (booking) booking.days -= d.days as number;
        break;
      }
      case 'BudgetReserved':
        reservations.set(str(d.reservationId)!, { requestId: str(d.requestId), eur: d.amountEur as number });
        break;
      case 'BudgetReleased': {
        const reservation = reservations.get(str(d.reservationId)!);
        if (reservation) reservation.eur -= d.amountEur as number;
        break;
      }
      case 'CostRecorded':
        // Completing a mission turns its reservation into costs and releases the rest; not in these suites' load.
        break;
    }
  }
  const held = (requestId: string) => ({
    bookings: [...bookings.values()].filter((b) => b.requestId === requestId && b.days > 0).length,
    reservations: [...reservations.values()].filter((r) => r.requestId === requestId && r.eur > 0.005).length,
  });
  const requests = new Set<string>([
    ...accepted.keys(),
    ...[...bookings.values()].flatMap((b) => (b.requestId ? [b.requestId] : [])),
    ...[...reservations.values()].flatMap((r) => (r.requestId ? [r.requestId] : [])),
  ]);
  const problems: string[] = [];
  for (const requestId of requests) {
    const times = accepted.get(requestId) ?? 0;
    const { bookings: b, reservations: r } = held(requestId);
    const missionId = acceptedMission.get(requestId);
    const scheduled = missionId ? (missions.get(missionId) ?? 0) : 0;
    const want = times > 0 ? 1 : 0;
    if (times > 1 || b !== want || r !== want || scheduled !== want)
      problems.push(
        `request ${requestId}: accepted ${times}×, ${b} booking(s) and ${r} reservation(s) held, mission scheduled ${scheduled}×`,
      );
  }
  return problems;
}

/** What the log holds of something, beside what the acknowledged commands made of it. */
export interface Difference {
  readonly what: string;
  readonly found: number;
  readonly wanted: number;
}

const count = (events: readonly StoredEvent[], type: string, field: string, id: string) =>
  events.filter((e) => e.type === type && e.data[field] === id).length;

const fieldOf = (record: CommandRecord, path: readonly string[]): string | undefined => {
  let value: unknown = record.answer?.data;
  for (const p of path) value = (value as Record<string, unknown> | null | undefined)?.[p];
  return str(value);
};

/**
 * Each acknowledged command's effect in the log, counted by what it made:
 * one submission per request it answered with, as many amendments, plans and
 * lessons as were acknowledged, one decision per decided request. A command
 * applied twice (its retry not recognised) shows as a second request, lesson,
 * amendment or plan; a lost one as a missing event. Returns the differences.
 */
export function exactlyOnce(
  events: readonly StoredEvent[],
  records: readonly CommandRecord[],
  /** The log's head before the load began. */
  programmeHead: number,
): Difference[] {
  const problems: Difference[] = [];
  const acknowledged = records.filter((r) => r.answer?.data && !r.answer.errors?.length);
  const expect = (what: string, found: number, wanted: number) => {
    if (found !== wanted) problems.push({ what, found, wanted });
  };
  const of = (kind: CommandRecord['kind']) => acknowledged.filter((r) => r.kind === kind);

  for (const r of of('submit')) {
    const requestId = fieldOf(r, ['submitAccompanimentRequest', 'id'])!;
    expect(
      `submission of request ${requestId}`,
      count(events, 'AccompanimentRequestSubmitted', 'requestId', requestId),
      1,
    );
  }
  const byTarget = (kind: CommandRecord['kind']) => {
    const n = new Map<string, number>();
    for (const r of of(kind)) n.set(r.target!, (n.get(r.target!) ?? 0) + 1);
    return n;
  };
  for (const [requestId, n] of byTarget('amend'))
    expect(
      `amendments of request ${requestId}`,
      count(events, 'AccompanimentRequestAmended', 'requestId', requestId),
      n,
    );
  for (const r of of('accept'))
    expect(`acceptance of request ${r.target}`, count(events, 'AccompanimentAccepted', 'requestId', r.target!), 1);
  for (const r of of('decline'))
    expect(`decline of request ${r.target}`, count(events, 'AccompanimentDeclined', 'requestId', r.target!), 1);
  const plans = byTarget('planActivity');
  for (const [missionId, n] of byTarget('planActivityOnNewMission'))
    plans.set(missionId, (plans.get(missionId) ?? 0) + n);
  for (const [missionId, n] of plans)
    expect(
      `activities planned on mission ${missionId}`,
      count(events, 'MissionActivityPlanned', 'missionId', missionId),
      n,
    );
  for (const r of of('recordLesson')) {
    const lessonId = fieldOf(r, ['recordLesson', 'id'])!;
    expect(`lesson ${lessonId}`, count(events, 'LessonRecorded', 'lessonId', lessonId), 1);
  }
  // And nothing beyond: the load's kinds of events after the programme's, one per acknowledged command.
  const after = events.filter((e) => e.position > programmeHead);
  const made = (type: string) => after.filter((e) => e.type === type).length;
  expect('submissions in all', made('AccompanimentRequestSubmitted'), of('submit').length);
  expect('amendments in all', made('AccompanimentRequestAmended'), of('amend').length);
  expect('acceptances in all', made('AccompanimentAccepted'), of('accept').length);
  expect('missions scheduled in all', made('MissionScheduled'), of('accept').length);
  expect('declines in all', made('AccompanimentDeclined'), of('decline').length);
  expect(
    'activities planned in all',
    made('MissionActivityPlanned'),
    of('planActivity').length + of('planActivityOnNewMission').length,
  );
  expect('lessons in all', made('LessonRecorded'), of('recordLesson').length);
  // And by command: each acknowledged command is one conversation (its events' correlation id) in the log,
  // holding each of its kinds of event once; a command stored twice would be two.
  const primary = new Set([
    'AccompanimentRequestSubmitted',
    'AccompanimentRequestAmended',
    'AccompanimentAccepted',
    'AccompanimentDeclined',
    'MissionActivityPlanned',
    'LessonRecorded',
  ]);
  const conversations = new Map<string, Map<string, number>>();
  for (const e of after) {
    if (
      !primary.has(e.type) &&
      e.type !== 'MissionScheduled' &&
      !e.type.endsWith('Booked') &&
      e.type !== 'BudgetReserved'
    )
      continue;
    const types = conversations.get(e.correlationId) ?? new Map<string, number>();
    types.set(e.type, (types.get(e.type) ?? 0) + 1);
    conversations.set(e.correlationId, types);
  }
  expect('commands in the log', conversations.size, acknowledged.length);
  for (const [correlationId, types] of conversations)
    for (const [type, n] of types) expect(`${type} of command ${correlationId}`, n, 1);
  return problems;
}

/** How many events of each type the log holds. */
export function eventTypes(events: readonly StoredEvent[]): Record<string, number> {
  const types: Record<string, number> = {};
  for (const e of events) types[e.type] = (types[e.type] ?? 0) + 1;
  return types;
}
