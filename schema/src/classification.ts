import type { z } from 'zod';
import { codeKinds } from './codes.js';
import type { EventDefinition } from './event.js';
import { personalFieldsOf, schemaAt } from './personalData.js';

/** A field that could hold personal data: a string that is no code, or a value of unknown shape. */
export interface TextField {
  /** The path pattern: dotted, `[]` for array elements, `*` for record values. */
  readonly path: string;
  readonly kind: 'text' | 'unknown';
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);
// Kinds that hold no text, or only codes from a closed list (vocabularies are zod enums).
const NO_TEXT = new Set(['number', 'boolean', 'bigint', 'date', 'null', 'undefined', 'void', 'nan', 'enum', 'literal']);

/**
 * Every field of a schema that could hold personal data, at any depth. Not
 * personal by kind, so not returned: numbers and booleans, zod enums and
 * literals (vocabulary codes), and the string schemas registered in
 * `codeKinds` (ids, NIS codes, dates, instants, country and region codes).
 * Record keys are taken as codes; record values are walked under `*`.
 */
export function textFieldsOf(schema: z.ZodType, path = ''): TextField[] {
  const out: TextField[] = [];
  walk(schema, path, out);
  return out;
}

function walk(schema: z.ZodType, path: string, out: TextField[]): void {
  const def = schema.def as unknown as {
    type: string;
    innerType?: z.ZodType;
    in?: z.ZodType;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
    valueType?: z.ZodType;
    options?: readonly z.ZodType[];
    left?: z.ZodType;
    right?: z.ZodType;
    items?: readonly z.ZodType[];
    rest?: z.ZodType | null;
  };
  const join = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (WRAPPERS.has(def.type) && def.innerType) return walk(def.innerType, path, out);
  if (NO_TEXT.has(def.type)) return;
  switch (def.type) {
    case 'string':
    case 'template_literal':
      if (!codeKinds.has(schema)) out.push({ path, kind: 'text' });
      return;
    case 'unknown':
    case 'any':
      out.push({ path, kind: 'unknown' });
      return;
    case 'object':
      for (const [key, value] of Object.entries(def.shape ?? {})) walk(value, join(key), out);
      return;
    case 'array':
      return walk(def.element!, `${path}[]`, out);
    case 'record':
      return walk(def.valueType!, join('*'), out);
    case 'tuple':
      for (const item of [...(def.items ?? []), ...(def.rest ? [def.rest] : [])]) walk(item, `${path}[]`, out);
      return;
    case 'union':
      for (const option of def.options ?? []) walk(option, path, out);
      return;
    case 'intersection':
      walk(def.left!, path, out);
      walk(def.right!, path, out);
      return;
    case 'pipe':
      return walk(def.in!, path, out);
    default:
      throw new Error(`The classification guard cannot look inside a zod ${def.type} at "${path}": teach it that type`);
  }
}

/** Whether `listed` names `path` or one of its ancestors. */
export function covers(listed: string, path: string): boolean {
  return path === listed || path.startsWith(`${listed}.`) || path.startsWith(`${listed}[]`);
}

/**
 * What is wrong with an event type's classification of personal data, one
 * sentence each naming the type and the path; empty when every field that
 * could hold personal data is listed either as personal (`personalData`) or
 * as not personal (`notPersonal`), never both, and every listed path exists.
 */
export function classificationProblems(definition: EventDefinition): string[] {
  const { type } = definition;
  const schema = definition.schema as z.ZodType;
  const problems: string[] = [];
  const personal = personalFieldsOf(definition).map((f) => f.field);
  const notPersonal = definition.notPersonal;
  const fields = textFieldsOf(schema);

  for (const spec of definition.personalData) {
    const subject = schemaAt(schema, spec.subject);
    if (!subject) problems.push(`${type}.${spec.subject}: the subject path does not exist in the schema`);
    else if (subject.def.type !== 'string' || !codeKinds.has(subject))
      problems.push(`${type}.${spec.subject}: a subject must be an id (a code such as Id), not free text`);
    if (spec.subject.includes('[]') || spec.subject.includes('*'))
      problems.push(`${type}.${spec.subject}: a subject path must not go through arrays or records`);
  }
  const seen = new Set<string>();
  for (const [list, paths] of [
    ['personalData', personal],
    ['notPersonal', notPersonal],
  ] as const) {
    for (const path of paths) {
      if (list === 'notPersonal') {
        if (seen.has(path)) problems.push(`${type}.${path}: listed twice in notPersonal`);
        seen.add(path);
      }
      if (!schemaAt(schema, path)) {
        problems.push(`${type}.${path}: listed in ${list}, but the schema has no such field`);
        continue;
      }
      if (!fields.some((f) => covers(path, f.path)))
        problems.push(
          `${type}.${path}: listed in ${list}, but it holds only codes (ids, dates, vocabularies), which are not personal by kind: remove it`,
        );
    }
  }
  for (const field of fields) {
    const inPersonal = personal.some((p) => covers(p, field.path));
    const inNotPersonal = notPersonal.some((p) => covers(p, field.path));
    const what = field.kind === 'text' ? 'a string field' : 'a field of unknown shape';
    if (inPersonal && inNotPersonal)
      problems.push(`${type}.${field.path}: ${what} listed both as personal data and as not personal`);
    else if (!inPersonal && !inNotPersonal)
      problems.push(
        `${type}.${field.path}: ${what} that is neither personal data (personalData) nor listed as not personal (notPersonal); classify it (see personalData.ts)`,
      );
  }
  return problems;
}
