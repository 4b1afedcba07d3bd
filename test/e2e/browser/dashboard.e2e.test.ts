import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness.js';
import { chartMarks, signIn } from './ui.js';

/*
 * The dashboard on the demo history: real figures drawn as charts, each with
 * a table of the same figures and a CSV download, and the performance marks
 * the web benchmark reads.
 */
const suite = browserSuite();

describe('the dashboard', () => {
  it('draws its charts from the demo history', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    const figures = page.locator('figure');
    await expect.poll(() => figures.count()).toBeGreaterThan(0);
    for (const figure of await figures.all()) {
      expect((await figure.locator('figcaption').innerText()).trim(), 'every chart has a caption').not.toBe('');
    }
    await expect.poll(() => page.locator('figure svg.recharts-surface').count()).toBeGreaterThan(0);
    await expect.poll(() => chartMarks(page), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it("shows each chart's figures as a table, and downloads them as CSV", async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    await expect.poll(() => page.locator('figure svg.recharts-surface').count()).toBeGreaterThan(0);
    // The charts arrive one per frame after the first; count once they all stand.
    await expect.poll(() => page.locator('.chart-placeholder').count()).toBe(0);
    // The map below the charts loads on its own; count once it stands too.
    await expect.poll(() => page.locator('.region-map__placeholder').count()).toBe(0);
    const toggles = page.getByRole('button', { name: 'Tabel', exact: true });
    await expect
      .poll(async () => (await toggles.count()) - (await page.locator('figure').count()), {
        message: 'a "Tabel" button per chart',
      })
      .toBe(0);
    const tablesBefore = await page.locator('table').count();
    await toggles.first().click();
    await expect.poll(() => page.locator('table').count()).toBeGreaterThan(tablesBefore);
    const table = page.locator('figure table, table').first();
    expect(await table.locator('th[scope="col"]').count(), 'column headers').toBeGreaterThan(0);
    const rows = await table.locator('tbody tr').count();
    expect(rows, 'rows in the table').toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /CSV/ }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv.length, 'a header and a line per row').toBeGreaterThan(1);
  });

  it('lists the ten municipalities longest without an accompanied visit, and all of them when asked', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    const list = page.locator('section[aria-labelledby="coverage-list"]');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(10);
    const showAll = list.getByRole('button', { name: /^Toon alle \d+ gemeenten$/ });
    const total = Number(/\d+/.exec(await showAll.innerText())![0]);
    expect(total, 'more municipalities than the ten shown').toBeGreaterThan(10);
    await showAll.click();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(total);
  });

  it('marks when its data arrived and when the first chart was drawn', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    await expect
      .poll(() => page.evaluate(`performance.getEntriesByName('werkbezoek:dashboard-first-chart', 'mark').length`), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    const [data, chart] = await page.evaluate<[number | null, number | null]>(
      `['werkbezoek:dashboard-data', 'werkbezoek:dashboard-first-chart'].map((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null)`,
    );
    expect(data).not.toBeNull();
    expect(chart).toBeGreaterThanOrEqual(data!);
  });

  it.each(['planner', 'analyst'] as const)('is the home page of the %s, with figures', async (role) => {
    const page = await suite.open();
    await signIn(page, suite.url, role);
    await expect.poll(() => chartMarks(page), { timeout: 10_000 }).toBeGreaterThan(0);
  });
});
