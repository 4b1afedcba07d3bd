/**
 * Benchmark events: valid per the real catalogue, of realistic mid size, so the
 * figures include the validation, serialisation and parsing a real event costs.
 */
import { uuidv7, type EventData, type NewEvent } from '@werkbezoek/schema';

export type SubmittedData = EventData<'AccompanimentRequestSubmitted'>;

/** The stream of one accompaniment request, and the ids its events repeat. */
export interface RequestStream {
  readonly streamId: string;
  readonly requestId: string;
  readonly twinningId: string;
  readonly personId: string;
  readonly nisCode: string;
  readonly index: number;
}

const MUNICIPALITIES = [
  { nisCode: '11055', name: 'Zoersel', domain: 'zoersel.be' },
  { nisCode: '44021', name: 'Gent', domain: 'stad.gent' },
  { nisCode: '71022', name: 'Hasselt', domain: 'hasselt.be' },
  { nisCode: '24062', name: 'Leuven', domain: 'leuven.be' },
  { nisCode: '31005', name: 'Brugge', domain: 'brugge.be' },
  { nisCode: '12021', name: 'Mechelen', domain: 'mechelen.be' },
] as const;

const CONTACTS = ['An Peeters', 'Jan Janssens', 'Els Maes', 'Pieter Claes', 'Sofie Wouters', 'Tom Goossens'] as const;

const NOTES = [
  'The delegation visits the partner municipality to follow up the waste collection pilot and to meet the new coordinator of the twinning committee.',
  'Technical mission on civil registration: the team trains two registrars and reviews the digitisation of the birth registers started last year.',
  'Joint evaluation of the local tax project with the partner administration; the mayor joins for the last two days of the programme.',
] as const;

const DOMAINS = [
  ['LOCAL_GOVERNANCE', 'WASTE_MANAGEMENT'],
  ['CIVIL_REGISTRATION'],
  ['LOCAL_TAXES', 'LOCAL_GOVERNANCE', 'LOCAL_ECONOMY'],
] as const;

/** A new accompaniment request stream; `index` picks the municipality and details. */
export function requestStream(index: number, prefix = 'request'): RequestStream {
  const requestId = uuidv7();
  return {
    streamId: `${prefix}-${requestId}`,
    requestId,
    twinningId: uuidv7(),
    personId: uuidv7(),
    nisCode: MUNICIPALITIES[index % MUNICIPALITIES.length]!.nisCode,
    index,
  };
}

const OCCURRED_AT = Date.parse('2026-03-01T09:30:00.000Z');

/**
 * An `AccompanimentRequestSubmitted` event (schema v2) for a stream: about
 * 650 bytes of data JSON and 250 of metadata JSON. `seq` varies the details.
 */
export function submittedEvent(stream: RequestStream, seq: number): NewEvent {
  const m = MUNICIPALITIES[stream.index % MUNICIPALITIES.length]!;
  const contact = CONTACTS[(stream.index + seq) % CONTACTS.length]!;
  const day = 1 + ((stream.index + seq) % 20);
  const data: SubmittedData = {
    requestId: stream.requestId,
    twinningId: stream.twinningId,
    nisCode: m.nisCode,
    missionType: seq % 2 === 0 ? 'TECHNICAL' : 'EVALUATION',
    startDate: `2027-03-${String(day).padStart(2, '0')}`,
    endDate: `2027-03-${String(day + 7).padStart(2, '0')}`,
    delegationSize: 1 + ((stream.index + seq) % 8),
    programme: 'GLOBE_2022_2026',
    policyDomains: [...DOMAINS[seq % DOMAINS.length]!],
    claimedReasons: ['ACTOR_RENEWAL', 'EXPERTISE_ACTIVITIES'],
    notes: NOTES[seq % NOTES.length]!,
    contact: {
      personId: stream.personId,
      name: contact,
      email: `${contact.toLowerCase().replace(' ', '.')}@${m.domain}`,
    },
  };
  const eventId = uuidv7();
  return {
    type: 'AccompanimentRequestSubmitted',
    data,
    metadata: {
      eventId,
      occurredAt: new Date(OCCURRED_AT + (stream.index * 97 + seq) * 60_000).toISOString(),
      actor: { id: 'benchmark', role: 'SYSTEM' },
      correlationId: eventId,
      causationId: eventId,
    },
  };
}

/** Average JSON sizes of data and metadata, as a store writes them. */
export function payloadSize(events: readonly NewEvent[]): { dataBytes: number; metadataBytes: number } {
  let data = 0;
  let metadata = 0;
  for (const e of events) {
    data += Buffer.byteLength(JSON.stringify(e.data));
    metadata += Buffer.byteLength(JSON.stringify(e.metadata));
  }
  return { dataBytes: Math.round(data / events.length), metadataBytes: Math.round(metadata / events.length) };
}
