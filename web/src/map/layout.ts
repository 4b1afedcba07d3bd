import { geoArea, geoAzimuthalEqualArea, geoBounds, geoCentroid, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { panelOf, panels, type Panel } from './panels';
import type { Box } from './topology';

type Countries = Topology<{ countries: GeometryCollection }>;

/**
 * partnerShapes.ts: the partner countries (1:50m), and their neighbourhood
 * with the partner countries themselves (1:110m).
 */
export interface Shapes {
  readonly partners: Countries;
  readonly context: Countries;
}

export interface Country {
  /** Alpha-2 for a partner country, ISO numeric for the others. */
  readonly id: string;
  /**
   * A partner (1:50m), a neighbour (1:110m), or a partner at 1:110m drawn as
   * land under the partner: the coarse neighbours' borders do not meet the
   * fine partner's, and the underlay fills the gaps between them with land
   * instead of sea (visible when the map zooms to one country).
   */
  readonly kind: 'partner' | 'context' | 'underlay';
  readonly partner: boolean;
  readonly feature: Feature<Geometry>;
  /**
   * What the map fits to: the country without its small far islands (a tenth
   * of the largest part or less), or the Prince Edward Islands would stretch
   * Africa to the Antarctic and the Galápagos the Andes to mid-Pacific.
   */
  readonly mainland: Feature<Geometry>;
  /** [west, south, east, north] in degrees. */
  readonly bounds: Box;
}

/** The shapes as GeoJSON, once: decoding the arcs is the costly part. */
export function decodeShapes(shapes: Shapes): Country[] {
  const decode = (topology: Countries, partner: boolean) =>
    (feature(topology, topology.objects.countries) as FeatureCollection<Geometry>).features.map((f): Country => {
      const [[w, s], [e, n]] = geoBounds(f);
      const id = String(f.id);
      const kind = partner ? 'partner' : /^[A-Z]{2}$/.test(id) ? 'underlay' : 'context';
      return { id, kind, partner, feature: f, mainland: mainland(f), bounds: [w, s, e, n] };
    });
  return [...decode(shapes.context, false), ...decode(shapes.partners, true)];
}

function mainland(f: Feature<Geometry>): Feature<Geometry> {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const parts = f.geometry.coordinates.map((polygon) => ({
    polygon,
    area: geoArea({ type: 'Polygon', coordinates: polygon }),
  }));
  const largest = Math.max(...parts.map((p) => p.area));
  return {
    ...f,
    geometry: { type: 'MultiPolygon', coordinates: parts.filter((p) => p.area > largest / 10).map((p) => p.polygon) },
  };
}

export interface MapPoint {
  readonly countryCode: string;
  readonly latitude: number;
  readonly longitude: number;
}

export interface PanelLayout {
  readonly key: Panel['key'];
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly projection: GeoProjection;
  /** The countries that show in the panel: context first, partners on top. */
  readonly countries: readonly { readonly id: string; readonly kind: Country['kind']; readonly d: string }[];
  /** The partner countries shown, with their outline's box in pixels, to name them. */
  readonly labels: readonly LabelSpot[];
}

export interface LabelSpot {
  readonly id: string;
  /** Where the country's centre is drawn. */
  readonly x: number;
  readonly y: number;
  /** Its outline's box: [[left, top], [right, bottom]]. */
  readonly box: readonly [readonly [number, number], readonly [number, number]];
}

export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly panels: readonly PanelLayout[];
  /** Where a point is drawn, in pixels of the whole map; undefined outside every panel. */
  readonly project: (point: MapPoint) => readonly [number, number] | undefined;
}

const GAP = 16;
/** Below this width the panels stand one above the other. */
export const STACK_BELOW = 560;

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/**
 * Fits the map into `width` pixels: a panel per continent that has something
 * to show, each an equal-area azimuthal projection centred on what it shows
 * (the partner countries of `show` and the points), so shapes and circle
 * areas keep their proportions. Side by side at most `maxHeight` high; one
 * above the other on a narrow screen; one panel takes the whole width, its
 * neighbours filling the sides. `pad` keeps room at the edges for the circles
 * (and at the top for the panel's name).
 */
export function layoutMap(
  countries: readonly Country[],
  {
    width,
    maxHeight,
    show,
    points,
    pad = 12,
    top = pad,
  }: {
    width: number;
    maxHeight: number;
    show: readonly string[];
    points: readonly MapPoint[];
    pad?: number;
    top?: number;
  },
): MapLayout {
  const wanted = panels
    .map((panel) => {
      const shown = countries.filter((c) => c.partner && show.includes(c.id) && panel.countries.includes(c.id));
      const inPanel = points.filter((p) => panelOf(p.countryCode, p.longitude) === panel.key);
      const multiPoint: MultiPoint = { type: 'MultiPoint', coordinates: inPanel.map((p) => [p.longitude, p.latitude]) };
      const fit: FeatureCollection = {
        type: 'FeatureCollection',
        features: [
          ...shown.map((c) => c.mainland),
          ...(inPanel.length > 0 ? [{ type: 'Feature' as const, properties: {}, geometry: multiPoint }] : []),
        ],
      };
      return { panel, fit, empty: fit.features.length === 0 };
    })
    .filter((p) => !p.empty);
  if (wanted.length === 0) return { width, height: 0, panels: [], project: () => undefined };

  const projections = wanted.map(({ fit }) => {
    const [[w, s], [e, n]] = geoBounds(fit);
    const centre = geoCentroid({
      type: 'MultiPoint',
      coordinates: [
        [w, s],
        [e, n],
      ],
    });
    return geoAzimuthalEqualArea().rotate([-centre[0], -centre[1]]).precision(0.5);
  });
  const aspects = wanted.map(({ fit }, i) => {
    const projection = projections[i]!.fitHeight(1000, fit);
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(fit);
    return Math.max(0.2, (x1 - x0) / Math.max(1, y1 - y0));
  });

  // Each panel's rectangle: side by side (one height), or stacked (one width).
  const stacked = wanted.length > 1 && width < STACK_BELOW;
  const rects: { x: number; y: number; width: number; height: number }[] = [];
  if (stacked) {
    let y = 0;
    for (const aspect of aspects) {
      const height = Math.round(Math.min(maxHeight, (width - 2 * pad) / aspect + pad + top));
      rects.push({ x: 0, y, width, height });
      y += height + GAP;
    }
  } else {
    const available = width - GAP * (wanted.length - 1);
    const sum = aspects.reduce((a, b) => a + b, 0);
    const height = Math.round(Math.min(maxHeight, (available - 2 * pad * wanted.length) / sum + pad + top));
    let x = 0;
    for (const aspect of aspects) {
      const panelWidth = wanted.length === 1 ? available : (available * aspect) / sum;
      rects.push({ x, y: 0, width: panelWidth, height });
      x += panelWidth + GAP;
    }
  }

  const laid = wanted.map(({ panel, fit }, i): PanelLayout => {
    const { x, y, width: panelWidth, height } = rects[i]!;
    const projection = projections[i]!.fitExtent(
      [
        [x + pad, y + top],
        [x + panelWidth - pad, y + height - pad],
      ],
      fit,
    );
    const path = geoPath(projection);
    // What the panel's rectangle shows, in degrees, roughly: its edges' places.
    const seen = inverseBox(projection, rects[i]!);
    const inView = countries.filter((c) => (seen ? overlaps(c.bounds, seen) : true));
    const order = { underlay: 0, context: 1, partner: 2 };
    const drawn = [...inView]
      .sort((a, b) => order[a.kind] - order[b.kind])
      .map((c) => ({ id: c.id, kind: c.kind, d: path(c.feature) ?? '' }))
      .filter((c) => c.d !== '');
    const labels = inView
      .filter((c) => c.partner && show.includes(c.id))
      .map((c): LabelSpot => {
        const [lx, ly] = path.centroid(c.mainland);
        const [[bx0, by0], [bx1, by1]] = path.bounds(c.mainland);
        return {
          id: c.id,
          x: lx,
          y: ly,
          box: [
            [bx0, by0],
            [bx1, by1],
          ],
        };
      })
      .filter((l) => Number.isFinite(l.x) && l.x > x && l.x < x + panelWidth && l.y > y && l.y < y + height);
    return { key: panel.key, x, y, width: panelWidth, height, projection, countries: drawn, labels };
  });
  const last = rects[rects.length - 1]!;

  return {
    width,
    height: stacked ? last.y + last.height : last.height,
    panels: laid,
    project: (point) => {
      const panel = laid.find((p) => p.key === panelOf(point.countryCode, point.longitude));
      const at = panel?.projection([point.longitude, point.latitude]);
      if (!panel || !at) return undefined;
      const [px, py] = at;
      const inside = px >= panel.x && px <= panel.x + panel.width && py >= panel.y && py <= panel.y + panel.height;
      return inside ? [px, py] : undefined;
    },
  };
}

/** The degrees a panel's rectangle covers, from points along its edges; undefined if a corner lies off the globe. */
function inverseBox(
  projection: GeoProjection,
  { x, y, width, height }: { x: number; y: number; width: number; height: number },
): Box | undefined {
  const lons: number[] = [];
  const lats: number[] = [];
  for (let i = 0; i <= 8; i++) {
    for (const [px, py] of [
      [x + (width * i) / 8, y],
      [x + (width * i) / 8, y + height],
      [x, y + (height * i) / 8],
      [x + width, y + (height * i) / 8],
    ] as const) {
      const at = projection.invert?.([px, py]);
      if (!at || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) return undefined;
      lons.push(at[0]);
      lats.push(at[1]);
    }
  }
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
