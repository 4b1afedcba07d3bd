/**
 * What the tests know of the UI: its routes, the sign-in page, the language
 * switch and how a page says its data has arrived (the UI contract).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type StaffRole = 'management' | 'planner' | 'analyst' | 'staff';
export interface Coordinator {
  readonly coordinator: string;
  /** The municipality's name as the "Gemeente" list shows it. */
  readonly municipality: string;
}
export type Role = StaffRole | Coordinator;

export const zoersel: Coordinator = { coordinator: '11055', municipality: 'Zoersel' };
export const merelbeke: Coordinator = { coordinator: '44043', municipality: 'Merelbeke' };

/** The sign-in buttons' accessible names (the contract; signIn.e2e.test.ts checks them exactly). */
export const signInButton: Record<StaffRole | 'coordinator', string> = {
  management: 'Aanmelden als Management',
  planner: 'Aanmelden als Planner',
  analyst: 'Aanmelden als Analist',
  staff: 'Aanmelden als Medewerker',
  coordinator: 'Aanmelden als Coördinator',
};

/** A button whose name starts with `name`: other suites sign in even if a button's name says more. */
const startsWith = (name: string) => new RegExp(`^${name}(\\s|$)`);

/** Where `/` takes a signed-in role. */
export function home(role: Role): string {
  if (typeof role === 'object') return '/mijn-aanvragen';
  return role === 'staff' ? '/aanvragen' : '/dashboard';
}

/** The bearer token the demo sign-in stores for a role. */
export function token(role: Role): string {
  return typeof role === 'object' ? `demo-coordinator-${role.coordinator}` : `demo-${role}`;
}

export function roleName(role: Role): string {
  return typeof role === 'object' ? `coordinator ${role.municipality}` : role;
}

/** Signs in through the demo sign-in page and waits for the role's home page to show its data. */
export async function signIn(page: Page, origin: string, role: Role): Promise<void> {
  await page.goto(`${origin}/aanmelden`);
  if (typeof role === 'object') {
    const select = page.getByLabel('Gemeente', { exact: true });
    // by NIS code (the option's value) or by the municipality's name (its label)
    const value = await select.evaluate(
      (el, wanted) => {
        const options = Array.from((el as unknown as { options: ArrayLike<{ value: string; text: string }> }).options);
        return (
          options.find((o) => o.value === wanted.coordinator) ??
          options.find((o) => o.text.includes(wanted.municipality))
        )?.value;
      },
      { coordinator: role.coordinator, municipality: role.municipality },
    );
    if (value === undefined) throw new Error(`No "Gemeente" option for ${role.municipality} (${role.coordinator})`);
    await select.selectOption(value);
    await page.getByRole('button', { name: startsWith(signInButton.coordinator) }).click();
  } else {
    await page.getByRole('button', { name: startsWith(signInButton[role]) }).click();
  }
  await page.waitForURL((u) => u.pathname === home(role));
  await dataShown(page);
}

/** Waits until the page's main region says its data is shown (aria-busy="false"). */
export async function dataShown(page: Page, timeout = 20_000): Promise<void> {
  await page.locator('main[aria-busy="false"]').first().waitFor({ state: 'attached', timeout });
}

/** The text of the page's one <h1>. */
export async function heading(page: Page): Promise<string> {
  const h1 = page.locator('h1');
  await expect.poll(() => h1.count(), { message: 'one <h1> on the page' }).toBe(1);
  return (await h1.innerText()).trim();
}

/** Marks the charts drew (bars and lines). */
export function chartMarks(page: Page): Promise<number> {
  return page.locator('.recharts-surface path, .recharts-rectangle').count();
}

/** Rows of data in the page's tables. */
export function tableRows(page: Page): Promise<number> {
  return page.locator('table tbody tr').count();
}

/** Clicks the language switch; resolves when <html lang> changed. */
export async function switchLanguage(page: Page, to: 'nl' | 'en'): Promise<void> {
  await page.getByRole('button', { name: to === 'en' ? 'English' : 'Nederlands', exact: true }).click();
  await expect.poll(() => page.evaluate('document.documentElement.lang')).toMatch(new RegExp(`^${to}`));
}

/** The value of sessionStorage / localStorage keys the UI uses. */
export async function stored(page: Page, key: 'werkbezoek.token' | 'werkbezoek.locale'): Promise<string | null> {
  const area = key === 'werkbezoek.token' ? 'sessionStorage' : 'localStorage';
  return page.evaluate<string | null>(`${area}.getItem(${JSON.stringify(key)})`);
}

/**
 * The number of declined requests the dashboard shows: the figure beside the
 * label "Geweigerd" (or "Declined") in its totals.
 */
export async function declinedOnDashboard(page: Page): Promise<number> {
  const value = await page.evaluate<number | null>(`(() => {
    const labels = ['Geweigerd', 'Declined'];
    for (const el of document.querySelectorAll('main *')) {
      if (el.children.length > 0 || !labels.includes((el.textContent || '').trim())) continue;
      for (let box = el.parentElement, i = 0; box && i < 3; box = box.parentElement, i++) {
        const m = (box.textContent || '').replace(el.textContent, '').match(/\\d[\\d.\\u00a0\\u202f ]*/);
        if (m) return Number(m[0].replace(/[^\\d]/g, ''));
      }
    }
    return null;
  })()`);
  if (value === null) throw new Error('No "Geweigerd" figure on the dashboard');
  return value;
}

/** Fills and sends the decision form on /aanvragen/:id to decline, with the first decline reason. */
export async function declineOnRequestPage(page: Page, note: string): Promise<void> {
  const radio = page.getByRole('radio', { name: 'Weigeren', exact: true });
  if ((await radio.count()) > 0) await radio.check();
  else await page.getByLabel('Besluit', { exact: true }).selectOption({ label: 'Weigeren' });
  const reason = page.getByLabel('Reden van weigering', { exact: true });
  const reasons = await reason
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter((v) => v !== ''));
  await reason.selectOption(reasons[0] ?? '');
  await page.getByLabel('Toelichting', { exact: true }).fill(note);
  await page.getByRole('button', { name: 'Besluit vastleggen', exact: true }).click();
  await page.getByText('Geweigerd', { exact: true }).first().waitFor();
}
