import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ValidationError } from './errors.js';
import { eventDefinitions, werkbezoekCatalogue as catalogue } from './catalogue.js';
import { getPath, personalDataOf, setPath } from './personalData.js';
import { AccompanimentRequestSubmitted } from './events/request.js';

const twinningId = '0190a5f2-1c2b-7d3e-8f40-1234567890ab';
const requestId = '0190a5f2-1c2b-7d3e-8f40-1234567890ac';

const submitted = {
  requestId,
  twinningId,
  nisCode: '11055',
  missionType: 'EVALUATION',
  startDate: '2026-03-02',
  endDate: '2026-03-12',
  delegationSize: 6,
  policyDomains: ['CIVIL_REGISTRATION'],
  claimedReasons: ['CONTENT_PROBLEMS'],
  contact: { personId: '0190a5f2-1c2b-7d3e-8f40-1234567890ad', name: 'An Peeters' },
};

function fieldSchema(schema: z.ZodType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path.split('.')) {
    while (current && (current.def.type === 'optional' || current.def.type === 'nullable')) {
      current = (current.def as unknown as { innerType: z.ZodType }).innerType;
    }
    if (!current || current.def.type !== 'object') return undefined;
    current = (current as unknown as z.ZodObject).shape[key] as z.ZodType | undefined;
  }
  return current;
}

describe('the event catalogue', () => {
  it('defines every event type once, each with an aggregate and a description', () => {
    const types = eventDefinitions.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(
      expect.arrayContaining([
        'MunicipalityRegistered',
        'TwinningEstablished',
        'TwinningActorChanged',
        'AccompanimentRequestSubmitted',
        'AccompanimentRequestAmended',
        'AccompanimentRequestWithdrawn',
        'AccompanimentRequestAssessed',
        'AccompanimentAdvised',
        'AccompanimentAccepted',
        'AccompanimentDeclined',
        'MissionScheduled',
        'MissionActivityPlanned',
        'MissionActivityDone',
        'MissionReportFiled',
        'MissionCompleted',
        'MissionCancelled',
        'LessonRecorded',
        'LessonEdited',
        'LessonPromotedToGoodPractice',
        'LessonRetracted',
        'JointMissionProposed',
        'JointMissionApproved',
        'RegionalEventProposed',
        'RegionalEventApproved',
        'BudgetAllocated',
        'BudgetReserved',
        'BudgetReleased',
        'CostRecorded',
        'StaffMemberRegistered',
        'StaffCapacityDeclared',
        'StaffDaysBooked',
        'ContactLogged',
      ]),
    );
    for (const d of eventDefinitions) {
      expect(d.aggregate, d.type).toMatch(/^[a-z][A-Za-z]+$/);
      expect(d.description.length, d.type).toBeGreaterThan(10);
    }
  });

  it('marks personal data with paths that exist in the schema', () => {
    const withPersonalData = eventDefinitions.filter((d) => d.personalData.length > 0).map((d) => d.type);
    expect(withPersonalData).toEqual(
      expect.arrayContaining([
        'StaffMemberRegistered',
        'TwinningActorChanged',
        'ContactLogged',
        'AccompanimentRequestSubmitted',
      ]),
    );
    for (const d of eventDefinitions) {
      for (const spec of d.personalData) {
        for (const path of [spec.subject, ...spec.fields]) {
          expect(fieldSchema(d.schema as z.ZodType, path), `${d.type}.${path}`).toBeDefined();
        }
      }
    }
  });

  it('accepts valid data and returns it parsed', () => {
    expect(catalogue.validate('AccompanimentRequestSubmitted', submitted)).toEqual(submitted);
  });

  it.each([
    [
      'an unknown type',
      'AccompanimentRequestTeleported',
      submitted,
      /Unknown event type "AccompanimentRequestTeleported"/,
    ],
    [
      'a missing field',
      'AccompanimentRequestSubmitted',
      { ...submitted, nisCode: undefined },
      /nisCode: is required \(a string\)/,
    ],
    [
      'a malformed NIS code',
      'AccompanimentRequestSubmitted',
      { ...submitted, nisCode: '1105' },
      /nisCode: a Belgian NIS code is five digits/,
    ],
    [
      'an impossible date',
      'AccompanimentRequestSubmitted',
      { ...submitted, startDate: '2027-02-30' },
      /startDate: "2027-02-30" is not a calendar date/,
    ],
    [
      'dates in the wrong order',
      'AccompanimentRequestSubmitted',
      { ...submitted, endDate: '2026-03-01' },
      /endDate: the end date lies before the start date/,
    ],
    [
      'an unknown mission type',
      'AccompanimentRequestSubmitted',
      { ...submitted, missionType: 'TOURISM' },
      /missionType: unknown mission type "TOURISM"; expected one of IDENTIFICATION, EVALUATION, TECHNICAL, POLITICAL/,
    ],
    [
      'an unknown policy domain',
      'AccompanimentRequestSubmitted',
      { ...submitted, policyDomains: ['GOLF'] },
      /policyDomains.0: unknown policy domain "GOLF"/,
    ],
    ['an undeclared field', 'AccompanimentRequestSubmitted', { ...submitted, budget: 1 }, /Unrecognized key: "budget"/],
    [
      'a region outside the country',
      'TwinningEstablished',
      {
        twinningId,
        nisCode: '11055',
        partnerName: 'Bohicon',
        countryCode: 'SN',
        regionCode: 'BJ-ZO',
        since: '2011-01-01',
        policyDomains: [],
      },
      /regionCode: region BJ-ZO does not lie in country SN/,
    ],
    [
      'an unknown ISO 3166-2 code',
      'TwinningEstablished',
      {
        twinningId,
        nisCode: '11055',
        partnerName: 'Bohicon',
        countryCode: 'BJ',
        regionCode: 'BJ-XX',
        since: '2011-01-01',
        policyDomains: [],
      },
      /regionCode: "BJ-XX" is not an ISO 3166-2 subdivision code/,
    ],
    [
      'a negative amount',
      'BudgetAllocated',
      { year: 2026, amountEur: -5 },
      /amountEur: an amount in euro cannot be negative/,
    ],
    [
      'a decline without a valid reason',
      'AccompanimentDeclined',
      { requestId, reason: 'BORED', decidedOn: '2026-01-10', note: 'x' },
      /reason: unknown decline reason "BORED"/,
    ],
  ])('rejects %s with a message naming the field', (_, type, data, message) => {
    let error: unknown;
    try {
      catalogue.validate(type, data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
  });

  it('reports every problem at once', () => {
    expect(() => catalogue.validate('BudgetAllocated', { year: 1999, amountEur: 1.234 })).toThrow(
      /year: a programme year is 2000 or later; amountEur: an amount in euro has at most two decimals/,
    );
  });
});

describe('schema evolution', () => {
  it('upcasts a stored version-1 request (one policy domain) to the current shape (a list)', () => {
    const { policyDomains, ...rest } = submitted;
    const storedV1 = { ...rest, policyDomain: policyDomains[0] };
    expect(AccompanimentRequestSubmitted.version).toBe(2);
    const lifted = catalogue.upcast('AccompanimentRequestSubmitted', 1, storedV1);
    expect(lifted).toEqual(submitted);
    expect(catalogue.validate('AccompanimentRequestSubmitted', lifted)).toEqual(submitted);
  });

  it('leaves current-version data alone and refuses versions from the future', () => {
    expect(catalogue.upcast('AccompanimentRequestSubmitted', 2, submitted)).toBe(submitted);
    expect(() => catalogue.upcast('AccompanimentRequestSubmitted', 3, submitted)).toThrow(/upgrade the software/);
  });
});

describe('personal data', () => {
  it('lists each personal value with the person it belongs to', () => {
    const data = { ...submitted, notes: 'Call An after 5 pm' };
    expect(personalDataOf(AccompanimentRequestSubmitted, data)).toEqual([
      { subjectId: submitted.contact.personId, path: 'contact.name', value: 'An Peeters' },
      { subjectId: submitted.contact.personId, path: 'notes', value: 'Call An after 5 pm' },
    ]);
    // Without a contact person the notes belong to the request, under its document key.
    expect(personalDataOf(AccompanimentRequestSubmitted, { ...data, contact: undefined })).toEqual([
      { subjectId: requestId, path: 'notes', value: 'Call An after 5 pm' },
    ]);
    expect(personalDataOf(AccompanimentRequestSubmitted, { ...submitted, contact: undefined })).toEqual([]);
  });

  it('reads and replaces nested paths without touching the original', () => {
    const replaced = setPath(submitted, 'contact.name', '<erased>');
    expect(getPath(replaced, 'contact.name')).toBe('<erased>');
    expect(submitted.contact.name).toBe('An Peeters');
    expect(setPath(submitted, 'missing.path', 1)).toBe(submitted);
    const lists = { explanation: { nl: ['a', 'b'] } };
    expect(setPath(lists, 'explanation.nl.1', 'c')).toEqual({ explanation: { nl: ['a', 'c'] } });
    expect(lists.explanation.nl).toEqual(['a', 'b']);
  });
});
