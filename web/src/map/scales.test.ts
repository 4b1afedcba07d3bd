import { describe, expect, it } from 'vitest';
import { legendValues, placeLabel, radius, separate, sinceColors } from './scales';

describe('circle radius by area', () => {
  it('makes areas, not radii, proportional to the figure', () => {
    expect(radius(6, 6, 24)).toBe(24);
    // A quarter of the figure: a quarter of the area, half the radius.
    expect(radius(1.5, 6, 24)).toBeCloseTo(12);
    const area = (v: number) => Math.PI * radius(v, 9, 20) ** 2;
    expect(area(2) / area(1)).toBeCloseTo(2);
  });

  it('draws nothing for nothing, and never beyond the largest', () => {
    expect(radius(0, 6, 24)).toBe(0);
    expect(radius(3, 0, 24)).toBe(0);
    expect(radius(12, 6, 24)).toBe(24);
  });
});

describe('size legend', () => {
  it('shows 1, a third and the maximum, rounded', () => {
    expect(legendValues(6)).toEqual([1, 2, 6]);
    expect(legendValues(12)).toEqual([1, 4, 12]);
    expect(legendValues(40)).toEqual([1, 15, 40]);
    expect(legendValues(2)).toEqual([1, 2]);
    expect(legendValues(1)).toEqual([1]);
    expect(legendValues(0)).toEqual([]);
  });
});

describe('colour of the months since the last accompanied visit', () => {
  it('runs from the theme: lighter for a recent visit, ink for never', () => {
    expect(Object.keys(sinceColors)).toEqual(['lt12', '12to24', '24to36', 'gt36', 'never']);
    const share = (c: string) => Number(/(\d+)%/.exec(c)?.[1] ?? 100);
    expect(share(sinceColors.lt12)).toBeLessThan(share(sinceColors['12to24']));
    expect(share(sinceColors['12to24'])).toBeLessThan(share(sinceColors['24to36']));
    expect(sinceColors.gt36).toBe('var(--brand)');
    expect(sinceColors.never).toBe('var(--ink)');
    for (const c of Object.values(sinceColors)) expect(c).toMatch(/var\(--/);
  });
});

describe('moving overlapping circles apart', () => {
  const overlapping = (cs: readonly { x: number; y: number; r: number }[], gap: number) =>
    cs.some((a, i) => cs.some((b, j) => j > i && Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r + gap - 0.01));

  it('leaves circles that do not overlap where they are', () => {
    const cs = [
      { x: 0, y: 0, r: 5 },
      { x: 20, y: 0, r: 5 },
    ];
    expect(separate(cs).map((c) => [c.dx, c.dy])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('parts overlapping circles, even at the same place, the smaller moving further', () => {
    const cs = [
      { x: 100, y: 100, r: 20, id: 'big' },
      { x: 104, y: 101, r: 8, id: 'small' },
      { x: 100, y: 100, r: 8, id: 'same' },
    ];
    const out = separate(cs, 1.5, 200);
    expect(overlapping(out, 1.5)).toBe(false);
    expect(out.map((c) => c.id)).toEqual(['big', 'small', 'same']);
    const [big, small] = out;
    expect(Math.hypot(big!.dx, big!.dy)).toBeLessThan(Math.hypot(small!.dx, small!.dy));
    // Deterministic: the same input, the same places.
    expect(separate(cs, 1.5, 200)).toEqual(out);
  });
});

describe("placing a country's name", () => {
  const spot = {
    x: 100,
    y: 100,
    box: [
      [80, 70],
      [120, 130],
    ] as const,
  };
  const size = { width: 40, height: 12 };
  const panel = { x: 0, y: 0, width: 300, height: 300 };

  it('writes it at the centre when no circle covers it', () => {
    expect(placeLabel(spot, size, [], panel)).toEqual({ x: 100, y: 106 });
  });

  it('moves it below the outline when a circle covers the centre, above when both are covered', () => {
    expect(placeLabel(spot, size, [{ x: 100, y: 100, r: 10 }], panel)).toEqual({ x: 100, y: 144 });
    expect(
      placeLabel(
        spot,
        size,
        [
          { x: 100, y: 100, r: 10 },
          { x: 100, y: 140, r: 8 },
        ],
        panel,
      ),
    ).toEqual({
      x: 100,
      y: 66,
    });
  });

  it('keeps it inside the panel, and at the centre when nowhere is free', () => {
    const low = {
      x: 100,
      y: 280,
      box: [
        [80, 262],
        [120, 295],
      ] as const,
    };
    expect(placeLabel(low, size, [{ x: 100, y: 280, r: 10 }], panel)).toEqual({ x: 100, y: 258 });
    expect(placeLabel(spot, size, [{ x: 100, y: 100, r: 200 }], panel)).toEqual({ x: 100, y: 106 });
  });
});
