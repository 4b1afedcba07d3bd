import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness.js';
import { merelbeke, signIn, tableRows, zoersel } from './ui.js';

/*
 * A municipal coordinator: sees their own municipality's requests only,
 * submits a request, and is told beside the field what is wrong with it.
 */
const suite = browserSuite();

const COUNT = `{ accompanimentRequests(first: 100) { edges { node { id } } } }`;
const countFor = async (nis: string) =>
  (await suite.gql<{ accompanimentRequests: { edges: unknown[] } }>(`demo-coordinator-${nis}`, COUNT))
    .accompanimentRequests.edges.length;

/** The first real option of a select (not an empty placeholder). */
async function pickFirst(page: Page, label: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  const values = await select
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter((v) => v !== ''));
  expect(values.length, `options in "${label}"`).toBeGreaterThan(0);
  await select.selectOption(values[0]!);
}

async function fillRequest(page: Page, start: string, end: string): Promise<void> {
  // the form may sit behind a button
  const open = page.getByRole('button', { name: 'Nieuwe aanvraag', exact: true });
  if ((await page.getByLabel('Stedenband', { exact: true }).count()) === 0 && (await open.count()) > 0)
    await open.click();
  await pickFirst(page, 'Stedenband');
  await page.getByLabel('Type missie', { exact: true }).selectOption('IDENTIFICATION');
  await page.getByLabel('Begindatum', { exact: true }).fill(start);
  await page.getByLabel('Einddatum', { exact: true }).fill(end);
  await page.getByLabel('Grootte van de delegatie', { exact: true }).fill('4');
  const domains = page.getByRole('group', { name: 'Beleidsdomeinen' }).getByRole('checkbox');
  if ((await domains.count()) > 0) await domains.first().check();
}

describe("a coordinator's requests", () => {
  it("shows only their own municipality's requests", async () => {
    const page = await suite.open();
    await signIn(page, suite.url, zoersel);
    expect(await tableRows(page)).toBeGreaterThan(0);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Zoersel');
    expect(text).not.toContain(merelbeke.municipality);
    const ownCount = await countFor(zoersel.coordinator);
    if (ownCount < 20) expect(await tableRows(page)).toBe(ownCount);
  });

  it('submits a request', async () => {
    const before = await countFor(zoersel.coordinator);
    const page = await suite.open();
    await signIn(page, suite.url, zoersel);
    const rowsBefore = await tableRows(page);
    await fillRequest(page, '2027-05-03', '2027-05-10');
    await page.getByRole('button', { name: 'Aanvraag indienen', exact: true }).click();
    await expect.poll(() => countFor(zoersel.coordinator), { timeout: 10_000 }).toBe(before + 1);
    // the list shows it without a reload
    await expect.poll(() => tableRows(page), { timeout: 10_000 }).toBeGreaterThan(Math.min(rowsBefore, 19));
    expect(await page.locator('[role="alert"]').count(), 'no error shown').toBe(0);
  });

  it('shows a field error beside its field: an end date before the start date', async () => {
    const before = await countFor(zoersel.coordinator);
    const page = await suite.open();
    await signIn(page, suite.url, zoersel);
    await fillRequest(page, '2027-06-10', '2027-06-01');
    await page.getByRole('button', { name: 'Aanvraag indienen', exact: true }).click();
    const end = page.getByLabel('Einddatum', { exact: true });
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await end.getAttribute('aria-describedby')) ?? '';
    expect(describedBy, 'aria-describedby on the field').not.toBe('');
    const messages = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).innerText()),
    );
    expect(messages.join(' ').trim(), 'the message the field points at').not.toBe('');
    expect(await page.getByLabel('Begindatum', { exact: true }).getAttribute('aria-invalid')).not.toBe('true');
    expect(await countFor(zoersel.coordinator), 'nothing was submitted').toBe(before);
  });
});
