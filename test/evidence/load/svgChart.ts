/*
 * A line chart as a standalone SVG document, written by hand so that the
 * evidence suites draw their figures without a charting dependency: a
 * logarithmic x axis, a linear or logarithmic y axis, one line per series with
 * its own colour, dash and marker (never colour alone), a legend, axis labels
 * with units, and <title>/<desc> for screen readers.
 */

export interface Series {
  readonly name: string;
  /** [x, y] in the axes' units; x and (on a log y axis) y must be above 0. */
  readonly points: readonly (readonly [number, number])[];
}

export interface LineChart {
  readonly title: string;
  /** What the chart shows, in a sentence or two, for those who cannot see it. */
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly yScale?: 'linear' | 'log';
  readonly series: readonly Series[];
  /** Labels the x ticks (default: 10k, 1M and so on). */
  readonly formatX?: (x: number) => string;
}

// Okabe and Ito's palette: told apart with every common colour-vision deficiency.
const colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const dashes = ['', '6 3', '2 3', '8 3 2 3', '12 4', '4 2 1 2', '1 2'];

const width = 720;
const height = 440;
const margin = { top: 56, right: 190, bottom: 64, left: 76 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const fixed = (n: number) => (Math.round(n * 10) / 10).toString();

/** 1, 10k, 1M: a count in the short form the axis uses. */
export function shortCount(n: number): string {
  if (n >= 1e6) return `${fixed(n / 1e6)}M`;
  if (n >= 1e3) return `${fixed(n / 1e3)}k`;
  return fixed(n);
}

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? 10 * power;
}

/**
 * A log axis from the nearest 1, 2 or 5 times a power of ten below `min` to the one above `max`, with a
 * tick at each power of ten between, at both ends, and at 2 and 5 when it spans two decades or fewer.
 */
function logTicks(min: number, max: number): { from: number; to: number; ticks: number[] } {
  const steps = (power: number) => [1, 2, 5].map((m) => m * 10 ** power);
  const from = steps(Math.floor(Math.log10(min)))
    .filter((v) => v <= min * 1.0001)
    .at(-1)!;
  const to = [...steps(Math.floor(Math.log10(max))), 10 ** (Math.floor(Math.log10(max)) + 1)].find(
    (v) => v >= max * 0.9999,
  )!;
  const fine = Math.log10(to / from) <= 2;
  const ticks = new Set<number>([from, to]);
  for (let power = Math.floor(Math.log10(from)); 10 ** power <= to; power++)
    for (const v of fine ? steps(power) : [10 ** power]) if (v >= from && v <= to) ticks.add(v);
  return { from, to, ticks: [...ticks].sort((a, b) => a - b) };
}

export function lineChart(chart: LineChart): string {
  const all = chart.series.flatMap((s) => s.points);
  if (all.length === 0) throw new Error(`The chart "${chart.title}" has no points to draw`);
  const logY = chart.yScale === 'log';
  const bad = all.find(([x, y]) => !(x > 0) || !Number.isFinite(y) || (logY ? !(y > 0) : y < 0));
  if (bad) throw new Error(`The chart "${chart.title}" cannot draw the point (${bad[0]}, ${bad[1]}) on its axes`);
  const formatX = chart.formatX ?? shortCount;

  const xAxis = logTicks(Math.min(...all.map(([x]) => x)), Math.max(...all.map(([x]) => x)));
  const x = (v: number) => margin.left + (Math.log10(v / xAxis.from) / Math.log10(xAxis.to / xAxis.from)) * plotWidth;

  const maxY = Math.max(...all.map(([, y]) => y));
  let y: (v: number) => number;
  let yTicks: number[];
  if (logY) {
    const axis = logTicks(Math.min(...all.map(([, v]) => v)), maxY);
    y = (v) => margin.top + plotHeight - (Math.log10(v / axis.from) / Math.log10(axis.to / axis.from)) * plotHeight;
    yTicks = axis.ticks;
  } else {
    const step = niceStep(maxY || 1, 5);
    const top = Math.ceil((maxY || 1) / step) * step;
    y = (v) => margin.top + plotHeight - (v / top) * plotHeight;
    yTicks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  }
  const px = (n: number) => n.toFixed(1);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title id="chart-title">${escapeXml(chart.title)}</title>`,
    `<desc id="chart-desc">${escapeXml(chart.description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="28" font-size="16" font-weight="600" fill="#111111">${escapeXml(chart.title)}</text>`,
  );
  // Grid and ticks.
  out.push('<g stroke="#dddddd" stroke-width="1">');
  for (const t of xAxis.ticks)
    out.push(`<line x1="${px(x(t))}" y1="${margin.top}" x2="${px(x(t))}" y2="${margin.top + plotHeight}"/>`);
  for (const t of yTicks)
    out.push(`<line x1="${margin.left}" y1="${px(y(t))}" x2="${margin.left + plotWidth}" y2="${px(y(t))}"/>`);
  out.push('</g>');
  out.push(
    `<g stroke="#333333" stroke-width="1"><line x1="${margin.left}" y1="${margin.top + plotHeight}" x2="${margin.left + plotWidth}" y2="${margin.top + plotHeight}"/><line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotHeight}"/></g>`,
  );
  out.push('<g fill="#333333" text-anchor="middle">');
  for (const t of xAxis.ticks)
    out.push(`<text x="${px(x(t))}" y="${margin.top + plotHeight + 18}">${escapeXml(formatX(t))}</text>`);
  out.push('</g><g fill="#333333" text-anchor="end">');
  for (const t of yTicks)
    out.push(`<text x="${margin.left - 8}" y="${px(y(t) + 4)}">${escapeXml(t.toLocaleString('en'))}</text>`);
  out.push('</g>');
  out.push(
    `<text x="${margin.left + plotWidth / 2}" y="${height - 16}" text-anchor="middle" fill="#111111">${escapeXml(chart.xLabel)}</text>`,
    `<text transform="translate(20 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle" fill="#111111">${escapeXml(chart.yLabel)}</text>`,
  );
  // One line per series, with markers, and its legend entry.
  chart.series.forEach((s, i) => {
    const colour = colours[i % colours.length]!;
    const dash = dashes[i % dashes.length]!;
    const points = [...s.points].sort(([a], [b]) => a - b);
    const d = points.map(([vx, vy], j) => `${j === 0 ? 'M' : 'L'}${px(x(vx))} ${px(y(vy))}`).join(' ');
    out.push(`<g aria-label="${escapeXml(s.name)}">`);
    out.push(
      `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
    for (const [vx, vy] of points) out.push(marker(i, x(vx), y(vy), colour, `${s.name}: ${formatX(vx)}, ${fixed(vy)}`));
    out.push('</g>');
    const ly = margin.top + 8 + i * 22;
    const lx = margin.left + plotWidth + 16;
    out.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 28}" y2="${ly}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      marker(i, lx + 14, ly, colour),
      `<text x="${lx + 36}" y="${ly + 4}" fill="#111111">${escapeXml(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** A marker of its own shape per series: circle, square, triangle, diamond, then again. */
function marker(i: number, cx: number, cy: number, colour: string, label?: string): string {
  const title = label ? `<title>${escapeXml(label)}</title>` : '';
  const c = (n: number) => n.toFixed(1);
  switch (i % 4) {
    case 0:
      return `<circle cx="${c(cx)}" cy="${c(cy)}" r="4" fill="${colour}">${title}</circle>`;
    case 1:
      return `<rect x="${c(cx - 4)}" y="${c(cy - 4)}" width="8" height="8" fill="${colour}">${title}</rect>`;
    case 2:
      return `<polygon points="${c(cx)},${c(cy - 5)} ${c(cx + 5)},${c(cy + 4)} ${c(cx - 5)},${c(cy + 4)}" fill="${colour}">${title}</polygon>`;
    default:
      return `<polygon points="${c(cx)},${c(cy - 5)} ${c(cx + 5)},${c(cy)} ${c(cx)},${c(cy + 5)} ${c(cx - 5)},${c(cy)}" fill="${colour}">${title}</polygon>`;
  }
}
