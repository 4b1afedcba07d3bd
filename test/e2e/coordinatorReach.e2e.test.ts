import { buildClientSchema, getIntrospectionQuery, type GraphQLArgument, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allFields,
  findLeaks,
  queryTrees,
  reach,
  type FieldNode,
  type Leak,
  type LeakRules,
  type Reach,
  type Secret,
} from './coordinatorReach.js';
import { livePlatform, tokens, type LivePlatform } from './harness.js';

/*
 * Every field a municipality's coordinator can read, found from the schema
 * (coordinatorReach.ts), read as Zoersel's coordinator on the demo history,
 * holds nothing of VVSG's side (issue 15): no staff member's name or id, no
 * free days, no euro amount or budget figure, no assessment inputs, no other
 * municipality's coordinator. A field added to the schema is read and
 * searched without a change here; a field the API refuses a coordinator
 * (FORBIDDEN, from the auth rules) is left out, and listed.
 *
 * Before the walk, the story of the issue: Zoersel asks for a visit, another
 * municipality of the same region asks for one in the same weeks (with an
 * Idempotency-Key, so its command id names its coordinator), and Zoersel's
 * request is reassessed; beside that, the same reassessment as stored before
 * issue 15, with the other coordinator as its actor.
 */

const NIS = '11055';
const ME = tokens.zoersel;

/**
 * The documented exceptions: where a coordinator reads the name of the staff
 * member who accompanies (or accompanied) their own municipality's visit,
 * the one they travel with. Not a staff member's id, nor anyone else's name.
 */
const accompanyingStaffName = new Set([
  'AccompanimentRequest.staffMemberName',
  'Mission.staffNames',
  'Visit.staffNames',
]);

let live: LivePlatform;
let schemaTrees: FieldNode[];
const reached = new Map<string, Reach>();
let rules: LeakRules;
let story: { requestId: string; other: string };

const run = async <T>(token: string, query: string, variables?: Record<string, unknown>, headers = {}) => {
  const response = await live.gql<T>(token, query, variables, headers);
  if (response.errors?.length || !response.data) throw new Error(`${query} failed: ${JSON.stringify(response.errors)}`);
  return response.data;
};

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function tellTheStory(today: string): Promise<{ requestId: string; other: string }> {
  const { twinnings } = await run<{
    twinnings: { id: string; nisCode: string; regionCode: string; active: boolean }[];
  }>(tokens.staff, `{ twinnings { id nisCode regionCode active } }`);
  const own = twinnings.find((t) => t.nisCode === NIS && t.active)!;
  const neighbour = twinnings.find((t) => t.regionCode === own.regionCode && t.nisCode !== NIS && t.active);
  if (!neighbour) throw new Error(`The demo history has no other municipality in ${own.regionCode}`);
  // Beyond the demo history's pipeline (a year ahead), so no demo visit lies near: the other's
  // request is what changes Zoersel's assessment (COMBINED_VISITS).
  const start = addDays(today, 450);
  const input = (twinningId: string, from: string) => ({
    twinningId,
    missionType: 'TECHNICAL',
    startDate: from,
    endDate: addDays(from, 6),
    delegationSize: 3,
    policyDomains: ['LOCAL_GOVERNANCE'],
    reasons: ['CONTENT_PROBLEMS'],
  });
  const SUBMIT = `mutation($input: SubmitAccompanimentRequestInput!) { submitAccompanimentRequest(input: $input) { id } }`;
  const mine = await run<{ submitAccompanimentRequest: { id: string } }>(ME, SUBMIT, { input: input(own.id, start) });
  const requestId = mine.submitAccompanimentRequest.id;
  await run(
    `demo-coordinator-${neighbour.nisCode}`,
    SUBMIT,
    { input: input(neighbour.id, addDays(start, 3)) },
    { 'idempotency-key': 'neighbour-asks-0001' },
  );
  // As a log written before issue 15 holds it: the reassessment with the other coordinator and command on Zoersel's stream.
  const { store } = live.platform;
  const stream = `request-${requestId}`;
  const events = [];
  for await (const e of store.readStream(stream)) events.push(e);
  const reassessment = events.at(-1)!;
  const otherCoordinator = `demo-coordinator-${neighbour.nisCode}`;
  await store.appendToStream(stream, [
    {
      type: 'AccompanimentRequestAssessed',
      data: reassessment.data,
      metadata: {
        eventId: '019c5a00-0000-7000-8000-0000000000aa',
        occurredAt: `${today}T12:00:00.000Z`,
        actor: { id: otherCoordinator, role: 'COORDINATOR', nisCode: neighbour.nisCode },
        correlationId: `${otherCoordinator}:neighbour-amends-0002`,
        causationId: `${otherCoordinator}:neighbour-amends-0002`,
      },
    },
  ]);
  return { requestId, other: neighbour.nisCode };
}

/** What must not show: every staff member and VVSG actor, every other coordinator, and VVSG's figures. */
async function secretsOf(requestIds: readonly string[]): Promise<Secret[]> {
  const { staffMembers, municipalities } = await run<{
    staffMembers: { id: string; name: string }[];
    municipalities: { nisCode: string }[];
  }>(tokens.staff, `{ staffMembers { id name } municipalities { nisCode } }`);
  const vvsgActors = new Set<string>();
  for (const id of requestIds) {
    const data = await run<{
      accompanimentRequest: { auditTrail: { edges: { node: { actor: { id: string; role: string } } }[] } };
    }>(
      tokens.staff,
      `query($id: ID!) { accompanimentRequest(id: $id) { auditTrail { edges { node { actor { id role } } } } } }`,
      {
        id,
      },
    );
    for (const { node } of data.accompanimentRequest.auditTrail.edges)
      if (node.actor.role !== 'COORDINATOR' && node.actor.role !== 'SYSTEM') vvsgActors.add(node.actor.id);
  }
  expect(vvsgActors.size, 'VVSG people acted on these requests').toBeGreaterThan(0);
  return [
    ...staffMembers.flatMap((s) => [
      { text: s.name, what: "a staff member's name" },
      { text: s.id, what: "a staff member's id" },
    ]),
    ...[...vvsgActors].map((id) => ({ text: id, what: 'a VVSG actor' })),
    ...municipalities
      .filter((m) => m.nisCode !== NIS)
      // demo-coordinator-<nis> (the API's tokens) and coordinator-<nis> (the demo history's actors)
      .map((m) => ({ text: `coordinator-${m.nisCode}`, what: "another municipality's coordinator" })),
  ];
}

/** Sensible arguments: the coordinator's own ids where the field reads one thing, a wide period elsewhere. */
function argumentsFor(ids: {
  request: string;
  mission: string;
  twinning: string;
  staffMember: string;
  lesson: string;
  jointMission: string;
  regionalEvent: string;
  today: string;
}) {
  const year = Number(ids.today.slice(0, 4));
  const byCoordinate: Record<string, unknown> = {
    'Query.accompanimentRequest(id)': ids.request,
    'Query.mission(id)': ids.mission,
    'Query.twinning(id)': ids.twinning,
    'Query.staffMember(id)': ids.staffMember,
    'Query.lesson(id)': ids.lesson,
    'Query.jointMission(id)': ids.jointMission,
    'Query.regionalEvent(id)': ids.regionalEvent,
    'Query.optimizeAccompanimentPlan(from)': `${year + 1}-01-01`,
    'Query.optimizeAccompanimentPlan(to)': `${year + 1}-12-31`,
    'Query.assessDraftRequest(input)': {
      twinningId: ids.twinning,
      missionType: 'IDENTIFICATION',
      startDate: addDays(ids.today, 120),
      endDate: addDays(ids.today, 126),
      delegationSize: 4,
      policyDomains: ['LOCAL_GOVERNANCE'],
      reasons: [],
    },
  };
  const byName: Record<string, unknown> = {
    nisCode: NIS,
    // A person the platform holds data about (issue 15's access report): a staff member.
    subjectId: ids.staffMember,
    year,
    fromYear: 2017,
    toYear: year + 1,
    from: '2017-01-01',
    to: `${year + 1}-12-31`,
    fromQuarter: '2017-Q1',
    toQuarter: `${year + 1}-Q4`,
  };
  return (coordinate: string, arg: GraphQLArgument): unknown => {
    const key = `${coordinate}(${arg.name})`;
    if (key in byCoordinate) return byCoordinate[key];
    // Only required arguments get a value: optional ones (filters, page sizes) keep the API's defaults.
    return String(arg.type).endsWith('!') && arg.defaultValue === undefined ? byName[arg.name] : undefined;
  };
}

beforeAll(async () => {
  live = await livePlatform({ demoData: true });
  // The demo history runs to the day the platform starts; commands take their date from the harness's clock.
  const today = new Date().toISOString().slice(0, 10);
  live.setToday(today);
  story = await tellTheStory(today);

  const own = await run<{
    accompanimentRequests: {
      edges: { node: { id: string; mission: { id: string } | null; twinning: { id: string } } }[];
    };
  }>(ME, `{ accompanimentRequests(first: 100) { edges { node { id mission { id } twinning { id } } } } }`);
  const requests = own.accompanimentRequests.edges.map((e) => e.node);
  const withMission = requests.find((r) => r.mission)!;
  const vvsg = await run<{
    staffMembers: { id: string }[];
    lessons: { edges: { node: { id: string } }[] };
    jointMissions: { edges: { node: { id: string } }[] };
    regionalEvents: { edges: { node: { id: string } }[] };
  }>(
    tokens.staff,
    `{ staffMembers { id } lessons(first: 1) { edges { node { id } } } jointMissions(first: 1) { edges { node { id } } }
       regionalEvents(first: 1) { edges { node { id } } } }`,
  );
  const someId = '019c5a00-0000-7000-8000-0000000000ff';
  const args = argumentsFor({
    request: story.requestId,
    mission: withMission.mission!.id,
    twinning: withMission.twinning.id,
    staffMember: vvsg.staffMembers[0]!.id,
    lesson: vvsg.lessons.edges[0]?.node.id ?? someId,
    jointMission: vvsg.jointMissions.edges[0]?.node.id ?? someId,
    regionalEvent: vvsg.regionalEvents.edges[0]?.node.id ?? someId,
    today,
  });
  const { data } = await live.gql<IntrospectionQuery>(ME, getIntrospectionQuery());
  schemaTrees = queryTrees(buildClientSchema(data!), args, { depth: 7 });
  rules = {
    secrets: await secretsOf(requests.map((r) => r.id)),
    patterns: [
      { re: /€|\bEUR\b/, what: 'a euro amount' },
      { re: /meest vrij|vrije dagen|free days|most free/i, what: 'free days' },
    ],
    keys: [
      { re: /(Eur|Cents)$|^budget(?!Available)|reserved/i, what: 'an amount of VVSG' },
      { re: /^free|freeDays$|freeStaffDays/i, what: 'free days' },
      { re: /^inputs$/, what: "the assessment's inputs" },
    ],
    allowed: (coordinate, secret) => accompanyingStaffName.has(coordinate) && secret.what === "a staff member's name",
  };
  for (const tree of schemaTrees) reached.set(tree.name, await reach(tree, (query) => live.gql(ME, query)));
}, 300_000);
afterAll(() => live?.close());

describe("everything a coordinator can read, from the schema's Query down", () => {
  it('is read: every field either answers or is refused FORBIDDEN, with real data at the request', () => {
    const read = schemaTrees.filter((t) => !t.refused).map((t) => t.name);
    const refused = schemaTrees.filter((t) => t.refused).map((t) => t.name);
    const seen = new Set(
      schemaTrees
        .flatMap(allFields)
        .filter((n) => n.seen)
        .map((n) => n.coordinate),
    );
    const refusedBelow = [...new Set([...reached.values()].flatMap((r) => r.refused))].filter(
      (c) => !c.startsWith('Query.'),
    );
    console.info(
      `A coordinator reads ${read.length} Query fields (${read.join(', ')}) and ${seen.size} fields below them; ` +
        `refused: ${refused.length} Query fields and ${refusedBelow.join(', ')}`,
    );
    expect(read).toEqual(expect.arrayContaining(['accompanimentRequest', 'accompanimentRequests', 'mission']));
    // The walk saw the parts where VVSG's side would show.
    for (const coordinate of [
      'AuditEntry.data',
      'AuditActor.id',
      'Assessment.explanation',
      'Mission.staffNames',
      'AccompanimentRequest.staffMemberName',
    ])
      expect(seen, coordinate).toContain(coordinate);
  });

  it("tells the reassessments as the platform's act, the new one in the coordinator's own conversation", () => {
    type Node = {
      actor: { id: string; role: string };
      data: string;
      correlationId: string;
      summary: { nl: string } | null;
    };
    const answer = reached.get('accompanimentRequest')!.data as {
      accompanimentRequest: { auditTrail: { edges: { node: Node }[] } };
    };
    const entries = answer.accompanimentRequest.auditTrail.edges.map((e) => e.node);
    const reassessments = entries.filter(
      (n) => (JSON.parse(n.data) as { trigger?: string }).trigger === 'CONTEXT_CHANGED',
    );
    // The platform's own, and the one stored with the other municipality's coordinator.
    expect(reassessments).toHaveLength(2);
    for (const n of reassessments) {
      expect(n.actor.role).toBe('SYSTEM');
      expect(n.summary?.nl).toBe('Herbeoordeeld omdat de bezoeken in de regio veranderden.');
    }
    expect(reassessments[0]!.correlationId).toBe(entries[0]!.correlationId);
    expect(reassessments[1]!.correlationId).toMatch(/^ref-/);
  });

  it("holds no staff member, VVSG actor, free days, amount, input or other municipality's coordinator", () => {
    const leaks: Leak[] = [];
    for (const tree of schemaTrees) leaks.push(...findLeaks(tree, reached.get(tree.name)!.data, rules));
    const summary = [...new Set(leaks.map((l) => `${l.coordinate} (${l.path}): ${l.what}: ${l.value.slice(0, 120)}`))];
    expect(summary).toEqual([]);
  });

  it('would find them: the same query, read as staff, holds every kind', async () => {
    // The coordinator's query of their requests with every audit trail, as staff read it.
    const tree = schemaTrees.find((t) => t.name === 'accompanimentRequests')!;
    const asStaff = await live.gql(tokens.staff, reached.get(tree.name)!.query);
    expect(asStaff.errors).toBeUndefined();
    const kinds = new Set(findLeaks(tree, asStaff.data!, { ...rules, allowed: () => false }).map((l) => l.what));
    expect([...kinds].sort()).toEqual(
      [
        "a staff member's name",
        "a staff member's id",
        'a VVSG actor',
        "another municipality's coordinator",
        'a euro amount',
        'free days',
        'an amount of VVSG',
        "the assessment's inputs",
      ].sort(),
    );
  });
});
