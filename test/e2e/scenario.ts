import { randomUUID } from 'node:crypto';
import type { ReadModelConfig } from '@werkbezoek/projections';
import { expect } from 'vitest';
import { livePlatform, tokens, type GraphQLResponse, type LivePlatform } from './harness.js';

/*
 * Builders shared by the end-to-end suites: the GraphQL documents of every
 * mutation, and a `World` that speaks them over HTTP to a live platform with
 * a small programme already registered (two municipalities, their twinnings,
 * a staff member and a budget).
 */

export type Token = string | undefined;
export type Variables = Record<string, unknown>;

const REQUEST = `id status missionType startDate endDate submittedOn delegationSize policyDomains reasons notes
  municipality { nisCode name } twinning { id partnerName countryCode regionCode }
  decidedOn declineReason decisionNote withdrawalReason staffMemberName
  assessment { recommendation declineReason opportune requiredReasons satisfiedReasons derivedReasons
    staffTimeAvailable budgetAvailable daysNeeded estimatedCostEur explanation explanationEn policyVersion assessedOn }
  mission { id status startDate endDate completedOn daysSpent costEur staffNames }`;

const MISSION = `id status missionType startDate endDate countryCode regionCode requestIds twinningIds bookedDays
  reservedBudgetEur daysSpent costEur completedOn cancelledOn cancellationReason reportSummary reportFiledOn
  staff { id name } municipalities { nisCode name } activitiesPlanned activitiesDone
  activities { id activity phase plannedOn done doneOn daysSpent note staffMember { id name } }`;

const LESSON = `id title body language level phase policyDomains sdgs dacCriteria goodPractice promotedOn retracted
  retractionReason editedCount recordedOn missionId missionType regionCode countryCode author { id name }
  municipalities { nisCode name }`;

const JOINT_MISSION = `id status countryCode regionCodes missionType startDate endDate requestIds rationale
  estimatedCostEur proposedOn proposedByRole amendedCount decidedOn budgetEur rejectionReason note
  staffMembers { id name } municipalities { nisCode name } mission { id status requestIds staff { id } bookedDays reservedBudgetEur }
  requests { id status } history { type on actorRole }`;

const REGIONAL_EVENT = `id status kind title themes countryCode regionCodes startDate endDate estimatedCostEur proposedOn
  amendedCount decidedOn budgetEur rejectionReason staffMembers { id name } municipalities { nisCode name }
  history { type on actorRole }`;

const ERASURE = `id subjectId subjectKind reason caseReference status requestedOn requestedByRole requestedByViewer
  decidedOn decidedByRole erasedPosition readModelsPurgedAt`;

/** Every mutation of schema/schema.graphql, by name. */
export const mutations = {
  registerMunicipality: `mutation($input: RegisterMunicipalityInput!) {
    registerMunicipality(input: $input) { nisCode name province } }`,
  establishTwinning: `mutation($input: EstablishTwinningInput!) {
    establishTwinning(input: $input) { id nisCode partnerName countryCode regionCode since active } }`,
  recordActorChange: `mutation($input: RecordActorChangeInput!) { recordActorChange(input: $input) { id active } }`,
  endTwinning: `mutation($input: EndTwinningInput!) { endTwinning(input: $input) { id active endedOn } }`,
  adviseAccompaniment: `mutation($input: AdviseAccompanimentInput!) {
    adviseAccompaniment(input: $input) { id twinning { id } } }`,
  logContact: `mutation($input: LogContactInput!) { logContact(input: $input) { id twinning { id } } }`,
  registerStaffMember: `mutation($input: RegisterStaffMemberInput!) {
    registerStaffMember(input: $input) { id name declarations { fromYear days } } }`,
  declareStaffCapacity: `mutation($input: DeclareStaffCapacityInput!) {
    declareStaffCapacity(input: $input) { id name declarations { fromYear days } } }`,
  allocateBudget: `mutation($input: AllocateBudgetInput!) {
    allocateBudget(input: $input) { year allocatedEur reservedEur spentEur unreservedEur } }`,
  submitAccompanimentRequest: `mutation($input: SubmitAccompanimentRequestInput!) {
    submitAccompanimentRequest(input: $input) { ${REQUEST} } }`,
  amendAccompanimentRequest: `mutation($input: AmendAccompanimentRequestInput!) {
    amendAccompanimentRequest(input: $input) { ${REQUEST} } }`,
  withdrawAccompanimentRequest: `mutation($input: WithdrawAccompanimentRequestInput!) {
    withdrawAccompanimentRequest(input: $input) { ${REQUEST} } }`,
  assessAccompanimentRequest: `mutation($requestId: ID!) {
    assessAccompanimentRequest(requestId: $requestId) { ${REQUEST} } }`,
  decideAccompaniment: `mutation($input: DecideAccompanimentInput!) {
    decideAccompaniment(input: $input) { ${REQUEST} } }`,
  planMissionActivity: `mutation($input: PlanMissionActivityInput!) { planMissionActivity(input: $input) { ${MISSION} } }`,
  recordMissionActivityDone: `mutation($input: RecordMissionActivityDoneInput!) {
    recordMissionActivityDone(input: $input) { ${MISSION} } }`,
  fileMissionReport: `mutation($input: FileMissionReportInput!) { fileMissionReport(input: $input) { ${MISSION} } }`,
  completeMission: `mutation($input: CompleteMissionInput!) { completeMission(input: $input) { ${MISSION} } }`,
  cancelMission: `mutation($input: CancelMissionInput!) { cancelMission(input: $input) { ${MISSION} } }`,
  recordLesson: `mutation($input: RecordLessonInput!) { recordLesson(input: $input) { ${LESSON} } }`,
  editLesson: `mutation($input: EditLessonInput!) { editLesson(input: $input) { ${LESSON} } }`,
  promoteToGoodPractice: `mutation($lessonId: ID!, $rationale: String) {
    promoteToGoodPractice(lessonId: $lessonId, rationale: $rationale) { ${LESSON} } }`,
  retractLesson: `mutation($input: RetractLessonInput!) { retractLesson(input: $input) { ${LESSON} } }`,
  proposeJointMission: `mutation($input: ProposeJointMissionInput!) {
    proposeJointMission(input: $input) { ${JOINT_MISSION} } }`,
  amendJointMission: `mutation($input: AmendJointMissionInput!) { amendJointMission(input: $input) { ${JOINT_MISSION} } }`,
  approveJointMission: `mutation($input: ApproveJointMissionInput!) {
    approveJointMission(input: $input) { ${JOINT_MISSION} } }`,
  rejectJointMission: `mutation($input: RejectJointMissionInput!) {
    rejectJointMission(input: $input) { ${JOINT_MISSION} } }`,
  proposeRegionalEvent: `mutation($input: ProposeRegionalEventInput!) {
    proposeRegionalEvent(input: $input) { ${REGIONAL_EVENT} } }`,
  amendRegionalEvent: `mutation($input: AmendRegionalEventInput!) {
    amendRegionalEvent(input: $input) { ${REGIONAL_EVENT} } }`,
  approveRegionalEvent: `mutation($input: ApproveRegionalEventInput!) {
    approveRegionalEvent(input: $input) { ${REGIONAL_EVENT} } }`,
  rejectRegionalEvent: `mutation($input: RejectRegionalEventInput!) {
    rejectRegionalEvent(input: $input) { ${REGIONAL_EVENT} } }`,
  eraseDataSubject: `mutation($subjectId: ID!, $reason: ErasureReason!, $caseReference: String) {
    eraseDataSubject(subjectId: $subjectId, reason: $reason, caseReference: $caseReference) { ${ERASURE} } }`,
  confirmDataSubjectErasure: `mutation($erasureId: ID!) { confirmDataSubjectErasure(erasureId: $erasureId) { ${ERASURE} } }`,
  cancelDataSubjectErasure: `mutation($erasureId: ID!) { cancelDataSubjectErasure(erasureId: $erasureId) { ${ERASURE} } }`,
} as const;

export type MutationName = keyof typeof mutations;

export const queries = {
  jointMission: `query($id: ID!) { jointMission(id: $id) { ${JOINT_MISSION} } }`,
  request: `query($id: ID!) { accompanimentRequest(id: $id) { ${REQUEST} } }`,
  requests: `query($first: Int, $after: String, $filter: RequestFilter) {
    accompanimentRequests(first: $first, after: $after, filter: $filter) {
      edges { cursor node { id status submittedOn municipality { nisCode } } }
      pageInfo { hasNextPage endCursor } } }`,
  mission: `query($id: ID!) { mission(id: $id) { ${MISSION} } }`,
  lessons: `query($search: String, $filter: LessonFilter, $first: Int) {
    lessons(search: $search, filter: $filter, first: $first) {
      edges { node { ${LESSON} rank } } pageInfo { hasNextPage } } }`,
  auditTrail: `query($id: ID!, $first: Int, $after: String) { accompanimentRequest(id: $id) {
    auditTrail(first: $first, after: $after) {
      edges { cursor node { position revision type occurredAt recordedAt data causationId correlationId
        actor { id role nisCode } } }
      pageInfo { hasNextPage endCursor } } } }`,
};

/** The views the documents above ask for, as far as the suites read them. */
export interface RequestView {
  id: string;
  status: string;
  missionType: string;
  startDate: string;
  endDate: string;
  submittedOn: string;
  reasons: string[];
  policyDomains: string[];
  municipality: { nisCode: string; name: string | null };
  twinning: { id: string; partnerName: string | null; countryCode: string | null; regionCode: string | null };
  decidedOn: string | null;
  declineReason: string | null;
  decisionNote: string | null;
  withdrawalReason: string | null;
  staffMemberName: string | null;
  assessment: {
    recommendation: string;
    declineReason: string | null;
    opportune: boolean;
    requiredReasons: number;
    satisfiedReasons: string[];
    derivedReasons: string[];
    staffTimeAvailable: boolean;
    budgetAvailable: boolean;
    daysNeeded: number;
    /** null for coordinators. */
    estimatedCostEur: number | null;
    explanation: string[];
    explanationEn: string[];
    policyVersion: string;
    assessedOn: string;
  } | null;
  mission: { id: string; status: string; completedOn: string | null; staffNames: string[] } | null;
}

export interface MissionView {
  id: string;
  status: string;
  startDate: string;
  endDate: string;
  completedOn: string | null;
  daysSpent: number | null;
  costEur: number | null;
  reportSummary: string | null;
  activitiesPlanned: number;
  activitiesDone: number;
  staff: { id: string; name: string | null }[];
  activities: { id: string; activity: string; phase: string; done: boolean; doneOn: string | null }[];
}

export interface LessonView {
  id: string;
  title: string;
  goodPractice: boolean;
  promotedOn: string | null;
  retracted: boolean;
  missionId: string;
  missionType: string | null;
  regionCode: string | null;
  policyDomains: string[];
  rank?: number | null;
  author: { id: string; name: string | null };
  municipalities: { nisCode: string; name: string | null }[];
}

export interface JointMissionView {
  id: string;
  status: string;
  countryCode: string;
  regionCodes: string[];
  startDate: string;
  endDate: string;
  requestIds: string[];
  rationale: string;
  rejectionReason: string | null;
  mission: { id: string; requestIds: string[] } | null;
}

export interface RegionalEventView {
  id: string;
  status: string;
  kind: string;
  countryCode: string;
  regionCodes: string[];
  startDate: string;
  endDate: string;
  municipalities: { nisCode: string; name: string | null }[];
  rejectionReason: string | null;
}

/** The demo programme every world starts with. */
export const ZOERSEL = { nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' } as const;
export const MERELBEKE = { nisCode: '44043', name: 'Merelbeke', province: 'OOST_VLAANDEREN' } as const;
export const BOHICON = { partnerName: 'Bohicon', countryCode: 'BJ', regionCode: 'BJ-ZO' } as const;
/** Merelbeke's partner lies in another region, so its visits never combine with Zoersel's. */
export const OUIDAH = { partnerName: 'Ouidah', countryCode: 'BJ', regionCode: 'BJ-AQ' } as const;

/** The date the platform's clock starts on (see the harness). */
export const FIRST_DAY = '2026-01-05';
/** A visit in the future as seen from FIRST_DAY. */
export const VISIT = { startDate: '2026-03-02', endDate: '2026-03-06' } as const;
/** A day after VISIT ended, when its mission can be completed. */
export const AFTER_VISIT = '2026-03-10';

export const unknownId = (): string => randomUUID();

/** A valid regional-event proposal in Benin, inviting Zoersel and Merelbeke, on VISIT's days unless overridden. */
export function regionalEventInput(overrides: Variables = {}): Variables {
  return {
    kind: 'WORKSHOP',
    title: 'Workshop burgerlijke stand in Zou en Atlantique',
    countryCode: 'BJ',
    regionCodes: [BOHICON.regionCode, OUIDAH.regionCode],
    ...VISIT,
    themes: ['CIVIL_REGISTRATION'],
    invitedNisCodes: [ZOERSEL.nisCode, MERELBEKE.nisCode],
    ...overrides,
  };
}

/** The first error of a response, or a failure that shows the whole response. */
export function firstError(response: GraphQLResponse): NonNullable<GraphQLResponse['errors']>[number] {
  const error = response.errors?.[0];
  if (!error) throw new Error(`Expected an error, got ${JSON.stringify(response)}`);
  return error;
}

/** Asserts a refusal: its code, that the message names the problem, and the fields where given. */
export function expectRefused(
  response: GraphQLResponse,
  code: string,
  message?: RegExp,
  fields?: readonly string[],
): void {
  const error = firstError(response);
  expect(error.extensions?.code, JSON.stringify(error)).toBe(code);
  if (message) expect(error.message).toMatch(message);
  if (fields) expect(error.extensions?.fields).toEqual(expect.arrayContaining([...fields]));
  // Nothing comes back: no data at all, or null for the (nullable) field that was refused.
  expect(Object.values(response.data ?? {}).filter((v) => v !== null)).toEqual([]);
}

export interface WorldOptions {
  /** The read side's database (default: SQLite in the data directory). */
  readonly readModels?: (dataDir: string) => ReadModelConfig;
  /** More of the platform's settings: its logs, an existing data directory. */
  readonly platform?: Omit<Parameters<typeof livePlatform>[0] & object, 'readModels'>;
  /** Days per year of the staff member (default 60). */
  readonly staffDays?: number;
  /** The programme budget of 2026 (default €20,000). */
  readonly budgetEur?: number;
}

/** A live platform with the demo programme registered, and builders that speak GraphQL to it. */
export class World {
  zoerselTwinningId = '';
  merelbekeTwinningId = '';
  staffMemberId = '';
  private clock = FIRST_DAY;

  private constructor(readonly live: LivePlatform) {}

  /** Starts a platform (with only the registry done when `programme` is false). */
  static async start(options: WorldOptions = {}, programme = true): Promise<World> {
    const world = new World(
      await livePlatform({ ...options.platform, ...(options.readModels ? { readModels: options.readModels } : {}) }),
    );
    if (programme) await world.registerProgramme(options);
    return world;
  }

  get today(): string {
    return this.clock;
  }

  setToday(date: string): void {
    this.clock = date;
    this.live.setToday(date);
  }

  close(): Promise<void> {
    return this.live.close();
  }

  /** The event log's head: unchanged when a refused command wrote nothing. */
  head(): Promise<bigint> {
    return this.live.platform.store.headPosition();
  }

  /** Sends a document and returns the raw response. */
  send<T = Record<string, unknown>>(
    token: Token,
    document: string,
    variables?: Variables,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>> {
    return this.live.gql<T>(token, document, variables, headers);
  }

  /** Sends a document and returns its data, failing with the errors when there are any. */
  async run<T = Record<string, unknown>>(
    token: Token,
    document: string,
    variables?: Variables,
    headers?: Record<string, string>,
  ): Promise<T> {
    const response = await this.send<T>(token, document, variables, headers);
    if (response.errors?.length || !response.data) {
      throw new Error(`${document.trim().split('\n')[0]} failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  /** Runs a mutation by name and returns its one field. */
  async mutate<T>(token: Token, name: MutationName, variables: Variables): Promise<T> {
    const data = await this.run<Record<string, T>>(token, mutations[name], variables);
    return data[name]!;
  }

  /** Runs `act` and asserts that the event log did not grow. */
  async nothingStored<T>(act: () => Promise<T>): Promise<T> {
    const before = await this.head();
    const result = await act();
    expect(await this.head()).toBe(before);
    return result;
  }

  // The programme

  async registerProgramme(options: WorldOptions = {}): Promise<void> {
    await this.mutate(tokens.staff, 'registerMunicipality', { input: ZOERSEL });
    await this.mutate(tokens.staff, 'registerMunicipality', { input: MERELBEKE });
    this.zoerselTwinningId = await this.establishTwinning(ZOERSEL.nisCode, BOHICON);
    this.merelbekeTwinningId = await this.establishTwinning(MERELBEKE.nisCode, OUIDAH);
    this.staffMemberId = await this.registerStaffMember('An Peeters', options.staffDays ?? 60);
    await this.allocateBudget(2026, options.budgetEur ?? 20_000);
  }

  async establishTwinning(
    nisCode: string,
    partner: { partnerName: string; countryCode: string; regionCode: string },
  ): Promise<string> {
    const twinning = await this.mutate<{ id: string }>(tokens.staff, 'establishTwinning', {
      input: { nisCode, ...partner, since: '2015-01-01', policyDomains: ['CIVIL_REGISTRATION'] },
    });
    return twinning.id;
  }

  async registerStaffMember(name: string, daysPerYear: number): Promise<string> {
    const staff = await this.mutate<{ id: string }>(tokens.staff, 'registerStaffMember', {
      input: { name, daysPerYear },
    });
    return staff.id;
  }

  /** A newly registered staff member whose erasure management has asked for (and no one confirmed). */
  async erasureRequested(name = 'Dirk Vermeulen'): Promise<{ subjectId: string; erasureId: string }> {
    const subjectId = await this.registerStaffMember(name, 10);
    const erasure = await this.mutate<{ id: string }>(tokens.management, 'eraseDataSubject', {
      subjectId,
      reason: 'DATA_SUBJECT_REQUEST',
    });
    return { subjectId, erasureId: erasure.id };
  }

  allocateBudget(year: number, amountEur: number): Promise<unknown> {
    return this.mutate(tokens.management, 'allocateBudget', { input: { year, amountEur } });
  }

  // Requests

  /** A valid request of Zoersel for VISIT; `overrides` change any field. */
  requestInput(overrides: Variables = {}): Variables {
    return {
      twinningId: this.zoerselTwinningId,
      missionType: 'EVALUATION',
      ...VISIT,
      reasons: ['CONTENT_PROBLEMS'],
      policyDomains: ['CIVIL_REGISTRATION'],
      delegationSize: 4,
      notes: 'Evaluatie van de digitalisering van de burgerlijke stand',
      ...overrides,
    };
  }

  submit(overrides: Variables = {}, token: Token = tokens.zoersel): Promise<RequestView> {
    return this.mutate<RequestView>(token, 'submitAccompanimentRequest', { input: this.requestInput(overrides) });
  }

  accept(requestId: string, staffMemberId = this.staffMemberId): Promise<RequestView> {
    return this.mutate<RequestView>(tokens.staff, 'decideAccompaniment', {
      input: { requestId, decision: 'ACCEPT', staffMemberId },
    });
  }

  /**
   * A scheduled mission for VISIT: submitted and accepted on FIRST_DAY. With
   * `ended`, the clock is left after the visit, when it can be completed.
   */
  async mission(options: { ended?: boolean } = {}): Promise<{ requestId: string; missionId: string }> {
    this.setToday(FIRST_DAY);
    const request = await this.submit();
    const accepted = await this.accept(request.id);
    if (options.ended) this.setToday(AFTER_VISIT);
    return { requestId: request.id, missionId: accepted.mission!.id };
  }

  planActivity(
    missionId: string,
    activity: string,
    plannedOn: string,
    staffMemberId = this.staffMemberId,
  ): Promise<MissionView> {
    return this.mutate<MissionView>(tokens.staff, 'planMissionActivity', {
      input: { missionId, activity, plannedOn, staffMemberId },
    });
  }

  /** A lesson of a mission that has ended; the clock is left after the visit. */
  async lesson(overrides: Variables = {}): Promise<LessonView> {
    const { missionId } = await this.mission({ ended: true });
    return this.mutate<LessonView>(tokens.staff, 'recordLesson', {
      input: {
        missionId,
        title: 'Een stedenbandcomité met beide pijlers',
        body: 'Het comité werkt beter wanneer bestuur en middenveld samen aan tafel zitten.',
        level: 'PROCESS',
        policyDomains: ['LOCAL_GOVERNANCE'],
        ...overrides,
      },
    });
  }

  // The planner

  /**
   * A valid joint-mission proposal for `visit`: a new undecided request of
   * Zoersel (BJ-ZO) and one of Merelbeke (BJ-AQ), both in Benin, the window
   * the visit itself. The clock must stand before the visit.
   */
  async jointMissionInput(visit: { startDate: string; endDate: string } = VISIT): Promise<Variables> {
    const zoersel = await this.submit(visit);
    const merelbeke = await this.submit({ ...visit, twinningId: this.merelbekeTwinningId }, tokens.merelbeke);
    return {
      requestIds: [zoersel.id, merelbeke.id],
      ...visit,
      rationale: 'Zoersel en Merelbeke bezoeken Benin in dezelfde week: één reis volstaat',
    };
  }

  /** A joint mission a planner proposed for `visit` (see `jointMissionInput`). */
  async jointMission(visit: { startDate: string; endDate: string } = VISIT): Promise<JointMissionView> {
    return this.mutate<JointMissionView>(tokens.planner, 'proposeJointMission', {
      input: await this.jointMissionInput(visit),
    });
  }

  /** A regional event a planner proposed (see `regionalEventInput`). */
  regionalEvent(overrides: Variables = {}): Promise<RegionalEventView> {
    return this.mutate<RegionalEventView>(tokens.planner, 'proposeRegionalEvent', {
      input: regionalEventInput(overrides),
    });
  }
}
