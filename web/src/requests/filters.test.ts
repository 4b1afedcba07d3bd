import { describe, expect, it } from 'vitest';
import { readRequestParams, requestsHref, toRequestFilter, writeRequestParams } from './filters';

describe('the requests list filters in the URL', () => {
  it('reads every filter under its Dutch name and turns it into the API filter', () => {
    const search = new URLSearchParams(
      'status=ACCEPTED,COMPLETED&type=TECHNICAL&land=BJ&regio=BJ-ZO&van=2026-01-01&tot=2026-12-31&advies=DECLINE&ingediendVan=2026-01-01&ingediendTot=2026-03-31&weigering=NO_BUDGET&overeenstemming=nee&gemeente=11055',
    );
    const params = readRequestParams(search);
    expect(toRequestFilter(params)).toEqual({
      status: ['ACCEPTED', 'COMPLETED'],
      missionType: ['TECHNICAL'],
      countryCode: 'BJ',
      regionCode: 'BJ-ZO',
      from: '2026-01-01',
      to: '2026-12-31',
      recommendation: 'DECLINE',
      submittedFrom: '2026-01-01',
      submittedTo: '2026-03-31',
      declineReason: 'NO_BUDGET',
      agreement: false,
      nisCode: '11055',
    });
  });

  it('leaves out what is malformed rather than sending it to the API', () => {
    const params = readRequestParams(
      new URLSearchParams(
        'status=LOST,SUBMITTED&type=SCIENTIFIC&land=Benin&regio=zou&van=2026-02&advies=maybe&gemeente=zoersel&overeenstemming=1',
      ),
    );
    expect(params).toEqual({ status: ['SUBMITTED'] });
    expect(toRequestFilter(readRequestParams(new URLSearchParams('')))).toEqual({});
  });

  it('writes what it reads: the filters replace the old ones, other parameters stay', () => {
    const params = { status: ['DECLINED' as const], declineReason: 'NOT_OPPORTUNE' as const, agreement: true };
    const search = writeRequestParams(params, new URLSearchParams('na=abc&land=BJ'));
    expect(search.get('na')).toBe('abc');
    expect(readRequestParams(search)).toEqual(params);
    expect(writeRequestParams({ ...params, countryCode: 'BJ', status: [] }, search).toString()).toBe(
      'na=abc&weigering=NOT_OPPORTUNE&overeenstemming=ja&land=BJ',
    );
    expect(requestsHref({})).toBe('/aanvragen');
    expect(requestsHref({ missionType: 'POLITICAL', nisCode: '11055' })).toBe(
      '/aanvragen?type=POLITICAL&gemeente=11055',
    );
  });
});
