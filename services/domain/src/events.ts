import {
  ValidationError,
  describeIssues,
  type Command,
  type WerkbezoekEvent,
  type WerkbezoekEventType,
} from '@werkbezoek/schema';
import type { z } from 'zod';

/** The events of the given types, as a union. */
export type EventsOf<T extends WerkbezoekEventType> = Extract<WerkbezoekEvent, { type: T }>;

/** Builds an event of the catalogue, typed by its name. */
export function event<T extends WerkbezoekEventType>(type: T, data: EventsOf<T>['data']): EventsOf<T> {
  return { type, data } as EventsOf<T>;
}

/**
 * Checks command input against the schema of the event it will produce, so a
 * user hears about a bad field in terms of the field, before any decision.
 */
export function checkInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { message, fields } = describeIssues(result.error.issues);
  throw new ValidationError(`Invalid ${what}: ${message}`, fields);
}

/** The calendar date of a command, in Brussels. */
export { localDateOf as commandDate } from './dates.js';

export type AnyCommand = Command<string, object>;
