import { referenceData } from '@werkbezoek/demo';
import { partnerPlace, regionPoint } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';

describe('the map of the partner regions on the demo reference data', () => {
  it('has a coordinate for every partner of an active twinning, so every such region has a circle', () => {
    const active = referenceData.twinnings.filter((t) => !t.ended);
    expect(active.length).toBeGreaterThan(30);
    for (const t of active) {
      expect(partnerPlace(t.partnerName, t.regionCode), `${t.key}: ${t.partnerName} (${t.regionCode})`).toBeDefined();
      expect(regionPoint(t.regionCode, [t.partnerName]), t.regionCode).toBeDefined();
    }
  });

  it('has one for the partners of ended twinnings too: their regions still show visits of the period', () => {
    for (const t of referenceData.twinnings.filter((t) => t.ended))
      expect(partnerPlace(t.partnerName, t.regionCode), t.key).toBeDefined();
  });
});
