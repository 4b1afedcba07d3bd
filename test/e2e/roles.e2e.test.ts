import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import {
  AFTER_VISIT,
  FIRST_DAY,
  VISIT,
  World,
  expectRefused,
  mutations,
  queries,
  regionalEventInput,
  type MutationName,
  type RequestView,
  type Variables,
} from './scenario.js';

/*
 * Who may do what (services/api/src/auth/roles.ts), checked from the outside:
 * every role, and no token at all, against every mutation of the schema. The
 * roles a mutation is for succeed; every other is refused and writes nothing
 * to the event log.
 */

const roles = {
  MANAGEMENT: tokens.management,
  PLANNER: tokens.planner,
  ANALYST: tokens.analyst,
  STAFF: tokens.staff,
  COORDINATOR: tokens.zoersel,
  'no token': undefined,
} as const;
type RoleName = keyof typeof roles;

interface MutationRule {
  readonly mutation: MutationName;
  /** The roles it is for, in the order of their permission in services/api/src/auth/roles.ts. */
  readonly allowed: readonly [RoleName, ...RoleName[]];
  /**
   * Creates what the mutation needs and sets the clock; returns valid
   * variables. Called once per allowed role, so each succeeds on its own.
   */
  readonly prepare: (w: World) => Promise<Variables>;
}

const rules: readonly MutationRule[] = [
  {
    mutation: 'registerMunicipality',
    allowed: ['STAFF'],
    prepare: async () => ({ input: { nisCode: '71016', name: 'Genk', province: 'LIMBURG' } }),
  },
  {
    mutation: 'establishTwinning',
    allowed: ['STAFF'],
    prepare: async () => ({
      input: {
        nisCode: '11055',
        partnerName: 'Dassa-Zoumè',
        countryCode: 'BJ',
        regionCode: 'BJ-CO',
        since: '2020-01-01',
      },
    }),
  },
  {
    mutation: 'recordActorChange',
    allowed: ['STAFF'],
    prepare: async (w) => ({
      input: {
        twinningId: w.zoerselTwinningId,
        side: 'SOUTH',
        actorKind: 'MAYOR',
        changedOn: '2025-11-01',
        description: 'Nieuwe burgemeester in Bohicon',
        person: { name: 'Marie Houngbo' },
      },
    }),
  },
  {
    mutation: 'endTwinning',
    allowed: ['STAFF'],
    prepare: async (w) => ({
      input: {
        twinningId: await w.establishTwinning('44043', {
          partnerName: 'Kpomassè',
          countryCode: 'BJ',
          regionCode: 'BJ-AQ',
        }),
        endedOn: '2025-12-31',
        reason: 'De federale financiering liep af',
      },
    }),
  },
  {
    mutation: 'adviseAccompaniment',
    allowed: ['STAFF'],
    prepare: async (w) => ({
      input: {
        twinningId: w.zoerselTwinningId,
        missionType: 'TECHNICAL',
        reasons: ['EXPERTISE_ACTIVITIES'],
        rationale: 'Een regionale workshop over afvalbeheer past bij dit bezoek',
      },
    }),
  },
  {
    mutation: 'logContact',
    allowed: ['STAFF'],
    prepare: async (w) => ({
      input: {
        twinningId: w.zoerselTwinningId,
        contactedOn: '2026-01-02',
        channel: 'PHONE',
        person: { name: 'Jan Janssens', function: 'stedenbandcoördinator' },
        staffMemberId: w.staffMemberId,
        summary: 'Voorbereiding van de evaluatiemissie besproken',
      },
    }),
  },
  {
    mutation: 'registerStaffMember',
    allowed: ['STAFF'],
    prepare: async () => ({ input: { name: 'Bram Claes', daysPerYear: 40, email: 'bram.claes@example.org' } }),
  },
  {
    mutation: 'declareStaffCapacity',
    allowed: ['STAFF'],
    prepare: async (w) => ({ input: { staffMemberId: w.staffMemberId, year: 2027, days: 150 } }),
  },
  {
    mutation: 'allocateBudget',
    allowed: ['MANAGEMENT'],
    prepare: async () => ({ input: { year: 2027, amountEur: 15_000.5 } }),
  },
  {
    mutation: 'submitAccompanimentRequest',
    allowed: ['COORDINATOR'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: w.requestInput() };
    },
  },
  {
    mutation: 'amendAccompanimentRequest',
    allowed: ['COORDINATOR'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: { requestId: (await w.submit()).id, delegationSize: 6 } };
    },
  },
  {
    mutation: 'withdrawAccompanimentRequest',
    allowed: ['COORDINATOR'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: { requestId: (await w.submit()).id, reason: 'Het bezoek wordt uitgesteld' } };
    },
  },
  {
    mutation: 'assessAccompanimentRequest',
    allowed: ['STAFF'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { requestId: (await w.submit()).id };
    },
  },
  {
    mutation: 'decideAccompaniment',
    allowed: ['STAFF'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: { requestId: (await w.submit()).id, decision: 'ACCEPT', staffMemberId: w.staffMemberId } };
    },
  },
  {
    mutation: 'planMissionActivity',
    allowed: ['STAFF'],
    prepare: async (w) => {
      const { missionId } = await w.mission();
      return {
        input: { missionId, activity: 'PREPARATORY_TRAINING', plannedOn: '2026-02-16', staffMemberId: w.staffMemberId },
      };
    },
  },
  {
    mutation: 'recordMissionActivityDone',
    allowed: ['STAFF'],
    prepare: async (w) => {
      const { missionId } = await w.mission();
      const planned = await w.planActivity(missionId, 'FIELD_VISITS', '2026-03-04');
      w.setToday(AFTER_VISIT);
      return { input: { missionId, activityId: planned.activities[0]!.id, doneOn: '2026-03-04', daysSpent: 1 } };
    },
  },
  {
    mutation: 'fileMissionReport',
    allowed: ['STAFF'],
    prepare: async (w) => {
      const { missionId } = await w.mission({ ended: true });
      return {
        input: {
          missionId,
          filedOn: AFTER_VISIT,
          summary: 'Verslag van het bezoek',
          authorStaffMemberId: w.staffMemberId,
        },
      };
    },
  },
  {
    mutation: 'completeMission',
    allowed: ['STAFF'],
    prepare: async (w) => {
      const { missionId } = await w.mission({ ended: true });
      return { input: { missionId, completedOn: '2026-03-07', daysSpent: 8, costEur: 1500 } };
    },
  },
  {
    mutation: 'cancelMission',
    allowed: ['STAFF'],
    prepare: async (w) => {
      const { missionId } = await w.mission();
      return { input: { missionId, reason: 'Reisadvies voor de regio gewijzigd' } };
    },
  },
  {
    mutation: 'recordLesson',
    allowed: ['STAFF'],
    prepare: async (w) => {
      const { missionId } = await w.mission({ ended: true });
      return {
        input: { missionId, title: 'Les', body: 'Wat we leerden', level: 'PROCESS', policyDomains: ['PARTICIPATION'] },
      };
    },
  },
  {
    mutation: 'editLesson',
    allowed: ['STAFF'],
    prepare: async (w) => ({ input: { lessonId: (await w.lesson()).id, title: 'Een betere titel' } }),
  },
  {
    mutation: 'promoteToGoodPractice',
    allowed: ['STAFF'],
    prepare: async (w) => ({ lessonId: (await w.lesson()).id, rationale: 'Voor de vorming' }),
  },
  {
    mutation: 'retractLesson',
    allowed: ['STAFF'],
    prepare: async (w) => ({ input: { lessonId: (await w.lesson()).id, reason: 'Dubbel ingevoerd' } }),
  },
  // The planner: proposals are for planners and staff, decisions for management.
  {
    mutation: 'proposeJointMission',
    allowed: ['PLANNER', 'STAFF'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: await w.jointMissionInput() };
    },
  },
  {
    mutation: 'amendJointMission',
    allowed: ['PLANNER', 'STAFF'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      const { id, requestIds, startDate } = await w.jointMission();
      const rationale = 'Twee dagen langer, voor een gezamenlijke terugkomdag';
      return { input: { jointMissionId: id, requestIds, startDate, endDate: '2026-03-08', rationale } };
    },
  },
  {
    mutation: 'approveJointMission',
    allowed: ['MANAGEMENT'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: { jointMissionId: (await w.jointMission()).id, staffMemberIds: [w.staffMemberId] } };
    },
  },
  {
    mutation: 'rejectJointMission',
    allowed: ['MANAGEMENT'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: { jointMissionId: (await w.jointMission()).id, reason: 'Eerst elk bezoek apart beoordelen' } };
    },
  },
  {
    mutation: 'proposeRegionalEvent',
    allowed: ['PLANNER', 'STAFF'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: regionalEventInput() };
    },
  },
  {
    mutation: 'amendRegionalEvent',
    allowed: ['PLANNER', 'STAFF'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      const { id } = await w.regionalEvent();
      return { input: { ...regionalEventInput({ kind: 'CONFERENCE' }), regionalEventId: id } };
    },
  },
  {
    mutation: 'approveRegionalEvent',
    allowed: ['MANAGEMENT'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: { regionalEventId: (await w.regionalEvent()).id, staffMemberIds: [w.staffMemberId] } };
    },
  },
  {
    mutation: 'rejectRegionalEvent',
    allowed: ['MANAGEMENT'],
    prepare: async (w) => {
      w.setToday(FIRST_DAY);
      return { input: { regionalEventId: (await w.regionalEvent()).id, reason: 'Niet dit jaar' } };
    },
  },
  {
    mutation: 'eraseDataSubject',
    allowed: ['MANAGEMENT'],
    prepare: async (w) => ({
      subjectId: await w.registerStaffMember('Dirk Vermeulen', 10),
      reason: 'DATA_SUBJECT_REQUEST',
    }),
  },
  {
    mutation: 'confirmDataSubjectErasure',
    allowed: ['STAFF'],
    prepare: async (w) => ({ erasureId: (await w.erasureRequested()).erasureId }),
  },
  {
    mutation: 'cancelDataSubjectErasure',
    allowed: ['MANAGEMENT'],
    prepare: async (w) => ({ erasureId: (await w.erasureRequested()).erasureId }),
  },
];

let w: World;
beforeAll(async () => {
  // Enough days and budget for the dozen missions the table prepares, and the planner's two approvals.
  w = await World.start({ staffDays: 200, budgetEur: 50_000 });
});
afterAll(async () => w.close());

it('covers every mutation of the schema', () => {
  expect(rules.map((r) => r.mutation).sort()).toEqual(Object.keys(mutations).sort());
});

it('offers each role, in viewer.allowedMutations, exactly the mutations it is allowed here', async () => {
  for (const [role, token] of Object.entries(roles)) {
    if (!token) continue;
    const { viewer } = await w.run<{ viewer: { allowedMutations: string[] } }>(
      token,
      `{ viewer { allowedMutations } }`,
    );
    expect(viewer.allowedMutations.sort(), role).toEqual(
      rules
        .filter((r) => (r.allowed as readonly string[]).includes(role))
        .map((r) => r.mutation)
        .sort(),
    );
  }
});

describe.each(rules)('$mutation', ({ mutation, allowed, prepare }) => {
  // Fresh variables per allowed role: a second proposal of the same requests,
  // or a second identical amendment, would not show that each role may do it.
  const variables = new Map<RoleName, Variables>();
  beforeAll(async () => {
    for (const role of allowed) variables.set(role, await prepare(w));
  });

  const refused = (Object.keys(roles) as RoleName[]).filter((role) => !allowed.includes(role));

  it.each(refused)('is refused to %s, and nothing is stored', async (role) => {
    const response = await w.nothingStored(() => w.send(roles[role], mutations[mutation], variables.get(allowed[0])));
    if (role === 'no token') {
      expect(response.status).toBe(401);
      expectRefused(response, 'UNAUTHENTICATED', /credentials/);
    } else {
      expectRefused(
        response,
        'FORBIDDEN',
        new RegExp(`Role ${role} may not do this; it is for ${allowed.join(', ')}$`),
      );
    }
  });

  // Last: the refusals above must find the same state the allowed roles do.
  it.each(allowed)('is done by %s', async (role) => {
    const before = await w.head();
    const response = await w.send(roles[role], mutations[mutation], variables.get(role));
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data?.[mutation]).toBeTruthy();
    expect(await w.head()).toBeGreaterThan(before);
  });
});

it('lets management and staff read the list of erasures, and no other role', async () => {
  const list = `{ dataSubjectErasures { id subjectId subjectKind reason status } }`;
  for (const token of [tokens.management, tokens.staff]) {
    const { dataSubjectErasures } = await w.run<{ dataSubjectErasures: unknown[] }>(token, list);
    expect(dataSubjectErasures.length).toBeGreaterThan(0);
  }
  for (const role of ['PLANNER', 'ANALYST', 'COORDINATOR'] as const) {
    expectRefused(await w.send(roles[role], list), 'FORBIDDEN', /it is for MANAGEMENT, STAFF$/);
  }
});

describe('a coordinator acts for their own municipality only', () => {
  let zoerselRequest: RequestView;
  let merelbekeRequest: RequestView;
  beforeAll(async () => {
    w.setToday(FIRST_DAY);
    zoerselRequest = await w.submit();
    merelbekeRequest = await w.submit({ twinningId: w.merelbekeTwinningId }, tokens.merelbeke);
  });

  it("cannot submit for another municipality's twinning", async () => {
    const response = await w.nothingStored(() =>
      w.send(tokens.merelbeke, mutations.submitAccompanimentRequest, { input: w.requestInput() }),
    );
    expectRefused(response, 'FORBIDDEN', /coordinator of 44043 cannot act on requests of municipality 11055/);
  });

  it("cannot amend or withdraw another municipality's request", async () => {
    const amend = await w.nothingStored(() =>
      w.send(tokens.merelbeke, mutations.amendAccompanimentRequest, {
        input: { requestId: zoerselRequest.id, delegationSize: 9 },
      }),
    );
    expectRefused(amend, 'FORBIDDEN', /coordinator of 44043/);
    const withdraw = await w.nothingStored(() =>
      w.send(tokens.merelbeke, mutations.withdrawAccompanimentRequest, {
        input: { requestId: zoerselRequest.id, reason: 'Niet van ons' },
      }),
    );
    expectRefused(withdraw, 'FORBIDDEN', /coordinator of 44043/);
  });

  it("cannot read another municipality's request, nor its audit trail", async () => {
    expectRefused(await w.send(tokens.merelbeke, queries.request, { id: zoerselRequest.id }), 'FORBIDDEN', /44043/);
    expectRefused(await w.send(tokens.zoersel, queries.request, { id: merelbekeRequest.id }), 'FORBIDDEN', /11055/);
    expectRefused(await w.send(tokens.merelbeke, queries.auditTrail, { id: zoerselRequest.id }), 'FORBIDDEN');
    const own = await w.run<{ accompanimentRequest: RequestView }>(tokens.merelbeke, queries.request, {
      id: merelbekeRequest.id,
    });
    expect(own.accompanimentRequest).toMatchObject({ id: merelbekeRequest.id, municipality: { nisCode: '44043' } });
  });

  it('lists only their own requests, and may not ask for another municipality', async () => {
    const list = async (token: string) => {
      const data = await w.run<{
        accompanimentRequests: { edges: { node: { id: string; municipality: { nisCode: string } } }[] };
      }>(token, queries.requests, { first: 100 });
      return data.accompanimentRequests.edges.map((e) => e.node);
    };
    const zoersel = await list(tokens.zoersel);
    const merelbeke = await list(tokens.merelbeke);
    const everyone = await list(tokens.analyst);
    expect(new Set(zoersel.map((r) => r.municipality.nisCode))).toEqual(new Set(['11055']));
    // The planner rules above submitted Merelbeke's requests for joint missions too.
    expect(new Set(merelbeke.map((r) => r.municipality.nisCode))).toEqual(new Set(['44043']));
    expect(merelbeke.map((r) => r.id)).toContain(merelbekeRequest.id);
    expect(zoersel.map((r) => r.id)).toContain(zoerselRequest.id);
    expect(everyone).toHaveLength(zoersel.length + merelbeke.length);

    expectRefused(
      await w.send(tokens.merelbeke, queries.requests, { filter: { nisCode: '11055' } }),
      'FORBIDDEN',
      /sees only that municipality's requests/,
    );
  });
});

describe('reading', () => {
  const readModels = [
    { name: 'accompanimentRequests', query: '{ accompanimentRequests(first: 5) { edges { cursor } } }', own: true },
    { name: 'missions', query: '{ missions(first: 5) { edges { node { id status } } } }', own: true },
    { name: 'twinnings', query: '{ twinnings { id nisCode } }', own: true },
    { name: 'accompanimentHistory', query: '{ accompanimentHistory(nisCode: "11055") { nisCode } }', own: true },
    { name: 'lessons', query: '{ lessons(first: 5) { edges { node { id } } } }', own: false },
    { name: 'staffMembers', query: '{ staffMembers { id name } }', own: false },
    { name: 'staffCapacity', query: '{ staffCapacity(year: 2026) { staffMemberId freeDays } }', own: false },
    { name: 'budgets', query: '{ budgets(fromYear: 2026, toYear: 2026) { year unreservedEur } }', own: false },
    { name: 'municipalities', query: '{ municipalities { nisCode } }', own: false },
    { name: 'coverage', query: '{ coverage { nisCode } }', own: false },
    { name: 'coverageByMonths', query: '{ coverageByMonths { municipalities } }', own: false },
    {
      name: 'dashboard',
      query: '{ dashboard(fromQuarter: "2026-Q1", toQuarter: "2026-Q2") { totals { submitted } } }',
      own: false,
    },
    {
      name: 'regionalClusters',
      query: `{ regionalClusters(from: "${VISIT.startDate}", to: "${VISIT.endDate}") { regionCode } }`,
      own: false,
    },
  ];
  const readers = ['MANAGEMENT', 'PLANNER', 'ANALYST', 'STAFF'] as const;

  it.each(readModels.flatMap((m) => readers.map((role) => ({ ...m, role }))))(
    '$role reads $name',
    async ({ name, query, role }) => {
      const response = await w.send(roles[role], query);
      expect(response.errors).toBeUndefined();
      expect(response.data?.[name]).toBeDefined();
    },
  );

  it.each(readModels)("a coordinator reads $name only where it is their own municipality's", async ({ query, own }) => {
    const response = await w.send(tokens.zoersel, query);
    if (own) expect(response.errors).toBeUndefined();
    else expectRefused(response, 'FORBIDDEN', /Role COORDINATOR may not do this/);
  });

  it.each(readModels)('without a token, $name is UNAUTHENTICATED', async ({ query }) => {
    const response = await w.send(undefined, query);
    expect(response.status).toBe(401);
    expectRefused(response, 'UNAUTHENTICATED');
  });
});
