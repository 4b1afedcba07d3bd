import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshots } from './checks.js';
import { browserSuite, type Lang } from './harness.js';
import { chartMarks, dataShown, heading, signIn, switchLanguage, zoersel } from './ui.js';

/*
 * A municipality's page (its twinning, actors and the history of its visits)
 * and a region's page (its municipalities, visits per year, missions, plans
 * and lessons) on the demo history, and the links that lead there.
 */
const suite = browserSuite();

/** Zoersel: twinned with Bohicon in Zou (Benin), accompanied several times, with lessons and actor changes. */
const municipality = { nisCode: '11055', name: 'Zoersel', partner: 'Bohicon' };
/** Zou: Hoogstraten, Lokeren and Zoersel are active there; the demo's planning round proposes a conference. */
const region = { code: 'BJ-ZO', name: 'Zou', municipalities: ['Hoogstraten', 'Lokeren', 'Zoersel'] };

async function openMunicipality(page: Page, lang: Lang = 'nl'): Promise<void> {
  await page.goto(`${suite.url}/gemeenten/${municipality.nisCode}`);
  if (lang === 'en') await switchLanguage(page, 'en');
  await dataShown(page);
  expect(await heading(page)).toBe(municipality.name);
}

async function openRegion(page: Page, lang: Lang = 'nl'): Promise<void> {
  await page.goto(`${suite.url}/regios/${region.code}`);
  if (lang === 'en') await switchLanguage(page, 'en');
  await dataShown(page);
  expect(await heading(page)).toBe(region.name);
}

describe('a municipality’s page', () => {
  it('shows its twinning, its actors and the history of its visits with their lessons', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    await openMunicipality(page);
    const main = page.locator('main');
    await main.getByRole('heading', { name: `Stedenband met ${municipality.partner}` }).waitFor();
    // the partner's region opens the region's page
    expect(await main.getByRole('link', { name: region.name, exact: true }).first().getAttribute('href')).toBe(
      `/regios/${region.code}`,
    );
    await main.getByText('Stedenbandcoördinator (Noord)').waitFor();
    // the timeline: visits grouped by year, accompanied or not, and why not
    const visits = main.locator('li.places-visit');
    expect(await visits.count()).toBeGreaterThan(5);
    expect(await main.locator('li.places-visit--accompanied').count()).toBeGreaterThan(0);
    expect(await main.locator('li.places-visit--declined').count()).toBeGreaterThan(0);
    await main
      .getByText(/^Reden: /)
      .first()
      .waitFor();
    // lessons from its missions link to the lesson's page
    await expect.poll(() => main.locator('.places-lessons a[href^="/lessen/"]').count()).toBeGreaterThan(0);
    // the months since its last accompanied visit
    const since = main.locator('.kpi').first();
    expect(await since.locator('.kpi__label').first().innerText()).toBe('Maanden sinds de laatste begeleiding');
    expect(await since.locator('.kpi__value').innerText()).toMatch(/^\d+$/);
    expect(await since.innerText()).toMatch(/begeleid tot \d+ \w+ \d{4}/);
    await expectAccessible(page, 'municipality page (nl)');
    await screenshots(page, 'municipality', 'nl');
  });

  it('reads in English', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    await openMunicipality(page, 'en');
    await page
      .locator('main')
      .getByRole('heading', { name: `Twinning with ${municipality.partner}` })
      .waitFor();
    await page.locator('main').getByText('Months since last accompanied').waitFor();
    await expectAccessible(page, 'municipality page (en)');
    await screenshots(page, 'municipality', 'en');
  });

  it('shows a coordinator their own municipality, and refuses another', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, zoersel);
    await openMunicipality(page);
    expect(await page.locator('main li.places-visit').count()).toBeGreaterThan(0);
    // actors name people: not for coordinators
    expect(await page.locator('main').getByText('Actoren en hun wissels').count()).toBe(0);
    await page.goto(`${suite.url}/gemeenten/44043`);
    await dataShown(page);
    await page.getByRole('heading', { name: 'Geen toegang' }).waitFor();
  });
});

describe('a region’s page', () => {
  it('shows its municipalities, visits per year, missions, plans and lessons', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    await openRegion(page);
    const main = page.locator('main');
    for (const name of region.municipalities)
      expect(await main.getByRole('link', { name, exact: true }).first().getAttribute('href')).toMatch(
        /^\/gemeenten\/\d{5}$/,
      );
    await expect.poll(() => chartMarks(page), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await main.locator('li.places-visit').count()).toBeGreaterThan(0);
    await main.getByText('Regionale conferentie in Bohicon').waitFor();
    await expect.poll(() => main.locator('a[href^="/lessen/"]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'region page (nl)');
    await screenshots(page, 'region', 'nl');
    // the chart's table view: one row per year
    await main.getByRole('button', { name: 'Tabel', exact: true }).click();
    const years = await main.locator('figure table tbody tr th').allInnerTexts();
    expect(years.length).toBeGreaterThan(3);
    expect(years.every((y) => /^\d{4}$/.test(y.trim()))).toBe(true);
    await expectAccessible(page, 'region page with the table shown (nl)');
  });

  it('reads in English', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    await openRegion(page, 'en');
    await page.locator('main').getByText('Work visits per year').waitFor();
    await expect.poll(() => chartMarks(page), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectAccessible(page, 'region page (en)');
    await screenshots(page, 'region', 'en');
  });

  it('leaves joint missions and regional events out for an analyst, who may not read them', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'analyst');
    await openRegion(page);
    await expect.poll(() => page.locator('main a[href^="/lessen/"]').count()).toBeGreaterThan(0);
    expect(await page.getByText('Gezamenlijke missies en regionale activiteiten').count()).toBe(0);
  });
});

describe('links to the pages', () => {
  it('open a municipality’s page from its name in the inbox', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    const link = page.locator('main table tbody tr').first().locator('a[href^="/gemeenten/"]');
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL((u) => /^\/gemeenten\/\d{5}$/.test(u.pathname));
    // the page's chunk loads after the URL changed: wait for its heading
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe(name);
    await dataShown(page);
  });

  it('open a region’s page from a request’s facts', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    await page.locator('main table tbody tr').first().locator('a[href^="/aanvragen/"]').click();
    await page.waitForURL((u) => u.pathname.startsWith('/aanvragen/'));
    await dataShown(page);
    await page.locator('main dl a[href^="/regios/"]').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/regios/'));
    await dataShown(page);
    await heading(page);
  });
});
