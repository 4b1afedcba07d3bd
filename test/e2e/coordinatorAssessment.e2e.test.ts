import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { World, type RequestView, type Variables } from './scenario.js';

/*
 * A coordinator reads their request's stored assessment as assessDraftRequest
 * answers them: whether staff time and budget allow the visit, but not whose
 * time (no staff member's name) nor any euro figure or cost. Staff read the
 * same assessment in full.
 */

const ASSESSMENT = `assessment { recommendation declineReason staffTimeAvailable budgetAvailable daysNeeded
  estimatedCostEur explanation explanationEn policyVersion }`;
const ONE = `query($id: ID!) { accompanimentRequest(id: $id) { id ${ASSESSMENT} } }`;
const LIST = `query($filter: RequestFilter) { accompanimentRequests(first: 50, filter: $filter) {
  edges { node { id ${ASSESSMENT} } } } }`;
// The list as the web UI's requests page asks for it: the explanation is not read.
const LIST_BRIEF = `{ accompanimentRequests(first: 50) { edges { node { id assessment { daysNeeded estimatedCostEur } } } } }`;
const DRAFT = `query($input: DraftRequestInput!) { assessDraftRequest(input: $input) {
  recommendation estimatedCostEur explanation explanationEn } }`;

type Assessment = NonNullable<RequestView['assessment']>;
type Node = { id: string; assessment: Assessment | null };

let world: World;
let staffNames: string[];
/** The requests Zoersel submitted, with the input each was submitted with. */
const submitted: { id: string; input: Variables; draft: Assessment }[] = [];

const one = async (token: string, id: string) =>
  (await world.run<{ accompanimentRequest: Node }>(token, ONE, { id })).accompanimentRequest.assessment!;
const all = async (token: string, document = LIST) =>
  (
    await world.run<{ accompanimentRequests: { edges: { node: Node }[] } }>(token, document)
  ).accompanimentRequests.edges.map((e) => e.node);
const textOf = (a: Pick<Assessment, 'explanation' | 'explanationEn'>) =>
  [...a.explanation, ...a.explanationEn].join(' ');

/** Fails naming the staff member or figure a coordinator's text shows. */
function expectNothingUndisclosable(a: Assessment | null): void {
  expect(a).not.toBeNull();
  const text = textOf(a!);
  expect(text).not.toBe('');
  for (const name of staffNames) expect(text).not.toContain(name);
  expect(text).not.toContain('€');
  expect(a!.estimatedCostEur).toBeNull();
}

beforeAll(async () => {
  world = await World.start();
  // A second staff member with more free days than An Peeters: the one the policy names.
  await world.registerStaffMember('Lies Janssens', 80);
  const { staffMembers } = await world.run<{ staffMembers: { name: string }[] }>(
    tokens.staff,
    `{ staffMembers { name } }`,
  );
  staffNames = staffMembers.map((s) => s.name);
  const inputs = [
    world.requestInput(),
    // Declined, for want of reasons; in 2027, for which no budget was allocated.
    world.requestInput({ missionType: 'POLITICAL', startDate: '2027-04-05', endDate: '2027-04-09' }),
  ];
  for (const input of inputs) {
    const { assessDraftRequest: draft } = await world.run<{ assessDraftRequest: Assessment }>(tokens.zoersel, DRAFT, {
      input,
    });
    const request = await world.submit(input);
    submitted.push({ id: request.id, input, draft });
  }
}, 60_000);
afterAll(() => world.close());

describe("a coordinator reading their request's assessment", () => {
  it('has staff names and euro figures to hide', async () => {
    expect(staffNames).toEqual(expect.arrayContaining(['An Peeters', 'Lies Janssens']));
    for (const { id } of submitted) {
      const full = await one(tokens.staff, id);
      expect(textOf(full)).toContain('Lies Janssens');
      expect(textOf(full)).toContain('€');
      expect(full.estimatedCostEur).toEqual(expect.any(Number));
      expect(full.estimatedCostEur).toBeGreaterThan(0);
    }
  });

  it('sees no staff name, no euro figure and no cost through accompanimentRequest', async () => {
    for (const { id } of submitted) expectNothingUndisclosable(await one(tokens.zoersel, id));
  });

  it('sees no staff name, no euro figure and no cost through accompanimentRequests', async () => {
    const nodes = await all(tokens.zoersel);
    expect(nodes.map((n) => n.id).sort()).toEqual(submitted.map((s) => s.id).sort());
    for (const node of nodes) expectNothingUndisclosable(node.assessment);
    // Asked for without its explanation, the cost is still withheld.
    for (const node of await all(tokens.zoersel, LIST_BRIEF)) expect(node.assessment!.estimatedCostEur).toBeNull();
  });

  it('was answered the same when submitting', async () => {
    const answer = await world.submit(world.requestInput({ startDate: '2026-06-01', endDate: '2026-06-05' }));
    expectNothingUndisclosable(answer.assessment);
    expect(answer.assessment).toMatchObject(await one(tokens.zoersel, answer.id));
  });

  it('reads the same sentences as assessDraftRequest answered them before submitting', async () => {
    for (const { id, draft } of submitted) {
      const stored = await one(tokens.zoersel, id);
      expect(stored.explanation).toEqual(draft.explanation);
      expect(stored.explanationEn).toEqual(draft.explanationEn);
      expect(stored.recommendation).toBe(draft.recommendation);
    }
    // 2027 has no budget allocated: the neutral sentence says so, of the visit's year.
    expect(submitted[1]!.draft.explanationEn).toContain('Budget: the budget of 2027 does not allow it.');
  });

  it('reads, apart from staff time and budget, the sentences staff read', async () => {
    for (const { id } of submitted) {
      const full = await one(tokens.staff, id);
      const shown = await one(tokens.zoersel, id);
      const { estimatedCostEur: _cost, explanation: _nl, explanationEn: _en, ...facts } = full;
      expect(shown).toMatchObject(facts);
      expect(shown.explanationEn).toHaveLength(full.explanationEn.length);
      const differ = full.explanationEn.filter((sentence, i) => sentence !== shown.explanationEn[i]);
      expect(differ.map((s) => s.split(':')[0])).toEqual(['Staff time', 'Budget']);
    }
  });
});

describe('staff reading the same requests', () => {
  it('read the full explanation with its euro figures and the cost, in the list too', async () => {
    const nodes = await all(tokens.staff, LIST);
    for (const { id } of submitted) {
      const full = await one(tokens.staff, id);
      expect(nodes.find((n) => n.id === id)?.assessment).toEqual(full);
      expect(full.explanationEn.some((s) => /^Budget: estimated cost €[\d,.]+ /.test(s))).toBe(true);
      expect(full.explanation.some((s) => s.includes('Lies Janssens heeft er het meest vrij'))).toBe(true);
    }
  });
});
