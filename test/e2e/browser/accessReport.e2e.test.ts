import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshots } from './checks.js';
import { browserSuite } from './harness.js';
import { dataShown, heading, signIn, switchLanguage } from './ui.js';

/*
 * The access report (issue 15, "Inzageverzoek") and the retention periods on
 * the demo history: management finds the people past retention on the
 * privacy page, opens one's report from there, reads it by kind of record,
 * downloads the JSON and prints it without the controls; staff look a person
 * up by id with the keyboard. Axe on every state, in Dutch and English.
 */
const suite = browserSuite();

interface Due {
  retentionReport: {
    due: { subjectId: string; displayName: string | null; kinds: { kind: string }[]; eventCount: number }[];
  };
}

describe('the access report', () => {
  it('lists who is past retention on the privacy page, and opens a report that reads by kind of record', async () => {
    const { due } = (
      await suite.gql<Due>(
        'demo-management',
        '{ retentionReport { due { subjectId displayName eventCount kinds { kind } } } }',
      )
    ).retentionReport;
    const person = due.find((d) => d.kinds.some((k) => k.kind === 'CONTACTED_PERSON'))!;
    expect(person, 'the demo history has people contacted more than five years ago').toBeDefined();

    const page = await suite.open();
    await signIn(page, suite.url, 'management');
    await page.goto(`${suite.url}/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacy en gegevenswissing' }).waitFor();
    const retention = page.getByRole('region', { name: 'Bewaartermijnen' });
    await retention.getByRole('table', { name: 'Bewaartermijn per soort persoonsgegevens' }).waitFor();
    expect(await retention.getByRole('row', { name: /Gesprekspartner\s+5 jaar/ }).count()).toBe(1);
    expect(await retention.getByRole('status').innerText()).toMatch(/^\d+ personen, vermeld in \d+ gebeurtenissen\.$/);
    await dataShown(page);
    await expectAccessible(page, 'privacy page with retention (nl)');
    await screenshots(page, 'privacy-retention', 'nl');

    // Management reads who they are: the name the log gives them, decrypted, above the id.
    expect(person.displayName).toMatch(/\S+ \S+/);
    const link = retention.getByRole('link', { name: new RegExp(person.subjectId) });
    expect(await link.innerText()).toContain(person.displayName);
    await link.click();
    await page.waitForURL((u) => u.pathname === `/privacy/inzage/${person.subjectId}`);
    const report = page.getByRole('region', { name: `Gegevens van ${person.displayName}` });
    await report.waitFor();
    await dataShown(page);
    expect(await heading(page)).toBe('Inzageverzoek');
    const events = page.getByRole('region', { name: /^Gebeurtenissen/ });
    await events.getByRole('region', { name: 'Stedenbanden' }).waitFor();
    expect(await events.getByRole('heading', { level: 4, name: /^Contact genoteerd op / }).count()).toBeGreaterThan(0);
    // Their own fields are marked for screen readers too; the staff member who logged the contact is withheld.
    expect(await events.getByText('(Gegevens van deze persoon)').count()).toBeGreaterThan(0);
    expect(await events.getByText('andere persoon', { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'access report (nl)');
    await screenshots(page, 'access-report', 'nl');

    const download = page.waitForEvent('download');
    await report.getByRole('button', { name: 'JSON downloaden' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^inzageverzoek-${person.subjectId}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
    );
    const json = JSON.parse(readFileSync(await file.path(), 'utf8')) as { subjectId: string; events: unknown[] };
    expect(json.subjectId).toBe(person.subjectId);
    expect(json.events).toHaveLength(person.eventCount);

    // On paper: the report without the header, the form and the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.shell-header').isVisible()).toBe(false);
    expect(await report.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Id van de persoon of het document').isVisible()).toBe(false);
    expect(await report.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await switchLanguage(page, 'en');
    await page.getByRole('region', { name: `Data of ${person.displayName}` }).waitFor();
    const eventsEn = page.getByRole('region', { name: /^Events/ });
    expect(await eventsEn.getByRole('heading', { level: 4, name: /^Contact logged on / }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'access report (en)');
    await screenshots(page, 'access-report', 'en');
  });

  it('lets staff look a person up by id with the keyboard, and says so when nobody has that id', async () => {
    const { due } = (
      await suite.gql<Due>('demo-management', '{ retentionReport { due { subjectId eventCount kinds { kind } } } }')
    ).retentionReport;
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    await page.goto(`${suite.url}/privacy/inzage`);
    await page.getByRole('heading', { level: 1, name: 'Inzageverzoek' }).waitFor();
    await dataShown(page);
    await expectAccessible(page, 'access report form (nl)');

    const field = page.getByLabel('Id van de persoon of het document');
    await field.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Vul het id in.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type('0190a5f2-1c2b-7d3e-8f40-1234567890ab');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Het platform bewaart geen persoonsgegevens onder dit id' })
      .waitFor();

    await field.fill(due[0]!.subjectId);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /^Gegevens van / }).waitFor();
    await dataShown(page);
    expect(new URL(page.url()).pathname).toBe(`/privacy/inzage/${due[0]!.subjectId}`);
    await expectAccessible(page, 'access report, staff (nl)');
  });
});
