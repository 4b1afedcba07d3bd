import { describe, expect, it } from 'vitest';
import { dataFields, groupBy, recordKind } from './reportData';

describe('an access report event as the page shows it', () => {
  it('flattens the data into fields in order, marking the subject’s own ones and lists of codes joined', () => {
    const data = {
      twinningId: 't-1',
      person: { personId: 'p-1', name: 'Els Wouters', email: '[gewist]' },
      channel: 'PHONE',
      policyDomains: ['WATER', 'WASTE'],
      explanation: { nl: ['Eerste zin', 'Tweede zin'] },
      staffMemberId: '[andere persoon]',
    };
    expect(dataFields(data, ['person.name', 'person.email', 'explanation'])).toEqual([
      { path: 'twinningId', key: 'twinningId', value: 't-1', own: false },
      { path: 'person.personId', key: 'personId', value: 'p-1', own: false },
      { path: 'person.name', key: 'name', value: 'Els Wouters', own: true },
      { path: 'person.email', key: 'email', value: '[gewist]', own: true },
      { path: 'channel', key: 'channel', value: 'PHONE', own: false },
      { path: 'policyDomains', key: 'policyDomains', value: 'WATER, WASTE', own: false },
      { path: 'explanation.nl', key: 'nl', value: 'Eerste zin, Tweede zin', own: true },
      { path: 'staffMemberId', key: 'staffMemberId', value: '[andere persoon]', own: false },
    ]);
  });

  it('groups events by the kind of record their stream holds, in the order they first came', () => {
    const streams = ['twinning-a', 'request-b', 'twinning-c', 'dataSubject-d'];
    expect(groupBy(streams, recordKind)).toEqual([
      ['twinning', ['twinning-a', 'twinning-c']],
      ['request', ['request-b']],
      ['dataSubject', ['dataSubject-d']],
    ]);
  });
});
