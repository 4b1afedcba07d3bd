import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { World, expectRefused, firstError, queries, type RequestView, type Variables } from './scenario.js';

/*
 * assessDraftRequest: the assessment a request would get, before it is
 * submitted. It stores nothing, refuses what submitting refuses, and answers
 * what submitting then records.
 */

const DRAFT = `query($input: DraftRequestInput!) { assessDraftRequest(input: $input) {
  recommendation declineReason opportune requiredReasons claimedReasons
  derivedReasons { reason why { nl en } } satisfiedReasons staffTimeAvailable budgetAvailable daysNeeded
  estimatedCostEur explanation explanationEn policyVersion assessedOn } }`;

interface Draft {
  recommendation: string;
  declineReason: string | null;
  opportune: boolean;
  requiredReasons: number;
  claimedReasons: string[];
  derivedReasons: { reason: string; why: { nl: string; en: string } | null }[];
  satisfiedReasons: string[];
  staffTimeAvailable: boolean;
  budgetAvailable: boolean;
  daysNeeded: number;
  estimatedCostEur: number | null;
  explanation: string[];
  explanationEn: string[];
  policyVersion: string;
  assessedOn: string;
}

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world.close());

const draft = async (token: string | undefined, input: Variables) =>
  (await world.run<{ assessDraftRequest: Draft }>(token, DRAFT, { input })).assessDraftRequest;

describe('assessDraftRequest', () => {
  it("assesses a coordinator's own request without storing anything, and without staff names or euro figures", async () => {
    const answer = await world.nothingStored(() => draft(tokens.zoersel, world.requestInput()));
    expect(answer).toMatchObject({
      recommendation: 'ACCEPT',
      declineReason: null,
      opportune: true,
      requiredReasons: 1,
      claimedReasons: ['CONTENT_PROBLEMS'],
      satisfiedReasons: ['CONTENT_PROBLEMS', 'FOLLOW_UP'],
      staffTimeAvailable: true,
      budgetAvailable: true,
      estimatedCostEur: null,
      assessedOn: world.today,
    });
    expect(answer.derivedReasons).toEqual([
      {
        reason: 'FOLLOW_UP',
        why: {
          nl: 'Opvolging: de gemeente werd nog nooit begeleid op werkbezoek.',
          en: 'Follow-up: the municipality has never been accompanied on a visit.',
        },
      },
    ]);
    const text = [...answer.explanation, ...answer.explanationEn].join(' ');
    expect(text).not.toMatch(/An Peeters|€/);
    expect(answer.explanationEn).toContain(
      `Staff time: ${answer.daysNeeded} days needed; there is enough staff time in 2026.`,
    );
    // Nothing was submitted.
    const list = await world.run<{ accompanimentRequests: { edges: unknown[] } }>(
      tokens.zoersel,
      `{ accompanimentRequests { edges { node { id } } } }`,
    );
    expect(list.accompanimentRequests.edges).toEqual([]);
  });

  it("refuses a coordinator another municipality's twinning", async () => {
    const response = await world.nothingStored(() =>
      world.send(tokens.merelbeke, DRAFT, { input: world.requestInput() }),
    );
    expectRefused(response, 'FORBIDDEN', /11055|44043/);
  });

  it('refuses bad input with the same error as submitting, naming the field', async () => {
    const bad = world.requestInput({ startDate: '2026-03-06', endDate: '2026-03-02' });
    const drafted = await world.nothingStored(() => world.send(tokens.zoersel, DRAFT, { input: bad }));
    expectRefused(drafted, 'BAD_USER_INPUT', /end/i, ['endDate']);
    const submitted = await world.nothingStored(() =>
      world.send(
        tokens.zoersel,
        `mutation($input: SubmitAccompanimentRequestInput!) { submitAccompanimentRequest(input: $input) { id } }`,
        { input: bad },
      ),
    );
    const { message, extensions } = firstError(submitted);
    expect(firstError(drafted)).toMatchObject({ message, extensions });

    const twice = world.requestInput({ reasons: ['CONTENT_PROBLEMS', 'CONTENT_PROBLEMS'] });
    expectRefused(await world.send(tokens.zoersel, DRAFT, { input: twice }), 'BAD_USER_INPUT', /reasons/, ['reasons']);
    expectRefused(
      await world.send(tokens.staff, DRAFT, { input: world.requestInput({ twinningId: 'nope' }) }),
      'BAD_USER_INPUT',
      /twinningId/,
      ['twinningId'],
    );
  });

  it('needs a token', async () => {
    expectRefused(await world.send(undefined, DRAFT, { input: world.requestInput() }), 'UNAUTHENTICATED');
  });

  it('answers what submitting the same request then records, on the same date', async () => {
    const input = world.requestInput({ missionType: 'POLITICAL', startDate: '2026-04-06', endDate: '2026-04-12' });
    const asStaff = await world.nothingStored(() => draft(tokens.staff, input));
    expect(asStaff.estimatedCostEur).toBeGreaterThan(0);
    expect(asStaff.explanationEn.join(' ')).toMatch(/An Peeters/);
    expect(asStaff.recommendation).toBe('DECLINE');
    expect(asStaff.declineReason).toBe('NOT_OPPORTUNE');
    const asCoordinator = await draft(tokens.zoersel, input);
    const asAnalyst = await draft(tokens.analyst, input);
    expect(asAnalyst).toEqual(asStaff);

    const submitted = await world.submit(input);
    // A coordinator reads the stored assessment as they read the draft; staff read it in full.
    const { accompanimentRequest: stored } = await world.run<{ accompanimentRequest: RequestView }>(
      tokens.staff,
      queries.request,
      { id: submitted.id },
    );
    const recorded = stored.assessment!;
    expect(asStaff).toEqual({
      recommendation: recorded.recommendation,
      declineReason: recorded.declineReason,
      opportune: recorded.opportune,
      requiredReasons: recorded.requiredReasons,
      claimedReasons: submitted.reasons,
      derivedReasons: recorded.derivedReasons.map((reason) => ({ reason, why: expect.anything() as unknown })),
      satisfiedReasons: recorded.satisfiedReasons,
      staffTimeAvailable: recorded.staffTimeAvailable,
      budgetAvailable: recorded.budgetAvailable,
      daysNeeded: recorded.daysNeeded,
      estimatedCostEur: recorded.estimatedCostEur,
      explanation: recorded.explanation,
      explanationEn: recorded.explanationEn,
      policyVersion: recorded.policyVersion,
      assessedOn: recorded.assessedOn,
    });
    const { estimatedCostEur: _c, explanation: _n, explanationEn: _e, ...shared } = asStaff;
    expect(asCoordinator).toMatchObject({ ...shared, estimatedCostEur: null });
    expect(submitted.assessment).toMatchObject({
      estimatedCostEur: null,
      explanation: asCoordinator.explanation,
      explanationEn: asCoordinator.explanationEn,
    });
  });
});
