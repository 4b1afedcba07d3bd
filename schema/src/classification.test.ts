import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventDefinitions } from './catalogue.js';
import { classificationProblems, textFieldsOf } from './classification.js';
import { Id, LocalDate, NisCode, NonEmptyText } from './codes.js';
import { defineEvent } from './event.js';
import { MissionTypes } from './vocabularies/missionTypes.js';

describe('the classification of personal data (issue 15)', () => {
  it('classifies every string field of every event type as personal data or as not personal, never both', () => {
    const problems = eventDefinitions.flatMap((d) => classificationProblems(d));
    expect(problems).toEqual([]);
  });

  it('finds the fields that could hold personal data at any depth, and leaves codes out', () => {
    const schema = z.strictObject({
      id: Id,
      on: LocalDate.optional(),
      nisCode: NisCode,
      type: MissionTypes.schema,
      days: z.number(),
      name: NonEmptyText(100),
      email: z.email().optional(),
      people: z.array(z.strictObject({ personId: Id, name: z.string() })).optional(),
      lines: z.strictObject({ nl: z.array(z.string()) }),
      extra: z.record(z.string(), z.unknown()),
      tags: z.record(z.string(), z.array(z.string())),
      either: z.union([z.number(), z.string()]),
    });
    expect(textFieldsOf(schema)).toEqual([
      { path: 'name', kind: 'text' },
      { path: 'email', kind: 'text' },
      { path: 'people[].name', kind: 'text' },
      { path: 'lines.nl[]', kind: 'text' },
      { path: 'extra.*', kind: 'unknown' },
      { path: 'tags.*[]', kind: 'text' },
      { path: 'either', kind: 'text' },
    ]);
  });

  const schema = z.strictObject({
    thingId: Id,
    personId: Id.optional(),
    name: z.string().optional(),
    note: z.string(),
    lines: z.array(z.string()),
    extra: z.record(z.string(), z.unknown()),
  });
  const define = (personalData: { subject: string; fields: string[] }[], notPersonal: string[]) =>
    defineEvent({
      type: 'ThingHappened',
      aggregate: 'thing',
      description: 'A test event',
      schema,
      personalData,
      notPersonal,
    });

  it('passes a complete classification', () => {
    const complete = define(
      [
        { subject: 'personId', fields: ['name', 'note'] },
        { subject: 'thingId', fields: ['note'] },
      ],
      ['lines[]', 'extra'],
    );
    expect(classificationProblems(complete)).toEqual([]);
  });

  it('names the event type and the path of a field in neither list', () => {
    const incomplete = define([{ subject: 'personId', fields: ['name'] }], ['lines']);
    expect(classificationProblems(incomplete)).toEqual([
      'ThingHappened.note: a string field that is neither personal data (personalData) nor listed as not personal (notPersonal); classify it (see personalData.ts)',
      'ThingHappened.extra.*: a field of unknown shape that is neither personal data (personalData) nor listed as not personal (notPersonal); classify it (see personalData.ts)',
    ]);
  });

  it('refuses a field in both lists, a path that does not exist, codes listed as text and a subject that is no id', () => {
    const wrong = define(
      [
        { subject: 'personId', fields: ['name', 'note', 'nickname'] },
        { subject: 'name', fields: ['lines'] },
      ],
      ['note', 'extra', 'thingId', 'extra'],
    );
    expect(classificationProblems(wrong)).toEqual([
      'ThingHappened.name: a subject must be an id (a code such as Id), not free text',
      'ThingHappened.nickname: listed in personalData, but the schema has no such field',
      'ThingHappened.thingId: listed in notPersonal, but it holds only codes (ids, dates, vocabularies), which are not personal by kind: remove it',
      'ThingHappened.extra: listed twice in notPersonal',
      'ThingHappened.note: a string field listed both as personal data and as not personal',
    ]);
  });
});
