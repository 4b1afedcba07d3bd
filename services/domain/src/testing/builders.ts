import type { Actor, Command, CommandMetadata, EventData } from '@werkbezoek/schema';
import type { AssessmentResult } from '../assessment/assess.js';
import { event } from '../events.js';
import type { TwinningFacts } from '../requests/decide.js';
import type { MissionFacts } from '../lessons/lesson.js';
import { coordinatorOf, meta } from './spec.js';

/**
 * Fixtures for decider tests: one running example (Zoersel's twinning with
 * Bohicon, Benin, and its evaluation visit in April 2026), fixed ids so a
 * failing assertion reads the same on every run, and builders that take only
 * the fields a test is about.
 */

/** A fixed lowercase UUID (version 7 layout) for test number `n`. */
export const testId = (n: number): string => `01950000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export const ids = {
  twinning: testId(0x101),
  otherTwinning: testId(0x102),
  request: testId(0x201),
  otherRequest: testId(0x202),
  mission: testId(0x301),
  activity: testId(0x311),
  otherActivity: testId(0x312),
  staff: testId(0x401),
  otherStaff: testId(0x402),
  booking: testId(0x411),
  otherBooking: testId(0x412),
  reservation: testId(0x501),
  otherReservation: testId(0x502),
  cost: testId(0x511),
  otherCost: testId(0x512),
  lesson: testId(0x601),
  advice: testId(0x701),
  contact: testId(0x711),
  person: testId(0x721),
} as const;

export const zoersel = { nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' } as const;
export const gent = { nisCode: '44021', name: 'Gent', province: 'OOST_VLAANDEREN' } as const;

export const zoerselCoordinator = coordinatorOf(zoersel.nisCode);
export const gentCoordinator = coordinatorOf(gent.nisCode);

/** Command metadata for a command issued at 09:00 UTC (10:00 or 11:00 in Brussels) on `day`, by staff unless told. */
export const on = (day: string, actor?: Actor): CommandMetadata =>
  meta({ issuedAt: `${day}T09:00:00.000Z`, ...(actor ? { actor } : {}) });

/**
 * A typed command maker for one decider's commands:
 * `const command = commandsFor<RequestCommand>(); command('WithdrawAccompanimentRequest', {...}, on('2026-03-01'))`.
 */
export function commandsFor<C extends Command>() {
  return <T extends C['type']>(
    type: T,
    data: Extract<C, { type: T }>['data'],
    metadata: CommandMetadata = meta(),
  ): Extract<C, { type: T }> => ({ type, data, metadata }) as unknown as Extract<C, { type: T }>;
}

// Municipalities and twinnings

export const municipalityRegistered = (overrides: Partial<EventData<'MunicipalityRegistered'>> = {}) =>
  event('MunicipalityRegistered', { ...zoersel, ...overrides });

export const twinningEstablished = (overrides: Partial<EventData<'TwinningEstablished'>> = {}) =>
  event('TwinningEstablished', {
    twinningId: ids.twinning,
    nisCode: zoersel.nisCode,
    partnerName: 'Bohicon',
    countryCode: 'BJ',
    regionCode: 'BJ-ZO',
    since: '2011-01-01',
    policyDomains: ['CIVIL_REGISTRATION'],
    ...overrides,
  });

export const twinningEnded = (overrides: Partial<EventData<'TwinningEnded'>> = {}) =>
  event('TwinningEnded', {
    twinningId: ids.twinning,
    endedOn: '2025-12-31',
    reason: 'De federale financiering voor Benin liep af.',
    ...overrides,
  });

/** What the request handler looks up about Zoersel's twinning. */
export const zoerselTwinning = (overrides: Partial<TwinningFacts> = {}): TwinningFacts => ({
  twinningId: ids.twinning,
  nisCode: zoersel.nisCode,
  status: 'ACTIVE',
  ...overrides,
});

// Requests

export const requestSubmitted = (overrides: Partial<EventData<'AccompanimentRequestSubmitted'>> = {}) =>
  event('AccompanimentRequestSubmitted', {
    requestId: ids.request,
    twinningId: ids.twinning,
    nisCode: zoersel.nisCode,
    missionType: 'EVALUATION',
    startDate: '2026-04-13',
    endDate: '2026-04-22',
    delegationSize: 6,
    policyDomains: ['CIVIL_REGISTRATION'],
    claimedReasons: [],
    ...overrides,
  });

export const requestAmended = (overrides: Partial<EventData<'AccompanimentRequestAmended'>> = {}) =>
  event('AccompanimentRequestAmended', { requestId: ids.request, ...overrides });

export const requestWithdrawn = (overrides: Partial<EventData<'AccompanimentRequestWithdrawn'>> = {}) =>
  event('AccompanimentRequestWithdrawn', {
    requestId: ids.request,
    reason: 'Het bezoek wordt een jaar uitgesteld.',
    ...overrides,
  });

/** An assessment result as the default policy would give it for the April visit. */
export const assessmentResult = (overrides: Partial<AssessmentResult> = {}): AssessmentResult => ({
  policyVersion: '2026.1',
  recommendation: 'ACCEPT',
  opportune: true,
  requiredReasons: 1,
  claimedReasons: [],
  derivedReasons: ['FOLLOW_UP'],
  satisfiedReasons: ['FOLLOW_UP'],
  daysNeeded: 14,
  freeStaffDays: 40,
  staffTimeAvailable: true,
  estimatedCostEur: 2350,
  unreservedBudgetEur: 20_000,
  budgetAvailable: true,
  inputs: { followUpMonths: 24 },
  explanation: { nl: ['Opvolging: recent geen begeleid werkbezoek.'], en: ['Follow-up: not accompanied recently.'] },
  ...overrides,
});

export const requestAssessed = (overrides: Partial<EventData<'AccompanimentRequestAssessed'>> = {}) =>
  event('AccompanimentRequestAssessed', {
    requestId: ids.request,
    trigger: 'SUBMITTED',
    ...assessmentResult(),
    ...overrides,
  });

export const requestAccepted = (overrides: Partial<EventData<'AccompanimentAccepted'>> = {}) =>
  event('AccompanimentAccepted', {
    requestId: ids.request,
    missionId: ids.mission,
    staffMemberId: ids.staff,
    decidedOn: '2026-02-10',
    bookedDays: 14,
    reservedBudgetEur: 2350,
    ...overrides,
  });

export const requestDeclined = (overrides: Partial<EventData<'AccompanimentDeclined'>> = {}) =>
  event('AccompanimentDeclined', {
    requestId: ids.request,
    reason: 'NO_BUDGET',
    decidedOn: '2026-02-10',
    note: 'Het budget voor 2026 is volledig gereserveerd.',
    ...overrides,
  });

// Missions

export const missionScheduled = (overrides: Partial<EventData<'MissionScheduled'>> = {}) =>
  event('MissionScheduled', {
    missionId: ids.mission,
    requestIds: [ids.request],
    twinningIds: [ids.twinning],
    nisCodes: [zoersel.nisCode],
    missionType: 'EVALUATION',
    countryCode: 'BJ',
    regionCode: 'BJ-ZO',
    startDate: '2026-04-13',
    endDate: '2026-04-22',
    staffMemberIds: [ids.staff],
    bookedDays: 14,
    reservedBudgetEur: 2350,
    reservationId: ids.reservation,
    staffBookings: [{ staffMemberId: ids.staff, bookingId: ids.booking }],
    ...overrides,
  });

export const activityPlanned = (overrides: Partial<EventData<'MissionActivityPlanned'>> = {}) =>
  event('MissionActivityPlanned', {
    missionId: ids.mission,
    activityId: ids.activity,
    activity: 'FIELD_VISITS',
    plannedOn: '2026-03-02',
    staffMemberId: ids.staff,
    ...overrides,
  });

export const activityDone = (overrides: Partial<EventData<'MissionActivityDone'>> = {}) =>
  event('MissionActivityDone', {
    missionId: ids.mission,
    activityId: ids.activity,
    doneOn: '2026-04-15',
    daysSpent: 1,
    ...overrides,
  });

export const reportFiled = (overrides: Partial<EventData<'MissionReportFiled'>> = {}) =>
  event('MissionReportFiled', {
    missionId: ids.mission,
    filedOn: '2026-04-28',
    authorStaffMemberId: ids.staff,
    summary: 'Goed verlopen bezoek; de burgerlijke stand van Bohicon digitaliseert vlot.',
    ...overrides,
  });

export const missionCompleted = (overrides: Partial<EventData<'MissionCompleted'>> = {}) =>
  event('MissionCompleted', {
    missionId: ids.mission,
    completedOn: '2026-04-30',
    daysSpent: 12,
    costEur: 2200,
    ...overrides,
  });

export const missionCancelled = (overrides: Partial<EventData<'MissionCancelled'>> = {}) =>
  event('MissionCancelled', {
    missionId: ids.mission,
    cancelledOn: '2026-03-20',
    reason: 'Reisadvies voor Benin gewijzigd.',
    ...overrides,
  });

// Lessons

/** What the lesson handler looks up about the April mission. */
export const aprilMission = (overrides: Partial<MissionFacts> = {}): MissionFacts => ({
  missionId: ids.mission,
  status: 'COMPLETED',
  startDate: '2026-04-13',
  staffMemberIds: [ids.staff],
  ...overrides,
});

export const lessonRecorded = (overrides: Partial<EventData<'LessonRecorded'>> = {}) =>
  event('LessonRecorded', {
    lessonId: ids.lesson,
    missionId: ids.mission,
    recordedOn: '2026-05-04',
    authorStaffMemberId: ids.staff,
    title: 'Digitale geboorteaktes vragen een stabiele stroomvoorziening',
    body: 'Zonder back-up van de stroom vielen de registraties in Bohicon dagenlang stil.',
    language: 'nl',
    level: 'RESULTS',
    phase: 'DURING',
    policyDomains: ['CIVIL_REGISTRATION', 'DIGITALISATION'],
    sdgs: [16],
    dacCriteria: ['SUSTAINABILITY'],
    ...overrides,
  });

export const lessonPromoted = (overrides: Partial<EventData<'LessonPromotedToGoodPractice'>> = {}) =>
  event('LessonPromotedToGoodPractice', { lessonId: ids.lesson, promotedOn: '2026-05-20', ...overrides });

export const lessonRetracted = (overrides: Partial<EventData<'LessonRetracted'>> = {}) =>
  event('LessonRetracted', {
    lessonId: ids.lesson,
    reason: 'Dubbel met een les uit de missie van 2024.',
    ...overrides,
  });

// Staff

export const staffRegistered = (overrides: Partial<EventData<'StaffMemberRegistered'>> = {}) =>
  event('StaffMemberRegistered', { staffMemberId: ids.staff, name: 'Lies Janssens', ...overrides });

export const capacityDeclared = (overrides: Partial<EventData<'StaffCapacityDeclared'>> = {}) =>
  event('StaffCapacityDeclared', { staffMemberId: ids.staff, year: 2026, days: 40, ...overrides });

export const staffDaysBooked = (overrides: Partial<EventData<'StaffDaysBooked'>> = {}) =>
  event('StaffDaysBooked', {
    staffMemberId: ids.staff,
    year: 2026,
    bookingId: ids.booking,
    days: 14,
    missionId: ids.mission,
    requestId: ids.request,
    ...overrides,
  });

export const staffDaysReleased = (overrides: Partial<EventData<'StaffDaysReleased'>> = {}) =>
  event('StaffDaysReleased', {
    staffMemberId: ids.staff,
    year: 2026,
    bookingId: ids.booking,
    days: 2,
    reason: 'Twee dagen minder nodig dan geboekt.',
    ...overrides,
  });

// Budget

export const budgetAllocated = (overrides: Partial<EventData<'BudgetAllocated'>> = {}) =>
  event('BudgetAllocated', { year: 2026, amountEur: 20_000, ...overrides });

export const budgetReserved = (overrides: Partial<EventData<'BudgetReserved'>> = {}) =>
  event('BudgetReserved', {
    year: 2026,
    reservationId: ids.reservation,
    amountEur: 2350,
    missionId: ids.mission,
    requestId: ids.request,
    ...overrides,
  });

export const budgetReleased = (overrides: Partial<EventData<'BudgetReleased'>> = {}) =>
  event('BudgetReleased', {
    year: 2026,
    reservationId: ids.reservation,
    amountEur: 150,
    reason: 'Minder kosten dan geraamd.',
    ...overrides,
  });

export const costRecorded = (overrides: Partial<EventData<'CostRecorded'>> = {}) =>
  event('CostRecorded', {
    year: 2026,
    costId: ids.cost,
    reservationId: ids.reservation,
    missionId: ids.mission,
    amountEur: 950,
    category: 'TRAVEL',
    incurredOn: '2026-04-12',
    ...overrides,
  });

// Refusal tables

/** An error class a refusal is expected to be an instance of. */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** A row of a table of refusals: the rule broken, the history, the command, and the error expected. */
export type Refusal<E, C> = [rule: string, given: E[], when: C, error: ErrorClass, message: RegExp];
