/*
 * The dashboard is live: an open dashboard follows decisions taken elsewhere
 * (the UI polls the read models' position and fetches what is on screen again).
 */
import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness.js';
import { dataShown, declineOnRequestPage, declinedOnDashboard, signIn } from './ui.js';

const suite = browserSuite();

const submittedRequestId = async () =>
  (
    await suite.gql<{ accompanimentRequests: { edges: { node: { id: string } }[] } }>(
      'demo-staff',
      `{ accompanimentRequests(first: 1, filter: { status: [SUBMITTED] }) { edges { node { id } } } }`,
    )
  ).accompanimentRequests.edges[0]?.node.id;

describe('a decision taken in another tab', () => {
  it('declines a request, and an open dashboard shows one more declined request without a reload', async () => {
    const id = await submittedRequestId();
    expect(id, 'a submitted request in the demo history').toBeDefined();

    // tab 1: the dashboard, left open
    const dashboard = await suite.open();
    await signIn(dashboard, suite.url, 'management');
    const before = await declinedOnDashboard(dashboard);
    await dashboard.evaluate('window.__stillTheSameDocument = true');

    // tab 2, same browser: staff decide
    const tab = await dashboard.context().newPage();
    await signIn(tab, suite.url, 'staff');
    await tab.goto(`${suite.url}/aanvragen/${id!}`);
    await dataShown(tab);
    await declineOnRequestPage(tab, 'Geen ruimte in de planning dit kwartaal.');
    const decided = await suite.gql<{ accompanimentRequest: { status: string } }>(
      'demo-staff',
      `query ($id: ID!) { accompanimentRequest(id: $id) { status } }`,
      { id },
    );
    expect(decided.accompanimentRequest.status).toBe('DECLINED');

    // back in tab 1: the figure moved by itself
    await expect.poll(() => declinedOnDashboard(dashboard), { timeout: 20_000, interval: 500 }).toBe(before + 1);
    expect(await dashboard.evaluate('window.__stillTheSameDocument'), 'the dashboard was not reloaded').toBe(true);
  });
});
