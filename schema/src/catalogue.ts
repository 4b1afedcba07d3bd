import type { z } from 'zod';
import { ValidationError } from './errors.js';
import type { EventDefinition, EventOf } from './event.js';
import * as mission from './events/mission.js';
import * as lesson from './events/lesson.js';
import * as privacy from './events/privacy.js';
import * as regional from './events/regional.js';
import * as request from './events/request.js';
import * as resources from './events/resources.js';
import * as twinning from './events/twinning.js';

/** Turns zod issues into one sentence per problem, with the field's path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): { message: string; fields: string[] } {
  const fields = issues.map((i) => i.path.map(String).join('.'));
  const parts = issues.map((i, n) => {
    const message = i.message.replace(/^Invalid input: expected (\w+), received undefined$/, 'is required (a $1)');
    return fields[n] ? `${fields[n]}: ${message}` : message;
  });
  return { message: parts.join('; '), fields };
}

/**
 * The set of event types a store accepts: validates data on append and lifts
 * stored old versions to the current shape on read.
 */
export interface EventCatalogue {
  readonly types: readonly string[];
  get(type: string): EventDefinition | undefined;
  /** Checks data against the type's current schema; throws a ValidationError that names every problem. */
  validate(type: string, data: unknown): object;
  /** Lifts data stored at `version` to the type's current version. */
  upcast(type: string, version: number, data: unknown): unknown;
  currentVersion(type: string): number;
}

export function createCatalogue(definitions: readonly EventDefinition[]): EventCatalogue {
  const byType = new Map<string, EventDefinition>();
  for (const d of definitions) {
    if (byType.has(d.type)) throw new Error(`Event type ${d.type} is defined twice`);
    byType.set(d.type, d);
  }
  const types = [...byType.keys()];
  function require(type: string): EventDefinition {
    const d = byType.get(type);
    if (!d) {
      throw new ValidationError(
        `Unknown event type "${type}"; the catalogue knows ${types.length} types, such as ${types.slice(0, 4).join(', ')}`,
        ['type'],
      );
    }
    return d;
  }
  return {
    types,
    get: (type) => byType.get(type),
    currentVersion: (type) => require(type).version,
    validate(type, data) {
      const d = require(type);
      const result = d.schema.safeParse(data);
      if (!result.success) {
        const { message, fields } = describeIssues(result.error.issues);
        throw new ValidationError(`Invalid ${type} (v${d.version}) data: ${message}`, fields);
      }
      return result.data;
    },
    upcast(type, version, data) {
      const d = require(type);
      if (version > d.version) {
        throw new ValidationError(
          `Stored ${type} is version ${version} but this code knows only up to v${d.version}; upgrade the software`,
        );
      }
      let lifted = data;
      for (let v = version; v < d.version; v++) lifted = d.upcasters[v]!(lifted);
      return lifted;
    },
  };
}

export const eventDefinitions = [
  ...Object.values(twinning),
  ...Object.values(request).filter((d): d is Extract<typeof d, EventDefinition> => 'aggregate' in d),
  ...Object.values(mission),
  ...Object.values(lesson),
  ...Object.values(regional),
  ...Object.values(resources),
  ...Object.values(privacy).filter((d): d is Extract<typeof d, EventDefinition> => 'aggregate' in d),
] as const;

/** Every event the platform stores, as a discriminated union on `type`. */
export type WerkbezoekEvent = EventOf<(typeof eventDefinitions)[number]>;
export type WerkbezoekEventType = WerkbezoekEvent['type'];
export type EventData<T extends WerkbezoekEventType> = Extract<WerkbezoekEvent, { type: T }>['data'];

export const werkbezoekCatalogue: EventCatalogue = createCatalogue(eventDefinitions);
