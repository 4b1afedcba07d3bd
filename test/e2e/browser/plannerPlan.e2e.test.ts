import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshotDir, screenshots, settle } from './checks.js';
import { browserSuite, type Lang } from './harness.js';
import { signIn, switchLanguage } from './ui.js';

/*
 * The planner's workbench, its optimised plan and its regional events (issue
 * 13), on the demo history: the plan for the year being planned is proven
 * optimal, shows its trips and what binds; regional events are suggested, a
 * planner proposes one, and management approves the conference the demo's
 * planning round proposed.
 */
const suite = browserSuite();

const text = {
  nl: {
    plan: 'Geoptimaliseerd plan',
    optimal: 'Bewezen optimaal',
    trips: 'Reizen in het plan, op begindatum',
    staff: /Personeelsdagen per medewerker/,
    events: 'Regionale evenementen',
    suggestions: 'Suggesties',
  },
  en: {
    plan: 'Optimised plan',
    optimal: 'Proven optimal',
    trips: 'Trips in the plan, by start date',
    staff: /Staff days per staff member/,
    events: 'Regional events',
    suggestions: 'Suggestions',
  },
} as const;

interface Events {
  regionalEvents: { edges: { node: { id: string; title: string; status: string; budgetEur: number | null } }[] };
}

/** A badge's label (its icon is hidden from screen readers but is part of its text). */
function badge(scope: Locator, label: string): Locator {
  return scope.locator('.badge', { hasText: new RegExp(`^\\W*${label}$`) });
}

/** The plan's unreserved budget in whole euro, as its budget card shows it. */
async function unreserved(plan: Locator): Promise<number> {
  const value = await plan
    .locator('dt', { hasText: 'Niet gereserveerd' })
    .locator('xpath=following-sibling::dd[1]')
    .innerText();
  return Number(value.replace(/[^\d]/g, ''));
}

async function openPlanner(page: Page, lang: Lang = 'nl'): Promise<{ plan: Locator; events: Locator }> {
  await page.goto(`${suite.url}/planner`);
  const plan = page.getByRole('region', { name: text[lang].plan, exact: true });
  const events = page.getByRole('region', { name: text[lang].events, exact: true });
  // The solver's first run loads HiGHS: give it time.
  await badge(plan, text[lang].optimal).waitFor({ timeout: 30_000 });
  await events.getByRole('heading', { name: text[lang].suggestions, exact: true }).waitFor();
  return { plan, events };
}

async function showsThePlan(plan: Locator, lang: Lang): Promise<void> {
  const trips = plan.getByRole('table', { name: text[lang].trips });
  expect(await trips.locator('tbody tr').count()).toBeGreaterThan(0);
  // Each trip's requests link to their pages, where they are decided.
  expect(await trips.locator('a[href^="/aanvragen/"]').count()).toBeGreaterThan(0);
  expect(await trips.locator('a[href^="/gemeenten/"]').count()).toBeGreaterThan(0);
  const staff = plan.getByRole('figure', { name: text[lang].staff });
  await expect.poll(() => staff.locator('.recharts-rectangle').count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

async function shots(page: Page, sections: { plan: Locator; events: Locator }, lang: Lang): Promise<void> {
  await settle(page, 300);
  await sections.plan.screenshot({
    path: path.join(screenshotDir, `planner-plan.${lang}.png`),
    animations: 'disabled',
  });
  await sections.events.screenshot({
    path: path.join(screenshotDir, `planner-events.${lang}.png`),
    animations: 'disabled',
  });
  await screenshots(page, 'planner-plan-page', lang);
}

describe('the optimised plan on the planner’s workbench', () => {
  it('is proven optimal on the demo history, with its trips, the staff days that bind and suggestions (Dutch)', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'planner');
    const sections = await openPlanner(page);
    await showsThePlan(sections.plan, 'nl');
    await expect.poll(() => badge(sections.plan, 'Bindend').count()).toBeGreaterThan(0);
    expect(await sections.plan.getByText(/Dit plan is advies/).count()).toBe(1);
    // Suggestions as cards, with their invitees and good practices linked.
    const cards = sections.events.locator('article');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.first().locator('a[href^="/gemeenten/"]').count()).toBeGreaterThan(1);
    expect(await cards.first().getByRole('button', { name: 'Voorstellen', exact: true }).count()).toBe(1);

    // Computing again asks the server, and shows the same proven plan.
    const computed = page.waitForRequest(
      (r) => r.method() === 'POST' && (r.postData() ?? '').includes('"operationName":"PlanSection"'),
    );
    await sections.plan.getByRole('button', { name: 'Plan opnieuw berekenen' }).click();
    await computed;
    await badge(sections.plan, 'Bewezen optimaal').waitFor();

    await expectAccessible(page, '/planner (nl, planner)');
    await shots(page, sections, 'nl');
  });

  it('follows the workbench’s period: a quarter is planned as it is, and a country narrows the suggestions, not the plan', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'planner');
    await page.goto(`${suite.url}/planner?jaar=2027&kwartaal=1&land=BJ`);
    const plan = page.getByRole('region', { name: text.nl.plan, exact: true });
    await badge(plan, text.nl.optimal).waitFor({ timeout: 30_000 });
    await plan.getByText(/Plan voor 1 januari 2027 – 31 maart 2027/).waitFor();
    await plan.getByText(/Het plan geldt voor alle landen, niet alleen Benin/).waitFor();
    // One quarter is one plan: nothing to choose.
    expect(await plan.getByRole('combobox').count()).toBe(0);
    const events = page.getByRole('region', { name: text.nl.events, exact: true });
    await events.getByRole('heading', { name: text.nl.suggestions, exact: true }).waitFor();
    const titles = await events.locator('article h4').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/Benin/);
  });

  it('speaks English when switched, without a reload', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'planner');
    await openPlanner(page);
    await switchLanguage(page, 'en');
    const sections = await openPlanner(page, 'en');
    await showsThePlan(sections.plan, 'en');
    expect(await sections.plan.getByText(/This plan is advice/).count()).toBe(1);
    await expectAccessible(page, '/planner (en, planner)');
    await shots(page, sections, 'en');
  });
});

describe('regional events', () => {
  it('a planner proposes a suggestion, edited, and finds it among the proposed events', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'planner');
    const { events } = await openPlanner(page);
    const card = events.locator('article').first();
    await card.getByRole('button', { name: 'Voorstellen', exact: true }).click();
    const title = card.getByLabel('Titel', { exact: true });
    await title.fill('Uitwisseling burgerlijke stand, e2e');
    await card.getByRole('button', { name: 'Voorstel indienen' }).click();
    await events.getByText(/Voorgesteld: “Uitwisseling burgerlijke stand, e2e”/).waitFor();
    const proposed = events.locator('article', { hasText: 'Uitwisseling burgerlijke stand, e2e' });
    await badge(proposed, 'Voorgesteld').waitFor();
    // A planner proposes; only management decides.
    expect(await proposed.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);
  });

  it('management approves the proposed conference with a staff member, reserving the estimate', async () => {
    const before = await suite.gql<Events>(
      'demo-management',
      '{ regionalEvents(filter: { status: [PROPOSED] }) { edges { node { id title status budgetEur } } } }',
    );
    const conference = before.regionalEvents.edges.find((e) => e.node.title.startsWith('Regionale conferentie'))?.node;
    expect(conference, 'the demo’s proposed conference').toBeDefined();

    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    const { plan, events } = await openPlanner(page);
    const budgetBefore = await unreserved(plan);
    const item = events.locator('article', { has: page.getByRole('heading', { name: conference!.title }) });
    await item.getByRole('button', { name: 'Goedkeuren', exact: true }).click();
    // Staff with free days, most first; the budget defaults to the estimate.
    const staff = item.getByRole('checkbox');
    await expect.poll(() => staff.count()).toBeGreaterThan(0);
    await staff.first().check();
    await expectAccessible(page, '/planner (nl, management approving)');
    await item.getByRole('button', { name: 'Goedkeuring vastleggen' }).click();
    await item.getByText('Goedgekeurd: het budget is gereserveerd.').waitFor();
    await badge(item, 'Goedgekeurd').waitFor();

    const after = await suite.gql<Events>(
      'demo-management',
      `{ regionalEvents(filter: { status: [APPROVED] }) { edges { node { id title status budgetEur } } } }`,
    );
    const approved = after.regionalEvents.edges.find((e) => e.node.id === conference!.id)?.node;
    expect(approved?.status).toBe('APPROVED');
    expect(approved?.budgetEur).toBeGreaterThan(0);
    // The plan on the same screen is computed again with the budget the approval reserved, without a reload.
    await expect.poll(() => unreserved(plan), { timeout: 20_000 }).toBe(budgetBefore - approved!.budgetEur!);
  });
});

describe('a rejection', () => {
  it('asks management for a reason beside its field, then shows the event rejected with it', async () => {
    const title = 'Workshop burgerlijke stand Zou, af te wijzen';
    await suite.gql(
      'demo-planner',
      `mutation ($input: ProposeRegionalEventInput!) { proposeRegionalEvent(input: $input) { id } }`,
      {
        input: {
          kind: 'WORKSHOP',
          title,
          countryCode: 'BJ',
          regionCodes: ['BJ-ZO'],
          startDate: '2027-05-10',
          endDate: '2027-05-12',
          themes: ['CIVIL_REGISTRATION'],
          invitedNisCodes: ['11055', '13014'],
        },
      },
    );
    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    const { events } = await openPlanner(page);
    const item = events.locator('article', { has: page.getByRole('heading', { name: title }) });
    await item.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    const reason = item.getByLabel('Reden (voor de planner)');
    // The form opens with the focus in its field.
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.tagName')).toBe('TEXTAREA');
    await item.getByRole('button', { name: 'Afwijzing vastleggen' }).click();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await item.getByText('Vul dit in.').waitFor();
    await reason.fill('Dit jaar gaat het budget naar de conferentie in Bohicon.');
    await item.getByRole('button', { name: 'Afwijzing vastleggen' }).click();
    await badge(item, 'Afgewezen').waitFor();
    await item.getByText('Dit jaar gaat het budget naar de conferentie in Bohicon.').waitFor();
    await expectAccessible(page, '/planner (nl, management after a rejection)');
  });
});
