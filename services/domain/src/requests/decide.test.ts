import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { fold } from '../decider.js';
import {
  assessmentResult,
  commandsFor,
  gentCoordinator,
  ids,
  on,
  requestAccepted,
  requestAmended,
  requestAssessed,
  requestDeclined,
  requestSubmitted,
  requestWithdrawn,
  zoerselCoordinator,
  zoerselTwinning,
  type Refusal as RefusalOf,
} from '../testing/builders.js';
import { coordinatorOf, spec } from '../testing/spec.js';
import {
  MAX_VISIT_DAYS,
  requestDecider,
  type AcceptAccompanimentRequest,
  type AmendAccompanimentRequest,
  type DeclineAccompanimentRequest,
  type RequestCommand,
  type SubmitAccompanimentRequest,
} from './decide.js';
import type { RequestEvent } from './request.js';

const command = commandsFor<RequestCommand>();
const given = (events: RequestEvent[]) => spec(requestDecider).given(events);

/** Zoersel's coordinator asks, on 2 February, for accompaniment of the April evaluation visit to Bohicon. */
const submit = (
  overrides: Partial<SubmitAccompanimentRequest['data']> = {},
  metadata = on('2026-02-02', zoerselCoordinator),
) =>
  command(
    'SubmitAccompanimentRequest',
    {
      requestId: ids.request,
      twinningId: ids.twinning,
      missionType: 'EVALUATION',
      startDate: '2026-04-13',
      endDate: '2026-04-22',
      delegationSize: 6,
      policyDomains: ['CIVIL_REGISTRATION'],
      claimedReasons: [],
      twinning: zoerselTwinning(),
      ...overrides,
    },
    metadata,
  );

const amend = (
  changes: Omit<AmendAccompanimentRequest['data'], 'requestId'>,
  metadata = on('2026-03-02', zoerselCoordinator),
) => command('AmendAccompanimentRequest', { requestId: ids.request, ...changes }, metadata);

const withdraw = (metadata = on('2026-03-02', zoerselCoordinator), reason = 'Het bezoek wordt een jaar uitgesteld.') =>
  command('WithdrawAccompanimentRequest', { requestId: ids.request, reason }, metadata);

const assess = (overrides: Partial<ReturnType<typeof assessmentResult>> = {}) =>
  command(
    'RecordAssessment',
    { requestId: ids.request, trigger: 'SUBMITTED', result: assessmentResult(overrides) },
    on('2026-02-02'),
  );

const accept = (data: Partial<AcceptAccompanimentRequest['data']> = {}, metadata = on('2026-02-10')) =>
  command(
    'AcceptAccompanimentRequest',
    {
      requestId: ids.request,
      missionId: ids.mission,
      staffMemberId: ids.staff,
      bookedDays: 14,
      reservedBudgetEur: 2350,
      ...data,
    },
    metadata,
  );

const decline = (data: Partial<DeclineAccompanimentRequest['data']> = {}) =>
  command(
    'DeclineAccompanimentRequest',
    { requestId: ids.request, reason: 'NO_BUDGET', note: 'Het budget voor 2026 is volledig gereserveerd.', ...data },
    on('2026-02-10'),
  );

const submitted = requestSubmitted();
const withdrawn = requestWithdrawn();
const accepted = requestAccepted();
const declined = requestDeclined();

type Refusal = RefusalOf<RequestEvent, RequestCommand>;

describe('submitting a request', () => {
  it("records the coordinator's request for the municipality of the twinning", () => {
    given([]).when(submit()).then([submitted]);
  });

  it('lets VVSG staff submit a request on behalf of the municipality', () => {
    given([])
      .when(submit({}, on('2026-02-02')))
      .then([submitted]);
  });

  it('accepts a visit that starts today', () => {
    given([])
      .when(submit({ startDate: '2026-02-02', endDate: '2026-02-06' }))
      .then([requestSubmitted({ startDate: '2026-02-02', endDate: '2026-02-06' })]);
  });

  it(`accepts a visit of exactly ${MAX_VISIT_DAYS} days`, () => {
    given([])
      .when(submit({ startDate: '2026-04-01', endDate: '2026-05-30' }))
      .then([requestSubmitted({ startDate: '2026-04-01', endDate: '2026-05-30' })]);
  });

  it('keeps the optional programme, notes and claimed reasons', () => {
    given([])
      .when(
        submit({
          missionType: 'TECHNICAL',
          programme: 'GLOBE_2022_2026',
          notes: 'Focus op de digitalisering van de burgerlijke stand.',
          claimedReasons: ['CONTENT_PROBLEMS', 'EXPERTISE_ACTIVITIES'],
        }),
      )
      .then([
        requestSubmitted({
          missionType: 'TECHNICAL',
          programme: 'GLOBE_2022_2026',
          notes: 'Focus op de digitalisering van de burgerlijke stand.',
          claimedReasons: ['CONTENT_PROBLEMS', 'EXPERTISE_ACTIVITIES'],
        }),
      ]);
  });

  it('takes today as the date in Brussels, not in UTC', () => {
    const visit = { startDate: '2026-04-12', endDate: '2026-04-20' };
    // 21:30 UTC on 12 April is 23:30 in Brussels: still the 12th.
    given([])
      .when(submit(visit, { ...on('2026-04-12', zoerselCoordinator), issuedAt: '2026-04-12T21:30:00.000Z' }))
      .then([requestSubmitted(visit)]);
    // 22:30 UTC is already 00:30 on the 13th in Brussels.
    given([])
      .when(submit(visit, { ...on('2026-04-12', zoerselCoordinator), issuedAt: '2026-04-12T22:30:00.000Z' }))
      .thenThrows(ValidationError, /starts on 2026-04-12, before today \(2026-04-13\)/);
  });

  it.each<Refusal>([
    [
      'the twinning does not exist',
      [],
      submit({ twinning: undefined }),
      NotFoundError,
      new RegExp(`Twinning ${ids.twinning} does not exist`),
    ],
    [
      'the twinning has ended',
      [],
      submit({ twinning: zoerselTwinning({ status: 'ENDED' }) }),
      IllegalStateError,
      /has ended: no new visits can be requested/,
    ],
    [
      "a coordinator submits for another municipality's twinning",
      [],
      submit({}, on('2026-02-02', gentCoordinator)),
      ForbiddenError,
      /coordinator of 44021 cannot act on requests of municipality 11055/,
    ],
    [
      "a coordinator submits for another municipality's ended twinning (refused as theirs, not told it ended)",
      [],
      submit({ twinning: zoerselTwinning({ status: 'ENDED' }) }, on('2026-02-02', gentCoordinator)),
      ForbiddenError,
      /coordinator of 44021 cannot act on requests of municipality 11055/,
    ],
    [
      'a coordinator without a municipality submits',
      [],
      submit({}, on('2026-02-02', { id: 'coordinator-x', role: 'COORDINATOR' })),
      ForbiddenError,
      /coordinator of no municipality cannot act on requests of municipality 11055/,
    ],
    ['the request already exists', [submitted], submit(), IllegalStateError, /already exists/],
    [
      'the end date lies before the start date',
      [],
      submit({ startDate: '2026-04-22', endDate: '2026-04-13' }),
      ValidationError,
      /endDate: the end date lies before the start date/,
    ],
    [
      'the visit starts before the submission date',
      [],
      submit({ startDate: '2026-02-01', endDate: '2026-02-05' }),
      ValidationError,
      /starts on 2026-02-01, before today \(2026-02-02\); a request is for a visit to come/,
    ],
    [
      `the visit lasts longer than ${MAX_VISIT_DAYS} days`,
      [],
      submit({ startDate: '2026-04-01', endDate: '2026-05-31' }),
      ValidationError,
      /lasts 61 days; the programme accompanies visits of at most 60 days/,
    ],
    [
      'a claimed reason is listed twice',
      [],
      submit({ claimedReasons: ['CONTENT_PROBLEMS', 'CONTENT_PROBLEMS'] }),
      ValidationError,
      /claimedReasons lists a value twice/,
    ],
    [
      'a policy domain is listed twice',
      [],
      submit({ policyDomains: ['WATER', 'WATER'] }),
      ValidationError,
      /policyDomains lists a value twice/,
    ],
    [
      'the delegation is empty',
      [],
      submit({ delegationSize: 0 }),
      ValidationError,
      /delegationSize: a delegation has at least one member/,
    ],
    [
      'a date is not a calendar date',
      [],
      submit({ endDate: '2026-04-31' }),
      ValidationError,
      /endDate: "2026-04-31" is not a calendar date/,
    ],
    [
      'the mission type is unknown',
      [],
      submit({ missionType: 'HOLIDAY' as never }),
      ValidationError,
      /unknown mission type "HOLIDAY"; expected one of IDENTIFICATION, EVALUATION, TECHNICAL, POLITICAL/,
    ],
    [
      'the request id is not a UUID',
      [],
      submit({ requestId: 'request-1' }),
      ValidationError,
      /requestId: expected a lowercase UUID/,
    ],
    [
      'the command carries no instant',
      [],
      submit({}, { ...on('2026-02-02', zoerselCoordinator), issuedAt: 'yesterday' }),
      ValidationError,
      /"yesterday" is not an instant/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });

  it('names the offending field so a form can point at it', () => {
    expect(() =>
      requestDecider.decide(submit({ startDate: '2026-01-15', endDate: '2026-01-20' }), { status: 'NONE' }),
    ).toThrow(expect.objectContaining({ fields: ['startDate'] }) as Error);
  });
});

describe('amending a request', () => {
  it('records only the changed fields', () => {
    given([submitted])
      .when(amend({ startDate: '2026-04-20', endDate: '2026-04-29' }))
      .then([requestAmended({ startDate: '2026-04-20', endDate: '2026-04-29' })]);
  });

  it('lets a change of delegation or reasons through without touching the dates, even once the visit is near', () => {
    given([submitted])
      .when(amend({ delegationSize: 8, claimedReasons: ['RELATIONAL_PROBLEMS'] }, on('2026-04-13', zoerselCoordinator)))
      .then([requestAmended({ delegationSize: 8, claimedReasons: ['RELATIONAL_PROBLEMS'] })]);
  });

  it('checks a new end date against the start date the request already has', () => {
    given([submitted])
      .when(amend({ endDate: '2026-04-30' }))
      .then([requestAmended({ endDate: '2026-04-30' })]);
  });

  it('takes an earlier amendment into account', () => {
    given([submitted, requestAmended({ delegationSize: 8 })])
      .when(amend({ delegationSize: 6 }))
      .then([requestAmended({ delegationSize: 6 })]);
  });

  it('may be amended after an assessment (the handler reassesses it)', () => {
    given([submitted, requestAssessed()])
      .when(amend({ missionType: 'IDENTIFICATION' }))
      .then([requestAmended({ missionType: 'IDENTIFICATION' })]);
  });

  it.each<Refusal>([
    ['the request does not exist', [], amend({ delegationSize: 8 }), NotFoundError, /does not exist/],
    [
      'the request was withdrawn',
      [submitted, withdrawn],
      amend({ delegationSize: 8 }),
      IllegalStateError,
      /was withdrawn by the municipality: it can no longer be amended/,
    ],
    [
      'the request was accepted',
      [submitted, accepted],
      amend({ delegationSize: 8 }),
      IllegalStateError,
      /already accepted on 2026-02-10: it can no longer be amended; cancel its mission instead/,
    ],
    [
      'the request was declined',
      [submitted, declined],
      amend({ delegationSize: 8 }),
      IllegalStateError,
      /already declined on 2026-02-10 \(NO_BUDGET\): it can no longer be amended/,
    ],
    [
      "a coordinator amends another municipality's request",
      [submitted],
      amend({ delegationSize: 8 }, on('2026-03-02', gentCoordinator)),
      ForbiddenError,
      /coordinator of 44021 cannot act on requests of municipality 11055/,
    ],
    [
      'the amendment changes nothing',
      [submitted],
      amend({ startDate: '2026-04-13', delegationSize: 6 }),
      ValidationError,
      /changes nothing: give at least one field with a new value/,
    ],
    [
      'the amendment only names a contact person',
      [submitted],
      amend({ contactPersonId: ids.person }),
      ValidationError,
      /changes nothing/,
    ],
    [
      "the new end date lies before the request's start date",
      [submitted],
      amend({ endDate: '2026-04-10' }),
      ValidationError,
      /end date 2026-04-10 lies before the start date 2026-04-13/,
    ],
    [
      "the new start date lies after the request's end date",
      [submitted],
      amend({ startDate: '2026-04-25' }),
      ValidationError,
      /end date 2026-04-22 lies before the start date 2026-04-25/,
    ],
    [
      'both new dates are in the wrong order',
      [submitted],
      amend({ startDate: '2026-05-10', endDate: '2026-05-01' }),
      ValidationError,
      /endDate: the end date lies before the start date/,
    ],
    [
      'the visit is moved into the past',
      [submitted],
      amend({ startDate: '2026-03-01' }),
      ValidationError,
      /starts on 2026-03-01, before today \(2026-03-02\)/,
    ],
    [
      `the visit is stretched beyond ${MAX_VISIT_DAYS} days`,
      [submitted],
      amend({ endDate: '2026-06-30' }),
      ValidationError,
      /lasts 79 days; the programme accompanies visits of at most 60 days/,
    ],
    [
      'a claimed reason is listed twice',
      [submitted],
      amend({ claimedReasons: ['ACTOR_RENEWAL', 'ACTOR_RENEWAL'] }),
      ValidationError,
      /claimedReasons lists a value twice/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('withdrawing a request', () => {
  it("records the coordinator's withdrawal with its reason", () => {
    given([submitted]).when(withdraw()).then([withdrawn]);
  });

  it('may follow an assessment', () => {
    given([submitted, requestAssessed({ recommendation: 'DECLINE', declineReason: 'NOT_OPPORTUNE' })])
      .when(withdraw())
      .then([withdrawn]);
  });

  it.each<Refusal>([
    ['the request does not exist', [], withdraw(), NotFoundError, /does not exist/],
    [
      'it was already withdrawn',
      [submitted, withdrawn],
      withdraw(),
      IllegalStateError,
      /it can no longer be withdrawn/,
    ],
    ['it was accepted', [submitted, accepted], withdraw(), IllegalStateError, /already accepted on 2026-02-10/],
    ['it was declined', [submitted, declined], withdraw(), IllegalStateError, /already declined on 2026-02-10/],
    [
      "a coordinator withdraws another municipality's request",
      [submitted],
      withdraw(on('2026-03-02', gentCoordinator)),
      ForbiddenError,
      /coordinator of 44021 cannot act on requests of municipality 11055/,
    ],
    ['no reason is given', [submitted], withdraw(undefined, '   '), ValidationError, /reason: must not be empty/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe("recording the policy's assessment", () => {
  it('records the recommendation with every input the policy used', () => {
    given([submitted]).when(assess()).then([requestAssessed()]);
  });

  it('records a later reassessment too', () => {
    given([submitted, requestAssessed()])
      .when(assess({ recommendation: 'DECLINE', declineReason: 'NO_STAFF_TIME', staffTimeAvailable: false }))
      .then([
        requestAssessed({ recommendation: 'DECLINE', declineReason: 'NO_STAFF_TIME', staffTimeAvailable: false }),
      ]);
  });

  it.each<Refusal>([
    ['the request does not exist', [], assess(), NotFoundError, /does not exist/],
    ['it was withdrawn', [submitted, withdrawn], assess(), IllegalStateError, /it can no longer be assessed/],
    ['it was decided', [submitted, accepted], assess(), IllegalStateError, /it can no longer be assessed/],
    [
      'the result is malformed',
      [submitted],
      assess({ daysNeeded: -1 }),
      ValidationError,
      /daysNeeded: a number of days cannot be negative/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('accepting a request', () => {
  it('accepts on the day of the decision, with the staff member, days and budget', () => {
    given([submitted, requestAssessed()]).when(accept()).then([accepted]);
  });

  it('may overrule a recommendation to decline', () => {
    given([submitted, requestAssessed({ recommendation: 'DECLINE', declineReason: 'NOT_OPPORTUNE' })])
      .when(accept({}, on('2026-02-12')))
      .then([requestAccepted({ decidedOn: '2026-02-12' })]);
  });

  it.each<Refusal>([
    [
      'no staff member is named',
      [submitted],
      accept({ staffMemberId: undefined }),
      ValidationError,
      /needs the staff member who will accompany the visit \(staffMemberId\)/,
    ],
    [
      'the staff member id is empty',
      [submitted],
      accept({ staffMemberId: '' }),
      ValidationError,
      /needs the staff member/,
    ],
    ['the request does not exist', [], accept(), NotFoundError, /does not exist/],
    [
      'the municipality tries to accept its own request',
      [submitted],
      accept({}, on('2026-02-10', zoerselCoordinator)),
      ForbiddenError,
      /Only VVSG staff decide on accompaniment; a coordinator cannot/,
    ],
    [
      'the request was withdrawn',
      [submitted, withdrawn],
      accept(),
      IllegalStateError,
      /was withdrawn by the municipality: it can no longer be decided/,
    ],
    [
      'the request was already accepted',
      [submitted, accepted],
      accept(),
      IllegalStateError,
      /already accepted on 2026-02-10: it can no longer be decided/,
    ],
    [
      'the request was declined',
      [submitted, declined],
      accept(),
      IllegalStateError,
      /already declined on 2026-02-10 \(NO_BUDGET\): it can no longer be decided/,
    ],
    [
      'the booked days are not whole or half days',
      [submitted],
      accept({ bookedDays: 1.3 }),
      ValidationError,
      /bookedDays: days are counted in half days/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('declining a request', () => {
  it.each(['NOT_OPPORTUNE', 'NO_STAFF_TIME', 'NO_BUDGET'] as const)(
    'declines on the ground %s, with a note',
    (reason) => {
      given([submitted, requestAssessed()])
        .when(decline({ reason }))
        .then([requestDeclined({ reason })]);
    },
  );

  it.each<Refusal>([
    [
      'no reason is given',
      [submitted],
      decline({ reason: undefined }),
      ValidationError,
      /needs one of the reasons NOT_OPPORTUNE, NO_STAFF_TIME, NO_BUDGET/,
    ],
    [
      'no note is given',
      [submitted],
      decline({ reason: 'NOT_OPPORTUNE', note: undefined }),
      ValidationError,
      /needs a note for the municipality that explains the decision/,
    ],
    [
      'the note is blank',
      [submitted],
      decline({ reason: 'NOT_OPPORTUNE', note: '  \n ' }),
      ValidationError,
      /needs a note/,
    ],
    [
      'the reason is not one of the three grounds',
      [submitted],
      decline({ reason: 'TOO_FAR' as never }),
      ValidationError,
      /unknown decline reason "TOO_FAR"/,
    ],
    ['the request does not exist', [], decline(), NotFoundError, /does not exist/],
    [
      'the request was withdrawn',
      [submitted, withdrawn],
      decline(),
      IllegalStateError,
      /was withdrawn by the municipality: it can no longer be decided/,
    ],
    ['the request was accepted', [submitted, accepted], decline(), IllegalStateError, /already accepted on 2026-02-10/],
    ['the request was already declined', [submitted, declined], decline(), IllegalStateError, /already declined/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('the request state', () => {
  it('applies only the fields an amendment carries', () => {
    const state = fold(requestDecider, [submitted, requestAmended({ endDate: '2026-04-25', notes: 'Nieuwe datum.' })]);
    expect(state).toMatchObject({
      status: 'SUBMITTED',
      startDate: '2026-04-13',
      endDate: '2026-04-25',
      delegationSize: 6,
      notes: 'Nieuwe datum.',
    });
  });

  it('keeps the latest assessment', () => {
    const state = fold(requestDecider, [
      submitted,
      requestAssessed(),
      requestAssessed({ recommendation: 'DECLINE', declineReason: 'NO_BUDGET', policyVersion: '2026.2' }),
    ]);
    expect(state).toMatchObject({
      latestAssessment: { recommendation: 'DECLINE', declineReason: 'NO_BUDGET', policyVersion: '2026.2' },
    });
  });

  it.each<[string, RequestEvent[], object]>([
    ['accepted', [submitted, accepted], { status: 'ACCEPTED', decidedOn: '2026-02-10', missionId: ids.mission }],
    ['declined', [submitted, declined], { status: 'DECLINED', decidedOn: '2026-02-10', reason: 'NO_BUDGET' }],
    [
      'withdrawn',
      [submitted, withdrawn],
      { status: 'WITHDRAWN', withdrawalReason: 'Het bezoek wordt een jaar uitgesteld.' },
    ],
  ])('ends %s', (_name, events, expected) => {
    expect(fold(requestDecider, events)).toMatchObject(expected);
  });

  it("a coordinator of the request's own municipality may act on it", () => {
    given([submitted])
      .when(withdraw(on('2026-03-02', coordinatorOf('11055'))))
      .then([withdrawn]);
  });
});
