/*
 * The planner's workbench on the demo history (issue 13): a planner sees the
 * regional clusters and the joint-mission candidates and proposes one;
 * management approves it naming a staff member; the inbox then shows its
 * requests accepted without a reload. No console errors (the harness), axe
 * clean, and screenshots in Dutch and English for people to review.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshotDir, screenshots, settle } from './checks.js';
import { browserSuite } from './harness.js';
import { dataShown, heading, signIn, switchLanguage } from './ui.js';

const suite = browserSuite();

/** To the planner through the navigation, as a person goes there (no page load). */
async function openPlanner(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: /Hoofdnavigatie|Main navigation/ })
    .getByRole('link', { name: 'Planner' })
    .click();
  await page.waitForURL((u) => u.pathname === '/planner');
  await dataShown(page);
  await page.locator('#clusters').waitFor();
}

describe('the planner’s workbench', () => {
  it('shows the clusters on a timeline and the candidates by saving, axe-clean, in Dutch and English', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'planner');
    await openPlanner(page);
    expect(await heading(page)).toBe('Planner');
    // the period is in the URL, and the default is a calendar year
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => page.getByText(/1 januari \d{4} tot en met 31 december \d{4}/).count()).toBe(1);

    const clusters = page.locator('#clusters li.planner-card');
    expect(await clusters.count(), 'regions with several active municipalities').toBeGreaterThan(0);
    // every bar of the timeline is named in words and leads to its request
    const bars = page.locator('#clusters a.tl__bar');
    expect(await bars.count()).toBeGreaterThan(0);
    expect(await bars.first().getAttribute('aria-label')).toMatch(/: (Aanvraag|Missie)/);
    expect(await page.locator('#clusters .tl__band').count(), 'overlapping visits highlighted').toBeGreaterThan(0);
    // the table alternative of the first cluster
    await clusters.first().getByRole('button', { name: 'Tabel', exact: true }).click();
    expect(await clusters.first().locator('table tbody tr').count()).toBeGreaterThan(0);
    await clusters.first().getByRole('button', { name: 'Tijdlijn', exact: true }).click();

    const candidates = page.locator('#candidates li.planner-card');
    expect(await candidates.count(), 'joint-mission candidates').toBeGreaterThan(0);
    const savings = await page
      .locator('#candidates .saving')
      .allInnerTexts()
      .then((texts) => texts.map((t) => Number(t.replace(/[^\d]/g, ''))));
    expect(savings, 'ranked by saving').toEqual([...savings].sort((a, b) => b - a));
    expect(await candidates.first().innerText()).toMatch(/Waarom/);
    // The demo's year fits on one page of regions and of candidates (issue 16): no "show more", no count of pages.
    expect(await page.getByRole('button', { name: /^Meer (regio’s|kandidaten) tonen$/ }).count()).toBe(0);
    expect(await page.locator('.planner-more').count()).toBe(0);

    await expectAccessible(page, '/planner (nl)');
    await screenshots(page, 'planner', 'nl');

    await switchLanguage(page, 'en');
    await settle(page);
    expect(await page.locator('h2#candidates-title').innerText()).toBe('Joint-mission candidates');
    expect(await candidates.first().innerText()).toMatch(/Why/);
    await expectAccessible(page, '/planner (en)');
    await screenshots(page, 'planner', 'en');
  });

  it('a planner proposes a candidate; management approves it; the inbox shows its requests accepted without a reload', async () => {
    const planner = await suite.open();
    await signIn(planner, suite.url, 'planner');
    await openPlanner(planner);

    // the first candidate that can still be proposed (its card stays the same once the form opens)
    const cards = planner.locator('#candidates li.planner-card');
    const propose = { name: 'Voorstellen als gezamenlijke missie' };
    let proposable = -1;
    for (let i = 0, n = await cards.count(); i < n && proposable < 0; i++)
      if ((await cards.nth(i).getByRole('button', propose).count()) > 0) proposable = i;
    expect(proposable, 'a candidate with two undecided requests').toBeGreaterThanOrEqual(0);
    const card = cards.nth(proposable);
    await card.getByRole('button', propose).click();
    const form = card.locator('form');
    // prefilled: the window, at least two requests chosen, the rationale from the candidate's why
    expect(await form.getByLabel('Eerste dag').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const chosen = await form
      .locator('input[type="checkbox"]:checked')
      .evaluateAll((boxes) => boxes.map((b) => (b as unknown as { value: string }).value));
    expect(chosen.length).toBeGreaterThanOrEqual(2);
    expect(await form.getByLabel('Motivering').inputValue()).toMatch(/besparing/i);
    await expectAccessible(planner, '/planner with the proposal form');

    // a mistake shows beside its field
    const last = await form.getByLabel('Laatste dag').inputValue();
    await form.getByLabel('Laatste dag').fill('2020-01-01');
    await form.getByRole('button', { name: 'Voorstel indienen' }).click();
    await form.getByText('De laatste dag ligt vóór de eerste.').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshots(planner, 'planner-propose', 'nl');
    await form.getByLabel('Laatste dag').fill(last);
    await form.getByRole('button', { name: 'Voorstel indienen' }).click();

    const done = planner.locator('#candidates .notice--ok');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/Voorgesteld: een gezamenlijke missie/);
    const anchor = await done.getByRole('link', { name: 'Naar het voorstel' }).getAttribute('href');
    const jointMissionId = anchor!.replace('#jm-', '');
    // the new proposal is listed among the joint missions, without a reload
    await planner.locator(`#jm-${jointMissionId} .badge`, { hasText: 'Voorgesteld' }).waitFor();

    // management approves it, naming the staff member with the most free days
    const management = await suite.open();
    await signIn(management, suite.url, 'management');
    await management.evaluate('window.__stillTheSameDocument = true');
    await openPlanner(management);
    const mission = management.locator(`#jm-${jointMissionId}`);
    await mission.getByRole('button', { name: 'Goedkeuren', exact: true }).click();
    const approve = mission.locator('form');
    await approve.locator('input[type="checkbox"]').first().waitFor();
    // nobody chosen: the form says so beside the field
    await approve.getByRole('button', { name: 'Goedkeuring vastleggen' }).click();
    await approve.getByText('Kies minstens één medewerker.').waitFor();
    await expectAccessible(management, '/planner with the approval form');
    await mission.scrollIntoViewIfNeeded();
    await management.screenshot({ path: `${screenshotDir}/planner-approve.nl.png`, animations: 'disabled' });
    await approve.locator('input[type="checkbox"]').first().check();
    await approve.getByRole('button', { name: 'Goedkeuring vastleggen' }).click();
    await mission.getByText('Goedgekeurd: de missie is gepland en de aanvragen zijn aanvaard.').waitFor();
    await mission.locator('.badge', { hasText: 'Goedgekeurd' }).first().waitFor();

    // the inbox, reached through the app, shows every request of the joint mission accepted
    await mission.getByRole('link', { name: 'Deze aanvragen in de inbox' }).click();
    await management.waitForURL((u) => u.pathname === '/aanvragen');
    await dataShown(management);
    for (const id of chosen) {
      const row = management.locator('tbody tr').filter({ has: management.locator(`a[href="/aanvragen/${id}"]`) });
      await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/Aanvaard/);
    }
    expect(await management.evaluate('window.__stillTheSameDocument'), 'no reload').toBe(true);

    // and through the API: accepted, served by one mission
    const answer = await suite.gql<{ jointMission: { status: string; requests: { status: string }[] } }>(
      'demo-management',
      `query ($id: ID!) { jointMission(id: $id) { status requests { status } } }`,
      { id: jointMissionId },
    );
    expect(answer.jointMission.status).toBe('APPROVED');
    expect(answer.jointMission.requests.map((r) => r.status)).toEqual(chosen.map(() => 'ACCEPTED'));
  });

  it('refuses a role that does not plan', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'analyst');
    await page.goto(`${suite.url}/planner`);
    await dataShown(page);
    await page.getByRole('heading', { name: 'Geen toegang' }).waitFor();
  });
});
