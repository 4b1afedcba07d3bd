import { describe, expect, it } from 'vitest';
import {
  isTicked,
  lessonsHref,
  readLessonParams,
  toggleFacet,
  toLessonFilter,
  writeLessonParams,
  type LessonParams,
} from './filters';

describe('the lesson catalogue in the URL', () => {
  it('reads the search and every facet under its Dutch name and turns them into the API filter', () => {
    const params = readLessonParams(
      new URLSearchParams(
        'zoek=afval+markt&domein=WASTE_MANAGEMENT,LOCAL_ECONOMY&land=BJ&regio=BJ-ZO,SN-TH&type=TECHNICAL&fase=DURING&niveau=RESULTS&goed=ja',
      ),
    );
    expect(params.search).toBe('afval markt');
    expect(toLessonFilter(params)).toEqual({
      policyDomains: ['WASTE_MANAGEMENT', 'LOCAL_ECONOMY'],
      countryCodes: ['BJ'],
      regionCodes: ['BJ-ZO', 'SN-TH'],
      missionTypes: ['TECHNICAL'],
      phases: ['DURING'],
      levels: ['RESULTS'],
      goodPractice: true,
    });
    expect(toLessonFilter(readLessonParams(new URLSearchParams('goed=nee')))).toEqual({ goodPractice: false });
  });

  it('leaves out what is malformed instead of sending it', () => {
    expect(
      readLessonParams(
        new URLSearchParams(
          'zoek=%20%20&land=Belgium,BJ&regio=zou&type=TRIP&fase=&niveau=RESULTS,RESULTS&goed=misschien',
        ),
      ),
    ).toEqual({ countryCodes: ['BJ'], levels: ['RESULTS'] });
    expect(readLessonParams(new URLSearchParams(`zoek=${'a'.repeat(500)}`)).search).toHaveLength(200);
  });

  it("writes what it reads, keeps parameters that are not the catalogue's and drops empty ones", () => {
    const params: LessonParams = { search: 'geboorteakte', countryCodes: ['BJ', 'SN'], goodPractice: false };
    const query = writeLessonParams(params, new URLSearchParams('na=abc&land=ZA&niveau=PROCESS'));
    expect(query.toString()).toBe('na=abc&land=BJ%2CSN&zoek=geboorteakte&goed=nee');
    expect(readLessonParams(query)).toEqual(params);
    expect(
      writeLessonParams({ search: '', regionCodes: [] }, new URLSearchParams('zoek=x&regio=BJ-ZO')).toString(),
    ).toBe('');
    expect(lessonsHref({})).toBe('/lessen');
    expect(lessonsHref({ regionCodes: ['BJ-ZO'], policyDomains: ['WATER'] })).toBe('/lessen?domein=WATER&regio=BJ-ZO');
  });

  it('ticks and unticks facet values; good practice holds one answer', () => {
    let params: LessonParams = {};
    params = toggleFacet(params, 'countryCodes', 'BJ', true);
    params = toggleFacet(params, 'countryCodes', 'SN', true);
    params = toggleFacet(params, 'countryCodes', 'BJ', true);
    expect(params.countryCodes).toEqual(['BJ', 'SN']);
    expect(isTicked(params, 'countryCodes', 'SN')).toBe(true);
    params = toggleFacet(toggleFacet(params, 'countryCodes', 'BJ', false), 'countryCodes', 'SN', false);
    expect(params.countryCodes).toBeUndefined();
    params = toggleFacet(params, 'goodPractice', 'true', true);
    expect(params.goodPractice).toBe(true);
    expect(isTicked(params, 'goodPractice', 'true')).toBe(true);
    expect(isTicked(params, 'goodPractice', 'false')).toBe(false);
    params = toggleFacet(params, 'goodPractice', 'false', true);
    expect(params.goodPractice).toBe(false);
    expect(toggleFacet(params, 'goodPractice', 'false', false).goodPractice).toBeUndefined();
  });
});
