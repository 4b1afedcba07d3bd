/**
 * Checks every browser test shares: errors the page reported, accessibility
 * (axe), and screenshots for people to review.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { Kind, OperationTypeNode, parse } from 'graphql';
import type { BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';
import { repoRoot } from './prepare.js';

export const screenshotDir = path.join(repoRoot, 'test', 'e2e', 'screenshots');

/** Console errors and uncaught exceptions of every page (tab) in one browser context, with where they happened. */
export class PageErrors {
  readonly messages: string[] = [];

  /** `expected`: console errors a test provokes on purpose (a request it makes fail), by their text. */
  constructor(context: BrowserContext, expected: readonly RegExp[] = []) {
    context.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return;
      if (expected.some((pattern) => pattern.test(message.text()))) return;
      const where = message.location();
      this.messages.push(
        `console.error on ${message.page()?.url() ?? '?'}: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`,
      );
    });
    context.on('weberror', (webError) => {
      const error = webError.error();
      this.messages.push(`uncaught ${error.name} on ${webError.page()?.url() ?? '?'}: ${error.message}`);
    });
  }
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The names of the mutations a GraphQL request to /graphql runs (its operation, or every mutation of a batch), else []. */
export function mutationsIn(request: Request): string[] {
  if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/graphql') return [];
  let body: unknown;
  try {
    body = request.postDataJSON();
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const { query, operationName } of (Array.isArray(body) ? body : [body]) as {
    query?: string;
    operationName?: string;
  }[]) {
    if (typeof query !== 'string') continue;
    const operations = parse(query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const chosen = operations.find((o) => !operationName || o.name?.value === operationName);
    if (chosen?.operation === OperationTypeNode.MUTATION) names.push(chosen.name?.value ?? 'an anonymous mutation');
  }
  return names;
}

/**
 * Every mutation the UI sends must carry an Idempotency-Key made by the
 * browser (a UUID v4, web/src/graphql/idempotency.ts), so a retry is stored
 * once. Checked on every page of every browser test: a mutation without one
 * is reported like a console error. `sent` lists each mutation and its key.
 */
export class MutationKeys {
  readonly sent: { readonly mutation: string; readonly key: string | undefined }[] = [];

  constructor(context: BrowserContext, problems: string[]) {
    context.on('request', (request) => {
      for (const mutation of mutationsIn(request)) {
        const key = request.headers()['idempotency-key'];
        this.sent.push({ mutation, key });
        if (key === undefined || !UUID_V4.test(key))
          problems.push(
            `mutation ${mutation} was sent ${key === undefined ? 'without an Idempotency-Key' : `with the Idempotency-Key ${JSON.stringify(key)}, not a UUID v4`} (web/src/graphql/idempotency.ts gives every mutation one)`,
          );
      }
    });
  }
}

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly helpUrl: string;
  readonly targets: readonly string[];
}

/** Runs axe on the page as it is and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => `${n.target.join(' ')}  ${n.html.slice(0, 160)}`),
    }));
}

/** The violations as a person reads them, e.g. in a failed test's message. */
export function formatViolations(label: string, findings: readonly AxeFinding[]): string {
  if (findings.length === 0) return `${label}: no serious or critical violations`;
  return [
    `${label}: ${findings.length} serious or critical accessibility violation(s)`,
    ...findings.flatMap((f) => [
      `  [${f.impact}] ${f.id}: ${f.help} (${f.helpUrl})`,
      ...f.targets.slice(0, 5).map((t) => `      ${t}`),
      ...(f.targets.length > 5 ? [`      … and ${f.targets.length - 5} more`] : []),
    ]),
  ].join('\n');
}

/** Throws a readable error when axe finds serious or critical violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const findings = await seriousViolations(page);
  if (findings.length > 0) throw new Error(formatViolations(label, findings));
}

export const phone = { width: 390, height: 844 } as const;

/**
 * A full-page screenshot into test/e2e/screenshots/<name>.<lang>.png and a
 * phone-size one (390×844) into <name>.<lang>.phone.png; the viewport is
 * restored afterwards.
 */
export async function screenshots(page: Page, name: string, lang: 'nl' | 'en'): Promise<string[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const desktop = path.join(screenshotDir, `${name}.${lang}.png`);
  const small = path.join(screenshotDir, `${name}.${lang}.phone.png`);
  await page.screenshot({ path: desktop, fullPage: true, animations: 'disabled' });
  const viewport = page.viewportSize();
  await page.setViewportSize(phone);
  await settle(page);
  await page.screenshot({ path: small, fullPage: true, animations: 'disabled' });
  if (viewport) {
    await page.setViewportSize(viewport);
    await settle(page);
  }
  return [desktop, small];
}

/** Two animation frames and a short pause: lets a resize or a re-render draw. */
export async function settle(page: Page, ms = 150): Promise<void> {
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await page.waitForTimeout(ms);
}
