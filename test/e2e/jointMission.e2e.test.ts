import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { MERELBEKE, World, ZOERSEL, expectRefused, mutations, queries, type RequestView } from './scenario.js';

/*
 * A joint mission through the API (issue 12): a planner proposes one trip for
 * Zoersel's visit to Zou and Merelbeke's to Atlantique (both Benin);
 * management approves it; one mission serves both, with one booking and one
 * reservation, and the read models show it at once.
 */

interface JointMissionView {
  id: string;
  status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  regionCodes: string[];
  missionType: string;
  startDate: string;
  endDate: string;
  requestIds: string[];
  estimatedCostEur: number | null;
  decidedOn: string | null;
  budgetEur: number | null;
  staffMembers: { id: string; name: string | null }[];
  municipalities: { nisCode: string; name: string | null }[];
  mission: {
    id: string;
    status: string;
    requestIds: string[];
    staff: { id: string }[];
    bookedDays: number;
    reservedBudgetEur: number;
  } | null;
  requests: { id: string; status: string }[];
  history: { type: string; on: string; actorRole: string }[];
}

let w: World;
let zoersel: RequestView;
let merelbeke: RequestView;

const window = { startDate: '2026-04-06', endDate: '2026-04-14' };
const rationale = 'Zoersel en Merelbeke bezoeken Benin in dezelfde week: één begeleide reis.';

beforeAll(async () => {
  w = await World.start({ staffDays: 60, budgetEur: 20_000 });
  zoersel = await w.submit({ startDate: '2026-04-06', endDate: '2026-04-10' });
  merelbeke = await w.submit(
    { twinningId: w.merelbekeTwinningId, startDate: '2026-04-08', endDate: '2026-04-14' },
    tokens.merelbeke,
  );
}, 60_000);
afterAll(async () => w.close());

const propose = () =>
  w.mutate<JointMissionView>(tokens.planner, 'proposeJointMission', {
    input: { requestIds: [zoersel.id, merelbeke.id], ...window, rationale },
  });

describe('a joint mission from proposal to approval', () => {
  let proposed: JointMissionView;

  it('is proposed by a planner, with the estimated cost of one trip and the requests still undecided', async () => {
    proposed = await propose();
    expect(proposed).toMatchObject({
      status: 'PROPOSED',
      regionCodes: ['BJ-AQ', 'BJ-ZO'],
      missionType: 'EVALUATION',
      ...window,
      requestIds: [zoersel.id, merelbeke.id],
      // Benin: travel € 950 once, € 140 allowance for each of the window's 9 days.
      estimatedCostEur: 950 + 9 * 140,
      mission: null,
      decidedOn: null,
      history: [{ type: 'JointMissionProposed', on: w.today, actorRole: 'PLANNER' }],
    });
    expect(proposed.municipalities.map((m) => m.nisCode).sort()).toEqual([ZOERSEL.nisCode, MERELBEKE.nisCode].sort());
    expect(proposed.requests.map((r) => r.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
  });

  it('refuses an approval the budget cannot pay, and stores nothing', async () => {
    const response = await w.nothingStored(() =>
      w.send(tokens.management, mutations.approveJointMission, {
        input: { jointMissionId: proposed.id, staffMemberIds: [w.staffMemberId], budgetEur: 50_000 },
      }),
    );
    expectRefused(response, 'CONFLICT', /budget/i);
  });

  it('is approved by management: one mission for both requests, one booking, one reservation', async () => {
    const [budgetBefore] = (
      await w.run<{ budgets: { reservedEur: number }[] }>(
        tokens.management,
        `{ budgets(fromYear: 2026, toYear: 2026) { reservedEur } }`,
      )
    ).budgets;
    const approved = await w.mutate<JointMissionView>(tokens.management, 'approveJointMission', {
      input: { jointMissionId: proposed.id, staffMemberIds: [w.staffMemberId] },
    });
    expect(approved).toMatchObject({
      status: 'APPROVED',
      decidedOn: w.today,
      budgetEur: 2210,
      staffMembers: [{ id: w.staffMemberId, name: 'An Peeters' }],
    });
    expect(approved.history.map((h) => [h.type, h.actorRole])).toEqual([
      ['JointMissionProposed', 'PLANNER'],
      ['JointMissionApproved', 'MANAGEMENT'],
    ]);
    // Read your writes: the requests and the mission are in the answer, without a reload.
    expect(approved.requests.map((r) => r.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(approved.mission).toMatchObject({
      status: 'SCHEDULED',
      requestIds: [zoersel.id, merelbeke.id],
      staff: [{ id: w.staffMemberId }],
      bookedDays: 2 + 9 + 2,
      reservedBudgetEur: 2210,
    });

    const { budgets } = await w.run<{ budgets: { reservedEur: number }[] }>(
      tokens.management,
      `{ budgets(fromYear: 2026, toYear: 2026) { reservedEur } }`,
    );
    expect(budgets[0]!.reservedEur - budgetBefore!.reservedEur).toBe(2210);
    const { staffCapacity } = await w.run<{ staffCapacity: { staffMemberId: string; bookedDays: number }[] }>(
      tokens.staff,
      `{ staffCapacity(year: 2026) { staffMemberId bookedDays } }`,
    );
    expect(staffCapacity.find((s) => s.staffMemberId === w.staffMemberId)?.bookedDays).toBe(13);

    for (const request of [zoersel, merelbeke]) {
      const { accompanimentRequest } = await w.run<{ accompanimentRequest: RequestView }>(
        tokens.staff,
        queries.request,
        { id: request.id },
      );
      expect(accompanimentRequest.status).toBe('ACCEPTED');
      expect(accompanimentRequest.mission?.id).toBe(approved.mission!.id);
      // The audit trail names the joint mission that served the request.
      const trail = await w.run<{
        accompanimentRequest: { auditTrail: { edges: { node: { type: string; data: string } }[] } };
      }>(tokens.staff, queries.auditTrail, { id: request.id, first: 50 });
      const accepted = trail.accompanimentRequest.auditTrail.edges.find((e) => e.node.type === 'AccompanimentAccepted');
      expect(JSON.parse(accepted!.node.data)).toMatchObject({ jointMissionId: proposed.id });
    }
  });

  it('shows in the regional clusters and in each municipality’s history', async () => {
    const { regionalClusters } = await w.run<{
      regionalClusters: { regionCode: string; jointMissions: { id: string; status: string }[] }[];
    }>(
      tokens.planner,
      `{ regionalClusters(from: "2026-01-01", to: "2026-12-31") { regionCode jointMissions { id status } } }`,
    );
    for (const region of ['BJ-ZO', 'BJ-AQ']) {
      expect(regionalClusters.find((c) => c.regionCode === region)?.jointMissions).toEqual([
        { id: proposed.id, status: 'APPROVED' },
      ]);
    }
    const { accompanimentHistory } = await w.run<{
      accompanimentHistory: { visits: { requestId: string | null; jointMissionId: string | null }[] };
    }>(
      tokens.staff,
      `{ accompanimentHistory(nisCode: "${MERELBEKE.nisCode}") { visits { requestId jointMissionId } } }`,
    );
    expect(accompanimentHistory.visits.find((v) => v.requestId === merelbeke.id)?.jointMissionId).toBe(proposed.id);
  });

  it('keeps its own audit trail: the proposal and the approval, with who did them', async () => {
    const { jointMission } = await w.run<{
      jointMission: { auditTrail: { edges: { node: { type: string; actor: { role: string } } }[] } };
    }>(
      tokens.planner,
      `query($id: ID!) { jointMission(id: $id) { auditTrail { edges { node { type actor { role } } } } } }`,
      {
        id: proposed.id,
      },
    );
    expect(jointMission.auditTrail.edges.map((e) => [e.node.type, e.node.actor.role])).toEqual([
      ['JointMissionProposed', 'PLANNER'],
      ['JointMissionApproved', 'MANAGEMENT'],
    ]);
  });

  it('refuses a second approval, and stores nothing', async () => {
    const response = await w.nothingStored(() =>
      w.send(tokens.management, mutations.approveJointMission, {
        input: { jointMissionId: proposed.id, staffMemberIds: [w.staffMemberId] },
      }),
    );
    expectRefused(response, 'CONFLICT', /already approved on/);
  });

  it('answers a retried approval with its Idempotency-Key with the same joint mission, storing nothing more', async () => {
    const a = await w.submit({ startDate: '2026-06-01', endDate: '2026-06-05' });
    const b = await w.submit(
      { twinningId: w.merelbekeTwinningId, startDate: '2026-06-03', endDate: '2026-06-06' },
      tokens.merelbeke,
    );
    const { id } = await w.mutate<JointMissionView>(tokens.staff, 'proposeJointMission', {
      input: { requestIds: [a.id, b.id], startDate: '2026-06-01', endDate: '2026-06-06', rationale },
    });
    const variables = { input: { jointMissionId: id, staffMemberIds: [w.staffMemberId] } };
    const headers = { 'idempotency-key': `approve-${id}` };
    const first = await w.run<{ approveJointMission: JointMissionView }>(
      tokens.management,
      mutations.approveJointMission,
      variables,
      headers,
    );
    const again = await w.nothingStored(() =>
      w.run<{ approveJointMission: JointMissionView }>(
        tokens.management,
        mutations.approveJointMission,
        variables,
        headers,
      ),
    );
    expect(again.approveJointMission.mission?.id).toBe(first.approveJointMission.mission?.id);
  });
});

describe('a rejected joint mission', () => {
  it('leaves its requests undecided, and cannot be approved afterwards', async () => {
    const a = await w.submit({ startDate: '2026-09-07', endDate: '2026-09-11' });
    const b = await w.submit(
      { twinningId: w.merelbekeTwinningId, startDate: '2026-09-08', endDate: '2026-09-12' },
      tokens.merelbeke,
    );
    const { id } = await w.mutate<JointMissionView>(tokens.planner, 'proposeJointMission', {
      input: { requestIds: [a.id, b.id], startDate: '2026-09-07', endDate: '2026-09-12', rationale },
    });
    const rejected = await w.mutate<JointMissionView & { rejectionReason: string }>(
      tokens.management,
      'rejectJointMission',
      { input: { jointMissionId: id, reason: 'Verkiezingen in Benin die maand' } },
    );
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Verkiezingen in Benin die maand' });
    expect(rejected.requests.map((r) => r.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
    const response = await w.nothingStored(() =>
      w.send(tokens.management, mutations.approveJointMission, {
        input: { jointMissionId: id, staffMemberIds: [w.staffMemberId] },
      }),
    );
    expectRefused(response, 'CONFLICT', /was rejected on .* \(Verkiezingen in Benin die maand\)/);
  });
});
