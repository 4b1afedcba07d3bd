import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshots } from './checks.js';
import { browserSuite, type Lang } from './harness.js';
import { chartMarks, dataShown, heading, signIn, switchLanguage, zoersel, type Role } from './ui.js';

/*
 * Every page in both languages: axe finds no serious or critical violation,
 * and a full-page and a phone-size screenshot go to test/e2e/screenshots/
 * for people to review.
 */
const suite = browserSuite();

interface Visit {
  readonly name: string;
  /** Who looks; undefined for the sign-in page. */
  readonly role?: Role;
  path(): Promise<string>;
}

const submittedRequest = async () => {
  const data = await suite.gql<{ accompanimentRequests: { edges: { node: { id: string } }[] } }>(
    'demo-staff',
    `{ accompanimentRequests(first: 1, filter: { status: [SUBMITTED] }) { edges { node { id } } } }`,
  );
  return `/aanvragen/${data.accompanimentRequests.edges[0]!.node.id}`;
};

const visits: readonly Visit[] = [
  { name: 'sign-in', path: async () => '/aanmelden' },
  { name: 'dashboard', role: 'management', path: async () => '/dashboard' },
  { name: 'requests', role: 'staff', path: async () => '/aanvragen' },
  { name: 'request', role: 'staff', path: submittedRequest },
  { name: 'my-requests', role: zoersel, path: async () => '/mijn-aanvragen' },
];

async function visit(page: Page, v: Visit, lang: Lang): Promise<void> {
  if (v.role) await signIn(page, suite.url, v.role);
  await page.goto(`${suite.url}${await v.path()}`);
  if (lang === 'en') await switchLanguage(page, 'en');
  if (v.role) await dataShown(page);
  await heading(page);
  if (v.name === 'dashboard') await expect.poll(() => chartMarks(page), { timeout: 10_000 }).toBeGreaterThan(0);
}

describe.each(['nl', 'en'] as const)('every page in %s', (lang) => {
  it.each(visits.map((v) => [v.name, v] as const))('%s: no serious accessibility violations', async (_, v) => {
    const page = await suite.open();
    await visit(page, v, lang);
    await expectAccessible(page, `${v.name} (${lang})`);
    await screenshots(page, v.name, lang);
    if (v.name === 'dashboard') {
      // the charts' table views too
      await page
        .getByRole('button', { name: lang === 'nl' ? 'Tabel' : 'Table', exact: true })
        .first()
        .click();
      await page.locator('table').first().waitFor();
      await expectAccessible(page, `${v.name} with a table shown (${lang})`);
      await screenshots(page, `${v.name}-table`, lang);
    }
  });
});
