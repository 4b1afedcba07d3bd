import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './checks.js';
import { browserSuite } from './harness.js';
import { dataShown, signIn, switchLanguage, type Coordinator } from './ui.js';

/*
 * Gent's coordinator reads their request's history (issue 15): when Leuven
 * asks for a visit to the same region in the same weeks, Gent's request is
 * reassessed, and the page tells it as the platform's act; neither Leuven's
 * coordinator nor anyone at VVSG is named, and no amount or free days show.
 * The same page for a reassessment stored before issue 15 (with Leuven's
 * coordinator as its actor), and for an accepted request of the demo history.
 */
const suite = browserSuite();

const gent: Coordinator = { coordinator: '44021', municipality: 'Gent' };
const LEUVEN = '24062';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let reassessedId = '';
let acceptedId = '';
let staffNames: string[] = [];

beforeAll(async () => {
  const gql = suite.gql.bind(suite);
  const { twinnings } = await gql<{ twinnings: { id: string; regionCode: string; active: boolean }[] }>(
    'demo-coordinator-44021',
    `{ twinnings { id regionCode active } }`,
  );
  const mangaung = twinnings.find((t) => t.active)!;
  // Leuven, twinned in Gent's region: not in the demo history, registered as staff would.
  await gql(
    'demo-staff',
    `mutation { registerMunicipality(input: { nisCode: "${LEUVEN}", name: "Leuven", province: VLAAMS_BRABANT }) { nisCode } }`,
  );
  const { establishTwinning } = await gql<{ establishTwinning: { id: string } }>(
    'demo-staff',
    `mutation($input: EstablishTwinningInput!) { establishTwinning(input: $input) { id } }`,
    {
      input: {
        nisCode: LEUVEN,
        partnerName: 'Matjhabeng',
        countryCode: 'ZA',
        regionCode: mangaung.regionCode,
        since: '2020-01-01',
        policyDomains: ['LOCAL_GOVERNANCE'],
      },
    },
  );
  const start = addDays(new Date().toISOString().slice(0, 10), 200);
  const SUBMIT = `mutation($input: SubmitAccompanimentRequestInput!) { submitAccompanimentRequest(input: $input) { id } }`;
  const visit = (twinningId: string, from: string) => ({
    twinningId,
    missionType: 'TECHNICAL',
    startDate: from,
    endDate: addDays(from, 6),
    delegationSize: 4,
    policyDomains: ['LOCAL_GOVERNANCE'],
    reasons: ['CONTENT_PROBLEMS'],
  });
  reassessedId = (
    await gql<{ submitAccompanimentRequest: { id: string } }>('demo-coordinator-44021', SUBMIT, {
      input: visit(mangaung.id, start),
    })
  ).submitAccompanimentRequest.id;
  await gql(`demo-coordinator-${LEUVEN}`, SUBMIT, { input: visit(establishTwinning.id, addDays(start, 2)) });

  // As a log written before issue 15 holds it: the same reassessment with Leuven's coordinator as its actor.
  const { store } = suite.platform;
  const stream = `request-${reassessedId}`;
  const events = [];
  for await (const e of store.readStream(stream)) events.push(e);
  const last = events.at(-1)!;
  expect(last.metadata.actor.role, "the platform's reassessment").toBe('SYSTEM');
  await store.appendToStream(stream, [
    {
      type: 'AccompanimentRequestAssessed',
      data: last.data,
      metadata: {
        eventId: '019c5a00-0000-7000-8000-0000000000bb',
        occurredAt: new Date().toISOString(),
        actor: { id: `demo-coordinator-${LEUVEN}`, role: 'COORDINATOR', nisCode: LEUVEN },
        correlationId: `demo-coordinator-${LEUVEN}:leuven-asks-0001`,
        causationId: `demo-coordinator-${LEUVEN}:leuven-asks-0001`,
      },
    },
  ]);

  const own = await gql<{ accompanimentRequests: { edges: { node: { id: string; status: string } }[] } }>(
    'demo-coordinator-44021',
    `{ accompanimentRequests(first: 50) { edges { node { id status } } } }`,
  );
  acceptedId = own.accompanimentRequests.edges.find((e) => ['ACCEPTED', 'COMPLETED'].includes(e.node.status))!.node.id;
  staffNames = (
    await gql<{ staffMembers: { name: string }[] }>('demo-staff', `{ staffMembers { name } }`)
  ).staffMembers.map((s) => s.name);
}, 120_000);

async function openRequest(id: string): Promise<{ page: Page; history: string; main: string }> {
  const page = await suite.open();
  await signIn(page, suite.url, gent);
  await page.goto(`${suite.url}/aanvragen/${id}`);
  await dataShown(page);
  const history = page.getByRole('region', { name: 'Verloop' });
  await history.locator('ol.timeline li').first().waitFor();
  return { page, history: await history.innerText(), main: await page.locator('main').innerText() };
}

/** Nothing of VVSG's side or of another municipality's coordinator on the page; `accompanying` may be named. */
function expectNothingUndisclosed(text: string, accompanying: string | null = null): void {
  for (const name of staffNames) if (name !== accompanying) expect(text).not.toContain(name);
  expect(text).not.toMatch(/€|EUR/);
  expect(text).not.toMatch(/meest vrij|vrije dagen|nog niet gereserveerd/i);
  expect(text).not.toContain(LEUVEN);
  expect(text).not.toMatch(/coordinator-|staff-|vvsg-directie/);
}

describe("Gent's coordinator reads the history of a request", () => {
  it("reassessed because Leuven asked for a visit to the same region: the platform's act", async () => {
    const { page, history, main } = await openRequest(reassessedId);
    const reassessed = history.match(/Herbeoordeeld omdat de bezoeken in de regio veranderden door het platform/g);
    // The platform's own reassessment, and the one stored with Leuven's coordinator.
    expect(reassessed, history).toHaveLength(2);
    expect(history).toContain('Aanvraag ingediend door de coördinator van Gent');
    expect(history).not.toContain('een andere gemeente');
    expectNothingUndisclosed(main);
    // The assessment says whether staff time and budget suffice, and that the figures are VVSG's.
    expect(main).toContain('Wie er vrij is, houdt VVSG intern bij.');
    expect(main).toContain('De kosten en het budget zijn interne gegevens van VVSG.');
    await expectAccessible(page, 'the request page of a coordinator');
  });

  it('accepted by VVSG: who decided as VVSG, the staff, days and amounts as internal data', async () => {
    const { history, main } = await openRequest(acceptedId);
    expect(history).toMatch(/Aanvaard door VVSG/);
    expect(history).toContain('Personeel, dagen en bedragen: interne gegevens van VVSG.');
    // The staff member who accompanies Gent's own visit is named in the facts, not in the history.
    const accompanying = /Begeleid door\s*\n?\s*([^\n]+)/.exec(main)?.[1]?.trim() ?? null;
    expectNothingUndisclosed(history);
    expectNothingUndisclosed(main, accompanying);
  });

  it('in English, as the platform that reassessed', async () => {
    const { page } = await openRequest(reassessedId);
    await switchLanguage(page, 'en');
    await dataShown(page);
    const history = page.getByRole('region', { name: 'History of this request' });
    await history.locator('ol.timeline li').first().waitFor();
    expect(await history.innerText()).toContain('Reassessed because the visits in the region changed by the platform');
  });
});
