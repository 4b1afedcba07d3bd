import {
  dataSubjectsOf,
  eventDefinitions,
  personalDataOf,
  werkbezoekCatalogue,
  type DataSubjectKind,
  type RecordedEvent,
  type WerkbezoekEvent,
  type WerkbezoekEventType,
} from '@werkbezoek/schema';
import { defineProjection } from '../runner/projection.js';
import type { UnitOfWork } from '../runner/unitOfWork.js';
import { retentionBasis } from './basis.js';
import { dataSubjectEvents, dataSubjectOffices, dataSubjectRecords, dataSubjects } from './table.js';

const day = (instant: string) => instant.slice(0, 10);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

/**
 * The aggregates whose streams can name a data subject: the projection
 * follows every event of those streams, to know when a record ended or an
 * actor left office, and nothing of the others.
 */
const personalAggregates = new Set(eventDefinitions.filter((d) => d.personalData.length > 0).map((d) => d.aggregate));
const handled = [
  ...eventDefinitions.filter((d) => personalAggregates.has(d.aggregate)).map((d) => d.type),
  'DataSubjectErased',
] as WerkbezoekEventType[];

interface Mention {
  readonly kinds: Set<DataSubjectKind>;
  readonly fields: string[];
}

/** Who an event names, from the catalogue's personal-data specs (never by event type), with their own fields. */
function mentionsOf(e: RecordedEvent<WerkbezoekEvent>): Map<string, Mention> {
  const definition = werkbezoekCatalogue.get(e.type);
  const mentions = new Map<string, Mention>();
  if (!definition || definition.personalData.length === 0) return mentions;
  for (const { subjectId, kind } of dataSubjectsOf(definition, e.data)) {
    const mention = mentions.get(subjectId) ?? { kinds: new Set(), fields: [] };
    mention.kinds.add(kind);
    mentions.set(subjectId, mention);
  }
  for (const { subjectId, path } of personalDataOf(definition, e.data)) {
    const fields = mentions.get(subjectId)?.fields;
    if (fields && !fields.includes(path)) fields.push(path);
  }
  // A record's id is a subject only where it keys text: an activity whose note is its staff member's is not named.
  for (const [subjectId, m] of mentions) {
    if (m.fields.length === 0 && m.kinds.has('DOCUMENT')) m.kinds.delete('DOCUMENT');
    if (m.kinds.size === 0) mentions.delete(subjectId);
  }
  return mentions;
}

/** The end date an event gives its record (a visit's end), when it gives one. */
function endDateOf(data: object): string | null {
  const value = (data as { endDate?: unknown }).endDate;
  return typeof value === 'string' ? value : null;
}

async function noteSubject(uow: UnitOfWork, e: RecordedEvent<WerkbezoekEvent>, subjectId: string, mention: Mention) {
  const position = String(e.position);
  if (!(await uow.get(dataSubjects, { subject_id: subjectId })))
    uow.put(dataSubjects, {
      subject_id: subjectId,
      first_seen_at: e.metadata.occurredAt,
      first_position: position,
      erased_on: null,
      erasure_id: null,
    });
  const fields = JSON.stringify(mention.fields);
  const until = later(day(e.metadata.occurredAt), endDateOf(e.data))!;
  for (const kind of mention.kinds)
    uow.put(dataSubjectEvents, {
      subject_id: subjectId,
      kind,
      position,
      stream_id: e.streamId,
      revision: Number(e.revision),
      event_type: e.type,
      occurred_at: e.metadata.occurredAt,
      until_on: until,
      fields,
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
  version: 1,
  // A row per mention, and every personal field located per event: measured beside the others on the demo history.
  cost: 9,
  tables: [dataSubjects, dataSubjectEvents, dataSubjectRecords, dataSubjectOffices],
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
    for (const [subjectId, mention] of mentions) {
      await noteSubject(uow, e, subjectId, mention);
      for (const kind of mention.kinds) if (retentionBasis[kind] === 'RECORD_END') recordEnds = true;
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
