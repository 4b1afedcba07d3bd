import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useLocation } from 'wouter';
import { coverageBucket, coverageBuckets } from '../dashboard/filters';
import { useFormat } from '../i18n/format';
import { useVocabulary } from '../vocabulary/vocabularies';
import { decodeShapes, layoutMap, STACK_BELOW, type Country } from './layout';
import './map.css';
import { partnerShapes } from './partnerShapes';
import { measureOf, type Measure, type RegionMapRow } from './RegionMap';
import { legendValues, placeLabel, radius, separate, sinceColors } from './scales';

let decoded: Country[] | undefined;
/** Decoded once per page load: the arcs do not change. */
const countries = () => (decoded ??= decodeShapes(partnerShapes));

const MAX_HEIGHT = 520;

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.round(element.getBoundingClientRect().width) || undefined);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** The drawn map: panels of countries, the regions' circles with their tooltips, and the legend. */
export default function RegionMapFigure({
  rows,
  measure,
  countryCode,
}: {
  rows: readonly RegionMapRow[];
  measure: Measure;
  countryCode: string | null;
}) {
  const f = useFormat();
  const vocabulary = useVocabulary();
  const [, navigate] = useLocation();
  const [box, width] = useWidth();
  const [active, setActive] = useState<string>();
  const clip = useId();

  // The largest circle: about a fiftieth of the width, so a country's few circles stay near their places.
  const maxRadius = width ? Math.round(Math.max(9, Math.min(20, width < STACK_BELOW ? width / 26 : width / 55))) : 0;
  const layout = useMemo(() => {
    if (!width) return undefined;
    const show = countryCode ? [countryCode] : [...new Set(rows.map((r) => r.countryCode))];
    const points = rows.flatMap((r) => (r.point ? [{ countryCode: r.countryCode, ...r.point }] : []));
    return layoutMap(countries(), {
      width,
      maxHeight: Math.min(MAX_HEIGHT, Math.max(260, width * 0.6)),
      show,
      points,
      pad: maxRadius + 4,
      top: maxRadius + 24,
    });
  }, [width, rows, countryCode, maxRadius]);

  const max = Math.max(0, ...rows.map((r) => measureOf(r, measure)));
  const circles = useMemo(() => {
    if (!layout) return [];
    const placed = rows.flatMap((row) => {
      const at = row.point ? layout.project({ countryCode: row.countryCode, ...row.point }) : undefined;
      if (!at) return [];
      const value = measureOf(row, measure);
      // A region without visits in the period keeps a small hollow mark: it is there, and reachable.
      return [{ row, value, x: at[0], y: at[1], r: value > 0 ? radius(value, max, maxRadius) : 4 }];
    });
    // The biggest first: drawn below the smaller ones, which stay visible on top.
    placed.sort((a, b) => b.r - a.r || a.row.regionCode.localeCompare(b.row.regionCode));
    return separate(placed);
  }, [layout, rows, measure, max, maxRadius]);
  const unplaced = rows.filter((r) => !circles.some((c) => c.row.regionCode === r.regionCode));
  const moved = circles.some((c) => Math.hypot(c.dx, c.dy) > 2);

  const regionName = (code: string) => vocabulary.region(code);
  const since = (row: RegionMapRow) =>
    row.monthsSinceLastAccompaniment === null || row.monthsSinceLastAccompaniment === undefined
      ? f.t('map.since.never')
      : f.t('map.since.months', { months: row.monthsSinceLastAccompaniment });
  const open = (event: MouseEvent, href: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    navigate(href);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setActive(undefined);
  };
  const shown = circles.find((c) => c.row.regionCode === active);

  return (
    <div className="region-map__body">
      <div ref={box} className="region-map__canvas" onKeyDown={onKeyDown}>
        {layout && (
          <svg
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            role="group"
            aria-label={f.t('map.group', { count: circles.length })}
          >
            <defs>
              {layout.panels.map((p) => (
                <clipPath key={p.key} id={`${clip}-${p.key}`}>
                  <rect x={p.x} y={p.y} width={p.width} height={p.height} />
                </clipPath>
              ))}
            </defs>
            {layout.panels.map((p) => (
              <g key={p.key} clipPath={`url(#${clip}-${p.key})`} aria-hidden="true">
                <rect className="region-map__sea" x={p.x} y={p.y} width={p.width} height={p.height} />
                {p.countries.map((c) => (
                  <path key={`${c.kind}${c.id}`} d={c.d} className={`region-map__${c.kind}`} />
                ))}
                {p.labels.map((l) => {
                  const text = vocabulary.country(l.id);
                  const at = placeLabel(l, { width: text.length * 6.4, height: 12 }, circles, p);
                  return (
                    <text key={l.id} x={at.x} y={at.y} className="region-map__country" textAnchor="middle">
                      {text}
                    </text>
                  );
                })}
                {layout.panels.length > 1 && (
                  <text x={p.x + 10} y={p.y + 20} className="region-map__panel">
                    {f.t(`map.panel.${p.key}`)}
                  </text>
                )}
                <rect
                  className="region-map__frame"
                  x={p.x + 0.5}
                  y={p.y + 0.5}
                  width={p.width - 1}
                  height={p.height - 1}
                />
              </g>
            ))}
            <g aria-hidden="true">
              {circles
                .filter((c) => Math.hypot(c.dx, c.dy) > 2)
                .map((c) => (
                  <g key={c.row.regionCode} className="region-map__leader">
                    <line x1={c.x - c.dx} y1={c.y - c.dy} x2={c.x} y2={c.y} />
                    <circle cx={c.x - c.dx} cy={c.y - c.dy} r={2} />
                  </g>
                ))}
            </g>
            {circles.map((c) => {
              const href = `/regios/${encodeURIComponent(c.row.regionCode)}`;
              const bucket = coverageBucket(c.row.monthsSinceLastAccompaniment);
              return (
                <a
                  key={c.row.regionCode}
                  href={href}
                  className="region-map__region"
                  data-region={c.row.regionCode}
                  aria-label={f.t('map.circle', {
                    region: regionName(c.row.regionCode),
                    twinnings: c.row.activeTwinnings,
                    visits: c.row.visits,
                    since: since(c.row),
                  })}
                  onClick={(event) => open(event, href)}
                  onMouseEnter={() => setActive(c.row.regionCode)}
                  onMouseLeave={() => setActive(undefined)}
                  onFocus={() => setActive(c.row.regionCode)}
                  onBlur={() => setActive(undefined)}
                >
                  <circle className="region-map__focus" cx={c.x} cy={c.y} r={c.r + 5} />
                  {c.value > 0 ? (
                    <>
                      <circle className="region-map__halo" cx={c.x} cy={c.y} r={c.r} />
                      <circle
                        className="region-map__circle"
                        cx={c.x}
                        cy={c.y}
                        r={c.r}
                        style={{ fill: sinceColors[bucket] }}
                      />
                    </>
                  ) : (
                    <>
                      {/* A dark ring around the coloured one: a light colour alone would not stand out on the land. */}
                      <circle className="region-map__empty-outline" cx={c.x} cy={c.y} r={c.r + 1.5} />
                      <circle
                        className="region-map__empty"
                        cx={c.x}
                        cy={c.y}
                        r={c.r}
                        style={{ stroke: sinceColors[bucket] }}
                      />
                    </>
                  )}
                  {/* A larger target than the mark for a small circle: easier to point at. */}
                  <circle className="region-map__target" cx={c.x} cy={c.y} r={Math.max(c.r, 10)} />
                </a>
              );
            })}
          </svg>
        )}
        {shown && layout && (
          <div
            className="region-map__tip"
            aria-hidden="true"
            style={{
              left: shown.x > layout.width * 0.6 ? undefined : shown.x + shown.r + 10,
              right: shown.x > layout.width * 0.6 ? layout.width - shown.x + shown.r + 10 : undefined,
              top: Math.max(0, Math.min(shown.y - 24, layout.height - 150)),
            }}
          >
            <strong>{regionName(shown.row.regionCode)}</strong>
            <span>{f.t('map.tip.twinnings', { count: shown.row.activeTwinnings })}</span>
            {shown.row.twinnings.length > 0 && (
              <span className="muted">
                {shown.row.twinnings.map((t) => `${t.name ?? t.nisCode} – ${t.partnerName}`).join(', ')}
              </span>
            )}
            <span>{f.t('map.tip.visits', { visits: shown.row.visits, accompanied: shown.row.accompaniedVisits })}</span>
            <span>
              {shown.row.lastAccompaniedOn
                ? f.t('map.tip.last', {
                    date: f.date(shown.row.lastAccompaniedOn),
                    months: shown.row.monthsSinceLastAccompaniment ?? 0,
                  })
                : f.t('map.tip.never')}
            </span>
            <span className="muted small">{f.t('map.tip.open')}</span>
          </div>
        )}
      </div>
      <div className="region-map__legend">
        <div>
          <p className="region-map__legend-title">
            {f.t('map.legend.size', { measure: f.t(`map.measure.${measure}`).toLowerCase() })}
          </p>
          <SizeLegend values={legendValues(max)} max={max} maxRadius={maxRadius} format={f.number} />
          {measure === 'visits' && circles.some((c) => c.value === 0) && (
            <p className="region-map__legend-row small">
              <svg width={14} height={14} aria-hidden="true">
                <circle className="region-map__empty-outline" cx={7} cy={7} r={5.5} />
                <circle className="region-map__empty" cx={7} cy={7} r={4} style={{ stroke: sinceColors['12to24'] }} />
              </svg>
              {f.t('map.legend.none')}
            </p>
          )}
        </div>
        <div>
          <p className="region-map__legend-title">{f.t('map.legend.colour')}</p>
          <ul className="region-map__swatches">
            {coverageBuckets.map((bucket) => (
              <li key={bucket}>
                <svg width={16} height={16} aria-hidden="true">
                  <circle className="region-map__circle" cx={8} cy={8} r={6.5} style={{ fill: sinceColors[bucket] }} />
                </svg>
                {f.t(`bucket.${bucket}`)}
              </li>
            ))}
          </ul>
        </div>
        {moved && (
          <p className="region-map__legend-row small muted">
            <svg width={22} height={12} aria-hidden="true" className="region-map__leader">
              <line x1={3} y1={6} x2={20} y2={6} />
              <circle cx={3} cy={6} r={2} />
            </svg>
            {f.t('map.legend.moved')}
          </p>
        )}
        {unplaced.length > 0 && (
          <p className="small region-map__unplaced">
            {f.t('map.unplaced', { regions: unplaced.map((r) => regionName(r.regionCode)).join(', ') })}
          </p>
        )}
        <p className="small muted">{f.t('map.source')}</p>
      </div>
    </div>
  );
}

/** Nested reference circles, drawn at the map's scale. */
function SizeLegend({
  values,
  max,
  maxRadius,
  format,
}: {
  values: readonly number[];
  max: number;
  maxRadius: number;
  format: (n: number) => string;
}) {
  if (values.length === 0) return null;
  const big = radius(values[values.length - 1]!, max, maxRadius);
  const width = big * 2 + 48;
  const height = big * 2 + 12;
  return (
    <svg
      width={width}
      height={height}
      className="region-map__sizes"
      role="img"
      aria-label={values.map(format).join(', ')}
    >
      {[...values].reverse().map((v) => {
        const r = radius(v, max, maxRadius);
        const y = height - 2 - r * 2;
        return (
          <g key={v}>
            <circle cx={big + 1} cy={height - 2 - r} r={r} />
            <line x1={big + 1} y1={y} x2={big * 2 + 10} y2={y} />
            <text x={big * 2 + 14} y={y + 4}>
              {format(v)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
