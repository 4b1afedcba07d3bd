import type { EventDefinition } from './event.js';

export function getPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `data` with the value at `path` replaced; absent paths are left alone. */
export function setPath<T>(data: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined || data === null || typeof data !== 'object' || !(head in data)) return data;
  const record = data as Record<string, unknown>;
  return {
    ...record,
    [head]: rest.length === 0 ? value : setPath(record[head], rest.join('.'), value),
  } as T;
}

export interface PersonalDatum {
  readonly subjectId: string;
  readonly path: string;
  readonly value: unknown;
}

/** The personal data in an event's data, each value with the person it belongs to. */
export function personalDataOf(definition: EventDefinition, data: unknown): PersonalDatum[] {
  const found: PersonalDatum[] = [];
  for (const spec of definition.personalData) {
    const subjectId = getPath(data, spec.subject);
    if (typeof subjectId !== 'string') continue;
    for (const path of spec.fields) {
      const value = getPath(data, path);
      if (value !== undefined) found.push({ subjectId, path, value });
    }
  }
  return found;
}
