import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { canonicalJson, requestFingerprint } from './fingerprint.js';

const AMEND = `mutation Amend($input: AmendAccompanimentRequestInput!) {
  amendAccompanimentRequest(input: $input) { id endDate }
}`;
const input = { requestId: 'r-1', startDate: '2027-08-02', endDate: '2027-08-05' };
const fingerprint = (document: string, variables: Record<string, unknown> | null, operationName = 'Amend') =>
  requestFingerprint({ document: parse(document), operationName, variables });

describe('canonicalJson', () => {
  it('orders object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(canonicalJson([3, 1])).not.toBe(canonicalJson([1, 3]));
  });

  it('drops undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });
});

describe('requestFingerprint', () => {
  it('is a SHA-256 in hex, equal for the same request sent again', () => {
    const first = fingerprint(AMEND, { input });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(AMEND, { input: { ...input } })).toBe(first);
  });

  it('does not depend on spacing, comments or the order of variables', () => {
    const reflowed = `# retried\nmutation Amend($input: AmendAccompanimentRequestInput!) { amendAccompanimentRequest(input: $input) { id, endDate } }`;
    const reordered = { input: { endDate: '2027-08-05', startDate: '2027-08-02', requestId: 'r-1' } };
    expect(fingerprint(reflowed, reordered)).toBe(fingerprint(AMEND, { input }));
  });

  it('differs for other variables (an end date of 2027-08-09), another document or another operation', () => {
    const first = fingerprint(AMEND, { input });
    expect(fingerprint(AMEND, { input: { ...input, endDate: '2027-08-09' } })).not.toBe(first);
    expect(fingerprint(AMEND.replace('id endDate', 'id'), { input })).not.toBe(first);
    expect(fingerprint(`${AMEND} mutation Other { __typename }`, { input })).not.toBe(
      fingerprint(`${AMEND} mutation Other { __typename }`, { input }, 'Other'),
    );
  });

  it('takes no variables and empty variables as the same', () => {
    expect(fingerprint(AMEND, null)).toBe(fingerprint(AMEND, {}));
  });
});
