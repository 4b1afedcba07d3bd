import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness.js';
import { dataShown, heading, home, roleName, signIn, signInButton, stored, token, zoersel, type Role } from './ui.js';

/*
 * The demo sign-in: every role lands on its own home page, `/` sends each
 * where it belongs, and signing out forgets the token.
 */
const suite = browserSuite();

const roles: readonly Role[] = ['management', 'planner', 'analyst', 'staff', zoersel];

describe('signing in', () => {
  it('offers a button per role, named "Aanmelden als <role>", and the coordinator\'s municipality list', async () => {
    const page = await suite.open();
    await page.goto(`${suite.url}/aanmelden`);
    // The buttons appear once the page has fetched the sign-in settings: wait for them before counting.
    await page.getByRole('button', { name: signInButton.management, exact: true }).waitFor();
    for (const name of Object.values(signInButton))
      expect(await page.getByRole('button', { name, exact: true }).count(), `a button named exactly "${name}"`).toBe(1);
    expect(await page.getByLabel('Gemeente', { exact: true }).locator('option').count()).toBeGreaterThan(1);
  });
  it.each(roles.map((role) => [roleName(role), role] as const))('%s lands on their home page', async (_, role) => {
    const page = await suite.open();
    await signIn(page, suite.url, role);
    expect(new URL(page.url()).pathname).toBe(home(role));
    expect(await stored(page, 'werkbezoek.token')).toBe(token(role));
    expect(await heading(page)).not.toBe('');
  });

  it('sends an anonymous visitor of / or of a page to the sign-in page', async () => {
    const page = await suite.open();
    await page.goto(`${suite.url}/`);
    await page.waitForURL((u) => u.pathname === '/aanmelden');
    await page.goto(`${suite.url}/dashboard`);
    await page.waitForURL((u) => u.pathname === '/aanmelden');
    await expect.poll(() => page.getByRole('button', { name: 'Aanmelden als Management' }).count()).toBe(1);
  });

  it('sends a signed-in visitor of / to their home page', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'staff');
    await page.goto(`${suite.url}/`);
    await page.waitForURL((u) => u.pathname === '/aanvragen');
    await dataShown(page);
  });

  it('signs out: the token is gone and pages ask to sign in again', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, 'analyst');
    await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/aanmelden');
    expect(await stored(page, 'werkbezoek.token')).toBeNull();
    await page.goto(`${suite.url}/dashboard`);
    await page.waitForURL((u) => u.pathname === '/aanmelden');
  });
});
