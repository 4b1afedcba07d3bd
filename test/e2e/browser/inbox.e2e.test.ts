import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness.js';
import { dataShown, declineOnRequestPage, declinedOnDashboard, signIn, tableRows } from './ui.js';

/*
 * Staff's inbox: the request list with its filters in the URL, one request's
 * page with the decision form, and a decision that reaches an open dashboard
 * without a reload.
 */
const suite = browserSuite();

interface Requests {
  accompanimentRequests: { edges: { node: { id: string } }[] };
}

async function submittedRequestIds(count: number): Promise<string[]> {
  const data = await suite.gql<Requests>(
    'demo-staff',
    `query ($first: Int) { accompanimentRequests(first: $first, filter: { status: [SUBMITTED] }) { edges { node { id } } } }`,
    { first: count },
  );
  return data.accompanimentRequests.edges.map((e) => e.node.id);
}

/** Every row of the page's first table shows the status label. */
async function everyRowSays(page: Page, label: string): Promise<void> {
  const rows = await page.locator('table tbody tr').allInnerTexts();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toContain(label);
}

describe('the inbox', () => {
  it('lists requests in a table with column headers', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    expect(await page.locator('table th[scope="col"]').count()).toBeGreaterThan(0);
    expect(await tableRows(page)).toBeGreaterThan(0);
  });

  it('keeps a filter given in the URL, also after a reload', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    await page.goto(`${suite.url}/aanvragen?status=SUBMITTED`);
    await dataShown(page);
    await everyRowSays(page, 'Ingediend');
    await page.reload();
    await dataShown(page);
    expect(new URL(page.url()).searchParams.getAll('status')).toEqual(['SUBMITTED']);
    await everyRowSays(page, 'Ingediend');
  });
});

describe('a decision', () => {
  it('shows the same change when staff open the dashboard in the same tab after deciding', async () => {
    const [id] = await submittedRequestIds(1);
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    await page.goto(`${suite.url}/dashboard`);
    await dataShown(page);
    const before = await declinedOnDashboard(page);
    await page.goto(`${suite.url}/aanvragen/${id!}`);
    await dataShown(page);
    await declineOnRequestPage(page, 'Het budget van dit jaar is besteed.');
    // through the UI's own navigation, not a reload
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await expect.poll(() => declinedOnDashboard(page), { timeout: 20_000, interval: 500 }).toBe(before + 1);
  });
});
