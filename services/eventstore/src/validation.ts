import {
  EventMetadataSchema,
  ValidationError,
  describeIssues,
  matchPath,
  personalFieldsOf,
  type EventCatalogue,
  type EventMetadata,
  type NewEvent,
} from '@werkbezoek/schema';
import type { AppendOptions, ExpectedRevision } from './eventStore.js';
import { isEnvelope } from './privacy/envelope.js';

/** An event checked against the catalogue, ready to be written. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
  readonly metadata: EventMetadata;
}

const MAX_STREAM_ID = 200;
const MAX_EVENTS_PER_APPEND = 10_000;

export function validateStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.trim() === '') {
    throw new ValidationError('A stream id must be a non-empty string, such as "request-<uuid>"', ['streamId']);
  }
  if (streamId !== streamId.trim() || streamId.length > MAX_STREAM_ID) {
    throw new ValidationError(
      `Stream id "${streamId.slice(0, 40)}" must have no leading or trailing spaces and at most ${MAX_STREAM_ID} characters`,
      ['streamId'],
    );
  }
  if (streamId.startsWith('$')) {
    throw new ValidationError(`Stream id "${streamId}" must not start with "$": those are the store's own streams`, [
      'streamId',
    ]);
  }
}

export function validateExpectedRevision(options: AppendOptions | undefined): ExpectedRevision {
  const expected = options?.expectedRevision ?? 'any';
  if (typeof expected === 'bigint') {
    if (expected < 0n) {
      throw new ValidationError(`expectedRevision ${expected} is negative; use 'no_stream' for a new stream`, [
        'expectedRevision',
      ]);
    }
    return expected;
  }
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  throw new ValidationError(
    `expectedRevision ${String(expected)} is not one of 'any', 'no_stream', 'stream_exists' or a bigint revision`,
    ['expectedRevision'],
  );
}

/** The import time an append carries, normalised to an ISO instant, or undefined for "now". */
export function validateRecordedAt(options: AppendOptions | undefined): string | undefined {
  const recordedAt = options?.recordedAt;
  if (recordedAt === undefined) return undefined;
  const time = typeof recordedAt === 'string' ? Date.parse(recordedAt) : NaN;
  if (Number.isNaN(time)) {
    throw new ValidationError(
      `recordedAt ${String(recordedAt)} is not an ISO 8601 instant such as "2026-03-01T09:30:00.000Z"`,
      ['recordedAt'],
    );
  }
  return new Date(time).toISOString();
}

/**
 * Checks a whole append before anything is written: the stream id, every
 * event's type, data and metadata, and that no event id repeats.
 */
export function prepareAppend(
  catalogue: EventCatalogue,
  streamId: string,
  events: readonly NewEvent[],
  options: Pick<AppendOptions, 'asStored'> = {},
): PreparedEvent[] {
  validateStreamId(streamId);
  if (events === undefined || events === null || events.length === 0) {
    throw new ValidationError(`An append to "${streamId}" needs at least one event`, ['events']);
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new ValidationError(
      `An append holds at most ${MAX_EVENTS_PER_APPEND} events; split the ${events.length} events`,
      ['events'],
    );
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const where = `event ${index} (${String(event?.type)}) for "${streamId}"`;
    if (!event || typeof event.type !== 'string') {
      throw new ValidationError(`${where}: an event needs a string type`, [`events.${index}.type`]);
    }
    const schemaVersion = (() => {
      try {
        return catalogue.currentVersion(event.type);
      } catch (error) {
        throw new ValidationError(`${where}: ${(error as Error).message}`, [`events.${index}.type`]);
      }
    })();
    let data: object;
    try {
      data = options.asStored
        ? validateStored(catalogue, event.type, event.data)
        : catalogue.validate(event.type, event.data);
    } catch (error) {
      const v = error as ValidationError;
      throw new ValidationError(
        `${where}: ${v.message}`,
        v.fields.map((f) => `events.${index}.data.${f}`),
      );
    }
    const parsed = EventMetadataSchema.safeParse({ ...event.metadata, schemaVersion });
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error.issues);
      throw new ValidationError(
        `${where}: invalid metadata: ${message}`,
        fields.map((f) => `events.${index}.metadata.${f}`),
      );
    }
    const metadata = parsed.data as EventMetadata;
    if (seen.has(metadata.eventId)) {
      throw new ValidationError(`${where}: event id ${metadata.eventId} appears twice in one append`, [
        `events.${index}.metadata.eventId`,
      ]);
    }
    seen.add(metadata.eventId);
    return { eventId: metadata.eventId, type: event.type, schemaVersion, data, metadata };
  });
}

/** The concrete paths of an event's personal fields that hold sealed values. */
function sealedPaths(catalogue: EventCatalogue, type: string, data: unknown): string[] {
  const definition = catalogue.get(type);
  if (!definition) return [];
  return personalFieldsOf(definition)
    .flatMap((f) => matchPath(data, f.field))
    .filter((m) => isEnvelope(m.value))
    .map((m) => m.path);
}

/**
 * Validates data as a store holds it: a problem at a sealed value (an email
 * that is a ciphertext, a ciphertext longer than the plaintext's limit) is
 * left out, every other problem counts. The data is kept as it is.
 */
function validateStored(catalogue: EventCatalogue, type: string, data: unknown): object {
  try {
    return catalogue.validate(type, data);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const sealed = sealedPaths(catalogue, type, data);
    const atSealed = (field: string) => sealed.some((s) => field === s || field.startsWith(`${s}.`));
    if (sealed.length === 0 || error.fields.length === 0 || !error.fields.every(atSealed)) throw error;
    return data as object;
  }
}

/** A description of an expected revision for error messages. */
export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}

/** A description of a stream's actual revision (-1n: no stream). */
export function describeActual(actual: bigint): string {
  return actual < 0n ? 'no_stream' : actual.toString();
}

/** Whether a stream whose last revision is `actual` (-1n when absent) meets the expectation. */
export function meetsExpectation(expected: ExpectedRevision, actual: bigint): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual < 0n;
    case 'stream_exists':
      return actual >= 0n;
    default:
      return actual === expected;
  }
}

export function idempotencyConflict(streamId: string, eventId: string, where: string): ValidationError {
  return new ValidationError(
    `Event id ${eventId} is already stored (${where}), but this append to "${streamId}" does not repeat that earlier append ` +
      'exactly; a retry must resend the same events in the same order, and new events need new ids',
    ['metadata.eventId'],
  );
}
