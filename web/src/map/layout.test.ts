import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { decodeShapes, layoutMap } from './layout';
import { partnerShapes } from './partnerShapes';
import { panels } from './panels';
import { partnerCountryIds } from './topology';

const countries = decodeShapes(partnerShapes);
const all = Object.keys(partnerCountryIds);
const bohicon = { countryCode: 'BJ', latitude: 7.18, longitude: 2.07 };
const tarija = { countryCode: 'BO', latitude: -21.53, longitude: -64.73 };

describe('the shapes', () => {
  it('hold every partner country and its neighbourhood, not the world', () => {
    const partners = countries.filter((c) => c.partner).map((c) => c.id);
    expect(partners.sort()).toEqual([...all].sort());
    const context = countries.filter((c) => c.kind === 'context').map((c) => c.id);
    expect(
      countries
        .filter((c) => c.kind === 'underlay')
        .map((c) => c.id)
        .sort(),
    ).toEqual(partners);
    expect(context).toEqual(expect.arrayContaining(['566', '768', '076'])); // Nigeria, Togo, Brazil
    expect(context).not.toContain('643'); // Russia
    expect(context).not.toContain('036'); // Australia
  });

  it('put a partner town inside its country', () => {
    const benin = countries.find((c) => c.id === 'BJ')!;
    expect(geoContains(benin.feature, [bohicon.longitude, bohicon.latitude])).toBe(true);
  });
});

describe('fitting the map', () => {
  it('draws a panel per continent side by side, within the width and height', () => {
    const map = layoutMap(countries, { width: 1000, maxHeight: 500, show: all, points: [bohicon, tarija] });
    expect(map.panels.map((p) => p.key)).toEqual(panels.map((p) => p.key));
    expect(map.height).toBeLessThanOrEqual(500);
    const [americas, africa] = map.panels;
    expect(americas!.x).toBe(0);
    expect(africa!.x).toBeGreaterThan(americas!.x + americas!.width);
    expect(africa!.x + africa!.width).toBeCloseTo(1000, 0);
    // Each point in its own continent's panel.
    const [bx, by] = map.project(bohicon)!;
    expect(bx).toBeGreaterThan(africa!.x);
    expect(by).toBeGreaterThan(0);
    expect(by).toBeLessThan(map.height);
    expect(map.project(tarija)![0]).toBeLessThan(americas!.x + americas!.width);
  });

  it('fits the partner countries shown: Morocco at the top and the Cape at the bottom of Africa', () => {
    const map = layoutMap(countries, { width: 1000, maxHeight: 500, show: all, points: [] });
    const africa = map.panels.find((p) => p.key === 'africa')!;
    const rabat = africa.projection([-6.85, 34.02])!;
    const capeTown = africa.projection([18.42, -33.92])!;
    expect(rabat[1]).toBeLessThan(map.height * 0.15);
    expect(capeTown[1]).toBeGreaterThan(map.height * 0.85);
  });

  it('zooms to one country over the whole width, its neighbours around it', () => {
    const map = layoutMap(countries, { width: 800, maxHeight: 400, show: ['BJ'], points: [bohicon] });
    expect(map.panels).toHaveLength(1);
    expect(map.panels[0]!.width).toBe(800);
    expect(map.height).toBe(400);
    const drawn = map.panels[0]!.countries.map((c) => c.id);
    expect(drawn).toEqual(expect.arrayContaining(['BJ', '768', '566'])); // Benin, Togo, Nigeria
    expect(drawn).not.toContain('076'); // Brazil is far out of view
    expect(map.panels[0]!.labels.map((l) => l.id)).toEqual(['BJ']);
  });

  it('leaves out what lies outside every panel, and draws nothing with nothing to show', () => {
    const map = layoutMap(countries, { width: 800, maxHeight: 400, show: ['BJ'], points: [bohicon] });
    expect(map.project(tarija)).toBeUndefined();
    expect(layoutMap(countries, { width: 800, maxHeight: 400, show: [], points: [] }).panels).toEqual([]);
  });
});
