import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness.js';
import { dataShown, heading, signIn, stored, switchLanguage } from './ui.js';

/* Dutch by default; the switch changes the page and is remembered across a reload. */
const suite = browserSuite();

describe('the language switch', () => {
  it('changes the heading and <html lang>, and is remembered after a reload', async () => {
    const page = await suite.open();
    // the requests page: its heading differs between the languages ("Dashboard" does not)
    await signIn(page, suite.url, 'staff');
    expect(await page.evaluate('document.documentElement.lang')).toMatch(/^nl/);
    const dutch = await heading(page);

    await switchLanguage(page, 'en');
    await expect.poll(() => heading(page)).not.toBe(dutch);
    const english = await heading(page);
    expect(await stored(page, 'werkbezoek.locale')).toMatch(/^en/);

    await page.reload();
    await dataShown(page);
    expect(await page.evaluate('document.documentElement.lang')).toMatch(/^en/);
    expect(await heading(page)).toBe(english);
    expect(await page.getByRole('button', { name: 'Nederlands', exact: true }).count()).toBe(1);

    await switchLanguage(page, 'nl');
    await expect.poll(() => heading(page)).toBe(dutch);
  });

  it('switches on the sign-in page too', async () => {
    const page = await suite.open();
    await page.goto(`${suite.url}/aanmelden`);
    const dutch = await heading(page);
    await switchLanguage(page, 'en');
    await expect.poll(() => heading(page)).not.toBe(dutch);
  });
});
