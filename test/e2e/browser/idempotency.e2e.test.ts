import type { Page, Request, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MutationKeys, mutationsIn } from './checks.js';
import { browserSuite } from './harness.js';
import { dataShown, signIn, zoersel } from './ui.js';

/*
 * The UI's Idempotency-Key (web/src/graphql/idempotency.ts): a mutation the
 * server processed but whose answer never reached the page is sent again with
 * "Opnieuw proberen" under the same key, so it is stored once and the page
 * shows the stored result (not a duplicate, not a CONFLICT). The harness
 * checks every mutation of every browser test for its key (MutationKeys).
 */
const suite = browserSuite();

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** What Chromium logs for the answer the test takes away from the page. */
const LOST_ANSWER = [/net::ERR_CONNECTION_RESET/, /Failed to load resource/];

interface Sent {
  readonly key: string | undefined;
  readonly body: string | null;
}

/**
 * Lets the first request that runs `mutation` reach the server, which
 * processes it, then resets the connection, so the page never gets the
 * answer; later ones pass (through `later`, which may change them). Returns
 * what each request carried and the server's answer to the first.
 */
async function loseFirstAnswer(
  page: Page,
  mutation: string,
  later: (route: Route, request: Request) => Promise<void> = (route) => route.continue(),
) {
  const sent: Sent[] = [];
  let firstAnswer: unknown;
  await page.route('**/graphql', async (route, request) => {
    if (!mutationsIn(request).includes(mutation)) return route.fallback();
    sent.push({ key: request.headers()['idempotency-key'], body: request.postData() });
    if (sent.length > 1) return later(route, request);
    const response = await route.fetch();
    firstAnswer = await response.json();
    await route.abort('connectionreset');
  });
  return { sent, firstAnswer: () => firstAnswer };
}

/** The operation a GraphQL request from the page names. */
function operationName(request: Request): string | undefined {
  try {
    return (request.postDataJSON() as { operationName?: string } | null)?.operationName;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the page's read-model position poll answering the position it last
 * saw, while frozen: the page is offline for that time, as the lost answer
 * says, so it cannot learn from the poll that the decision was stored (which
 * would refetch the request and replace its form by the decision before the
 * person could press "Opnieuw proberen").
 */
async function freezePosition(page: Page) {
  let frozen = false;
  let last: string | undefined;
  await page.route('**/graphql', async (route, request) => {
    if (operationName(request) !== 'ReadModelPosition') return route.fallback();
    if (frozen && last !== undefined)
      return route.fulfill({ status: 200, contentType: 'application/json', body: last });
    const response = await route.fetch();
    last = await response.text();
    await route.fulfill({ response, body: last });
  });
  return {
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
    },
  };
}

/** The message the UI shows for a mutation without an answer, with the keyboard's focus on it. */
async function expectNoAnswerMessage(page: Page): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: 'Niet zeker of uw wijziging is opgeslagen' });
  await alert.waitFor();
  expect(await alert.innerText()).toContain('hoogstens één keer opgeslagen');
  await expect
    .poll(() => page.evaluate<boolean>(`!!document.activeElement?.closest('[role="alert"]')`), {
      message: 'the focus moved to the message',
    })
    .toBe(true);
}

interface MineRequests {
  accompanimentRequests: {
    edges: { node: { id: string; startDate: string; endDate: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const MINE = `query ($after: String) {
  accompanimentRequests(first: 100, after: $after) {
    edges { node { id startDate endDate } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const zoerselToken = `demo-coordinator-${zoersel.coordinator}`;
/** The ids of Zoersel's stored requests for this visit, read from the API page by page. */
async function storedWithDates(start: string, end: string): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | null = null; ;) {
    const page: MineRequests = await suite.gql<MineRequests>(zoerselToken, MINE, { after });
    for (const { node } of page.accompanimentRequests.edges)
      if (node.startDate === start && node.endDate === end) ids.push(node.id);
    if (!page.accompanimentRequests.pageInfo.hasNextPage) return ids;
    after = page.accompanimentRequests.pageInfo.endCursor;
  }
}

/** Fills the coordinator's new-request form (as coordinator.e2e.test.ts does). */
async function fillRequest(page: Page, start: string, end: string): Promise<void> {
  await page.getByRole('button', { name: 'Nieuwe aanvraag', exact: true }).click();
  const select = page.getByLabel('Stedenband', { exact: true });
  const values = await select
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter((v) => v !== ''));
  await select.selectOption(values[0]!);
  await page.getByLabel('Type missie', { exact: true }).selectOption('IDENTIFICATION');
  await page.getByLabel('Begindatum', { exact: true }).fill(start);
  await page.getByLabel('Einddatum', { exact: true }).fill(end);
  await page.getByLabel('Grootte van de delegatie', { exact: true }).fill('3');
  const domains = page.getByRole('group', { name: 'Beleidsdomeinen' }).getByRole('checkbox');
  if ((await domains.count()) > 0) await domains.first().check();
}

/** A date as the UI writes it in the table (the browser's own Intl, as react-intl uses it). */
function shownDate(page: Page, iso: string): Promise<string> {
  return page.evaluate<string>(
    `new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(${JSON.stringify(`${iso}T00:00:00Z`)}))`,
  );
}

describe('a mutation whose answer is lost', () => {
  it('a submission is stored once when "Opnieuw proberen" sends it again, and the page shows it', async () => {
    const [start, end] = ['2027-09-06', '2027-09-12'];
    expect(await storedWithDates(start, end), 'no such request yet').toEqual([]);
    const page = await suite.open({ expectedConsoleErrors: LOST_ANSWER });
    await signIn(page, suite.url, zoersel);
    const { sent, firstAnswer } = await loseFirstAnswer(page, 'SubmitRequest');
    await fillRequest(page, start, end);
    await page.getByRole('button', { name: 'Aanvraag indienen', exact: true }).click();

    await expectNoAnswerMessage(page);
    const stored = await storedWithDates(start, end);
    expect(stored, 'the server stored the first send').toHaveLength(1);
    expect(firstAnswer()).toMatchObject({ data: { submitAccompanimentRequest: { id: stored[0] } } });

    const retried = page.waitForResponse((r) => mutationsIn(r.request()).includes('SubmitRequest'));
    await page.getByRole('alert').getByRole('button', { name: 'Opnieuw proberen', exact: true }).click();
    const answer = (await (await retried).json()) as unknown;
    expect(answer, 'the retry got the first answer').toMatchObject({
      data: { submitAccompanimentRequest: { id: stored[0] } },
    });
    await page.getByText('Uw aanvraag werd ingediend en meteen beoordeeld.', { exact: true }).waitFor();
    expect(await page.getByRole('alert').count(), 'no error left on the page').toBe(0);

    expect(sent).toHaveLength(2);
    expect(sent[0]!.key).toMatch(UUID_V4);
    expect(sent[1]!.key, 'the retry carried the same key').toBe(sent[0]!.key);
    expect(sent[1]!.body, 'and the same request').toBe(sent[0]!.body);
    expect(await storedWithDates(start, end), 'stored once').toEqual(stored);
    // The list shows the one request: one row with its dates.
    const from = await shownDate(page, start);
    await expect
      .poll(() => page.locator('table tbody tr').filter({ hasText: from }).count(), { timeout: 10_000 })
      .toBe(1);
  });

  it('a decision sent again gets its first answer, not a CONFLICT, and is recorded once', async () => {
    const data = await suite.gql<{ accompanimentRequests: { edges: { node: { id: string } }[] } }>(
      'demo-staff',
      `{ accompanimentRequests(first: 1, filter: { status: [SUBMITTED] }) { edges { node { id } } } }`,
    );
    const id = data.accompanimentRequests.edges[0]?.node.id;
    expect(id, 'a submitted request in the demo history').toBeDefined();
    const page = await suite.open({ expectedConsoleErrors: LOST_ANSWER });
    await signIn(page, suite.url, 'staff');
    await page.goto(`${suite.url}/aanvragen/${id!}`);
    await dataShown(page);
    const { sent } = await loseFirstAnswer(page, 'Decide');
    const position = await freezePosition(page);

    await page.getByRole('radio', { name: 'Weigeren', exact: true }).check();
    const reason = page.getByLabel('Reden van weigering', { exact: true });
    const reasons = await reason
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter((v) => v !== ''));
    await reason.selectOption(reasons[0]!);
    await page.getByLabel('Toelichting', { exact: true }).fill('Geen vrije dagen meer dit jaar.');
    position.freeze();
    await page.getByRole('button', { name: 'Besluit vastleggen', exact: true }).click();

    await expectNoAnswerMessage(page);
    const retried = page.waitForResponse((r) => mutationsIn(r.request()).includes('Decide'));
    await page.getByRole('alert').getByRole('button', { name: 'Opnieuw proberen', exact: true }).click();
    position.thaw();
    const answer = (await (await retried).json()) as { data?: unknown; errors?: unknown };
    expect(answer.errors, 'the first answer, not a CONFLICT').toBeUndefined();
    expect(answer).toMatchObject({ data: { decideAccompaniment: { id, status: 'DECLINED' } } });
    // The request is shown decided: the form made way for the decision (the cache took the answer).
    await page.getByRole('button', { name: 'Besluit vastleggen', exact: true }).waitFor({ state: 'detached' });
    expect(await page.locator('main').innerText()).toContain('Geweigerd');
    expect(await page.getByRole('alert').count(), 'no CONFLICT or other error shown').toBe(0);
    expect(sent.map((s) => s.key)).toEqual([sent[0]!.key, sent[0]!.key]);

    const trail = await suite.gql<{
      accompanimentRequest: { status: string; auditTrail: { edges: { node: { type: string } }[] } };
    }>(
      'demo-staff',
      `query ($id: ID!) { accompanimentRequest(id: $id) { status auditTrail(first: 100) { edges { node { type } } } } }`,
      {
        id,
      },
    );
    expect(trail.accompanimentRequest.status).toBe('DECLINED');
    expect(
      trail.accompanimentRequest.auditTrail.edges.filter((e) => e.node.type === 'AccompanimentDeclined'),
      'one decline recorded',
    ).toHaveLength(1);
  });

  it('says it is Werkbezoek’s bug, and to reload, when the server refuses the key', async () => {
    // The retry is changed on its way (other dates under the first key): the server answers IDEMPOTENCY_KEY_REUSED.
    const [start, end] = ['2027-10-04', '2027-10-08'];
    const page = await suite.open({ expectedConsoleErrors: [...LOST_ANSWER, /status of 422/] });
    await signIn(page, suite.url, zoersel);
    await loseFirstAnswer(page, 'SubmitRequest', (route, request) =>
      route.continue({ postData: (request.postData() ?? '').replaceAll('2027-10-08', '2027-10-09') }),
    );
    await fillRequest(page, start, end);
    await page.getByRole('button', { name: 'Aanvraag indienen', exact: true }).click();
    await expectNoAnswerMessage(page);
    await page.getByRole('alert').getByRole('button', { name: 'Opnieuw proberen', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Fout in Werkbezoek' });
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Dat is een fout in Werkbezoek');
    expect(text).toContain('Herlaad de pagina');
    expect(text, "the server's own words").toContain('was first used at');
    expect(await alert.getByRole('button', { name: 'Pagina herladen', exact: true }).count()).toBe(1);
    expect(await storedWithDates(start, '2027-10-09'), 'the changed retry stored nothing').toEqual([]);
    expect(await storedWithDates(start, end)).toHaveLength(1);
  });
});

describe('the Idempotency-Key check on every browser test', () => {
  it('every mutation of a flow carries a UUID v4 key, a new one per intent', async () => {
    const page = await suite.open();
    await signIn(page, suite.url, zoersel);
    await fillRequest(page, '2027-11-08', '2027-11-12');
    await page.getByRole('button', { name: 'Aanvraag indienen', exact: true }).click();
    await page.getByText('Uw aanvraag werd ingediend en meteen beoordeeld.', { exact: true }).waitFor();
    // The same input again is a new intent after the first was answered: a second request, with a new key.
    await fillRequest(page, '2027-11-08', '2027-11-12');
    await page.getByRole('button', { name: 'Aanvraag indienen', exact: true }).click();
    await expect.poll(() => storedWithDates('2027-11-08', '2027-11-12').then((ids) => ids.length)).toBe(2);
    const sent = suite.mutationsSent(page);
    expect(sent.map((s) => s.mutation)).toEqual(['SubmitRequest', 'SubmitRequest']);
    for (const { key } of sent) expect(key).toMatch(UUID_V4);
    expect(sent[1]!.key).not.toBe(sent[0]!.key);
  });

  it('reports a mutation sent without a key', async () => {
    // A context of its own, outside suite.open(), so the problem it provokes is the test's to read.
    const context = await suite.browser.newContext();
    try {
      const problems: string[] = [];
      const keys = new MutationKeys(context, problems);
      const page = await context.newPage();
      await page.goto(`${suite.url}/aanmelden`);
      await page.evaluate(`fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-staff' },
        body: JSON.stringify({ query: 'mutation Bare { assessAccompanimentRequest(requestId: "none") { id } }' }),
      }).then((r) => r.text())`);
      expect(keys.sent).toEqual([{ mutation: 'Bare', key: undefined }]);
      expect(problems).toEqual([expect.stringContaining('mutation Bare was sent without an Idempotency-Key')]);
    } finally {
      await context.close();
    }
  });
});
