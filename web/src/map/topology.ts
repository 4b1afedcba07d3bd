import type { GeometryCollection, Topology } from 'topojson-specification';

/** ISO 3166-1 numeric (world-atlas's ids) of the programme's partner countries, by alpha-2. */
export const partnerCountryIds: Readonly<Record<string, string>> = {
  BJ: '204',
  BO: '068',
  BW: '072',
  EC: '218',
  GT: '320',
  MA: '504',
  NA: '516',
  NI: '558',
  PE: '604',
  RW: '646',
  SN: '686',
  ZA: '710',
};

/** [west, south, east, north] in degrees. */
export type Box = readonly [number, number, number, number];

type Countries = Topology<{ countries: GeometryCollection }>;

/** Every arc index a geometry's rings use (a reversed arc is written ~i). */
function arcsOf(geometry: GeometryCollection['geometries'][number]): number[] {
  if (geometry.type === 'Polygon') return geometry.arcs.flat();
  if (geometry.type === 'MultiPolygon') return geometry.arcs.flat(2);
  return [];
}

/** The arc's points in degrees (world-atlas's arcs are quantized and delta-encoded). */
function arcPoints(topology: Countries, arc: number): [number, number][] {
  const t = topology.transform;
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [dx, dy] of topology.arcs[arc] ?? []) {
    x = t ? x + dx! : dx!;
    y = t ? y + dy! : dy!;
    points.push(t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [x, y]);
  }
  return points;
}

/**
 * A smaller topology with only the countries that are partners (unless
 * `partners` is false) or touch one of the boxes (the map's panels, widened):
 * the map then loads a few countries' arcs, not the world's. Partner countries get their alpha-2 code as id; the
 * others (context, drawn grey) keep their numeric id. Arcs are kept as they
 * are (quantized, delta-encoded), renumbered.
 */
export function subsetCountries(
  topology: Countries,
  boxes: readonly Box[],
  { partners = true }: { partners?: boolean } = {},
): Countries {
  const alpha2 = new Map(Object.entries(partnerCountryIds).map(([a, n]) => [n, a]));
  const touches = (arc: number) =>
    arcPoints(topology, arc < 0 ? ~arc : arc).some(([lon, lat]) =>
      boxes.some(([w, s, e, n]) => lon >= w && lon <= e && lat >= s && lat <= n),
    );
  const kept = topology.objects.countries.geometries.filter(
    (g) => g.id !== undefined && (alpha2.has(String(g.id)) ? partners : arcsOf(g).some(touches)),
  );
  const renumbered = new Map<number, number>();
  const arcs: Countries['arcs'] = [];
  const index = (arc: number): number => {
    const own = arc < 0 ? ~arc : arc;
    let next = renumbered.get(own);
    if (next === undefined) {
      next = arcs.length;
      renumbered.set(own, next);
      arcs.push(topology.arcs[own]!);
    }
    return arc < 0 ? ~next : next;
  };
  const geometries = kept.map((g) => {
    const id = alpha2.get(String(g.id)) ?? String(g.id);
    if (g.type === 'Polygon') return { type: g.type, id, arcs: g.arcs.map((ring) => ring.map(index)) };
    if (g.type === 'MultiPolygon')
      return { type: g.type, id, arcs: g.arcs.map((polygon) => polygon.map((ring) => ring.map(index))) };
    return { ...g, id };
  });
  return {
    type: 'Topology',
    ...(topology.transform ? { transform: topology.transform } : {}),
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs,
  };
}
