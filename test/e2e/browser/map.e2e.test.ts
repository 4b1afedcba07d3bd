import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, phone, screenshotDir, settle } from './checks.js';
import { browserSuite } from './harness.js';
import { signIn, switchLanguage } from './ui.js';

/*
 * The map of the partner regions on the dashboard (issue 13), on the demo
 * history: a circle for every region with an active twinning, the same rows
 * in its table, figures on focus, the region's page on a click or Enter, no
 * serious accessibility violation, and screenshots in both languages for
 * people to review.
 */
const suite = browserSuite();

const circles = (page: Page) => page.locator('.region-map a.region-map__region');

async function mapShown(page: Page): Promise<void> {
  await signIn(page, suite.url, 'management');
  await expect.poll(() => circles(page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
}

/** The regions of the twinnings running today, from the API. */
async function regionsWithActiveTwinnings(): Promise<string[]> {
  const today = new Date().toISOString().slice(0, 10);
  const data = await suite.gql<{ twinnings: { regionCode: string }[] }>(
    'demo-management',
    `query ($on: LocalDate!) { twinnings(filter: { activeOn: $on }) { regionCode } }`,
    { on: today },
  );
  return [...new Set(data.twinnings.map((t) => t.regionCode))].sort();
}

/** An attribute of every element a locator finds. */
const attributes = async (locator: Locator, name: string): Promise<string[]> =>
  Promise.all((await locator.all()).map(async (element) => (await element.getAttribute(name)) ?? ''));

const circleRegions = async (page: Page) => (await attributes(circles(page), 'data-region')).sort();

describe('the map of the partner regions', () => {
  it('draws a circle for every region with active twinnings, and its table has the same rows', async () => {
    const page = await suite.open();
    await mapShown(page);
    const drawn = await circleRegions(page);
    const expected = await regionsWithActiveTwinnings();
    expect(expected.length).toBeGreaterThan(15);
    expect(drawn).toEqual(expect.arrayContaining(expected));
    expect(new Set(drawn).size, 'one circle per region').toBe(drawn.length);
    await expect.poll(() => page.locator('.region-map .region-map__unplaced').count()).toBe(0);

    const map = page.locator('.region-map');
    await map.getByRole('button', { name: 'Tabel', exact: true }).click();
    const links = map.locator('table tbody tr th a');
    await expect.poll(() => links.count()).toBe(drawn.length);
    const rows = (await attributes(links, 'href'))
      .map((href) => decodeURIComponent(href).replace('/regios/', ''))
      .sort();
    expect(rows).toEqual(drawn);
  });

  it('shows a circle’s figures when it has the keyboard focus, and names them to screen readers', async () => {
    const page = await suite.open();
    await mapShown(page);
    const zou = page.locator('.region-map a[data-region="BJ-ZO"]');
    const name = (await zou.getAttribute('aria-label')) ?? '';
    expect(name).toMatch(/^Zou \(Benin\): \d+ actieve stedenband(en)?, \d+ bezoek(en)? in de periode, /);
    await zou.focus();
    const tip = page.locator('.region-map__tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = await tip.innerText();
    expect(text).toContain('Zou (Benin)');
    expect(text).toMatch(/\d+ actieve stedenband/);
    expect(text).toContain('Zoersel – Bohicon');
    expect(text).toMatch(/bezoek(en)? in de periode, waarvan \d+ begeleid/);
    await settle(page);
    await page.locator('.region-map').screenshot({ path: path.join(screenshotDir, 'map-focus.nl.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.count()).toBe(0);
  });

  it("opens the region's page on a click, and on Enter", async () => {
    const page = await suite.open();
    await mapShown(page);
    // The last circle is drawn on top: nothing covers it.
    const last = circles(page).last();
    const code = (await last.getAttribute('data-region'))!;
    await last.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/regios/${code}`);

    await page.goBack();
    await expect.poll(() => circles(page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.locator('.region-map a[data-region="SN-TC"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/regios/SN-TC');
  });

  it('zooms to the country chosen in the dashboard’s filter', async () => {
    const page = await suite.open();
    await mapShown(page);
    await page.getByLabel('Land', { exact: true }).selectOption('BJ');
    await expect
      .poll(async () => (await circleRegions(page)).every((code) => code.startsWith('BJ-')), { timeout: 10_000 })
      .toBe(true);
    expect(await circles(page).count()).toBeGreaterThanOrEqual(4);
    await expectAccessible(page, 'dashboard with the map of Benin');
    await mapScreenshot(page, 'map-benin', 'nl');
  });

  it("tells each region's figures from the read models, for readers of the whole programme only", async () => {
    const query = `{ regionMap(from: "2025-01-01", to: "2026-12-31") {
      regionCode activeTwinnings visits accompaniedVisits lastAccompaniedOn monthsSinceLastAccompaniment
      point { latitude longitude } twinnings { name partnerName } } }`;
    type Row = {
      regionCode: string;
      activeTwinnings: number;
      visits: number;
      accompaniedVisits: number;
      lastAccompaniedOn: string | null;
      monthsSinceLastAccompaniment: number | null;
      point: { latitude: number; longitude: number } | null;
      twinnings: { name: string; partnerName: string }[];
    };
    for (const role of ['management', 'planner', 'analyst', 'staff']) {
      const { regionMap } = await suite.gql<{ regionMap: Row[] }>(`demo-${role}`, query);
      expect(regionMap.length, role).toBeGreaterThan(15);
      for (const r of regionMap) {
        expect(r.point, `${r.regionCode} has a place`).not.toBeNull();
        expect(r.twinnings).toHaveLength(r.activeTwinnings);
        expect(r.accompaniedVisits).toBeLessThanOrEqual(r.visits);
        expect(r.lastAccompaniedOn === null).toBe(r.monthsSinceLastAccompaniment === null);
      }
      const zou = regionMap.find((r) => r.regionCode === 'BJ-ZO')!;
      expect(zou.twinnings.map((t) => `${t.name} – ${t.partnerName}`)).toContain('Zoersel – Bohicon');
    }
    await expect(suite.gql('demo-coordinator-11055', query)).rejects.toThrow(/FORBIDDEN/);
  });

  it("shows on the planner's workbench, for the period being planned", async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'planner');
    await page.goto(`${suite.url}/planner`);
    await expect.poll(() => circles(page).count(), { timeout: 20_000 }).toBeGreaterThan(15);
    expect(await circleRegions(page)).toEqual(expect.arrayContaining(await regionsWithActiveTwinnings()));
    await mapScreenshot(page, 'map-planner', 'nl');
  });

  it.each(['nl', 'en'] as const)('has no serious accessibility violation, map or table (%s)', async (lang) => {
    const page = await suite.open();
    await mapShown(page);
    if (lang === 'en') await switchLanguage(page, 'en');
    await expectAccessible(page, `dashboard with the map (${lang})`);
    await mapScreenshot(page, 'map', lang);
    // Sized by visits in the period: a region without visits keeps a small hollow mark.
    await page.getByRole('radio', { name: lang === 'en' ? 'Visits in the period' : 'Bezoeken in de periode' }).check();
    await expect.poll(() => circles(page).count()).toBeGreaterThan(15);
    await expectAccessible(page, `dashboard with the map by visits (${lang})`);
    await mapScreenshot(page, 'map-visits', lang);
    const map = page.locator('.region-map');
    await map.getByRole('button', { name: lang === 'en' ? 'Table' : 'Tabel', exact: true }).click();
    await expect.poll(() => map.locator('table').count()).toBe(1);
    await expectAccessible(page, `dashboard with the map's table (${lang})`);
  });
});

/** The map's card alone, on a desktop and on a phone, into test/e2e/screenshots/. */
async function mapScreenshot(page: Page, name: string, lang: 'nl' | 'en'): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const map = page.locator('.region-map');
  await settle(page);
  await map.screenshot({ path: path.join(screenshotDir, `${name}.${lang}.png`), animations: 'disabled' });
  const viewport = page.viewportSize();
  await page.setViewportSize(phone);
  await settle(page, 300);
  await map.screenshot({ path: path.join(screenshotDir, `${name}.${lang}.phone.png`), animations: 'disabled' });
  if (viewport) await page.setViewportSize(viewport);
}
