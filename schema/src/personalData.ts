/**
 * Personal data in the event catalogue (issue 15). Each event definition says
 * which of its fields are personal data and whose (`personalData`), and which
 * are not (`notPersonal`); classification.test.ts fails when a string field
 * of any event is in neither list, in both, or a listed path does not exist.
 * The event store encrypts every personal field with the key of its data
 * subject and erasure forgets the key (crypto-shredding).
 *
 * The rule:
 * - Structured person fields (names, emails, functions) belong to that person.
 * - Free text written in a record about a person belongs to that person:
 *   request notes to the contact person, a logged contact's summary to the
 *   person contacted, a mission report to its author, a planned activity's
 *   note to the staff member it names.
 * - Other free text people write (notes, rationales, reasons, descriptions,
 *   titles, bodies, an assessment's explanation and inputs) may name anyone:
 *   it is encrypted with a document key, the subject being the record's own
 *   id (lessonId, requestId, missionId, activityId, adviceId, jointMissionId,
 *   regionalEventId, twinningId, costId). One record's text can then be
 *   shredded when it names a person who asks for erasure, leaving everything
 *   else (the author's other lessons) readable.
 * - Not personal, each with its reason in `notPersonal`: official names of
 *   public bodies and places (municipalities, partner towns), codes (a policy
 *   version), text the platform writes itself (why booked days or budget came
 *   back) and the note of a year's budget allocation (about funding, with no
 *   record id of its own to key it by).
 * - Not personal by kind, never listed: ids (UUIDs), NIS codes, dates,
 *   instants, country and region codes (the schemas in `codeKinds`) and
 *   vocabulary codes (zod enums and literals). Ids of people (personId,
 *   staffMemberId) are pseudonymous identifiers, stored in clear: they are the
 *   data subjects, the names of their keys.
 *
 * Paths are dotted; `[]` steps into every element of an array and `*` into
 * every value of a record (`explanation.nl[]`, `inputs.*`). A listed path
 * covers everything beneath it. A field listed under several subjects belongs
 * to the first subject the event names (request notes: the contact person
 * when there is one, else the request).
 */
import type { z } from 'zod';
import type { EventDefinition } from './event.js';

/**
 * What a personal field reads as once its subject was erased, in place of a
 * string (the UI translates it). Fields of other shapes keep their shape with
 * this in every string (see erasedPlaceholder).
 */
export const ERASED_VALUE = '[gewist]';

export function getPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `data` with the value at `path` replaced (array indices as numbers); absent paths are left alone. */
export function setPath<T>(data: T, path: string, value: unknown): T {
  return setSegments(data, path.split('.'), 0, value);
}

function setSegments<T>(data: T, segments: readonly string[], at: number, value: unknown): T {
  const head = segments[at];
  if (head === undefined || data === null || typeof data !== 'object' || !(head in data)) return data;
  const last = at === segments.length - 1;
  if (Array.isArray(data)) {
    const copy = [...(data as unknown[])];
    const index = Number(head);
    copy[index] = last ? value : setSegments(copy[index], segments, at + 1, value);
    return copy as T;
  }
  const record = data as Record<string, unknown>;
  return { ...record, [head]: last ? value : setSegments(record[head], segments, at + 1, value) } as T;
}

/** A value found at a path pattern, with its concrete path (`members.0.name` for `members[].name`). */
export interface PathMatch {
  readonly path: string;
  readonly value: unknown;
}

/**
 * The values a path pattern reaches in `data`: one for a plain dotted path,
 * one per element for `[]`, one per record value for `*`. Absent and null
 * values are left out. A value behind a getter (a sealed value the event
 * store decrypts on first read) is not read until the match's `value` is:
 * finding where personal data is costs no decryption.
 */
export function matchPath(data: unknown, pattern: string): PathMatch[] {
  const out: PathMatch[] = [];
  walkPattern(data, patternSegments(pattern), 0, '', out);
  return out;
}

const segmentCache = new Map<string, readonly string[]>();

/** `a.b[].c.*` as the steps `a`, `b`, `[]`, `c`, `*`. */
export function patternSegments(pattern: string): readonly string[] {
  let segments = segmentCache.get(pattern);
  if (!segments) {
    segments = pattern.split('.').flatMap((part) => {
      const arrays = /^(.*?)((?:\[\])*)$/.exec(part)!;
      const name = arrays[1]!;
      const steps: string[] = name === '' ? [] : [name];
      for (let i = 0; i < arrays[2]!.length / 2; i++) steps.push('[]');
      return steps;
    });
    segmentCache.set(pattern, segments);
  }
  return segments;
}

// No closures inside: the walk runs for every personal field of every event written.
function walkPattern(data: unknown, segments: readonly string[], at: number, path: string, out: PathMatch[]): void {
  if (data === undefined || data === null) return;
  if (at === segments.length) {
    out.push({ path, value: data });
    return;
  }
  if (typeof data !== 'object') return;
  const step = segments[at]!;
  if (step === '[]') {
    if (Array.isArray(data)) for (let i = 0; i < data.length; i++) visit(data, String(i), segments, at, path, out);
  } else if (step === '*') {
    if (!Array.isArray(data)) for (const key of Object.keys(data)) visit(data, key, segments, at, path, out);
  } else if (!Array.isArray(data) && Object.hasOwn(data, step)) {
    visit(data, step, segments, at, path, out);
  }
}

function visit(
  data: object,
  key: string,
  segments: readonly string[],
  at: number,
  path: string,
  out: PathMatch[],
): void {
  const next = path === '' ? key : `${path}.${key}`;
  if (at === segments.length - 1) matchProperty(data, key, next, out);
  else walkPattern((data as Record<string, unknown>)[key], segments, at + 1, next, out);
}

/** The last step of a match: a getter is left unread (its match reads it when asked), a plain value is checked. */
function matchProperty(data: object, key: string, path: string, out: PathMatch[]): void {
  const descriptor = Object.getOwnPropertyDescriptor(data, key);
  if (!descriptor) return;
  if (descriptor.get) {
    out.push({
      path,
      get value() {
        return (data as Record<string, unknown>)[key];
      },
    });
    return;
  }
  if (descriptor.value !== undefined && descriptor.value !== null) out.push({ path, value: descriptor.value });
}

/** One personal field of an event type: its path pattern and, in order of preference, the paths of its possible subjects. */
export interface PersonalField {
  readonly field: string;
  readonly subjects: readonly string[];
}

const fieldsCache = new WeakMap<EventDefinition, readonly PersonalField[]>();

/** The personal fields of an event type, each once, with the subjects that may own it in the order listed. */
export function personalFieldsOf(definition: EventDefinition): readonly PersonalField[] {
  let fields = fieldsCache.get(definition);
  if (!fields) {
    const bySubject = new Map<string, string[]>();
    for (const spec of definition.personalData) {
      for (const field of spec.fields) {
        const subjects = bySubject.get(field) ?? [];
        if (!subjects.includes(spec.subject)) subjects.push(spec.subject);
        bySubject.set(field, subjects);
      }
    }
    fields = [...bySubject].map(([field, subjects]) => ({ field, subjects }));
    fieldsCache.set(definition, fields);
  }
  return fields;
}

/** The subject a personal field belongs to in this event: the first of its subjects the data names. */
export function subjectOf(data: unknown, field: PersonalField): string | undefined {
  for (const path of field.subjects) {
    const id = getPath(data, path);
    if (typeof id === 'string' && id !== '') return id;
  }
  return undefined;
}

export interface PersonalDatum {
  readonly subjectId: string;
  /** The concrete path (`explanation`, `members.0.name`). */
  readonly path: string;
  readonly value: unknown;
}

/** The personal data in an event's data, each value with the person (or document) it belongs to. */
export function personalDataOf(definition: EventDefinition, data: unknown): PersonalDatum[] {
  const found: PersonalDatum[] = [];
  for (const field of personalFieldsOf(definition)) {
    const subjectId = subjectOf(data, field);
    if (subjectId === undefined) continue;
    // The match itself, not a copy of its value: a value not yet decrypted stays so until it is read.
    for (const match of matchPath(data, field.field))
      found.push(
        Object.defineProperties(
          { subjectId, path: match.path },
          { value: { enumerable: true, get: () => match.value } },
        ) as PersonalDatum,
      );
  }
  return found;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (
      def.innerType &&
      ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)
    )
      current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The schema a path pattern leads to (optional wrappers removed), or undefined when the schema has no such path. */
export function schemaAt(schema: z.ZodType, pattern: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const step of patternSegments(pattern)) {
    if (!current) return undefined;
    const def = unwrap(current).def as {
      type: string;
      shape?: Record<string, z.ZodType>;
      element?: z.ZodType;
      valueType?: z.ZodType;
    };
    if (step === '[]') current = def.type === 'array' ? def.element : undefined;
    else if (step === '*') current = def.type === 'record' ? def.valueType : undefined;
    else current = def.type === 'object' && def.shape && Object.hasOwn(def.shape, step) ? def.shape[step] : undefined;
  }
  return current && unwrap(current);
}

/**
 * What an erased field of this schema reads as: ERASED_VALUE for a string
 * (or any scalar), an array of one placeholder, an object with a placeholder
 * in each required property, an empty record. Readers keep the shape they
 * expect; every string they find says the value is gone.
 */
export function erasedPlaceholder(schema: z.ZodType | undefined): unknown {
  if (!schema) return ERASED_VALUE;
  const def = unwrap(schema).def as {
    type: string;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
  };
  switch (def.type) {
    case 'array':
      return [erasedPlaceholder(def.element)];
    case 'record':
      return {};
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(def.shape ?? {}))
        if (value.def.type !== 'optional') out[key] = erasedPlaceholder(value);
      return out;
    }
    default:
      return ERASED_VALUE;
  }
}
