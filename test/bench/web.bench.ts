/**
 * The web UI: what each route makes the browser download (gzipped JavaScript
 * and CSS, from Vite's manifest), how long the dashboard takes to draw its
 * first chart on the demo history, and Lighthouse's performance and
 * accessibility scores (desktop preset) for /dashboard and /aanvragen.
 *
 * Baselines measured in the same run: React's own production code (the floor
 * of any React page) beside each route's JavaScript, and the dashboard's
 * GraphQL query timed alone from Node beside the time to the first chart.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startPlatform, type Platform } from '@werkbezoek/api';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium, type Browser } from 'playwright-core';
import { buildUiIfStale, chromiumArgs, repoRoot, resolveChromium, webDist } from '../e2e/browser/prepare.js';
import { round, type BenchModule, type BenchReport, type Goal } from './harness.js';
import { note } from './progress.js';

const MAP = 'src/map/RegionMapFigure.tsx';

/**
 * Each route and the lazy chunks its page is in (src paths, the manifest's keys); the sign-in page is in the
 * entry. The map is a chunk of its own that the dashboard and the planner load once they show it: the
 * "+ kaart" rows count it too.
 */
const routes: readonly { route: string; chunks?: readonly string[] }[] = [
  { route: '/aanmelden' },
  { route: '/dashboard', chunks: ['src/dashboard/DashboardPage.tsx'] },
  { route: '/dashboard + kaart', chunks: ['src/dashboard/DashboardPage.tsx', MAP] },
  { route: '/aanvragen', chunks: ['src/requests/RequestsPage.tsx'] },
  { route: '/aanvragen/:id', chunks: ['src/requests/RequestPage.tsx'] },
  { route: '/mijn-aanvragen', chunks: ['src/coordinator/MyRequestsPage.tsx'] },
  { route: '/planner + kaart', chunks: ['src/planner/PlannerPage.tsx', MAP] },
  { route: '/lessen', chunks: ['src/lessons/LessonsPage.tsx'] },
  { route: '/lessen/:id', chunks: ['src/lessons/LessonPage.tsx'] },
  { route: '/gemeenten/:nisCode', chunks: ['src/places/MunicipalityPage.tsx'] },
  { route: '/regios/:regionCode', chunks: ['src/places/RegionPage.tsx'] },
];

/** The routes whose JavaScript must stay under the budget: the first a visitor loads. */
const budgetRoutes = ['/aanmelden', '/dashboard'];
const jsBudgetKb = 250;
const dataToChartGoalMs = 300;
const scoreGoal = 0.95;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface RouteSize {
  route: string;
  chunk: string | null;
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
}

const kb = (bytes: number) => round(bytes / 1000, 1);
const gzipSize = (buffer: Buffer) => gzipSync(buffer, { level: 6 }).length;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The entry chunk plus the route's chunks and everything they import statically, transitively. */
export function routeFiles(manifest: Manifest, chunkKeys: readonly string[] = []): { js: string[]; css: string[] } {
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('The manifest has no entry chunk');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  for (const key of chunkKeys) visit(key);
  const chunks = [...seen].map((k) => manifest[k]!);
  return {
    js: [...new Set(chunks.map((c) => c.file).filter((f) => f.endsWith('.js')))],
    css: [...new Set(chunks.flatMap((c) => c.css ?? []))],
  };
}

function routeSizes(): RouteSize[] {
  const manifestFile = path.join(webDist, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error('web/dist/.vite/manifest.json is missing: build.manifest must be on');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  return routes.map(({ route, chunks = [] }) => {
    const present = chunks.filter((c) => manifest[c]);
    for (const missing of chunks.filter((c) => !manifest[c])) note(`  ${route}: no chunk ${missing} in the manifest`);
    const { js, css } = routeFiles(manifest, present);
    const read = (f: string) => readFileSync(path.join(webDist, f));
    const sum = (files: string[], size: (b: Buffer) => number) => files.reduce((n, f) => n + size(read(f)), 0);
    return {
      route,
      chunk: present.length > 0 ? present.join(' + ') : null,
      files: [...js, ...css],
      jsBytes: sum(js, (b) => b.length),
      jsGzipBytes: sum(js, gzipSize),
      cssBytes: sum(css, (b) => b.length),
      cssGzipBytes: sum(css, gzipSize),
    };
  });
}

/**
 * The floor of any React page: a page that renders one heading with React,
 * built by the same Vite as the UI in a temporary folder, its JavaScript
 * gzipped as the routes' is.
 */
async function reactFloorBytes(): Promise<number> {
  const fromWeb = createRequire(path.join(repoRoot, 'web', 'package.json'));
  const vite = (await import(pathToFileURL(fromWeb.resolve('vite')).href)) as {
    build(config: Record<string, unknown>): Promise<unknown>;
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-bench-floor-'));
  try {
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><html lang="nl"><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>',
    );
    writeFileSync(
      path.join(dir, 'main.js'),
      "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\n" +
        "createRoot(document.getElementById('root')).render(createElement('h1', null, 'Werkbezoek'));\n",
    );
    const packageDir = (name: string) => path.dirname(fromWeb.resolve(`${name}/package.json`));
    await vite.build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      mode: 'production',
      resolve: { alias: { react: packageDir('react'), 'react-dom': packageDir('react-dom') } },
      build: { outDir: path.join(dir, 'dist'), target: 'es2022' },
    });
    const assets = path.join(dir, 'dist', 'assets');
    return readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .reduce((n, f) => n + gzipSize(readFileSync(path.join(assets, f))), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ChartRun {
  /** Navigation start → 'werkbezoek:dashboard-first-chart'. */
  firstChartMs: number;
  /** Navigation start → 'werkbezoek:dashboard-data'. */
  dataMs: number;
  /** 'werkbezoek:dashboard-data' → 'werkbezoek:dashboard-first-chart'. */
  dataToChartMs: number;
}

interface CapturedQuery {
  body: string;
  headers: Record<string, string>;
}

/** One cold load of /dashboard as management (a fresh context: no cache), timed by the page's own marks. */
async function dashboardRun(browser: Browser, origin: string): Promise<{ run: ChartRun; query?: CapturedQuery }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(`try { sessionStorage.setItem('werkbezoek.token', 'demo-management') } catch {}`);
    const page = await context.newPage();
    let query: CapturedQuery | undefined;
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (request.method() === 'POST' && request.url().endsWith('/graphql') && /\bdashboard\s*\(/.test(body))
        query ??= { body, headers: request.headers() };
    });
    await page.goto(`${origin}/dashboard`);
    // a function, not a string: the page's CSP forbids eval
    await page.waitForFunction(
      () => performance.getEntriesByName('werkbezoek:dashboard-first-chart', 'mark').length > 0,
      undefined,
      { timeout: 60_000 },
    );
    const [dataMs, firstChartMs] = await page.evaluate<[number, number]>(
      `['werkbezoek:dashboard-data', 'werkbezoek:dashboard-first-chart'].map((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? NaN)`,
    );
    return { run: { firstChartMs, dataMs, dataToChartMs: firstChartMs - dataMs }, query };
  } finally {
    await context.close();
  }
}

/** The page's dashboard query sent from Node, one at a time; the time of each. */
async function queryAlone(url: string, query: CapturedQuery, count: number): Promise<number[]> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (query.headers.authorization) headers.authorization = query.headers.authorization;
  const times: number[] = [];
  for (let i = 0; i < count + 1; i++) {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers, body: query.body });
    const body = (await response.json()) as { errors?: unknown[] };
    if (!response.ok || body.errors) throw new Error(`The dashboard query failed: ${JSON.stringify(body)}`);
    if (i > 0) times.push(performance.now() - started); // the first warms the connection
  }
  return times;
}

interface PuppeteerPage {
  goto(url: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
}
interface PuppeteerBrowser {
  newPage(): Promise<PuppeteerPage>;
  close(): Promise<void>;
}

/** puppeteer-core as Lighthouse itself depends on it (no dependency of ours). */
async function launchForLighthouse(executablePath: string): Promise<PuppeteerBrowser> {
  const fromLighthouse = createRequire(import.meta.resolve('lighthouse'));
  const puppeteer = (await import(pathToFileURL(fromLighthouse.resolve('puppeteer-core')).href)) as {
    default: { launch(options: Record<string, unknown>): Promise<PuppeteerBrowser> };
  };
  // 'shell' adds plain --headless, which this Chromium build needs (STACK.md)
  return puppeteer.default.launch({
    executablePath,
    headless: 'shell',
    args: chromiumArgs.filter((a) => a !== '--headless'),
  });
}

interface Scores {
  performance: number;
  accessibility: number;
  metrics: Record<string, number | undefined>;
  failedAccessibilityAudits: string[];
}

/**
 * Lighthouse on one page in a tab that holds the token: sessionStorage belongs
 * to the tab, so the tab signs in on the origin first and Lighthouse runs in
 * that same tab without resetting storage.
 */
async function lighthouseRun(browser: PuppeteerBrowser, origin: string, route: string, token: string): Promise<Scores> {
  const page = await browser.newPage();
  await page.goto(`${origin}/aanmelden`);
  await page.evaluate(`sessionStorage.setItem('werkbezoek.token', ${JSON.stringify(token)})`);
  const result = await lighthouse(
    `${origin}${route}`,
    {
      disableStorageReset: true,
      onlyCategories: ['performance', 'accessibility'],
      logLevel: 'error',
      output: 'json',
    },
    desktopConfig,
    page as never,
  );
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${route}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${route}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue;
  const a11y = lhr.categories.accessibility;
  return {
    performance: lhr.categories.performance?.score ?? 0,
    accessibility: a11y?.score ?? 0,
    metrics: {
      firstContentfulPaintMs: numeric('first-contentful-paint'),
      largestContentfulPaintMs: numeric('largest-contentful-paint'),
      totalBlockingTimeMs: numeric('total-blocking-time'),
      cumulativeLayoutShift: numeric('cumulative-layout-shift'),
      speedIndexMs: numeric('speed-index'),
    },
    failedAccessibilityAudits: (a11y?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id]?.title ?? ''}`),
  };
}

function table(header: string[], body: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < leftColumns ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [fmt(header), rule, ...body.map(fmt)].join('\n');
}

async function benchmark(options: { quick: boolean }): Promise<BenchReport> {
  const runs = options.quick ? 2 : 7;
  const queries = options.quick ? 5 : 30;
  const lighthouseRuns = options.quick ? 1 : 3;

  note('Building the UI if web/dist is older than its sources…');
  await buildUiIfStale(note);
  const sizes = routeSizes();
  note('  the floor: a one-heading React page built by the same Vite');
  const floor = await reactFloorBytes();

  const executablePath = await resolveChromium();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-bench-web-'));
  note('Starting the platform with the demo history (scale 1)…');
  let platform: Platform | undefined;
  try {
    platform = await startPlatform({
      dataDir: dir,
      readModels: { dialect: 'sqlite', path: path.join(dir, 'read-models.db') },
      auth: { mode: 'demo' },
      host: '127.0.0.1',
      port: 0,
      demoData: true,
      production: true,
      log: () => {},
    });
    const origin = new URL(platform.url).origin;

    note(`  /dashboard cold loads as management: 1 warm-up + ${runs}`);
    const browser = await chromium.launch({ executablePath, args: [...chromiumArgs] });
    const chartRuns: ChartRun[] = [];
    let query: CapturedQuery | undefined;
    try {
      for (let i = 0; i <= runs; i++) {
        const { run, query: q } = await dashboardRun(browser, origin);
        query ??= q;
        if (i > 0) chartRuns.push(run);
      }
    } finally {
      await browser.close();
    }
    if (!query) throw new Error('The dashboard sent no query with dashboard(…) in it');
    note(`  the same dashboard query from Node: ${queries} times, one at a time`);
    const queryTimes = await queryAlone(platform.url, query, queries);

    note(`  Lighthouse (desktop preset), ${lighthouseRuns} run(s) each: /dashboard as management, /aanvragen as staff`);
    const lhBrowser = await launchForLighthouse(executablePath);
    const lighthouseAll: Record<string, Scores[]> = { '/dashboard': [], '/aanvragen': [] };
    try {
      for (let i = 0; i < lighthouseRuns; i++) {
        lighthouseAll['/dashboard']!.push(await lighthouseRun(lhBrowser, origin, '/dashboard', 'demo-management'));
        lighthouseAll['/aanvragen']!.push(await lighthouseRun(lhBrowser, origin, '/aanvragen', 'demo-staff'));
      }
    } finally {
      await lhBrowser.close();
    }
    // the run with the median performance score stands for the page
    const scores = Object.fromEntries(
      Object.entries(lighthouseAll).map(([route, all]) => {
        const sorted = [...all].sort((a, b) => a.performance - b.performance);
        return [route, sorted[Math.floor(sorted.length / 2)]!];
      }),
    );

    const firstChart = median(chartRuns.map((r) => r.firstChartMs));
    const data = median(chartRuns.map((r) => r.dataMs));
    const dataToChart = median(chartRuns.map((r) => r.dataToChartMs));
    const queryMedian = median(queryTimes);

    const sizeTable = table(
      ['route', 'page chunk', 'JS kB gz', 'CSS kB gz', 'JS kB raw', 'JS / React floor', `budget ${jsBudgetKb} kB`],
      sizes.map((s) => [
        s.route,
        s.chunk ?? '(entry)',
        kb(s.jsGzipBytes).toFixed(1),
        kb(s.cssGzipBytes).toFixed(1),
        kb(s.jsBytes).toFixed(1),
        `${(s.jsGzipBytes / floor).toFixed(2)}×`,
        budgetRoutes.includes(s.route) ? (kb(s.jsGzipBytes) < jsBudgetKb ? 'PASS' : 'FAIL') : '-',
      ]),
    );
    const timeTable = table(
      ['measure (median)', 'ms', 'baseline: query alone', 'ratio'],
      [
        [
          'navigation → first chart drawn',
          firstChart.toFixed(0),
          queryMedian.toFixed(1),
          `${(firstChart / queryMedian).toFixed(1)}×`,
        ],
        ['navigation → dashboard data', data.toFixed(0), queryMedian.toFixed(1), `${(data / queryMedian).toFixed(1)}×`],
        ['data → first chart drawn', dataToChart.toFixed(0), '-', '-'],
        ["dashboard's GraphQL query from Node", queryMedian.toFixed(1), '-', '-'],
      ],
    );
    const scoreTable = table(
      ['page', 'performance', 'accessibility', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'],
      Object.entries(scores).map(([route, s]) => [
        route,
        s.performance.toFixed(2),
        s.accessibility.toFixed(2),
        (s.metrics.firstContentfulPaintMs ?? NaN).toFixed(0),
        (s.metrics.largestContentfulPaintMs ?? NaN).toFixed(0),
        (s.metrics.totalBlockingTimeMs ?? NaN).toFixed(0),
        (s.metrics.cumulativeLayoutShift ?? NaN).toFixed(3),
      ]),
    );

    const goals: Goal[] = [
      ...sizes
        .filter((s) => budgetRoutes.includes(s.route))
        .map((s) => ({
          description: `${s.route} JavaScript under ${jsBudgetKb} kB gzipped (${jsBudgetKb} kB ÷ ${kb(s.jsGzipBytes)} kB)`,
          target: 1,
          actual: round(jsBudgetKb / kb(s.jsGzipBytes), 2),
          pass: kb(s.jsGzipBytes) < jsBudgetKb,
        })),
      {
        description: `dashboard data → first chart under ${dataToChartGoalMs} ms (${dataToChartGoalMs} ms ÷ ${dataToChart.toFixed(0)} ms)`,
        target: 1,
        actual: round(dataToChartGoalMs / dataToChart, 2),
        pass: dataToChart < dataToChartGoalMs,
      },
      ...Object.entries(scores).flatMap(([route, s]) => [
        {
          description: `${route} Lighthouse performance score (desktop) at least ${scoreGoal}`,
          target: scoreGoal,
          actual: s.performance,
          pass: s.performance >= scoreGoal,
        },
        {
          description: `${route} Lighthouse accessibility score at least ${scoreGoal}`,
          target: scoreGoal,
          actual: s.accessibility,
          pass: s.accessibility >= scoreGoal,
        },
      ]),
    ];

    return {
      name: 'web',
      title: `Web UI: bundle per route, the dashboard's first chart, Lighthouse (demo history of ${platform.events} events)`,
      peerName: '-',
      rows: [],
      table: [
        'Bundle per route (entry + page chunk + their static imports; gzip level 6; kB = 1000 bytes):',
        '',
        sizeTable,
        '',
        `Dashboard as management, cold cache, ${runs} runs after a warm-up (the page's performance marks):`,
        '',
        timeTable,
        '',
        `Lighthouse 12, desktop preset (simulated throttling); of ${lighthouseRuns} run(s) per page, the one with the median performance score:`,
        '',
        scoreTable,
      ].join('\n'),
      goals,
      notes: [
        `React floor: a page that renders one heading with React 19, built by the same Vite in this run: ${kb(floor)} kB of JavaScript gzipped.`,
        "The baseline of the timings is the dashboard's own GraphQL POST (captured from the page) sent from Node, one at a time, after one warm-up.",
        ...Object.entries(lighthouseAll).map(
          ([route, all]) =>
            `${route} Lighthouse performance per run: ${all.map((r) => r.performance.toFixed(2)).join(', ')}; accessibility: ${all.map((r) => r.accessibility.toFixed(2)).join(', ')}`,
        ),
        ...Object.entries(scores)
          .filter(([, s]) => s.failedAccessibilityAudits.length > 0)
          .map(([route, s]) => `${route} accessibility audits failed: ${s.failedAccessibilityAudits.join('; ')}`),
      ],
      details: {
        bundle: { reactFloorGzipBytes: floor, budgetKb: jsBudgetKb, routes: sizes },
        dashboard: {
          runs: chartRuns.map((r) => ({
            firstChartMs: round(r.firstChartMs, 1),
            dataMs: round(r.dataMs, 1),
            dataToChartMs: round(r.dataToChartMs, 1),
          })),
          medianFirstChartMs: round(firstChart, 1),
          medianDataMs: round(data, 1),
          medianDataToChartMs: round(dataToChart, 1),
          queryAloneMs: {
            median: round(queryMedian, 2),
            count: queryTimes.length,
            p95: round(percentile(queryTimes, 0.95), 2),
          },
          firstChartToQuery: round(firstChart / queryMedian, 2),
        },
        lighthouse: {
          median: scores,
          runs: Object.fromEntries(
            Object.entries(lighthouseAll).map(([route, all]) => [
              route,
              all.map((r) => ({ performance: r.performance, accessibility: r.accessibility })),
            ]),
          ),
        },
      },
    };
  } finally {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN;
}

export const webBenchmark: BenchModule = { name: 'web', run: benchmark };
