import { useLayoutEffect, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Label, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../i18n/format';

/** Okabe–Ito: told apart with every common colour-vision deficiency. */
export const palette = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  grey: '#8A8F98',
  ink: '#1b2430',
} as const;

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

/**
 * Bars per category (stacked or side by side) with titled axes, a legend and
 * localised figures; a bar's click drills through (the table view offers the
 * same links to the keyboard).
 */
export function Bars<Row extends Record<string, unknown>>({
  data,
  series,
  xKey,
  xLabel,
  yLabel,
  stacked = true,
  formatX,
  formatY,
  onSelect,
}: {
  data: readonly Row[];
  series: readonly Series[];
  xKey: keyof Row & string;
  xLabel: string;
  yLabel: string;
  stacked?: boolean;
  formatX?: (value: string) => string;
  formatY?: (value: number) => string;
  onSelect?: (row: Row, seriesKey: string) => void;
}) {
  const f = useFormat();
  const y = formatY ?? ((value: number) => f.number(value));
  const [box, size] = useSize();
  return (
    <div className="bars">
      {/* The legend is HTML: a list a screen reader reads, and no second layout pass inside the chart. */}
      <ul className="legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className="legend__swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <div ref={box} className="bars__plot">
        {size && (
          <BarChart
            width={size.width}
            height={size.height}
            data={data}
            margin={{ top: 8, right: 8, bottom: 28, left: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d5dbe3" />
            <XAxis
              dataKey={xKey as never}
              tickFormatter={formatX}
              tick={{ fill: '#4b5563' }}
              // Where every label has room (about 70 px) all show; else recharts measures them to thin them out.
              interval={size.width / Math.max(1, data.length) >= 70 ? 0 : 'preserveStartEnd'}
              minTickGap={8}
            >
              <Label value={xLabel} position="insideBottom" offset={-20} fill="#4b5563" />
            </XAxis>
            <YAxis
              tickFormatter={y}
              allowDecimals={false}
              tick={{ fill: '#4b5563' }}
              width={formatY ? 84 : 56}
              // Five ticks always fit: no need to measure their labels.
              interval={0}
            >
              <Label
                value={yLabel}
                angle={-90}
                position="insideLeft"
                style={{ textAnchor: 'middle' }}
                fill="#4b5563"
                offset={-4}
              />
            </YAxis>
            <Tooltip
              formatter={(value) => y(Number(value))}
              labelFormatter={(label) => (formatX && typeof label === 'string' ? formatX(label) : label)}
              cursor={{ fill: 'rgb(11 79 113 / 8%)' }}
            />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={stacked ? 'stack' : undefined}
                isAnimationActive={false}
                cursor={onSelect ? 'pointer' : undefined}
                onClick={onSelect ? (entry: { payload?: unknown }) => onSelect(entry.payload as Row, s.key) : undefined}
              />
            ))}
          </BarChart>
        )}
      </div>
    </div>
  );
}

/**
 * The element's size, measured before the first paint and followed as it
 * changes: a chart is drawn once at its real size (recharts' responsive
 * container draws at a guessed size first, then again).
 */
function useSize() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number }>();
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      setSize((old) =>
        old && Math.round(old.width) === Math.round(width) && Math.round(old.height) === Math.round(height)
          ? old
          : { width: Math.round(width), height: Math.round(height) },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}
