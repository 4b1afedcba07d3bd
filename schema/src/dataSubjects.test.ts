import { describe, expect, it } from 'vitest';
import { werkbezoekCatalogue as catalogue, eventDefinitions } from './catalogue.js';
import { dataSubjectKindOf, dataSubjectsOf } from './dataSubjects.js';
import { StaffMemberRegistered } from './events/resources.js';
import { DataSubjectKinds, ErasureReasons } from './vocabularies/privacy.js';

const subjectId = '0190a5f2-1c2b-7d3e-8f40-1234567890ad';
const erasureId = '0190a5f2-1c2b-7d3e-8f40-1234567890ae';

describe('data subjects', () => {
  it('give every personal-data spec of the catalogue a kind of data subject', () => {
    const specs = eventDefinitions.flatMap((d) => d.personalData.map((s) => `${d.type} ${s.subject}`));
    expect(specs.length).toBeGreaterThan(0);
    const unmapped = specs.filter((s) => {
      const [type, path] = s.split(' ') as [string, string];
      return dataSubjectKindOf(type, path) === undefined;
    });
    expect(unmapped, 'map these specs in schema/src/dataSubjects.ts').toEqual([]);
  });

  it('name the subjects an event mentions with their kind', () => {
    expect(dataSubjectsOf(StaffMemberRegistered, { staffMemberId: subjectId, name: 'An Peeters' })).toEqual([
      { subjectId, kind: 'STAFF_MEMBER' },
    ]);
    expect(DataSubjectKinds.label('CONTACT_PERSON', 'en')).toBe("A request's contact person");
  });
});

describe('the erasure events', () => {
  const requested = {
    erasureId,
    subjectId,
    subjectKind: 'CONTACT_PERSON',
    reason: 'DATA_SUBJECT_REQUEST',
    requestedOn: '2026-03-02',
  };

  it('hold no personal data: ids, codes and dates only', () => {
    for (const type of ['DataSubjectErasureRequested', 'DataSubjectErased', 'DataSubjectErasureCancelled']) {
      expect(catalogue.get(type)?.personalData, type).toEqual([]);
    }
    expect(catalogue.validate('DataSubjectErasureRequested', { ...requested, caseReference: 'AVG-2026-0142' })).toEqual(
      { ...requested, caseReference: 'AVG-2026-0142' },
    );
  });

  it.each([
    ['a reason in words', { ...requested, reason: 'She asked us by phone' }, /reason: unknown erasure reason/],
    ['a name as case reference', { ...requested, caseReference: 'An Peeters' }, /caseReference: a case reference is/],
    ['an unknown kind', { ...requested, subjectKind: 'NEIGHBOUR' }, /subjectKind: unknown data subject kind/],
    ['a name as subject', { ...requested, subjectId: 'An Peeters' }, /subjectId: expected a lowercase UUID/],
  ])('refuse %s', (_, data, message) => {
    expect(() => catalogue.validate('DataSubjectErasureRequested', data)).toThrow(message);
  });

  it('label every reason in Dutch and English', () => {
    for (const e of ErasureReasons.entries) {
      expect(e.label.nl.length, e.code).toBeGreaterThan(3);
      expect(e.label.en.length, e.code).toBeGreaterThan(3);
    }
  });
});
