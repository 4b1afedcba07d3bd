/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- GraphQL answers are untyped JSON here; the assertions check their shape */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandlers, EventLogContext } from '@werkbezoek/domain';
import { MemoryEventStore } from '@werkbezoek/eventstore';
import { allProjections, openReadModels, ProjectionRunner } from '@werkbezoek/projections';
import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { createContext, type ApiServices } from '../context.js';
import { toGraphQLError } from '../graphql/errors.js';
import { LessonConnectionResolver, LessonResolver, MissionLessonsResolver } from '../lessons/lesson.resolver.js';
import { MissionResolver } from '../missions/mission.resolver.js';
import { MunicipalityResolver } from '../registry/municipality.resolver.js';
import { BudgetResolver, StaffResolver } from '../registry/staff.resolver.js';
import { TwinningResolver } from '../registry/twinning.resolver.js';
import { RequestResolver } from '../requests/request.resolver.js';
import { RequestAuditResolver } from './audit.resolver.js';
import { ClustersResolver } from './clusters.resolver.js';
import { DashboardResolver } from './dashboard.resolver.js';
import { HistoryResolver } from './history.resolver.js';
import { PolicyDomainResolver } from './policyDomain.resolver.js';

/*
 * One walk through the resolvers of the registry, missions, lessons and
 * analytics on a real domain, projection runner and SQLite read models: each
 * mutation's answer comes from the read model it waited for.
 */

const staff: Principal = { id: 'demo-staff', role: 'STAFF', name: 'Staff' };
const management: Principal = { id: 'demo-management', role: 'MANAGEMENT', name: 'Management' };
const analyst: Principal = { id: 'demo-analyst', role: 'ANALYST', name: 'Analyst' };
const coordinator = (nisCode: string): Principal => ({
  id: `demo-coordinator-${nisCode}`,
  role: 'COORDINATOR',
  nisCode,
  name: `Coordinator ${nisCode}`,
});

let dir: string;
let schema: GraphQLSchema;
let services: ApiServices;
let runner: ProjectionRunner;
let close: () => Promise<void>;
let clock = new Date('2026-06-15T10:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'werkbezoek-api-'));
  const store = new MemoryEventStore();
  const projectorDb = openReadModels({ dialect: 'sqlite', path: join(dir, 'read-models.db') });
  const readerDb = openReadModels({ dialect: 'sqlite', path: join(dir, 'read-models.db') });
  runner = new ProjectionRunner({ store, readModels: projectorDb, projections: allProjections, log: () => {} });
  await runner.catchUp();
  runner.start();
  services = {
    store,
    handlers: new CommandHandlers(store, new EventLogContext(store)),
    readModels: readerDb,
    waitFor: (position) => runner.waitFor(position, 10_000),
    now: () => clock,
  };
  schema = await buildSchema({
    resolvers: [
      RequestResolver,
      MunicipalityResolver,
      TwinningResolver,
      StaffResolver,
      BudgetResolver,
      MissionResolver,
      LessonResolver,
      LessonConnectionResolver,
      MissionLessonsResolver,
      HistoryResolver,
      ClustersResolver,
      DashboardResolver,
      RequestAuditResolver,
      PolicyDomainResolver,
    ],
    validate: false,
  });
  close = async () => {
    await runner.stop();
    await Promise.all([projectorDb.close(), readerDb.close()]);
    await store.close();
  };
});

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

function run(principal: Principal, source: string, variables: Record<string, unknown> = {}): Promise<ExecutionResult> {
  return graphql({
    schema,
    source,
    variableValues: variables,
    contextValue: createContext(principal, services, undefined),
  });
}

/** The data of an operation that must succeed. */
async function ok<T = Record<string, any>>(
  principal: Principal,
  source: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await run(principal, source, variables);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data as T;
}

/** The error code a client would see. */
async function failure(principal: Principal, source: string, variables: Record<string, unknown> = {}) {
  const result = await run(principal, source, variables);
  const error = result.errors?.[0];
  if (!error) throw new Error('expected an error');
  const mapped = toGraphQLError(error.originalError);
  return { code: mapped?.extensions.code ?? error.extensions.code, message: mapped?.message ?? error.message };
}

const ids = {} as Record<'zoersel' | 'gent' | 'staff' | 'request' | 'gentRequest' | 'mission' | 'lesson', string>;

describe('registry, missions, lessons and analytics through GraphQL', () => {
  it('registers municipalities, twinnings, staff and budget', async () => {
    const m = await ok(
      staff,
      `mutation ($input: RegisterMunicipalityInput!) { registerMunicipality(input: $input) { nisCode name province } }`,
      { input: { nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' } },
    );
    expect(m.registerMunicipality).toEqual({ nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' });
    await ok(
      staff,
      `mutation { registerMunicipality(input: { nisCode: "44021", name: "Gent", province: OOST_VLAANDEREN }) { nisCode } }`,
    );

    const establish = `mutation ($input: EstablishTwinningInput!) {
      establishTwinning(input: $input) { id nisCode municipality { name } partnerName countryCode regionCode since endedOn active }
    }`;
    const t = await ok(staff, establish, {
      input: {
        nisCode: '11055',
        partnerName: 'Bohicon',
        countryCode: 'BJ',
        regionCode: 'BJ-ZO',
        since: '2010-03-01',
        policyDomains: ['CIVIL_REGISTRATION'],
      },
    });
    expect(t.establishTwinning).toMatchObject({
      nisCode: '11055',
      municipality: { name: 'Zoersel' },
      partnerName: 'Bohicon',
      regionCode: 'BJ-ZO',
      active: true,
    });
    ids.zoersel = t.establishTwinning.id;
    const g = await ok(staff, establish, {
      input: { nisCode: '44021', partnerName: 'Abomey', countryCode: 'BJ', regionCode: 'BJ-ZO', since: '2015-01-01' },
    });
    ids.gent = g.establishTwinning.id;

    const s = await ok(
      staff,
      `mutation { registerStaffMember(input: { name: "An Peeters", daysPerYear: 40 }) { id name declarations { fromYear days } } }`,
    );
    expect(s.registerStaffMember).toMatchObject({ name: 'An Peeters', declarations: [{ fromYear: 2026, days: 40 }] });
    ids.staff = s.registerStaffMember.id;
    const d = await ok(
      staff,
      `mutation ($id: ID!) { declareStaffCapacity(input: { staffMemberId: $id, year: 2027, days: 30.5 }) { declarations { fromYear days } } }`,
      { id: ids.staff },
    );
    expect(d.declareStaffCapacity.declarations).toEqual([
      { fromYear: 2026, days: 40 },
      { fromYear: 2027, days: 30.5 },
    ]);

    expect(
      (await failure(staff, `mutation { allocateBudget(input: { year: 2026, amountEur: 20000 }) { year } }`)).code,
    ).toBe('FORBIDDEN');
    const b = await ok(
      management,
      `mutation { allocateBudget(input: { year: 2026, amountEur: 20000 }) { year allocatedEur unreservedEur } }`,
    );
    expect(b.allocateBudget).toEqual({ year: 2026, allocatedEur: 20000, unreservedEur: 20000 });
  });

  it('lets domain errors through with their codes', async () => {
    const bad = await failure(
      staff,
      `mutation { registerMunicipality(input: { nisCode: "123", name: "X", province: LIMBURG }) { nisCode } }`,
    );
    expect(bad.code).toBe('BAD_USER_INPUT');
    const missing = await failure(
      staff,
      `mutation { endTwinning(input: { twinningId: "0190a1b2-0000-7000-8000-000000000000", endedOn: "2026-01-01", reason: "x" }) { id } }`,
    );
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('records twinning events: actor changes, advice, contacts', async () => {
    const change = await ok(
      staff,
      `mutation ($id: ID!) { recordActorChange(input: { twinningId: $id, side: NORTH, actorKind: COORDINATOR, changedOn: "2026-05-01", description: "New twinning coordinator", person: { name: "Els" } }) { id active } }`,
      { id: ids.zoersel },
    );
    expect(change.recordActorChange).toEqual({ id: ids.zoersel, active: true });
    const advice = await ok(
      staff,
      `mutation ($id: ID!) { adviseAccompaniment(input: { twinningId: $id, missionType: IDENTIFICATION, reasons: [ACTOR_RENEWAL], rationale: "A new coordinator" }) { id twinning { id nisCode } } }`,
      { id: ids.zoersel },
    );
    expect(advice.adviseAccompaniment.twinning).toEqual({ id: ids.zoersel, nisCode: '11055' });
    const contact = await ok(
      staff,
      `mutation ($id: ID!, $staff: ID!) { logContact(input: { twinningId: $id, contactedOn: "2026-06-10", channel: PHONE, person: { name: "Els", function: "coordinator" }, staffMemberId: $staff, summary: "Talked about the visit" }) { id twinning { partnerName } } }`,
      { id: ids.zoersel, staff: ids.staff },
    );
    expect(contact.logContact.twinning.partnerName).toBe('Bohicon');
  });

  it('lets coordinators see their own twinnings only', async () => {
    const mine = await ok(coordinator('11055'), `{ twinnings { nisCode partnerName } }`);
    expect(mine.twinnings).toEqual([{ nisCode: '11055', partnerName: 'Bohicon' }]);
    expect((await failure(coordinator('11055'), `{ twinnings(filter: { nisCode: "44021" }) { id } }`)).code).toBe(
      'FORBIDDEN',
    );
    const all = await ok(analyst, `{ twinnings(filter: { regionCode: "BJ-ZO" }) { nisCode } }`);
    expect(all.twinnings).toHaveLength(2);
  });

  it('runs a mission from acceptance to completion', async () => {
    const submit = `mutation ($input: SubmitAccompanimentRequestInput!) { submitAccompanimentRequest(input: $input) { id } }`;
    const r = await ok(coordinator('11055'), submit, {
      input: {
        twinningId: ids.zoersel,
        missionType: 'IDENTIFICATION',
        startDate: '2026-07-01',
        endDate: '2026-07-07',
        reasons: [],
        policyDomains: ['CIVIL_REGISTRATION'],
        delegationSize: 4,
      },
    });
    ids.request = r.submitAccompanimentRequest.id;
    const gr = await ok(coordinator('44021'), submit, {
      input: {
        twinningId: ids.gent,
        missionType: 'TECHNICAL',
        startDate: '2026-07-03',
        endDate: '2026-07-10',
        reasons: ['CONTENT_PROBLEMS', 'RELATIONAL_PROBLEMS'],
        policyDomains: ['WASTE_MANAGEMENT'],
        delegationSize: 3,
      },
    });
    ids.gentRequest = gr.submitAccompanimentRequest.id;
    const decided = await ok(
      staff,
      `mutation ($id: ID!, $staff: ID!) { decideAccompaniment(input: { requestId: $id, decision: ACCEPT, staffMemberId: $staff }) { mission { id } } }`,
      { id: ids.request, staff: ids.staff },
    );
    ids.mission = decided.decideAccompaniment.mission.id;

    const planned = await ok(
      staff,
      `mutation ($m: ID!, $s: ID!) { planMissionActivity(input: { missionId: $m, activity: TERMS_OF_REFERENCE, plannedOn: "2026-06-15", staffMemberId: $s, note: "ToR" }) {
        id status activitiesPlanned activities { id activity phase plannedOn staffMember { id name } note done } } }`,
      { m: ids.mission, s: ids.staff },
    );
    expect(planned.planMissionActivity).toMatchObject({ status: 'SCHEDULED', activitiesPlanned: 1 });
    const [activity] = planned.planMissionActivity.activities;
    expect(activity).toMatchObject({
      activity: 'TERMS_OF_REFERENCE',
      phase: 'PREPARATION',
      staffMember: { id: ids.staff, name: 'An Peeters' },
      done: false,
    });
    const done = await ok(
      staff,
      `mutation ($m: ID!, $a: ID!) { recordMissionActivityDone(input: { missionId: $m, activityId: $a, doneOn: "2026-06-15", daysSpent: 1.5 }) { activitiesDone activities { done daysSpent doneOn } } }`,
      { m: ids.mission, a: activity.id },
    );
    expect(done.recordMissionActivityDone).toEqual({
      activitiesDone: 1,
      activities: [{ done: true, daysSpent: 1.5, doneOn: '2026-06-15' }],
    });

    clock = new Date('2026-07-20T10:00:00Z');
    const report = await ok(
      staff,
      `mutation ($m: ID!, $s: ID!) { fileMissionReport(input: { missionId: $m, filedOn: "2026-07-10", summary: "A good first visit", authorStaffMemberId: $s }) { reportFiledOn reportSummary reportAuthor { id name } } }`,
      { m: ids.mission, s: ids.staff },
    );
    expect(report.fileMissionReport).toEqual({
      reportFiledOn: '2026-07-10',
      reportSummary: 'A good first visit',
      reportAuthor: { id: ids.staff, name: 'An Peeters' },
    });
    const completed = await ok(
      staff,
      `mutation ($m: ID!) { completeMission(input: { missionId: $m, completedOn: "2026-07-20", daysSpent: 9, costEur: 1800 }) {
        status completedOn daysSpent costEur countryCode municipalities { nisCode name } staff { id name } requestIds } }`,
      { m: ids.mission },
    );
    expect(completed.completeMission).toEqual({
      status: 'COMPLETED',
      completedOn: '2026-07-20',
      daysSpent: 9,
      costEur: 1800,
      countryCode: 'BJ',
      municipalities: [{ nisCode: '11055', name: 'Zoersel' }],
      staff: [{ id: ids.staff, name: 'An Peeters' }],
      requestIds: [ids.request],
    });
  });

  it('shows missions to readers, and to the coordinators of their municipalities only', async () => {
    const list = await ok(
      analyst,
      `{ missions(filter: { nisCode: "11055" }) { edges { node { id activities { activity } } } } }`,
    );
    expect(list.missions.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids.mission]);
    const own = await ok(coordinator('11055'), `query ($id: ID!) { mission(id: $id) { id cancelledOn } }`, {
      id: ids.mission,
    });
    expect(own.mission).toEqual({ id: ids.mission, cancelledOn: null });
    expect(
      (await failure(coordinator('44021'), `query ($id: ID!) { mission(id: $id) { id } }`, { id: ids.mission })).code,
    ).toBe('FORBIDDEN');
    // The richer fields also resolve on the mission of a request.
    const viaRequest = await ok(
      coordinator('11055'),
      `query ($id: ID!) { accompanimentRequest(id: $id) { mission { id reportFiledOn municipalities { nisCode } } } }`,
      { id: ids.request },
    );
    expect(viaRequest.accompanimentRequest.mission).toEqual({
      id: ids.mission,
      reportFiledOn: '2026-07-10',
      municipalities: [{ nisCode: '11055' }],
    });
  });

  it('records, finds, promotes, edits and retracts lessons', async () => {
    const recorded = await ok(
      staff,
      `mutation ($m: ID!) { recordLesson(input: { missionId: $m, title: "Geboorteaktes digitaliseren", body: "De dienst burgerlijke stand werkt beter met een register.", level: PROCESS, policyDomains: ["CIVIL_REGISTRATION"], sdgs: [16] }) {
        id title phase language level author { id name } missionType regionCode countryCode municipalities { nisCode name } recordedOn goodPractice retracted rank mission { id } } }`,
      { m: ids.mission },
    );
    ids.lesson = recorded.recordLesson.id;
    expect(recorded.recordLesson).toMatchObject({
      phase: 'PROCESSING',
      language: 'nl',
      author: { id: ids.staff },
      missionType: 'IDENTIFICATION',
      regionCode: 'BJ-ZO',
      countryCode: 'BJ',
      municipalities: [{ nisCode: '11055', name: 'Zoersel' }],
      recordedOn: '2026-07-20',
      goodPractice: false,
      retracted: false,
      rank: null,
      mission: { id: ids.mission },
    });
    // Asked before each change and again after it: a search's answer kept across requests (keptSearch) must move with the catalogue.
    const goodPractices = `{ lessons(search: "geboorteakte", filter: { goodPracticeOnly: true, regionCode: "BJ-ZO" }) { edges { node { id rank } } pageInfo { hasNextPage } } }`;
    expect((await ok(analyst, goodPractices)).lessons.edges).toEqual([]);
    const promoted = await ok(
      staff,
      `mutation ($id: ID!) { promoteToGoodPractice(lessonId: $id) { goodPractice promotedOn } }`,
      { id: ids.lesson },
    );
    expect(promoted.promoteToGoodPractice).toEqual({ goodPractice: true, promotedOn: '2026-07-20' });

    const found = await ok(analyst, goodPractices);
    expect(found.lessons.edges).toHaveLength(1);
    expect(found.lessons.edges[0].node.rank).toBeGreaterThan(0);
    // Without a good-practice condition the total comes from the facets the same request reads (and equals them).
    const listed = await ok(
      analyst,
      `{ lessons(search: "geboorteakte", filter: { regionCodes: ["BJ-ZO", "SN-TH"] }) { totalCount edges { node { municipalities { nisCode name } } } }
         lessonFacets(search: "geboorteakte", filter: { regionCodes: ["BJ-ZO", "SN-TH"] }) { goodPractice { value count } } }`,
    );
    expect(listed.lessons).toEqual({
      totalCount: 1,
      edges: [{ node: { municipalities: [{ nisCode: '11055', name: 'Zoersel' }] } }],
    });
    expect(listed.lessonFacets.goodPractice).toEqual([{ value: 'true', count: 1 }]);
    const nothing = await ok(
      analyst,
      `{ lessons(search: "geboorteakte", filter: { countryCode: "NI" }) { totalCount } }`,
    );
    expect(nothing.lessons.totalCount).toBe(0);
    // The page's total, the matches marked on the edge, and facet counts for the same search.
    const searched = await ok(
      analyst,
      `{ lessons(search: "geboorteakte", filter: { goodPractice: true, regionCodes: ["BJ-ZO", "SN-TH"] }) { totalCount edges { highlight { title snippet } } }
         lessonFacets(search: "geboorteakte") { regions { value count } goodPractice { value count } policyDomains { value count } } }`,
    );
    expect(searched.lessons).toEqual({
      totalCount: 1,
      edges: [
        {
          highlight: {
            title: '\uE000Geboorteaktes\uE001 digitaliseren',
            snippet: 'De dienst burgerlijke stand werkt beter met een register.',
          },
        },
      ],
    });
    expect(searched.lessonFacets).toEqual({
      regions: [{ value: 'BJ-ZO', count: 1 }],
      goodPractice: [{ value: 'true', count: 1 }],
      policyDomains: [{ value: 'CIVIL_REGISTRATION', count: 1 }],
    });
    expect((await failure(coordinator('11055'), `{ lessons { edges { node { id } } } }`)).code).toBe('FORBIDDEN');

    const titles = async () =>
      (
        await ok<{ lessons: { edges: unknown[] } }>(
          analyst,
          `{ lessons(search: "geboorteakte") { edges { node { title } } } }`,
        )
      ).lessons.edges;
    expect(await titles()).toEqual([{ node: { title: 'Geboorteaktes digitaliseren' } }]);
    const edited = await ok(
      staff,
      `mutation ($id: ID!) { editLesson(input: { lessonId: $id, title: "Geboorteaktes registreren" }) { title editedCount } }`,
      { id: ids.lesson },
    );
    expect(edited.editLesson).toEqual({ title: 'Geboorteaktes registreren', editedCount: 1 });
    expect(await titles()).toEqual([{ node: { title: 'Geboorteaktes registreren' } }]);
    const ofMission = await ok(analyst, `query ($id: ID!) { mission(id: $id) { lessons { id } } }`, {
      id: ids.mission,
    });
    expect(ofMission.mission.lessons).toEqual([{ id: ids.lesson }]);

    expect((await ok(analyst, `{ lessons { edges { node { id } } } }`)).lessons.edges).toEqual([
      { node: { id: ids.lesson } },
    ]);
    const retracted = await ok(
      staff,
      `mutation ($id: ID!) { retractLesson(input: { lessonId: $id, reason: "Duplicate" }) { retracted retractionReason goodPractice } }`,
      { id: ids.lesson },
    );
    expect(retracted.retractLesson).toEqual({ retracted: true, retractionReason: 'Duplicate', goodPractice: false });
    const after = await ok(analyst, `{ lessons { edges { node { id } } } }`);
    expect(after.lessons.edges).toEqual([]);
  });

  it('derives the accompaniment history and coverage', async () => {
    const history = await ok(
      coordinator('11055'),
      `{ accompanimentHistory(nisCode: "11055") { nisCode name lastAccompaniedOn monthsSinceLastAccompaniment visits { id kind status missionStatus accompanied staff { name } } declineReasons { reason count } } }`,
    );
    expect(history.accompanimentHistory).toEqual({
      nisCode: '11055',
      name: 'Zoersel',
      lastAccompaniedOn: '2026-07-07',
      monthsSinceLastAccompaniment: 0,
      visits: [
        {
          id: ids.request,
          kind: 'REQUEST',
          status: 'ACCEPTED',
          missionStatus: 'COMPLETED',
          accompanied: true,
          staff: [{ name: 'An Peeters' }],
        },
      ],
      declineReasons: [],
    });
    expect((await failure(coordinator('44021'), `{ accompanimentHistory(nisCode: "11055") { nisCode } }`)).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure(analyst, `{ accompanimentHistory(nisCode: "71002") { nisCode } }`)).code).toBe('NOT_FOUND');
    const coverage = await ok(management, `{ coverage { nisCode lastAccompaniedOn monthsSinceLastAccompaniment } }`);
    expect(coverage.coverage).toEqual([
      { nisCode: '44021', lastAccompaniedOn: null, monthsSinceLastAccompaniment: null },
      { nisCode: '11055', lastAccompaniedOn: '2026-07-07', monthsSinceLastAccompaniment: 0 },
    ]);
    expect((await failure(coordinator('11055'), `{ coverage { nisCode } }`)).code).toBe('FORBIDDEN');
    // What the dashboard reads: the head of the list and the counts by months, for a country's twinned municipalities.
    const head = await ok(
      management,
      `{ benin: coverage(countryCode: "BJ", first: 1) { nisCode } southAfrica: coverage(countryCode: "ZA") { nisCode }
         coverageByMonths { monthsSinceLastAccompaniment municipalities } none: coverageByMonths(countryCode: "ZA") { municipalities } }`,
    );
    expect(head).toEqual({
      benin: [{ nisCode: '44021' }],
      southAfrica: [],
      coverageByMonths: [
        { monthsSinceLastAccompaniment: 0, municipalities: 1 },
        { monthsSinceLastAccompaniment: null, municipalities: 1 },
      ],
      none: [],
    });
    expect((await failure(management, `{ coverage(countryCode: "Benin") { nisCode } }`)).code).toBe('BAD_USER_INPUT');
    expect((await failure(management, `{ coverage(first: -1) { nisCode } }`)).code).toBe('BAD_USER_INPUT');
    expect((await failure(coordinator('11055'), `{ coverageByMonths { municipalities } }`)).code).toBe('FORBIDDEN');
  });

  it('clusters the visits to a southern region', async () => {
    const clusters = await ok(
      management,
      `{ regionalClusters(from: "2026-06-01", to: "2026-08-31") { regionCode countryCode municipalities { nisCode name partnerName visiting } visits { kind id } overlappingGroups { nisCodes visits { id } } } }`,
    );
    expect(clusters.regionalClusters).toHaveLength(1);
    const [zou] = clusters.regionalClusters;
    expect(zou).toMatchObject({ regionCode: 'BJ-ZO', countryCode: 'BJ' });
    expect(zou.municipalities).toEqual([
      { nisCode: '44021', name: 'Gent', partnerName: 'Abomey', visiting: true },
      { nisCode: '11055', name: 'Zoersel', partnerName: 'Bohicon', visiting: true },
    ]);
    expect(zou.overlappingGroups).toEqual([{ nisCodes: ['11055', '44021'], visits: expect.any(Array) }]);
    const apart = await ok(
      management,
      `{ regionalClusters(from: "2026-06-01", to: "2026-08-31", windowDays: 0) { overlappingGroups { nisCodes } } }`,
    );
    expect(apart.regionalClusters[0].overlappingGroups).toHaveLength(1);
    expect(
      (await failure(management, `{ regionalClusters(from: "2026-08-31", to: "2026-06-01") { regionCode } }`)).code,
    ).toBe('BAD_USER_INPUT');
  });

  it('cancels a mission and shows capacity, budget and the dashboard', async () => {
    clock = new Date('2026-06-20T10:00:00Z');
    const decided = await ok(
      staff,
      `mutation ($id: ID!, $staff: ID!) { decideAccompaniment(input: { requestId: $id, decision: ACCEPT, staffMemberId: $staff }) { mission { id } } }`,
      { id: ids.gentRequest, staff: ids.staff },
    );
    const cancelled = await ok(
      staff,
      `mutation ($m: ID!) { cancelMission(input: { missionId: $m, reason: "The partner postponed" }) { status cancelledOn cancellationReason } }`,
      { m: decided.decideAccompaniment.mission.id },
    );
    expect(cancelled.cancelMission).toEqual({
      status: 'CANCELLED',
      cancelledOn: '2026-06-20',
      cancellationReason: 'The partner postponed',
    });

    const capacity = await ok(
      analyst,
      `{ staffCapacity(year: 2026) { staffMemberId name declaredDays bookedDays usedDays freeDays } }`,
    );
    expect(capacity.staffCapacity).toEqual([
      { staffMemberId: ids.staff, name: 'An Peeters', declaredDays: 40, bookedDays: 9, usedDays: 9, freeDays: 31 },
    ]);
    const member = await ok(
      analyst,
      `query ($id: ID!) { staffMember(id: $id) { name capacity(year: 2027) { declaredDays } } }`,
      {
        id: ids.staff,
      },
    );
    expect(member.staffMember).toEqual({ name: 'An Peeters', capacity: { declaredDays: 30.5 } });

    const budgets = await ok(
      management,
      `{ budgets(fromYear: 2026, toYear: 2027) { year allocatedEur reservedEur spentEur unreservedEur } }`,
    );
    expect(budgets.budgets).toEqual([
      { year: 2026, allocatedEur: 20000, reservedEur: 0, spentEur: 1800, unreservedEur: 18200 },
      { year: 2027, allocatedEur: 0, reservedEur: 0, spentEur: 0, unreservedEur: 0 },
    ]);

    const dashboard = await ok(
      management,
      `{ dashboard(fromQuarter: "2026-Q1", toQuarter: "2026-Q4") { rows { quarter missionType submitted } byQuarter { quarter submitted accepted } totals { submitted accepted declined declinedByReason { reason count } } } }`,
    );
    expect(dashboard.dashboard.byQuarter.map((q: { submitted: number }) => q.submitted)).toEqual([0, 2, 0, 0]);
    expect(dashboard.dashboard.rows).toHaveLength(16);
    expect(dashboard.dashboard.totals).toMatchObject({ submitted: 2, accepted: 2, declined: 0 });
    expect(dashboard.dashboard.totals.declinedByReason).toEqual([
      { reason: 'NOT_OPPORTUNE', count: 0 },
      { reason: 'NO_STAFF_TIME', count: 0 },
      { reason: 'NO_BUDGET', count: 0 },
    ]);
    const technical = await ok(
      management,
      `{ dashboard(fromQuarter: "2026-Q2", toQuarter: "2026-Q2", missionType: TECHNICAL) { totals { submitted } } }`,
    );
    expect(technical.dashboard.totals.submitted).toBe(1);
    const bad = await failure(
      management,
      `{ dashboard(fromQuarter: "2026-5", toQuarter: "2026-Q4") { totals { submitted } } }`,
    );
    expect(bad).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('YYYY-Qn') });
  });

  it('ends a twinning', async () => {
    const ended = await ok(
      staff,
      `mutation ($id: ID!) { endTwinning(input: { twinningId: $id, endedOn: "2026-06-20", reason: "Funding ended" }) { endedOn active } }`,
      { id: ids.gent },
    );
    expect(ended.endTwinning).toEqual({ endedOn: '2026-06-20', active: false });
  });

  it('shows the audit trail of each aggregate', async () => {
    const trail = (type: string, id: string) =>
      ok(
        analyst,
        `query ($id: ID!) { ${type}(id: $id) { auditTrail(first: 2) { edges { node { type revision actor { id role } occurredAt data } } pageInfo { hasNextPage endCursor } } } }`,
        { id },
      );
    const request = await trail('accompanimentRequest', ids.request);
    expect(request.accompanimentRequest.auditTrail.edges[0].node).toMatchObject({
      type: 'AccompanimentRequestSubmitted',
      revision: 0,
      actor: { id: 'demo-coordinator-11055', role: 'COORDINATOR' },
    });
    expect(JSON.parse(request.accompanimentRequest.auditTrail.edges[0].node.data)).toMatchObject({
      requestId: ids.request,
    });
    expect(request.accompanimentRequest.auditTrail.pageInfo.hasNextPage).toBe(true);
    expect((await trail('mission', ids.mission)).mission.auditTrail.edges[0].node.type).toBe('MissionScheduled');
    expect((await trail('lesson', ids.lesson)).lesson.auditTrail.edges[0].node.type).toBe('LessonRecorded');
    expect((await trail('twinning', ids.zoersel)).twinning.auditTrail.edges[0].node.type).toBe('TwinningEstablished');
    expect((await trail('staffMember', ids.staff)).staffMember.auditTrail.edges[0].node.type).toBe(
      'StaffMemberRegistered',
    );
    const own = await ok(
      coordinator('11055'),
      `query ($id: ID!) { accompanimentRequest(id: $id) { auditTrail { edges { node { type } } } } }`,
      {
        id: ids.request,
      },
    );
    expect(own.accompanimentRequest.auditTrail.edges.length).toBeGreaterThan(1);
  });

  it('lists the policy domains to anyone signed in', async () => {
    const { policyDomains } = await ok(
      coordinator('11055'),
      `{ policyDomains { code label { nl en } dacPurposeCodes sdgs } }`,
    );
    expect(policyDomains).toContainEqual({
      code: 'WASTE_MANAGEMENT',
      label: { nl: 'Afvalbeheer', en: 'Waste management' },
      dacPurposeCodes: ['14050'],
      sdgs: [11, 12],
    });
  });

  it('keeps coverage between requests, renewed at once after a visit changes it (read your writes)', async () => {
    clock = new Date('2026-07-25T10:00:00Z');
    type Covered = { nisCode: string; lastAccompaniedOn: string | null; monthsSinceLastAccompaniment: number | null };
    const zoersel = async () => {
      const { coverage } = await ok<{ coverage: Covered[] }>(
        management,
        `{ coverage { nisCode lastAccompaniedOn monthsSinceLastAccompaniment } }`,
      );
      return coverage.find((c) => c.nisCode === '11055');
    };
    const before = { nisCode: '11055', lastAccompaniedOn: '2026-07-07', monthsSinceLastAccompaniment: 0 };
    expect(await zoersel()).toEqual(before);
    const submitted = await ok(
      coordinator('11055'),
      `mutation ($input: SubmitAccompanimentRequestInput!) { submitAccompanimentRequest(input: $input) { id } }`,
      {
        input: {
          twinningId: ids.zoersel,
          missionType: 'TECHNICAL',
          startDate: '2026-08-10',
          endDate: '2026-08-15',
          reasons: [],
          policyDomains: ['CIVIL_REGISTRATION'],
          delegationSize: 2,
        },
      },
    );
    expect(await zoersel()).toEqual(before);
    const decided = await ok(
      staff,
      `mutation ($id: ID!, $staff: ID!) { decideAccompaniment(input: { requestId: $id, decision: ACCEPT, staffMemberId: $staff }) { mission { id } } }`,
      { id: submitted.submitAccompanimentRequest.id, staff: ids.staff },
    );
    // The mission is still to start: Zoersel was last accompanied in July, as before.
    expect(await zoersel()).toEqual(before);
    clock = new Date('2026-08-12T10:00:00Z');
    expect(await zoersel()).toEqual({
      nisCode: '11055',
      lastAccompaniedOn: '2026-08-12',
      monthsSinceLastAccompaniment: 0,
    });
    await ok(staff, `mutation ($m: ID!) { cancelMission(input: { missionId: $m, reason: "Postponed" }) { status } }`, {
      m: decided.decideAccompaniment.mission.id,
    });
    expect(await zoersel()).toEqual({
      nisCode: '11055',
      lastAccompaniedOn: '2026-07-07',
      monthsSinceLastAccompaniment: 1,
    });
    const counts = await ok(management, `{ coverageByMonths { monthsSinceLastAccompaniment municipalities } }`);
    expect(counts.coverageByMonths).toEqual([
      { monthsSinceLastAccompaniment: 1, municipalities: 1 },
      { monthsSinceLastAccompaniment: null, municipalities: 1 },
    ]);
  });
});
