import { describe, expect, it } from 'vitest';
import { partnerPlace, partnerPlaces, regionPoint } from './partnerPlaces.js';
import { regionNames } from './regionNames.js';

describe('partner places', () => {
  it('lie in a known region of the programme, once each, with a source', () => {
    const keys = new Set<string>();
    for (const p of partnerPlaces) {
      expect(regionNames[p.regionCode], p.name).toBeDefined();
      expect(p.source, p.name).toMatch(/wikipedia\.org\/wiki\//);
      const key = `${p.regionCode} ${p.name}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
    }
  });

  it('lie on the partner countries (between Morocco and the Cape, Guatemala and Rwanda)', () => {
    for (const p of partnerPlaces) {
      expect(p.latitude, p.name).toBeGreaterThan(-35);
      expect(p.latitude, p.name).toBeLessThan(36);
      expect(p.longitude, p.name).toBeGreaterThan(-93);
      expect(p.longitude, p.name).toBeLessThan(31);
      // Southern Africa and the Andes south of the equator, the Sahel, Morocco and Central America north of it.
      const south = ['ZA', 'BW', 'NA', 'RW', 'PE', 'BO'].includes(p.regionCode.slice(0, 2));
      expect(p.latitude < 0, p.name).toBe(south || p.regionCode.startsWith('EC'));
    }
  });

  it('are found by the name a twinning gives, whatever its case', () => {
    expect(partnerPlace('bohicon', 'BJ-ZO')?.longitude).toBe(2.07);
    expect(partnerPlace('Bohicon', 'BJ-KO')).toBeUndefined();
  });

  it("put a region's circle between its twinnings' partners, or its listed partners when none is listed", () => {
    const between = regionPoint('BJ-ZO', ['Bohicon', 'Za-Kpota'])!;
    expect(between.latitude).toBeCloseTo(7.2, 1);
    expect(between.longitude).toBeCloseTo(2.13, 1);
    expect(regionPoint('BJ-ZO', ['Abomey'])).toEqual(regionPoint('BJ-ZO', []));
    expect(regionPoint('BJ-LI', ['Cotonou'])).toBeUndefined();
  });
});
