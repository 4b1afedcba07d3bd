import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokens } from './harness.js';
import {
  AFTER_VISIT,
  World,
  expectRefused,
  mutations,
  regionalEventInput,
  unknownId,
  type MutationName,
  type Token,
  type Variables,
} from './scenario.js';

/*
 * Every mutation, given input that cannot be right: the answer names the
 * problem (and the offending fields, where the platform knows them) and the
 * event log does not grow. The clock stands after the fixtures' visit.
 */

/** What the cases refer to, made once before them. */
interface Fixture {
  readonly twinningId: string;
  readonly staffMemberId: string;
  /** Undecided, for a visit before today. */
  readonly requestId: string;
  /** Accepted: its mission is `missionId`. */
  readonly acceptedRequestId: string;
  /** Scheduled, its visit over, with one planned preparation activity. */
  readonly missionId: string;
  readonly activityId: string;
  readonly lessonId: string;
  /** Undecided requests of Zoersel (BJ-ZO) and of Merelbeke (BJ-AQ) for FUTURE_VISIT. */
  readonly jointRequestIds: readonly [string, string];
  /** Another undecided request of Zoersel for FUTURE_VISIT. */
  readonly otherZoerselRequestId: string;
  /** Proposed for `jointRequestIds`, its window FUTURE_VISIT. */
  readonly jointMissionId: string;
  /** Rejected on AFTER_VISIT because "Niet dit jaar". */
  readonly rejectedJointMissionId: string;
  /** Proposed over FUTURE_VISIT, inviting both municipalities. */
  readonly regionalEventId: string;
  /** Rejected on AFTER_VISIT because "Niet dit jaar". */
  readonly rejectedRegionalEventId: string;
  /** A staff member erased (confirmed), by the erasure `erasureId`. */
  readonly erasedSubjectId: string;
  readonly erasureId: string;
  /** A staff member whose erasure awaits confirmation. */
  readonly pendingSubjectId: string;
  /** An erasure management cancelled. */
  readonly cancelledErasureId: string;
}

interface Case {
  readonly mutation: MutationName;
  readonly problem: string;
  readonly token?: Token;
  readonly variables: (f: Fixture) => Variables;
  readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';
  readonly message: RegExp;
  readonly fields?: readonly string[];
}

/** A visit still to come, as seen from AFTER_VISIT. */
const FUTURE_VISIT = { startDate: '2026-06-01', endDate: '2026-06-05' } as const;

/** A request for FUTURE_VISIT. */
const futureRequest = (f: Fixture, overrides: Variables = {}): Variables => ({
  input: {
    twinningId: f.twinningId,
    missionType: 'EVALUATION',
    ...FUTURE_VISIT,
    reasons: ['CONTENT_PROBLEMS'],
    policyDomains: ['CIVIL_REGISTRATION'],
    delegationSize: 4,
    ...overrides,
  },
});

const twinning = (overrides: Variables = {}): Variables => ({
  input: {
    nisCode: '11055',
    partnerName: 'Abomey',
    countryCode: 'BJ',
    regionCode: 'BJ-ZO',
    since: '2020-01-01',
    ...overrides,
  },
});

const lesson = (f: Fixture, overrides: Variables = {}): Variables => ({
  input: { missionId: f.missionId, title: 'Les', body: 'Inhoud', level: 'PROCESS', policyDomains: [], ...overrides },
});

const contact = (f: Fixture, overrides: Variables = {}): Variables => ({
  input: {
    twinningId: f.twinningId,
    contactedOn: '2026-03-01',
    channel: 'MEETING',
    person: { name: 'Jan Janssens' },
    staffMemberId: f.staffMemberId,
    summary: 'Gesprek over het bezoek',
    ...overrides,
  },
});

/** A joint mission of the fixture's two requests over FUTURE_VISIT. */
const jointMission = (f: Fixture, overrides: Variables = {}): Variables => ({
  input: { requestIds: f.jointRequestIds, ...FUTURE_VISIT, rationale: 'Eén reis voor beide bezoeken', ...overrides },
});

/** The fixture's proposed joint mission, amended. */
const jointAmendment = (f: Fixture, overrides: Variables = {}): Variables =>
  jointMission(f, { jointMissionId: f.jointMissionId, ...overrides });

/** A regional event over FUTURE_VISIT. */
const regionalEvent = (overrides: Variables = {}): Variables => ({
  input: regionalEventInput({ ...FUTURE_VISIT, ...overrides }),
});

const UNKNOWN_DOMAIN = /unknown policy domain "BASKET_WEAVING"; expected one of CIVIL_REGISTRATION/;
const NOT_A_DATE = /"2027-02-30" is not a calendar date/;
const EMPTY = /must not be empty/;

const cases: readonly Case[] = [
  // Municipalities and twinnings
  {
    mutation: 'registerMunicipality',
    problem: 'a NIS code of four digits',
    variables: () => ({ input: { nisCode: '1105', name: 'Zoersel', province: 'ANTWERPEN' } }),
    code: 'BAD_USER_INPUT',
    message: /a Belgian NIS code is five digits/,
    fields: ['nisCode'],
  },
  {
    mutation: 'registerMunicipality',
    problem: 'an empty name',
    variables: () => ({ input: { nisCode: '71016', name: '  ', province: 'LIMBURG' } }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['name'],
  },
  {
    mutation: 'registerMunicipality',
    problem: 'an unknown province',
    variables: () => ({ input: { nisCode: '71016', name: 'Genk', province: 'HENEGOUWEN' } }),
    code: 'BAD_USER_INPUT',
    message: /"HENEGOUWEN".*Province/,
  },
  {
    mutation: 'establishTwinning',
    problem: 'a municipality that is not registered',
    variables: () => twinning({ nisCode: '71016' }),
    code: 'NOT_FOUND',
    message: /Municipality 71016 is not registered; register it before establishing its twinning/,
  },
  {
    mutation: 'establishTwinning',
    problem: 'an unknown policy-domain code',
    variables: () => twinning({ policyDomains: ['BASKET_WEAVING'] }),
    code: 'BAD_USER_INPUT',
    message: UNKNOWN_DOMAIN,
    fields: ['policyDomains.0'],
  },
  {
    mutation: 'establishTwinning',
    problem: 'a region outside the country',
    variables: () => twinning({ regionCode: 'SN-DK' }),
    code: 'BAD_USER_INPUT',
    message: /region SN-DK does not lie in country BJ/,
    fields: ['regionCode'],
  },
  {
    mutation: 'establishTwinning',
    problem: 'an impossible date',
    variables: () => twinning({ since: '2027-02-30' }),
    code: 'BAD_USER_INPUT',
    message: NOT_A_DATE,
  },
  {
    mutation: 'establishTwinning',
    problem: 'a start in the future',
    variables: () => twinning({ since: '2026-12-01' }),
    code: 'BAD_USER_INPUT',
    message: /cannot start in the future/,
    fields: ['since'],
  },
  {
    mutation: 'recordActorChange',
    problem: 'an unknown twinning',
    variables: () => ({
      input: { twinningId: unknownId(), side: 'NORTH', actorKind: 'MAYOR', changedOn: '2026-01-02', description: 'x' },
    }),
    code: 'NOT_FOUND',
    message: /Twinning .* does not exist/,
  },
  {
    mutation: 'recordActorChange',
    problem: 'a new actor without a name',
    variables: (f) => ({
      input: {
        twinningId: f.twinningId,
        side: 'NORTH',
        actorKind: 'COORDINATOR',
        changedOn: '2026-01-02',
        description: 'Nieuwe coördinator',
        person: { name: '' },
      },
    }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['person.name'],
  },
  {
    mutation: 'recordActorChange',
    problem: 'a change in the future',
    variables: (f) => ({
      input: {
        twinningId: f.twinningId,
        side: 'SOUTH',
        actorKind: 'COALITION',
        changedOn: '2026-10-14',
        description: 'x',
      },
    }),
    code: 'BAD_USER_INPUT',
    message: /cannot be recorded in the future/,
    fields: ['changedOn'],
  },
  {
    mutation: 'endTwinning',
    problem: 'an end before the start',
    variables: (f) => ({ input: { twinningId: f.twinningId, endedOn: '2010-01-01', reason: 'Stopgezet' } }),
    code: 'BAD_USER_INPUT',
    message: /cannot end \(2010-01-01\) before it started \(2015-01-01\)/,
    fields: ['endedOn'],
  },
  {
    mutation: 'endTwinning',
    problem: 'an empty reason',
    variables: (f) => ({ input: { twinningId: f.twinningId, endedOn: '2026-01-01', reason: ' ' } }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['reason'],
  },
  {
    mutation: 'adviseAccompaniment',
    problem: 'an unknown twinning',
    variables: () => ({ input: { twinningId: unknownId(), reasons: [], rationale: 'Opportuun' } }),
    code: 'NOT_FOUND',
    message: /Twinning .* does not exist/,
  },
  {
    mutation: 'adviseAccompaniment',
    problem: 'an empty rationale',
    variables: (f) => ({ input: { twinningId: f.twinningId, reasons: ['FOLLOW_UP'], rationale: '' } }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['rationale'],
  },
  {
    mutation: 'logContact',
    problem: 'an unknown twinning',
    variables: (f) => contact(f, { twinningId: unknownId() }),
    code: 'NOT_FOUND',
    message: /Twinning .* does not exist/,
  },
  {
    mutation: 'logContact',
    problem: 'a contact in the future',
    variables: (f) => contact(f, { contactedOn: '2026-04-01' }),
    code: 'BAD_USER_INPUT',
    message: /cannot be logged in the future/,
    fields: ['contactedOn'],
  },
  {
    mutation: 'logContact',
    problem: 'an empty summary',
    variables: (f) => contact(f, { summary: '' }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['summary'],
  },
  // Staff and budget
  {
    mutation: 'registerStaffMember',
    problem: 'an empty name',
    variables: () => ({ input: { name: '', daysPerYear: 20 } }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['name'],
  },
  {
    mutation: 'registerStaffMember',
    problem: 'an e-mail address that is none',
    variables: () => ({ input: { name: 'Bram Claes', daysPerYear: 20, email: 'bram-at-vvsg' } }),
    code: 'BAD_USER_INPUT',
    message: /expected an email address/,
    fields: ['email'],
  },
  {
    // The platform names the field "days", not the input's "daysPerYear" (reported), so no fields here.
    mutation: 'registerStaffMember',
    problem: 'a negative number of days',
    variables: () => ({ input: { name: 'Bram Claes', daysPerYear: -5 } }),
    code: 'BAD_USER_INPUT',
    message: /a number of days cannot be negative/,
  },
  {
    mutation: 'declareStaffCapacity',
    problem: 'an unknown staff member',
    variables: () => ({ input: { staffMemberId: unknownId(), year: 2026, days: 20 } }),
    code: 'NOT_FOUND',
    message: /Staff member .* is not registered/,
  },
  {
    mutation: 'declareStaffCapacity',
    problem: 'days that are not half days',
    variables: (f) => ({ input: { staffMemberId: f.staffMemberId, year: 2026, days: 20.3 } }),
    code: 'BAD_USER_INPUT',
    message: /days are counted in half days/,
    fields: ['days'],
  },
  {
    mutation: 'declareStaffCapacity',
    problem: 'fewer days than are booked',
    variables: (f) => ({ input: { staffMemberId: f.staffMemberId, year: 2026, days: 5 } }),
    code: 'CONFLICT',
    message: /already has 18 days booked in 2026/,
  },
  {
    mutation: 'allocateBudget',
    problem: 'a negative amount',
    token: tokens.management,
    variables: () => ({ input: { year: 2026, amountEur: -500 } }),
    code: 'BAD_USER_INPUT',
    message: /an amount in euro cannot be negative/,
    fields: ['amountEur'],
  },
  {
    mutation: 'allocateBudget',
    problem: 'nothing',
    token: tokens.management,
    variables: () => ({ input: { year: 2026, amountEur: 0 } }),
    code: 'BAD_USER_INPUT',
    message: /must be more than €0/,
    fields: ['amountEur'],
  },
  {
    mutation: 'allocateBudget',
    problem: 'fractions of a cent',
    token: tokens.management,
    variables: () => ({ input: { year: 2026, amountEur: 100.005 } }),
    code: 'BAD_USER_INPUT',
    message: /at most two decimals/,
    fields: ['amountEur'],
  },
  {
    mutation: 'allocateBudget',
    problem: 'a year before the programme',
    token: tokens.management,
    variables: () => ({ input: { year: 1999, amountEur: 100 } }),
    code: 'BAD_USER_INPUT',
    message: /a programme year is 2000 or later/,
    fields: ['year'],
  },
  // Requests
  {
    mutation: 'submitAccompanimentRequest',
    problem: 'an unknown twinning',
    token: tokens.zoersel,
    variables: (f) => futureRequest(f, { twinningId: unknownId() }),
    code: 'NOT_FOUND',
    message: /Twinning .* does not exist/,
  },
  {
    mutation: 'submitAccompanimentRequest',
    problem: 'an end before the start',
    token: tokens.zoersel,
    variables: (f) => futureRequest(f, { endDate: '2026-05-31' }),
    code: 'BAD_USER_INPUT',
    message: /the end date lies before the start date/,
    fields: ['endDate'],
  },
  {
    mutation: 'submitAccompanimentRequest',
    problem: 'an unknown policy-domain code',
    token: tokens.zoersel,
    variables: (f) => futureRequest(f, { policyDomains: ['CIVIL_REGISTRATION', 'BASKET_WEAVING'] }),
    code: 'BAD_USER_INPUT',
    message: UNKNOWN_DOMAIN,
    fields: ['policyDomains.1'],
  },
  {
    mutation: 'submitAccompanimentRequest',
    problem: 'an impossible date',
    token: tokens.zoersel,
    variables: (f) => futureRequest(f, { startDate: '2027-02-30', endDate: '2027-03-02' }),
    code: 'BAD_USER_INPUT',
    message: NOT_A_DATE,
  },
  {
    mutation: 'submitAccompanimentRequest',
    problem: 'a visit that already started',
    token: tokens.zoersel,
    variables: (f) => futureRequest(f, { startDate: '2026-03-09', endDate: '2026-03-12' }),
    code: 'BAD_USER_INPUT',
    message: /starts on 2026-03-09, before today \(2026-03-10\); a request is for a visit to come/,
    fields: ['startDate'],
  },
  {
    mutation: 'submitAccompanimentRequest',
    problem: 'a visit longer than the programme accompanies',
    token: tokens.zoersel,
    variables: (f) => futureRequest(f, { endDate: '2026-08-31' }),
    code: 'BAD_USER_INPUT',
    message: /lasts 92 days; the programme accompanies visits of at most 60 days/,
    fields: ['endDate'],
  },
  {
    mutation: 'submitAccompanimentRequest',
    problem: 'an empty delegation',
    token: tokens.zoersel,
    variables: (f) => futureRequest(f, { delegationSize: 0 }),
    code: 'BAD_USER_INPUT',
    message: /a delegation has at least one member/,
    fields: ['delegationSize'],
  },
  {
    mutation: 'submitAccompanimentRequest',
    problem: 'an empty twinning id',
    token: tokens.zoersel,
    variables: (f) => futureRequest(f, { twinningId: '' }),
    code: 'BAD_USER_INPUT',
    message: /twinningId "" is not a twinning id/,
  },
  {
    mutation: 'amendAccompanimentRequest',
    problem: 'an unknown request',
    token: tokens.zoersel,
    variables: () => ({ input: { requestId: unknownId(), delegationSize: 5 } }),
    code: 'NOT_FOUND',
    message: /Request .* does not exist/,
  },
  {
    mutation: 'amendAccompanimentRequest',
    problem: 'an end before the start',
    token: tokens.zoersel,
    variables: (f) => ({ input: { requestId: f.requestId, endDate: '2026-03-01' } }),
    code: 'BAD_USER_INPUT',
    message: /The end date 2026-03-01 lies before the start date 2026-03-02/,
    fields: ['endDate'],
  },
  {
    mutation: 'amendAccompanimentRequest',
    problem: 'no change at all',
    token: tokens.zoersel,
    variables: (f) => ({ input: { requestId: f.requestId, delegationSize: 4 } }),
    code: 'BAD_USER_INPUT',
    message: /The amendment changes nothing/,
  },
  {
    mutation: 'amendAccompanimentRequest',
    problem: 'an unknown policy-domain code',
    token: tokens.zoersel,
    variables: (f) => ({ input: { requestId: f.requestId, policyDomains: ['BASKET_WEAVING'] } }),
    code: 'BAD_USER_INPUT',
    message: UNKNOWN_DOMAIN,
    fields: ['policyDomains.0'],
  },
  {
    mutation: 'withdrawAccompanimentRequest',
    problem: 'an empty reason',
    token: tokens.zoersel,
    variables: (f) => ({ input: { requestId: f.requestId, reason: '' } }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['reason'],
  },
  {
    mutation: 'withdrawAccompanimentRequest',
    problem: 'an unknown request',
    token: tokens.zoersel,
    variables: () => ({ input: { requestId: unknownId(), reason: 'Uitgesteld' } }),
    code: 'NOT_FOUND',
    message: /Request .* does not exist/,
  },
  {
    mutation: 'withdrawAccompanimentRequest',
    problem: 'a request that was accepted',
    token: tokens.zoersel,
    variables: (f) => ({ input: { requestId: f.acceptedRequestId, reason: 'Uitgesteld' } }),
    code: 'CONFLICT',
    message: /was already accepted on 2026-01-05: it can no longer be withdrawn; cancel its mission instead/,
  },
  {
    mutation: 'assessAccompanimentRequest',
    problem: 'no request id',
    variables: () => ({ requestId: null }),
    code: 'BAD_USER_INPUT',
    message: /"\$requestId" of non-null type "ID!" must not be null/,
  },
  {
    mutation: 'assessAccompanimentRequest',
    problem: 'a request that was decided',
    variables: (f) => ({ requestId: f.acceptedRequestId }),
    code: 'CONFLICT',
    message: /was already accepted .*: it can no longer be assessed/,
  },
  {
    mutation: 'decideAccompaniment',
    problem: 'a decline without a reason',
    variables: (f) => ({ input: { requestId: f.requestId, decision: 'DECLINE', note: 'Helaas' } }),
    code: 'BAD_USER_INPUT',
    message: /Declining a request needs one of the reasons NOT_OPPORTUNE, NO_STAFF_TIME, NO_BUDGET/,
    fields: ['declineReason'],
  },
  {
    mutation: 'decideAccompaniment',
    problem: 'a decline without a note',
    variables: (f) => ({
      input: { requestId: f.requestId, decision: 'DECLINE', declineReason: 'NO_BUDGET', note: ' ' },
    }),
    code: 'BAD_USER_INPUT',
    message: /needs a note for the municipality/,
    fields: ['note'],
  },
  {
    mutation: 'decideAccompaniment',
    problem: 'an acceptance without a staff member',
    variables: (f) => ({ input: { requestId: f.requestId, decision: 'ACCEPT' } }),
    code: 'BAD_USER_INPUT',
    message: /Accepting a request needs the staff member who will accompany the visit/,
    fields: ['staffMemberId'],
  },
  {
    mutation: 'decideAccompaniment',
    problem: 'an unknown staff member',
    variables: (f) => ({ input: { requestId: f.requestId, decision: 'ACCEPT', staffMemberId: unknownId() } }),
    code: 'NOT_FOUND',
    message: /Staff member .* is not registered/,
  },
  {
    mutation: 'decideAccompaniment',
    problem: 'an unknown request',
    variables: (f) => ({ input: { requestId: unknownId(), decision: 'ACCEPT', staffMemberId: f.staffMemberId } }),
    code: 'NOT_FOUND',
    message: /Request .* does not exist/,
  },
  {
    mutation: 'decideAccompaniment',
    problem: 'a decision that is neither',
    variables: (f) => ({ input: { requestId: f.requestId, decision: 'MAYBE' } }),
    code: 'BAD_USER_INPUT',
    message: /"MAYBE".*Decision/,
  },
  // Missions
  {
    mutation: 'planMissionActivity',
    problem: 'an unknown mission',
    variables: (f) => ({
      input: {
        missionId: unknownId(),
        activity: 'FIELD_VISITS',
        plannedOn: '2026-03-03',
        staffMemberId: f.staffMemberId,
      },
    }),
    code: 'NOT_FOUND',
    message: /Mission .* does not exist/,
  },
  {
    mutation: 'planMissionActivity',
    problem: 'a staff member who does not accompany the mission',
    variables: (f) => ({
      input: { missionId: f.missionId, activity: 'FIELD_VISITS', plannedOn: '2026-03-03', staffMemberId: unknownId() },
    }),
    code: 'BAD_USER_INPUT',
    message: /does not accompany mission/,
    fields: ['staffMemberId'],
  },
  {
    mutation: 'planMissionActivity',
    problem: 'an unknown activity',
    variables: (f) => ({
      input: {
        missionId: f.missionId,
        activity: 'SIGHTSEEING',
        plannedOn: '2026-03-03',
        staffMemberId: f.staffMemberId,
      },
    }),
    code: 'BAD_USER_INPUT',
    message: /"SIGHTSEEING".*Activity/,
  },
  {
    mutation: 'recordMissionActivityDone',
    problem: 'an activity that was never planned',
    variables: (f) => ({
      input: { missionId: f.missionId, activityId: unknownId(), doneOn: '2026-03-01', daysSpent: 1 },
    }),
    code: 'NOT_FOUND',
    message: /has no planned activity .*; plan it first/,
  },
  {
    mutation: 'recordMissionActivityDone',
    problem: 'negative days',
    variables: (f) => ({
      input: { missionId: f.missionId, activityId: f.activityId, doneOn: '2026-03-01', daysSpent: -1 },
    }),
    code: 'BAD_USER_INPUT',
    message: /a number of days cannot be negative/,
    fields: ['daysSpent'],
  },
  {
    mutation: 'recordMissionActivityDone',
    problem: 'a day in the future',
    variables: (f) => ({
      input: { missionId: f.missionId, activityId: f.activityId, doneOn: '2026-03-20', daysSpent: 1 },
    }),
    code: 'BAD_USER_INPUT',
    message: /cannot be done in the future \(2026-03-20\)/,
    fields: ['doneOn'],
  },
  {
    mutation: 'fileMissionReport',
    problem: 'an empty summary',
    variables: (f) => ({
      input: { missionId: f.missionId, filedOn: AFTER_VISIT, summary: '', authorStaffMemberId: f.staffMemberId },
    }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['summary'],
  },
  {
    mutation: 'fileMissionReport',
    problem: 'an author who did not accompany the mission',
    variables: (f) => ({
      input: { missionId: f.missionId, filedOn: AFTER_VISIT, summary: 'Verslag', authorStaffMemberId: unknownId() },
    }),
    code: 'BAD_USER_INPUT',
    message: /only its staff file its report/,
    fields: ['authorStaffMemberId'],
  },
  {
    mutation: 'fileMissionReport',
    problem: 'a report filed before the visit',
    variables: (f) => ({
      input: {
        missionId: f.missionId,
        filedOn: '2026-02-01',
        summary: 'Verslag',
        authorStaffMemberId: f.staffMemberId,
      },
    }),
    code: 'BAD_USER_INPUT',
    message: /cannot be filed before the visit started \(2026-03-02\)/,
    fields: ['filedOn'],
  },
  {
    mutation: 'completeMission',
    problem: 'a completion before the visit ended',
    variables: (f) => ({ input: { missionId: f.missionId, completedOn: '2026-03-05' } }),
    code: 'BAD_USER_INPUT',
    message: /cannot be completed on 2026-03-05, before the visit ended \(2026-03-06\)/,
    fields: ['completedOn'],
  },
  {
    mutation: 'completeMission',
    problem: 'a completion in the future',
    variables: (f) => ({ input: { missionId: f.missionId, completedOn: '2026-03-11' } }),
    code: 'BAD_USER_INPUT',
    message: /cannot be completed in the future/,
    fields: ['completedOn'],
  },
  {
    mutation: 'completeMission',
    problem: 'a negative cost',
    variables: (f) => ({ input: { missionId: f.missionId, completedOn: '2026-03-07', costEur: -100 } }),
    code: 'BAD_USER_INPUT',
    message: /an amount in euro cannot be negative/,
    fields: ['costEur'],
  },
  {
    mutation: 'completeMission',
    problem: 'an unknown mission',
    variables: () => ({ input: { missionId: unknownId(), completedOn: '2026-03-07' } }),
    code: 'NOT_FOUND',
    message: /Mission .* does not exist/,
  },
  {
    mutation: 'cancelMission',
    problem: 'an empty reason',
    variables: (f) => ({ input: { missionId: f.missionId, reason: '' } }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['reason'],
  },
  {
    mutation: 'cancelMission',
    problem: 'an unknown mission',
    variables: () => ({ input: { missionId: unknownId(), reason: 'Reisadvies' } }),
    code: 'NOT_FOUND',
    message: /Mission .* does not exist/,
  },
  // Lessons
  {
    mutation: 'recordLesson',
    problem: 'an unknown mission',
    variables: (f) => lesson(f, { missionId: unknownId() }),
    code: 'NOT_FOUND',
    message: /Mission .* does not exist: a lesson is learned from a mission/,
  },
  {
    mutation: 'recordLesson',
    problem: 'an empty title',
    variables: (f) => lesson(f, { title: '' }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['title'],
  },
  {
    mutation: 'recordLesson',
    problem: 'an unknown policy-domain code',
    variables: (f) => lesson(f, { policyDomains: ['BASKET_WEAVING'] }),
    code: 'BAD_USER_INPUT',
    message: UNKNOWN_DOMAIN,
    fields: ['policyDomains.0'],
  },
  {
    mutation: 'recordLesson',
    problem: 'an SDG that does not exist',
    variables: (f) => lesson(f, { sdgs: [18] }),
    code: 'BAD_USER_INPUT',
    message: /SDGs are numbered 1 to 17/,
    fields: ['sdgs.0'],
  },
  {
    mutation: 'recordLesson',
    problem: 'a lesson recorded in the future',
    variables: (f) => lesson(f, { recordedOn: '2026-04-01' }),
    code: 'BAD_USER_INPUT',
    message: /cannot be recorded in the future/,
    fields: ['recordedOn'],
  },
  {
    mutation: 'editLesson',
    problem: 'an unknown lesson',
    variables: () => ({ input: { lessonId: unknownId(), title: 'Nieuwe titel' } }),
    code: 'NOT_FOUND',
    message: /Lesson .* does not exist/,
  },
  {
    mutation: 'editLesson',
    problem: 'an empty title',
    variables: (f) => ({ input: { lessonId: f.lessonId, title: '' } }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['title'],
  },
  {
    mutation: 'editLesson',
    problem: 'no change at all',
    variables: (f) => ({ input: { lessonId: f.lessonId } }),
    code: 'BAD_USER_INPUT',
    message: /The edit changes nothing/,
  },
  {
    mutation: 'promoteToGoodPractice',
    problem: 'an unknown lesson',
    variables: () => ({ lessonId: unknownId() }),
    code: 'NOT_FOUND',
    message: /Lesson .* does not exist/,
  },
  {
    mutation: 'retractLesson',
    problem: 'an empty reason',
    variables: (f) => ({ input: { lessonId: f.lessonId, reason: '' } }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['reason'],
  },
  {
    mutation: 'retractLesson',
    problem: 'an unknown lesson',
    variables: () => ({ input: { lessonId: unknownId(), reason: 'Dubbel' } }),
    code: 'NOT_FOUND',
    message: /Lesson .* does not exist/,
  },
  // The planner: joint missions
  {
    mutation: 'proposeJointMission',
    problem: 'one request only',
    variables: (f) => jointMission(f, { requestIds: [f.jointRequestIds[0]] }),
    code: 'BAD_USER_INPUT',
    message: /A joint mission serves at least two requests; name them in requestIds/,
    fields: ['requestIds'],
  },
  {
    mutation: 'proposeJointMission',
    problem: 'requests of one municipality only',
    variables: (f) => jointMission(f, { requestIds: [f.jointRequestIds[0], f.otherZoerselRequestId] }),
    code: 'BAD_USER_INPUT',
    message: /a joint mission involves at least two municipalities/,
    fields: ['requestIds'],
  },
  {
    mutation: 'proposeJointMission',
    problem: 'a window that does not contain a visit',
    variables: (f) => jointMission(f, { startDate: '2026-06-02', endDate: '2026-06-12' }),
    code: 'BAD_USER_INPUT',
    message:
      /The visit of request .* \(2026-06-01 to 2026-06-05\) lies outside the window 2026-06-02 to 2026-06-12: widen the window or leave the request out/,
    fields: ['startDate', 'endDate'],
  },
  {
    mutation: 'proposeJointMission',
    problem: 'a window longer than 60 days',
    token: tokens.planner,
    variables: (f) => jointMission(f, { startDate: '2026-05-01', endDate: '2026-07-15' }),
    code: 'BAD_USER_INPUT',
    message: /The window lasts 76 days; one trip lasts at most 60 days/,
    fields: ['endDate'],
  },
  {
    mutation: 'proposeJointMission',
    problem: 'a window that started before today',
    variables: (f) => jointMission(f, { startDate: '2026-03-09' }),
    code: 'BAD_USER_INPUT',
    message: /The window starts on 2026-03-09, before today \(2026-03-10\)/,
    fields: ['startDate'],
  },
  {
    mutation: 'proposeJointMission',
    problem: 'a request that was accepted',
    variables: (f) => jointMission(f, { requestIds: [f.acceptedRequestId, f.jointRequestIds[1]] }),
    code: 'CONFLICT',
    message: /was accepted on 2026-01-05: a joint mission serves undecided requests only; leave it out/,
  },
  {
    mutation: 'proposeJointMission',
    problem: 'an unknown request',
    variables: (f) => jointMission(f, { requestIds: [f.jointRequestIds[0], unknownId()] }),
    code: 'NOT_FOUND',
    message: /Request .* does not exist/,
  },
  {
    mutation: 'proposeJointMission',
    problem: 'an empty rationale',
    variables: (f) => jointMission(f, { rationale: ' ' }),
    code: 'BAD_USER_INPUT',
    message: EMPTY,
    fields: ['rationale'],
  },
  {
    mutation: 'amendJointMission',
    problem: 'an unknown joint mission',
    variables: (f) => jointAmendment(f, { jointMissionId: unknownId() }),
    code: 'NOT_FOUND',
    message: /Joint mission .* does not exist/,
  },
  {
    mutation: 'amendJointMission',
    problem: 'a joint mission that was rejected',
    variables: (f) => jointAmendment(f, { jointMissionId: f.rejectedJointMissionId }),
    code: 'CONFLICT',
    message: /was rejected on 2026-03-10 \(Niet dit jaar\): it can no longer be amended; propose a new one/,
  },
  {
    mutation: 'amendJointMission',
    problem: 'requests of one municipality only',
    variables: (f) => jointAmendment(f, { requestIds: [f.jointRequestIds[0], f.otherZoerselRequestId] }),
    code: 'BAD_USER_INPUT',
    message: /requestIds: a joint mission involves at least two municipalities/,
    fields: ['requestIds'],
  },
  {
    mutation: 'amendJointMission',
    problem: 'a window longer than 60 days',
    variables: (f) => jointAmendment(f, { endDate: '2026-08-01' }),
    code: 'BAD_USER_INPUT',
    message: /The window lasts 62 days; one trip lasts at most 60 days/,
    fields: ['endDate'],
  },
  {
    mutation: 'approveJointMission',
    problem: 'an unknown joint mission',
    token: tokens.management,
    variables: (f) => ({ input: { jointMissionId: unknownId(), staffMemberIds: [f.staffMemberId] } }),
    code: 'NOT_FOUND',
    message: /Joint mission .* does not exist/,
  },
  {
    mutation: 'approveJointMission',
    problem: 'a joint mission that was rejected',
    token: tokens.management,
    variables: (f) => ({ input: { jointMissionId: f.rejectedJointMissionId, staffMemberIds: [f.staffMemberId] } }),
    code: 'CONFLICT',
    message: /was rejected on 2026-03-10 \(Niet dit jaar\): it can no longer be approved/,
  },
  {
    mutation: 'approveJointMission',
    problem: 'no staff member',
    token: tokens.management,
    variables: (f) => ({ input: { jointMissionId: f.jointMissionId, staffMemberIds: [] } }),
    code: 'BAD_USER_INPUT',
    message: /name at least one staff member/,
    fields: ['staffMemberIds'],
  },
  {
    mutation: 'approveJointMission',
    problem: 'a staff member named twice',
    token: tokens.management,
    variables: (f) => ({
      input: { jointMissionId: f.jointMissionId, staffMemberIds: [f.staffMemberId, f.staffMemberId] },
    }),
    code: 'BAD_USER_INPUT',
    message: /staffMemberIds names a staff member twice/,
    fields: ['staffMemberIds'],
  },
  {
    mutation: 'approveJointMission',
    problem: 'an unknown staff member',
    token: tokens.management,
    variables: (f) => ({ input: { jointMissionId: f.jointMissionId, staffMemberIds: [unknownId()] } }),
    code: 'NOT_FOUND',
    message: /Staff member .* is not registered/,
  },
  {
    mutation: 'approveJointMission',
    problem: 'more budget than is unreserved',
    token: tokens.management,
    variables: (f) => ({
      input: { jointMissionId: f.jointMissionId, staffMemberIds: [f.staffMemberId], budgetEur: 1_000_000 },
    }),
    code: 'CONFLICT',
    message: /The 2026 budget has €[\d.]+ unreserved; €1000000\.00 is needed/,
  },
  {
    mutation: 'rejectJointMission',
    problem: 'a blank reason',
    token: tokens.management,
    variables: (f) => ({ input: { jointMissionId: f.jointMissionId, reason: '  ' } }),
    code: 'BAD_USER_INPUT',
    message: /Rejecting a joint mission needs a reason for the planner/,
    fields: ['reason'],
  },
  {
    mutation: 'rejectJointMission',
    problem: 'a joint mission that was rejected already',
    token: tokens.management,
    variables: (f) => ({ input: { jointMissionId: f.rejectedJointMissionId, reason: 'Nog steeds niet' } }),
    code: 'CONFLICT',
    message: /was rejected on 2026-03-10 \(Niet dit jaar\): it can no longer be rejected$/,
  },
  {
    mutation: 'rejectJointMission',
    problem: 'an unknown joint mission',
    token: tokens.management,
    variables: () => ({ input: { jointMissionId: unknownId(), reason: 'Niet dit jaar' } }),
    code: 'NOT_FOUND',
    message: /Joint mission .* does not exist/,
  },
  // The planner: regional events
  {
    mutation: 'proposeRegionalEvent',
    problem: 'an invitee that is not a registered municipality',
    variables: () => regionalEvent({ invitedNisCodes: ['11055', '71016'] }),
    code: 'NOT_FOUND',
    message: /No municipality is registered with NIS code 71016/,
  },
  {
    mutation: 'proposeRegionalEvent',
    problem: 'an event longer than 14 days',
    token: tokens.planner,
    variables: () => regionalEvent({ endDate: '2026-06-15' }),
    code: 'BAD_USER_INPUT',
    message: /The event lasts 15 days; a regional event lasts at most 14 days/,
    fields: ['endDate'],
  },
  {
    mutation: 'proposeRegionalEvent',
    problem: 'a region outside the country',
    variables: () => regionalEvent({ regionCodes: ['BJ-ZO', 'SN-DK'] }),
    code: 'BAD_USER_INPUT',
    message: /Region SN-DK does not lie in country BJ/,
    fields: ['regionCodes'],
  },
  {
    mutation: 'proposeRegionalEvent',
    problem: 'one invitee only',
    variables: () => regionalEvent({ invitedNisCodes: ['11055'] }),
    code: 'BAD_USER_INPUT',
    message: /A regional event invites at least two municipalities; name them in invitedNisCodes/,
    fields: ['invitedNisCodes'],
  },
  {
    mutation: 'proposeRegionalEvent',
    problem: 'an unknown policy-domain code',
    variables: () => regionalEvent({ themes: ['BASKET_WEAVING'] }),
    code: 'BAD_USER_INPUT',
    message: UNKNOWN_DOMAIN,
    fields: ['themes.0'],
  },
  {
    mutation: 'proposeRegionalEvent',
    problem: 'an event that started before today',
    variables: () => regionalEvent({ startDate: '2026-03-09', endDate: '2026-03-12' }),
    code: 'BAD_USER_INPUT',
    message: /The event starts on 2026-03-09, before today \(2026-03-10\)/,
    fields: ['startDate'],
  },
  {
    mutation: 'amendRegionalEvent',
    problem: 'an unknown regional event',
    variables: () => regionalEvent({ regionalEventId: unknownId() }),
    code: 'NOT_FOUND',
    message: /Regional event .* does not exist/,
  },
  {
    mutation: 'amendRegionalEvent',
    problem: 'a regional event that was rejected',
    variables: (f) => regionalEvent({ regionalEventId: f.rejectedRegionalEventId }),
    code: 'CONFLICT',
    message: /was rejected on 2026-03-10 \(Niet dit jaar\): it can no longer be amended; propose a new one/,
  },
  {
    mutation: 'amendRegionalEvent',
    problem: 'an end before the start',
    variables: (f) => regionalEvent({ regionalEventId: f.regionalEventId, endDate: '2026-05-31' }),
    code: 'BAD_USER_INPUT',
    message: /the end date lies before the start date/,
    fields: ['endDate'],
  },
  {
    mutation: 'approveRegionalEvent',
    problem: 'an unknown regional event',
    token: tokens.management,
    variables: () => ({ input: { regionalEventId: unknownId() } }),
    code: 'NOT_FOUND',
    message: /Regional event .* does not exist/,
  },
  {
    mutation: 'approveRegionalEvent',
    problem: 'a regional event that was rejected',
    token: tokens.management,
    variables: (f) => ({ input: { regionalEventId: f.rejectedRegionalEventId } }),
    code: 'CONFLICT',
    message: /was rejected on 2026-03-10 \(Niet dit jaar\): it can no longer be approved/,
  },
  {
    mutation: 'approveRegionalEvent',
    problem: 'a negative budget',
    token: tokens.management,
    variables: (f) => ({ input: { regionalEventId: f.regionalEventId, budgetEur: -100 } }),
    code: 'BAD_USER_INPUT',
    message: /an amount in euro cannot be negative/,
    fields: ['budgetEur'],
  },
  {
    mutation: 'approveRegionalEvent',
    problem: 'a staff member named twice',
    token: tokens.management,
    variables: (f) => ({
      input: { regionalEventId: f.regionalEventId, staffMemberIds: [f.staffMemberId, f.staffMemberId] },
    }),
    code: 'BAD_USER_INPUT',
    message: /staffMemberIds names a staff member twice/,
    fields: ['staffMemberIds'],
  },
  {
    mutation: 'rejectRegionalEvent',
    problem: 'a blank reason',
    token: tokens.management,
    variables: (f) => ({ input: { regionalEventId: f.regionalEventId, reason: '' } }),
    code: 'BAD_USER_INPUT',
    message: /Rejecting a regional event needs a reason for the planner/,
    fields: ['reason'],
  },
  {
    mutation: 'rejectRegionalEvent',
    problem: 'a regional event that was rejected already',
    token: tokens.management,
    variables: (f) => ({ input: { regionalEventId: f.rejectedRegionalEventId, reason: 'Nog steeds niet' } }),
    code: 'CONFLICT',
    message: /was rejected on 2026-03-10 \(Niet dit jaar\): it can no longer be rejected$/,
  },
  {
    mutation: 'eraseDataSubject',
    problem: 'an id no event names as a data subject',
    token: tokens.management,
    variables: () => ({ subjectId: unknownId(), reason: 'DATA_SUBJECT_REQUEST' }),
    code: 'NOT_FOUND',
    message: /No personal data is held for [0-9a-f-]{36}: no event names it as a person or a document/,
  },
  {
    mutation: 'eraseDataSubject',
    problem: 'a name instead of an id',
    token: tokens.management,
    variables: () => ({ subjectId: 'An Peeters', reason: 'DATA_SUBJECT_REQUEST' }),
    code: 'BAD_USER_INPUT',
    message: /subjectId: expected a lowercase UUID/,
    fields: ['subjectId'],
  },
  {
    mutation: 'eraseDataSubject',
    problem: 'the reason OTHER without a case reference',
    token: tokens.management,
    variables: (f) => ({ subjectId: f.staffMemberId, reason: 'OTHER' }),
    code: 'BAD_USER_INPUT',
    message: /The reason OTHER needs a case reference \(such as AVG-2026-0142\)/,
    fields: ['caseReference'],
  },
  {
    mutation: 'eraseDataSubject',
    problem: 'a case reference that is free text',
    token: tokens.management,
    variables: (f) => ({ subjectId: f.staffMemberId, reason: 'OTHER', caseReference: 'Mevrouw belde op maandag' }),
    code: 'BAD_USER_INPUT',
    message: /caseReference: a case reference is 2 to 8 capital letters, a year and a number/,
    fields: ['caseReference'],
  },
  {
    mutation: 'eraseDataSubject',
    problem: 'a reason that is not a code',
    token: tokens.management,
    variables: (f) => ({ subjectId: f.staffMemberId, reason: 'Ze vroeg het zelf' }),
    code: 'BAD_USER_INPUT',
    message: /reason/,
  },
  {
    mutation: 'eraseDataSubject',
    problem: 'a person erased before',
    token: tokens.management,
    variables: (f) => ({ subjectId: f.erasedSubjectId, reason: 'DATA_SUBJECT_REQUEST' }),
    code: 'CONFLICT',
    message: /was already erased on 2026-03-10 \(erasure [0-9a-f-]{36}\): nothing is left to erase/,
  },
  {
    mutation: 'eraseDataSubject',
    problem: 'a person whose erasure awaits confirmation',
    token: tokens.management,
    variables: (f) => ({ subjectId: f.pendingSubjectId, reason: 'CONSENT_WITHDRAWN' }),
    code: 'CONFLICT',
    message: /requested on 2026-03-10 awaits confirmation \(erasure [0-9a-f-]{36}\): confirm or cancel that one/,
  },
  {
    mutation: 'confirmDataSubjectErasure',
    problem: 'an erasure id that is no id',
    variables: () => ({ erasureId: 'erasure-1' }),
    code: 'BAD_USER_INPUT',
    message: /erasureId: "erasure-1" is not an erasure id \(a lowercase UUID\); dataSubjectErasures lists them/,
    fields: ['erasureId'],
  },
  {
    mutation: 'confirmDataSubjectErasure',
    problem: 'an unknown erasure',
    variables: () => ({ erasureId: unknownId() }),
    code: 'NOT_FOUND',
    message: /No erasure [0-9a-f-]{36}; dataSubjectErasures lists them/,
  },
  {
    mutation: 'confirmDataSubjectErasure',
    problem: 'a cancelled erasure',
    variables: (f) => ({ erasureId: f.cancelledErasureId }),
    code: 'CONFLICT',
    message: /was cancelled: it can no longer be confirmed/,
  },
  {
    mutation: 'cancelDataSubjectErasure',
    problem: 'an erasure already confirmed',
    token: tokens.management,
    variables: (f) => ({ erasureId: f.erasureId }),
    code: 'CONFLICT',
    message: /was confirmed on 2026-03-10: the data is gone, and an erasure cannot be undone/,
  },
  {
    mutation: 'cancelDataSubjectErasure',
    problem: 'an unknown erasure',
    token: tokens.management,
    variables: () => ({ erasureId: unknownId() }),
    code: 'NOT_FOUND',
    message: /No erasure [0-9a-f-]{36}/,
  },
];

let w: World;
let fixture: Fixture;
beforeAll(async () => {
  w = await World.start();
  const lessonOf = await w.lesson();
  w.setToday('2026-01-05');
  const undecided = await w.submit();
  const { requestId: acceptedRequestId, missionId } = await w.mission();
  const planned = await w.planActivity(missionId, 'TERMS_OF_REFERENCE', '2026-02-16');
  w.setToday(AFTER_VISIT);
  const joint = await w.jointMission(FUTURE_VISIT);
  const rejectedJoint = await w.jointMission(FUTURE_VISIT);
  await w.mutate(tokens.management, 'rejectJointMission', {
    input: { jointMissionId: rejectedJoint.id, reason: 'Niet dit jaar' },
  });
  const event = await w.regionalEvent(FUTURE_VISIT);
  const rejectedEvent = await w.regionalEvent(FUTURE_VISIT);
  await w.mutate(tokens.management, 'rejectRegionalEvent', {
    input: { regionalEventId: rejectedEvent.id, reason: 'Niet dit jaar' },
  });
  const erased = await w.erasureRequested('Erik Claessens');
  await w.mutate(tokens.staff, 'confirmDataSubjectErasure', { erasureId: erased.erasureId });
  const pending = await w.erasureRequested('Paula Wouters');
  const cancelled = await w.erasureRequested('Carl Maes');
  await w.mutate(tokens.management, 'cancelDataSubjectErasure', { erasureId: cancelled.erasureId });
  fixture = {
    twinningId: w.zoerselTwinningId,
    staffMemberId: w.staffMemberId,
    requestId: undecided.id,
    acceptedRequestId,
    missionId,
    activityId: planned.activities[0]!.id,
    lessonId: lessonOf.id,
    jointRequestIds: [joint.requestIds[0]!, joint.requestIds[1]!],
    otherZoerselRequestId: rejectedJoint.requestIds[0]!,
    jointMissionId: joint.id,
    rejectedJointMissionId: rejectedJoint.id,
    regionalEventId: event.id,
    rejectedRegionalEventId: rejectedEvent.id,
    erasedSubjectId: erased.subjectId,
    erasureId: erased.erasureId,
    pendingSubjectId: pending.subjectId,
    cancelledErasureId: cancelled.erasureId,
  };
});
afterAll(async () => w.close());

it('has bad input for every mutation of the schema', () => {
  expect([...new Set(cases.map((c) => c.mutation))].sort()).toEqual(Object.keys(mutations).sort());
});

it.each(cases)('$mutation refuses $problem', async ({ mutation, token, variables, code, message, fields }) => {
  const response = await w.nothingStored(() => w.send(token ?? tokens.staff, mutations[mutation], variables(fixture)));
  expectRefused(response, code, message, fields);
});
