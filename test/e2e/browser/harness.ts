/**
 * One browser test file's world: the real platform with the demo history (a
 * copy of one made per run) on a free port, serving the built UI from
 * web/dist; one Chromium; and a fresh browser context per page opened. Any console error or uncaught exception in
 * a page opened by a test fails that test.
 *
 * ```ts
 * const suite = browserSuite();
 * it('…', async () => {
 *   const page = await suite.open();
 *   await signIn(page, suite.url, 'management');
 * });
 * ```
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatform, type Platform, type PlatformOptions } from '@werkbezoek/api';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { MutationKeys, PageErrors } from './checks.js';
import { chromiumArgs, prepareBrowserRun, processAlive, webDist, withLock } from './prepare.js';

export type Lang = 'nl' | 'en';

export interface OpenOptions extends BrowserContextOptions {
  /** The page's first language, through the browser's locale (the UI remembers a switch in localStorage). */
  readonly lang?: Lang;
  /** Console errors the test provokes on purpose (say, a request it makes fail), by their text; any other fails it. */
  readonly expectedConsoleErrors?: readonly RegExp[];
}

export interface BrowserSuite {
  /** The platform's origin, e.g. http://127.0.0.1:43123 (no trailing slash). */
  readonly url: string;
  readonly platform: Platform;
  readonly browser: Browser;
  /**
   * A page in a fresh context (its own storage); errors in it or in any tab
   * opened from its context (`page.context().newPage()`) fail the current test.
   */
  open(options?: OpenOptions): Promise<Page>;
  /** Every mutation a page opened by `open` (or a tab of its context) sent, with its Idempotency-Key. */
  mutationsSent(page: Page): MutationKeys['sent'];
  /** A GraphQL request from Node, as the page would send it. */
  gql<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

function platformOptions(dataDir: string): PlatformOptions {
  return {
    dataDir,
    readModels: { dialect: 'sqlite', path: path.join(dataDir, 'read-models.db') },
    auth: { mode: 'demo' },
    host: '127.0.0.1',
    port: 0,
    demoData: true,
    production: true,
    log: () => {},
    webDist,
  };
}

/**
 * A data directory with the demo history loaded and projected, made once per
 * test run (the run is the workers' parent process) and copied by every file:
 * loading the history takes 5–10 s, a copy a tenth of a second. Templates of
 * runs that ended are removed.
 */
function demoTemplate(): Promise<string> {
  return withLock('browser-template', async () => {
    const prefix = 'werkbezoek-browser-demo-';
    const dir = path.join(os.tmpdir(), `${prefix}${process.ppid}`);
    for (const name of readdirSync(os.tmpdir())) {
      const pid = Number(/^werkbezoek-browser-demo-(\d+)$/.exec(name)?.[1]);
      if (pid && pid !== process.ppid && !processAlive(pid))
        rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
    if (existsSync(path.join(dir, 'ready'))) return dir;
    rmSync(dir, { recursive: true, force: true });
    const platform = await startPlatform(platformOptions(dir));
    await platform.close();
    mkdirSync(path.join(dir, 'ready'));
    return dir;
  });
}

/** Registers the hooks that start and stop the platform and the browser for this file. */
export function browserSuite(): BrowserSuite {
  let platform: Platform | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  let url = '';
  let opened: { context: BrowserContext; errors: PageErrors; keys: MutationKeys }[] = [];
  // a test signs in and waits for pages that poll every few seconds
  vi.setConfig({ testTimeout: 60_000 });

  beforeAll(async () => {
    const [executablePath] = await Promise.all([
      prepareBrowserRun(),
      (async () => {
        const template = await demoTemplate();
        dataDir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-browser-'));
        cpSync(template, dataDir, { recursive: true, filter: (source) => path.basename(source) !== 'ready' });
        platform = await startPlatform(platformOptions(dataDir));
        url = new URL(platform.url).origin;
      })(),
    ]);
    browser = await chromium.launch({ executablePath, args: [...chromiumArgs] });
  }, 600_000);

  afterEach(async () => {
    const pages = opened;
    opened = [];
    const messages = pages.flatMap((p) => p.errors.messages);
    await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
    if (messages.length > 0) throw new Error(`The page reported errors:\n${messages.map((m) => `  ${m}`).join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} has not started (did beforeAll fail?)`);
    return value;
  };

  return {
    get url() {
      return url;
    },
    get platform() {
      return need(platform, 'The platform');
    },
    get browser() {
      return need(browser, 'The browser');
    },
    async open(options = {}) {
      const { lang = 'nl', expectedConsoleErrors = [], ...contextOptions } = options;
      const context = await need(browser, 'The browser').newContext({
        locale: lang === 'nl' ? 'nl-BE' : 'en-GB',
        viewport: { width: 1280, height: 800 },
        reducedMotion: 'reduce',
        ...contextOptions,
      });
      context.setDefaultTimeout(15_000);
      const errors = new PageErrors(context, expectedConsoleErrors);
      // Every mutation any test's flow sends is checked for its key: one without fails that test.
      opened.push({ context, errors, keys: new MutationKeys(context, errors.messages) });
      return context.newPage();
    },
    mutationsSent(page) {
      const entry = opened.find((o) => o.context === page.context());
      if (!entry) throw new Error('mutationsSent: the page was not opened by suite.open() in this test');
      return entry.keys.sent;
    },
    async gql<T>(token: string, query: string, variables?: Record<string, unknown>) {
      const response = await fetch(need(platform, 'The platform').url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length || !body.data)
        throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body.errors)}`);
      return body.data;
    },
  };
}
