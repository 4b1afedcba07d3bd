import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccompanimentRequestAssessed } from './events/request.js';
import { ContactLogged } from './events/resources.js';
import {
  ERASED_VALUE,
  erasedPlaceholder,
  matchPath,
  personalDataOf,
  personalFieldsOf,
  schemaAt,
} from './personalData.js';

describe('path patterns', () => {
  const data = {
    name: 'An',
    members: [{ name: 'Bert' }, { name: 'Chris' }, null],
    lines: { nl: ['een', 'twee'] },
    extra: { a: 1, b: { c: 'd' } },
  };

  it('reach one value per array element ([]) and per record value (*), with concrete paths', () => {
    expect(matchPath(data, 'name')).toEqual([{ path: 'name', value: 'An' }]);
    expect(matchPath(data, 'members[].name')).toEqual([
      { path: 'members.0.name', value: 'Bert' },
      { path: 'members.1.name', value: 'Chris' },
    ]);
    expect(matchPath(data, 'lines.nl[]')).toEqual([
      { path: 'lines.nl.0', value: 'een' },
      { path: 'lines.nl.1', value: 'twee' },
    ]);
    expect(matchPath(data, 'extra.*')).toEqual([
      { path: 'extra.a', value: 1 },
      { path: 'extra.b', value: { c: 'd' } },
    ]);
    expect(matchPath(data, 'missing.name')).toEqual([]);
    expect(matchPath(data, 'name[]')).toEqual([]);
  });

  it('find a value behind a getter without reading it until asked', () => {
    let reads = 0;
    const person = { personId: 'p-1' } as Record<string, unknown>;
    Object.defineProperty(person, 'name', { enumerable: true, get: () => (reads++, 'Bert') });
    const lazy = { person, summary: 'Gesprek' };
    const found = personalDataOf(ContactLogged, lazy);
    expect(found.map((d) => [d.subjectId, d.path])).toEqual([
      ['p-1', 'person.name'],
      ['p-1', 'summary'],
    ]);
    expect(reads).toBe(0);
    expect(found[0]!.value).toBe('Bert');
    expect(reads).toBe(1);
  });

  it('lead to the schema of the field, through optional wrappers', () => {
    const schema = z.strictObject({
      people: z.array(z.strictObject({ name: z.string() })).optional(),
      extra: z.record(z.string(), z.number()),
    });
    expect(schemaAt(schema, 'people[].name')?.def.type).toBe('string');
    expect(schemaAt(schema, 'extra.*')?.def.type).toBe('number');
    expect(schemaAt(schema, 'people.name')).toBeUndefined();
    expect(schemaAt(schema, 'nobody')).toBeUndefined();
  });
});

describe('personal fields', () => {
  it('list each field once, with its subjects in order of preference', () => {
    expect(personalFieldsOf(ContactLogged)).toEqual([
      { field: 'person.name', subjects: ['person.personId'] },
      { field: 'person.function', subjects: ['person.personId'] },
      { field: 'summary', subjects: ['person.personId'] },
    ]);
  });

  it('read as a placeholder of the same shape once erased', () => {
    const schema = AccompanimentRequestAssessed.schema as z.ZodType;
    expect(erasedPlaceholder(schemaAt(schema, 'explanation'))).toEqual({
      nl: [ERASED_VALUE],
      en: [ERASED_VALUE],
    });
    expect(erasedPlaceholder(schemaAt(schema, 'inputs'))).toEqual({});
    expect(erasedPlaceholder(schemaAt(ContactLogged.schema as z.ZodType, 'person.name'))).toBe('[gewist]');
    expect(erasedPlaceholder(z.strictObject({ a: z.email(), b: z.string().optional() }))).toEqual({
      a: ERASED_VALUE,
    });
  });
});
