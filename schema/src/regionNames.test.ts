import { iso31662 } from 'iso-3166';
import { describe, expect, it } from 'vitest';
import { countryOfRegion } from './codes.js';
import { programmeCountries, regionLabel, regionNames } from './regionNames.js';

describe('region names', () => {
  it('name every first-level region of the programme countries, and only real ISO 3166-2 codes', () => {
    for (const code of Object.keys(regionNames)) {
      expect(programmeCountries as readonly string[]).toContain(countryOfRegion(code));
    }
    const firstLevel = iso31662
      .filter((s) => (programmeCountries as readonly string[]).includes(s.parent))
      .map((s) => s.code);
    expect(Object.keys(regionNames).sort()).toEqual(firstLevel.sort());
  });

  it('give the Dutch name where Dutch has its own', () => {
    expect(regionLabel('ZA-WC')).toEqual({ nl: 'West-Kaap', en: 'Western Cape' });
    expect(regionLabel('RW-02')).toEqual({ nl: 'Oostelijke Provincie', en: 'Eastern Province' });
    expect(regionLabel('BJ-ZO')).toEqual({ nl: 'Zou', en: 'Zou' });
    expect(regionLabel('MA-01')).toEqual({ nl: 'Tanger-Tétouan-Al Hoceïma', en: 'Tanger-Tétouan-Al Hoceïma' });
  });

  it('fall back to the ISO name elsewhere, and to nothing for an unknown code', () => {
    expect(regionLabel('BE-VAN')).toEqual({ nl: 'Antwerpen', en: 'Antwerpen' });
    expect(regionLabel('XX-YY')).toBeUndefined();
  });
});
