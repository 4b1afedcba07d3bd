import type { CoverageBucket } from '../dashboard/filters';

/**
 * The map's scales, pure so they can be tested: circle areas proportional to
 * the figure, the legend's reference sizes, the colour of how long ago VVSG
 * was last in a region, and moving overlapping circles apart.
 */

/** The radius whose circle's area is proportional to `value` (`max` gets `maxRadius`); 0 for nothing. */
export function radius(value: number, max: number, maxRadius: number): number {
  if (value <= 0 || max <= 0) return 0;
  return maxRadius * Math.sqrt(Math.min(value, max) / max);
}

/**
 * Up to three round reference values for a size legend, the largest the
 * maximum itself: 1, 3, 6 for a maximum of 6; 1, 5, 12 for 12.
 */
export function legendValues(max: number): number[] {
  if (max <= 0) return [];
  const top = Math.ceil(max);
  const round = (v: number) => {
    if (v < 10) return Math.max(1, Math.round(v));
    const step = 10 ** Math.floor(Math.log10(v)) / 2;
    return Math.max(1, Math.round(v / step) * step);
  };
  return [...new Set([1, round(top / 3), top])].filter((v) => v <= top).sort((a, b) => a - b);
}

/**
 * How long ago VVSG last accompanied a visit to a region, in the dashboard's
 * coverage buckets (`coverageBucket`), as a sequential scale from the theme's brand blue: light for a recent visit,
 * darker the longer ago, ink for never. Every step is told from the land
 * (white) by its dark outline, and from its neighbours by lightness; the
 * figures themselves are in the circle's name and the table.
 */
export const sinceColors: Readonly<Record<CoverageBucket, string>> = {
  lt12: 'color-mix(in srgb, var(--brand) 12%, var(--surface))',
  '12to24': 'color-mix(in srgb, var(--brand) 38%, var(--surface))',
  '24to36': 'color-mix(in srgb, var(--brand) 68%, var(--surface))',
  gt36: 'var(--brand)',
  never: 'var(--ink)',
};

export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/**
 * Moves circles that overlap apart (a few rounds of pushing each overlapping
 * pair along the line between them, the smaller one further), so every circle
 * can be seen, hovered and clicked; the map draws a line from a moved circle to
 * its true place. The biggest keep closest to their place.
 */
export function separate<T extends Placed>(
  circles: readonly T[],
  gap = 1.5,
  rounds = 60,
): (T & { dx: number; dy: number })[] {
  const moved = circles.map((c) => ({ ...c, x: c.x, y: c.y }));
  for (let round = 0; round < rounds; round++) {
    let overlap = false;
    for (let i = 0; i < moved.length; i++) {
      for (let j = i + 1; j < moved.length; j++) {
        const a = moved[i]!;
        const b = moved[j]!;
        const need = a.r + b.r + gap;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let distance = Math.hypot(dx, dy);
        if (distance >= need) continue;
        overlap = true;
        if (distance < 1e-6) {
          // Same place: part them along a fixed direction per pair, so the result does not depend on chance.
          const angle = ((i * 7 + j * 3) % 12) * (Math.PI / 6);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          distance = 1;
        }
        const push = (need - distance) / distance;
        // The bigger circle moves less: each moves by the other's share of the two areas.
        const total = a.r * a.r + b.r * b.r || 1;
        const shareA = (b.r * b.r) / total;
        const shareB = (a.r * a.r) / total;
        a.x -= dx * push * shareA;
        a.y -= dy * push * shareA;
        b.x += dx * push * shareB;
        b.y += dy * push * shareB;
      }
    }
    if (!overlap) break;
  }
  return moved.map((m, i) => ({ ...m, dx: m.x - circles[i]!.x, dy: m.y - circles[i]!.y }));
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const hits = (rect: Rect, c: Placed) => {
  const nx = Math.max(rect.x, Math.min(c.x, rect.x + rect.width));
  const ny = Math.max(rect.y, Math.min(c.y, rect.y + rect.height));
  return Math.hypot(c.x - nx, c.y - ny) < c.r + 1;
};

/**
 * Where to write a country's name (`width` × `height` pixels, centred on the
 * returned point's x, its baseline at y): at the country's centre, else below,
 * above, left or right of its outline, the first place no circle covers and
 * inside `within`; the centre when none is free.
 */
export function placeLabel(
  spot: {
    readonly x: number;
    readonly y: number;
    readonly box: readonly [readonly [number, number], readonly [number, number]];
  },
  size: { readonly width: number; readonly height: number },
  circles: readonly Placed[],
  within: Rect,
): { x: number; y: number } {
  const [[left, top], [right, bottom]] = spot.box;
  const candidates = [
    { x: spot.x, y: spot.y + size.height / 2 },
    { x: spot.x, y: bottom + size.height + 2 },
    { x: spot.x, y: top - 4 },
    { x: left - size.width / 2 - 4, y: spot.y + size.height / 2 },
    { x: right + size.width / 2 + 4, y: spot.y + size.height / 2 },
  ];
  const free = candidates.find((c) => {
    const rect = { x: c.x - size.width / 2, y: c.y - size.height, width: size.width, height: size.height };
    const inside =
      rect.x >= within.x &&
      rect.y >= within.y &&
      rect.x + rect.width <= within.x + within.width &&
      rect.y + rect.height <= within.y + within.height;
    return inside && !circles.some((circle) => hits(rect, circle));
  });
  return free ?? candidates[0]!;
}
