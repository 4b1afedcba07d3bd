import {
  dataSubjectsOf,
  eventDefinitions,
  getPath,
  matchPath,
  personalFieldsOf,
  subjectOf,
  werkbezoekCatalogue,
  type DataSubjectKind,
  type EventDefinition,
  type RecordedEvent,
  type WerkbezoekEvent,
  type WerkbezoekEventType,
} from '@werkbezoek/schema';
import { defineProjection } from '../runner/projection.js';
import type { UnitOfWork } from '../runner/unitOfWork.js';
import { retentionBasis } from './basis.js';
import { dataSubjectOffices, dataSubjectRecords, dataSubjectStreams, dataSubjects } from './table.js';

const day = (instant: string) => instant.slice(0, 10);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

/**
 * The event types that carry personal data, and the erasure: the only ones
 * that name a subject. A record's end is its last event of these types (or
 * the end date one gave); bookings, budgets and schedules change nothing here.
 */
const handled = [
  ...eventDefinitions.filter((d) => d.personalData.length > 0).map((d) => d.type),
  'DataSubjectErased',
] as WerkbezoekEventType[];

/**
 * The subjects that own at least one personal field present in the data. As
 * `personalDataOf` decides, without collecting every value: a plain path is
 * one lookup, which makes the projection several times cheaper per event.
 */
function ownersOf(definition: EventDefinition, data: object): Set<string> {
  const owners = new Set<string>();
  for (const field of personalFieldsOf(definition)) {
    const owner = subjectOf(data, field);
    if (owner === undefined || owners.has(owner)) continue;
    const present = /[[*]/.test(field.field)
      ? matchPath(data, field.field).length > 0
      : (getPath(data, field.field) ?? null) !== null;
    if (present) owners.add(owner);
  }
  return owners;
}

/** Who an event names, from the catalogue's personal-data specs (never by event type), with their kinds. */
function mentionsOf(e: RecordedEvent<WerkbezoekEvent>): Map<string, Set<DataSubjectKind>> {
  const mentions = new Map<string, Set<DataSubjectKind>>();
  const definition = werkbezoekCatalogue.get(e.type);
  if (!definition || definition.personalData.length === 0) return mentions;
  for (const { subjectId, kind } of dataSubjectsOf(definition, e.data)) {
    const kinds = mentions.get(subjectId) ?? new Set();
    mentions.set(subjectId, kinds.add(kind));
  }
  // A record's id is a subject only where it keys text: an activity whose note is its staff member's is not named.
  const documents = [...mentions].filter(([, kinds]) => kinds.has('DOCUMENT'));
  if (documents.length > 0) {
    const owners = ownersOf(definition, e.data);
    for (const [subjectId, kinds] of documents) {
      if (owners.has(subjectId)) continue;
      kinds.delete('DOCUMENT');
      if (kinds.size === 0) mentions.delete(subjectId);
    }
  }
  return mentions;
}

/** The end date an event gives its record (a visit's end), when it gives one. */
function endDateOf(data: object): string | null {
  const value = (data as { endDate?: unknown }).endDate;
  return typeof value === 'string' ? value : null;
}

async function noteSubject(
  uow: UnitOfWork,
  e: RecordedEvent<WerkbezoekEvent>,
  subjectId: string,
  kinds: ReadonlySet<DataSubjectKind>,
) {
  const at = e.metadata.occurredAt;
  const position = String(e.position);
  const until = later(day(at), endDateOf(e.data))!;
  let known = false;
  for (const kind of kinds) {
    const key = { subject_id: subjectId, kind, stream_id: e.streamId };
    const row = await uow.get(dataSubjectStreams, key);
    known ||= row !== undefined;
    uow.put(dataSubjectStreams, {
      ...key,
      first_seen_at: row ? row.first_seen_at : at,
      last_seen_at: row && row.last_seen_at > at ? row.last_seen_at : at,
      event_count: (row?.event_count ?? 0) + 1,
      until_on: later(row?.until_on ?? null, until)!,
      positions: row ? `${row.positions},${position}` : position,
    });
  }
  // Named in this stream before: known as a subject already (most mentions), no need to look.
  if (!known && !(await uow.get(dataSubjects, { subject_id: subjectId })))
    uow.put(dataSubjects, {
      subject_id: subjectId,
      first_seen_at: at,
      first_position: position,
      erased_on: null,
      erasure_id: null,
    });
}

/** Twinning offices (TwinningActorChanged, TwinningEnded): who holds which, and since or until when. */
async function trackOffices(
  uow: UnitOfWork,
  e: RecordedEvent<WerkbezoekEvent>,
  offices: Record<string, string>,
): Promise<void> {
  const leave = (subjectId: string, office: string, on: string) =>
    uow.update(dataSubjectOffices, { subject_id: subjectId, office: `${e.streamId}|${office}` }, () => ({
      left_on: on,
    }));
  if (e.type === 'TwinningActorChanged') {
    const { side, actorKind, changedOn, person } = e.data;
    const office = `${side}|${actorKind}`;
    const holder = offices[office];
    if (holder !== undefined && holder !== person?.personId) await leave(holder, office, changedOn);
    if (person) {
      offices[office] = person.personId;
      if (holder !== person.personId)
        uow.put(dataSubjectOffices, {
          subject_id: person.personId,
          office: `${e.streamId}|${office}`,
          took_on: changedOn,
          left_on: null,
        });
    } else delete offices[office];
  } else if (e.type === 'TwinningEnded') {
    for (const [office, holder] of Object.entries(offices)) {
      await leave(holder, office, e.data.endedOn);
      delete offices[office];
    }
  }
}

/**
 * Every data subject the event log names (from the catalogue's personal-data
 * specs), with the events that name them per kind, the ends of the records
 * they are named in and the twinning offices they held: what the day their
 * retention counts from is derived from (see `retentionBasis`); erased or not.
 * Ids, positions and dates only: it holds no personal value, so an erasure
 * leaves it as it is and it survives one.
 */
export const dataSubjectsProjection = defineProjection({
  name: 'dataSubjects',
  // 2: a row per subject, kind and stream instead of one per event.
  version: 2,
  // Every personal-data spec read per event: measured beside the others on the demo history.
  cost: 11,
  tables: [dataSubjects, dataSubjectStreams, dataSubjectRecords, dataSubjectOffices],
  // Ids, positions and dates: nothing an erasure must rebuild away.
  holdsPersonalData: false,
  handles: handled,
  async apply(e, uow) {
    if (e.type === 'DataSubjectErased') {
      const d = e.data;
      await uow.update(dataSubjects, { subject_id: d.subjectId }, () => ({
        erased_on: d.erasedOn,
        erasure_id: d.erasureId,
      }));
      return;
    }
    const mentions = mentionsOf(e);
    let recordEnds = false;
    for (const [subjectId, kinds] of mentions) {
      await noteSubject(uow, e, subjectId, kinds);
      for (const kind of kinds) if (retentionBasis[kind] === 'RECORD_END') recordEnds = true;
    }
    const actor = e.type === 'TwinningActorChanged' && e.data.person !== undefined;
    const record = await uow.get(dataSubjectRecords, { stream_id: e.streamId });
    if (!record && !recordEnds && !actor) return;

    const lastEventOn = later(record?.last_event_on ?? null, day(e.metadata.occurredAt))!;
    const endDate = endDateOf(e.data) ?? record?.end_date ?? null;
    const offices = JSON.parse(record?.offices ?? '{}') as Record<string, string>;
    await trackOffices(uow, e, offices);
    const next = {
      stream_id: e.streamId,
      last_event_on: lastEventOn,
      end_date: endDate,
      offices: JSON.stringify(offices),
    };
    // Most events of a stream change nothing here (a second event on the same day): no write.
    if (
      !record ||
      next.last_event_on !== record.last_event_on ||
      next.end_date !== record.end_date ||
      next.offices !== record.offices
    )
      uow.put(dataSubjectRecords, next);
  },
});
