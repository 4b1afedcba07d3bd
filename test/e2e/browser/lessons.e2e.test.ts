import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshots } from './checks.js';
import { browserSuite, type Lang } from './harness.js';
import { dataShown, heading, signIn, switchLanguage } from './ui.js';

/*
 * Lessons and good practices (issue 13): a search on the demo history finds
 * its lesson with the match highlighted, a facet narrows it, the lesson's page
 * shows its mission, staff promote a lesson to a good practice without a
 * reload; axe and screenshots in both languages.
 */
const suite = browserSuite();

interface Found {
  lessons: {
    totalCount: number;
    edges: {
      highlight: { title: string } | null;
      node: { id: string; title: string; goodPractice: boolean; countryCode: string | null };
    }[];
  };
}

const word = 'afval';

async function searchByApi(search: string, filter: Record<string, unknown> = {}): Promise<Found['lessons']> {
  const data = await suite.gql<Found>(
    'demo-analyst',
    `query ($search: String, $filter: LessonFilter) { lessons(search: $search, filter: $filter, first: 100) {
      totalCount edges { highlight { title } node { id title goodPractice countryCode } } } }`,
    { search, filter },
  );
  return data.lessons;
}

/** The count line's number ("12 lessen gevonden voor …"). */
async function shownCount(page: Page): Promise<number> {
  const text = await page.locator('#lessons-count').innerText();
  return /^(Geen|No)\b/.test(text) ? 0 : Number(/\d[\d.]*/.exec(text)?.[0].replace(/\./g, '') ?? NaN);
}

async function resultTitles(page: Page): Promise<string[]> {
  return (await page.locator('.lessons-list h3').allInnerTexts()).map((t) => t.trim());
}

async function openCatalogue(page: Page, lang: Lang = 'nl', query = ''): Promise<void> {
  await signIn(page, suite.url, 'analyst');
  await page.goto(`${suite.url}/lessen${query}`);
  if (lang === 'en') await switchLanguage(page, 'en');
  await dataShown(page);
  await page.locator('#lessons-count').waitFor();
}

describe('the lesson catalogue', () => {
  it('finds a known word with the match highlighted, good practices first, and a facet narrows it', async () => {
    const api = await searchByApi(word);
    expect(api.totalCount).toBeGreaterThan(2);
    // The demo catalogue no longer repeats itself: different titles for "afval".
    const titles = api.edges.map((e) => e.node.title);
    expect(new Set(titles).size).toBe(titles.length);

    const page = await suite.open();
    await openCatalogue(page);
    expect(await heading(page)).toBe('Lessen en goede praktijken');
    await page.getByRole('searchbox', { name: 'Zoeken in lessen' }).fill(word);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('zoek') === word);
    await dataShown(page);
    await expect.poll(() => shownCount(page)).toBe(api.totalCount);
    expect(await page.locator('#lessons-count').innerText()).toContain(`voor “${word}”`);

    // The API's first lesson is the page's first, marks and all.
    const first = api.edges[0]!;
    expect((await resultTitles(page))[0]).toBe(first.node.title);
    const marks = await page.locator('.lessons-list mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.toLowerCase().includes(word))).toBe(true);
    // Good practices first, marked by a label (not colour alone).
    const flags = api.edges.map((e) => e.node.goodPractice);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    const goodOnPage = await page.locator('.lessons-list li', { hasText: 'Goede praktijk' }).count();
    expect(goodOnPage).toBe(flags.slice(0, 20).filter(Boolean).length);

    // Narrow by a country through its checkbox: the count equals the facet's and the URL keeps it.
    const country = api.edges.find((e) => e.node.countryCode)!.node.countryCode!;
    const narrowed = await searchByApi(word, { countryCodes: [country] });
    const countryGroup = page.getByRole('group', { name: 'Land' });
    const box = countryGroup.getByRole('checkbox', { name: new RegExp(`\\(${narrowed.totalCount}\\)$`) }).first();
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForURL((u) => u.searchParams.get('land') !== null);
    await dataShown(page);
    const land = new URL(page.url()).searchParams.get('land')!;
    const expected = await searchByApi(word, { countryCodes: [land] });
    await expect.poll(() => shownCount(page)).toBe(expected.totalCount);
    expect(expected.totalCount).toBeLessThanOrEqual(api.totalCount);
    expect(await resultTitles(page)).toEqual(expected.edges.slice(0, 20).map((e) => e.node.title));

    // A reload keeps the search and the facet.
    await page.reload();
    await dataShown(page);
    await expect.poll(() => shownCount(page)).toBe(expected.totalCount);
    expect(await page.getByRole('searchbox', { name: 'Zoeken in lessen' }).inputValue()).toBe(word);
  });

  it("shows a lesson's text, its mission, its municipalities and region, and other lessons from there", async () => {
    const api = await searchByApi(word);
    const lesson = api.edges[0]!.node;
    const page = await suite.open();
    await openCatalogue(page, 'nl', `?zoek=${word}`);
    await page.getByRole('link', { name: lesson.title, exact: true }).first().click();
    await page.waitForURL((u) => u.pathname === `/lessen/${lesson.id}`);
    await dataShown(page);
    await expect.poll(() => heading(page)).toBe(lesson.title);
    const mission = page.getByRole('region', { name: 'De missie' });
    await mission.waitFor();
    const text = await mission.innerText();
    expect(text).toMatch(/missie/i);
    expect(text).toMatch(/\d{4}/);
    expect(await mission.locator('a[href^="/gemeenten/"]').count()).toBeGreaterThan(0);
    expect(await mission.locator('a[href^="/regios/"]').count()).toBe(1);
    await page.getByRole('region', { name: /^Andere lessen/ }).waitFor();
    await page.getByRole('link', { name: 'Alle lessen', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/lessen');
  });

  it('lets staff make a lesson a good practice with a rationale, shown without a reload', async () => {
    const candidates = await searchByApi('', { goodPractice: false });
    const lesson = candidates.edges[0]!.node;
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    await page.goto(`${suite.url}/lessen/${lesson.id}`);
    await dataShown(page);
    const form = page.getByRole('form', { name: 'Goede praktijk maken' });
    await form.getByRole('button', { name: 'Goede praktijk maken' }).click();
    await form.getByText('Geef een motivering van minstens 10 tekens.').waitFor();
    await form.getByLabel('Motivering').fill('Overdraagbaar naar andere partnergemeenten in de regio.');
    await form.getByRole('button', { name: 'Goede praktijk maken' }).click();
    await page.getByText('Deze les is nu een goede praktijk.').waitFor();
    await page.getByText(/^Goede praktijk sinds /).waitFor();
    expect(await form.count()).toBe(0);
    const after = await suite.gql<{ lesson: { goodPractice: boolean } }>(
      'demo-analyst',
      `query ($id: ID!) { lesson(id: $id) { goodPractice } }`,
      { id: lesson.id },
    );
    expect(after.lesson.goodPractice).toBe(true);
  });

  it('offers no promotion to an analyst', async () => {
    const candidates = await searchByApi('', { goodPractice: false });
    const page = await suite.open();
    await signIn(page, suite.url, 'analyst');
    await page.goto(`${suite.url}/lessen/${candidates.edges[1]!.node.id}`);
    await dataShown(page);
    await page.getByRole('region', { name: 'De missie' }).waitFor();
    expect(await page.getByRole('form', { name: 'Goede praktijk maken' }).count()).toBe(0);
  });
});

describe.each(['nl', 'en'] as const)('the lesson pages in %s', (lang) => {
  it('have no serious accessibility violations; screenshots', async () => {
    const api = await searchByApi(word);
    const page = await suite.open();
    await openCatalogue(page, lang, `?zoek=${word}`);
    await page.locator('.lessons-list mark').first().waitFor();
    await expectAccessible(page, `lessons (${lang})`);
    await screenshots(page, 'lessons', lang);
    await page.goto(`${suite.url}/lessen/${api.edges[0]!.node.id}`);
    await dataShown(page);
    await page.locator('#lesson-mission-title').waitFor();
    await page.locator('.lesson-related, #lesson-related-title + p').first().waitFor();
    await expectAccessible(page, `lesson (${lang})`);
    await screenshots(page, 'lesson', lang);
  });
});
