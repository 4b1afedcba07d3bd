import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshots } from './checks.js';
import { browserSuite } from './harness.js';
import { dataShown, heading, signIn, switchLanguage } from './ui.js';

/*
 * The privacy page (issue 15) on the demo history: management asks to erase
 * a staff member found by name, a second person (staff) confirms it after a
 * dialog that says it cannot be undone; the erasure is listed as done and the
 * staff member's name reads as a "gewist" badge on a request they decided on.
 * Keyboard only where a person would use it, and axe on every state.
 */
const suite = browserSuite();

interface Accepted {
  accompanimentRequests: {
    edges: {
      node: { id: string; staffMemberName: string | null; assessment: { explanation: string[] } | null };
    }[];
  };
  staffMembers: { id: string; name: string }[];
}

describe('the privacy page', () => {
  let staffName = '';
  let requestPath = '';

  it('lets management find a staff member by name and ask to erase them', async () => {
    const data = await suite.gql<Accepted>(
      'demo-management',
      `{ accompanimentRequests(first: 50, filter: { status: [ACCEPTED] }) {
           edges { node { id staffMemberName assessment { explanation } } } }
         staffMembers { id name } }`,
    );
    // A request whose assessment also names who accompanied it (she had the most free days): both must go.
    const request = data.accompanimentRequests.edges.find(
      ({ node }) =>
        node.staffMemberName &&
        node.assessment?.explanation.some((s) => s.includes(`${node.staffMemberName} heeft er het meest vrij`)),
    )?.node;
    expect(request, 'an accepted request whose assessment names the staff member who accompanied it').toBeDefined();
    staffName = request!.staffMemberName!;
    requestPath = `/aanvragen/${request!.id}`;

    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Privacy' }).click();
    await page.waitForURL((u) => u.pathname === '/privacy');
    await page.getByRole('heading', { level: 1, name: 'Privacy en gegevenswissing' }).waitFor();
    await dataShown(page);
    expect(await heading(page)).toBe('Privacy en gegevenswissing');
    await expectAccessible(page, 'privacy page, management (nl)');

    await page.getByLabel('Zoek een medewerker op naam').fill(staffName.split(' ')[0]!);
    await page.getByLabel('Medewerker', { exact: true }).selectOption({ label: staffName });
    await page.getByLabel('Reden').selectOption('DATA_SUBJECT_REQUEST');
    await page.getByLabel('Dossiernummer (optioneel)').fill('avg-2026-0011');
    await page.getByRole('button', { name: 'Wissing aanvragen' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Een tweede persoon moet ze nu bevestigen' }).count())
      .toBe(1);
    const pending = page.getByRole('region', { name: 'Wacht op bevestiging' });
    await expect.poll(() => pending.getByText(staffName).count()).toBe(1);
    // Management asks and cancels; confirming is for a second person.
    expect(await pending.getByRole('button', { name: 'Bevestigen' }).count()).toBe(0);
    expect(await pending.getByRole('button', { name: 'Annuleren' }).count()).toBe(1);
    await expectAccessible(page, 'privacy page with a pending erasure (nl)');
    await screenshots(page, 'privacy-management', 'nl');
  });

  it('lets staff confirm it after a dialog that says it cannot be undone', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    await page.goto(`${suite.url}/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacy en gegevenswissing' }).waitFor();
    await dataShown(page);
    const pending = page.getByRole('region', { name: 'Wacht op bevestiging' });
    const confirm = pending.getByRole('button', { name: 'Bevestigen' });
    await confirm.click();
    const dialog = page.getByRole('dialog', { name: 'Gegevens definitief wissen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Dit kan niet ongedaan worden gemaakt.');
    // "Do not erase" has the focus; Escape closes the dialog without erasing.
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.textContent'))
      .toBe('Niet wissen');
    await expectAccessible(page, 'erasure dialog (nl)');
    await screenshots(page, 'privacy-dialog', 'nl');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await pending.getByText(staffName).count()).toBe(1);

    await confirm.click();
    await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'De gegevens zijn gewist.' }).count(), { timeout: 20_000 })
      .toBe(1);
    const handled = page.getByRole('region', { name: 'Afgehandeld' });
    await expect.poll(() => handled.getByText('leesmodellen herbouwd').count()).toBe(1);
    expect(await handled.getByText('AVG-2026-0011').count()).toBe(1);
    await expectAccessible(page, 'privacy page after the erasure (nl)');
    await screenshots(page, 'privacy-staff', 'nl');
  });

  it('shows the erased name as a "gewist" badge, "erased" in English', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    await page.goto(`${suite.url}${requestPath}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await dataShown(page);
    // "Begeleid door": the staff member's name, now a badge; so is her name in the assessment's explanation,
    // which names her by id and reads her current name. Her name is nowhere on the page.
    const accompaniedBy = page.locator('dt:text-is("Begeleid door") + dd');
    await accompaniedBy.locator('.badge--erased').waitFor();
    expect(await accompaniedBy.textContent()).toBe('gewist');
    const explanation = page.locator('section[aria-labelledby="assessment-title"] li');
    expect(await explanation.filter({ hasText: 'heeft er het meest vrij' }).locator('.badge--erased').count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain(staffName);
    await switchLanguage(page, 'en');
    await expect.poll(() => page.locator('dt:text-is("Accompanied by") + dd').textContent()).toBe('erased');
    await expectAccessible(page, 'a request with an erased staff member (en)');
    await page.goto(`${suite.url}/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacy and erasure' }).waitFor();
    await dataShown(page);
    const handled = page.getByRole('region', { name: 'Handled' });
    await expect.poll(() => handled.locator('.badge--erased').count()).toBe(1);
    await expectAccessible(page, 'privacy page (en)');
    await screenshots(page, 'privacy-staff', 'en');
  });
});
