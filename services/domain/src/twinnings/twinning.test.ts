import { IllegalStateError, NotFoundError, ValidationError } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { fold } from '../decider.js';
import { event } from '../events.js';
import {
  commandsFor,
  ids,
  on,
  twinningEnded,
  twinningEstablished,
  type Refusal as RefusalOf,
} from '../testing/builders.js';
import { spec } from '../testing/spec.js';
import {
  twinningDecider,
  type AdviseAccompaniment,
  type EstablishTwinning,
  type LogContact,
  type RecordActorChange,
  type TwinningCommand,
  type TwinningEvent,
} from './twinning.js';

const command = commandsFor<TwinningCommand>();
const given = (events: TwinningEvent[]) => spec(twinningDecider).given(events);

const establish = (data: Partial<EstablishTwinning['data']> = {}) =>
  command(
    'EstablishTwinning',
    { ...twinningEstablished().data, municipalityRegistered: true, ...data },
    on('2026-01-05'),
  );
const actorChange = {
  twinningId: ids.twinning,
  side: 'SOUTH',
  actorKind: 'MAYOR',
  changedOn: '2026-01-20',
  description: 'Na de gemeenteraadsverkiezingen heeft Bohicon een nieuwe burgemeester.',
} as const;
const recordActorChange = (data: Partial<RecordActorChange['data']> = {}) =>
  command('RecordActorChange', { ...actorChange, ...data }, on('2026-02-02'));
const end = (data: { endedOn?: string; reason?: string } = {}) =>
  command(
    'EndTwinning',
    {
      twinningId: ids.twinning,
      endedOn: '2025-12-31',
      reason: 'De federale financiering voor Benin liep af.',
      ...data,
    },
    on('2026-01-15'),
  );
const advice = {
  adviceId: ids.advice,
  twinningId: ids.twinning,
  nisCode: '11055',
  missionType: 'EVALUATION',
  reasons: ['ACTOR_RENEWAL'],
  rationale: 'Met de nieuwe burgemeester in Bohicon is een begeleide evaluatiemissie opportuun.',
} as const;
const advise = (data: Partial<AdviseAccompaniment['data']> = {}) =>
  command('AdviseAccompaniment', { ...advice, reasons: [...advice.reasons], ...data }, on('2026-02-02'));
const contact = {
  contactId: ids.contact,
  twinningId: ids.twinning,
  contactedOn: '2026-02-02',
  channel: 'PHONE',
  person: { personId: ids.person, name: 'An Peeters', function: 'Stedenbandcoördinator' },
  staffMemberId: ids.staff,
  summary: 'Gesprek over de timing van het werkbezoek in april.',
} as const;
const logContact = (data: Partial<LogContact['data']> = {}, day = '2026-02-02') =>
  command('LogContact', { ...contact, ...data }, on(day));

/** Zoersel's twinning with Bohicon (Zou, Benin), since 2011. */
const established = twinningEstablished();
const ended = twinningEnded();

type Refusal = RefusalOf<TwinningEvent, TwinningCommand>;

describe('establishing a twinning', () => {
  it('establishes the twinning of a registered municipality with its partner', () => {
    given([]).when(establish()).then([established]);
  });

  it('keeps the programme', () => {
    given([])
      .when(establish({ programme: 'GLOBE_2022_2026' }))
      .then([twinningEstablished({ programme: 'GLOBE_2022_2026' })]);
  });

  it.each<Refusal>([
    [
      'the municipality is not registered',
      [],
      establish({ municipalityRegistered: false }),
      NotFoundError,
      /Municipality 11055 is not registered; register it before establishing its twinning/,
    ],
    [
      'the region lies outside the country',
      [],
      establish({ countryCode: 'BJ', regionCode: 'SN-DK' }),
      ValidationError,
      /regionCode: region SN-DK does not lie in country BJ/,
    ],
    [
      'the region code does not exist',
      [],
      establish({ regionCode: 'BJ-XX' }),
      ValidationError,
      /"BJ-XX" is not an ISO 3166-2 subdivision code \(e.g. "BJ-ZO" for Zou, Benin\)/,
    ],
    [
      'the country code does not exist',
      [],
      establish({ countryCode: 'XX', regionCode: 'BJ-ZO' }),
      ValidationError,
      /"XX" is not an ISO 3166-1 alpha-2 country code/,
    ],
    ['the twinning already exists', [established], establish(), IllegalStateError, /Twinning .* already exists/],
    [
      'it starts in the future',
      [],
      establish({ since: '2026-02-01' }),
      ValidationError,
      /A twinning cannot start in the future \(since 2026-02-01, today 2026-01-05\)/,
    ],
    ['the partner has no name', [], establish({ partnerName: '' }), ValidationError, /partnerName: must not be empty/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('recording an actor change', () => {
  it('records a renewal in the North or the South', () => {
    given([established])
      .when(recordActorChange())
      .then([event('TwinningActorChanged', actorChange)]);
  });

  it.each<Refusal>([
    [
      'the twinning does not exist',
      [],
      recordActorChange(),
      NotFoundError,
      /Twinning .* does not exist; establish it first/,
    ],
    [
      'the twinning has ended',
      [established, ended],
      recordActorChange(),
      IllegalStateError,
      /\(11055–Bohicon\) ended on 2025-12-31: cannot record an actor change/,
    ],
    [
      'the change lies before the twinning started',
      [established],
      recordActorChange({ changedOn: '2010-06-01' }),
      ValidationError,
      /The change on 2010-06-01 lies before the twinning started \(2011-01-01\)/,
    ],
    [
      'the actor kind is unknown',
      [established],
      recordActorChange({ actorKind: 'KING' as never }),
      ValidationError,
      /unknown actor kind "KING"/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('ending a twinning', () => {
  it('ends the twinning with a reason', () => {
    given([established]).when(end()).then([ended]);
  });

  it.each<Refusal>([
    ['the twinning does not exist', [], end(), NotFoundError, /does not exist/],
    [
      'it has already ended',
      [established, ended],
      end(),
      IllegalStateError,
      /ended on 2025-12-31: cannot end it again/,
    ],
    [
      'it ends before it started',
      [established],
      end({ endedOn: '2010-12-31' }),
      ValidationError,
      /A twinning cannot end \(2010-12-31\) before it started \(2011-01-01\)/,
    ],
    ['no reason is given', [established], end({ reason: '' }), ValidationError, /reason: must not be empty/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('advising accompaniment', () => {
  it("advises the twinning's municipality to ask for accompaniment", () => {
    given([established])
      .when(advise())
      .then([event('AccompanimentAdvised', { ...advice, reasons: ['ACTOR_RENEWAL'] })]);
  });

  it.each<Refusal>([
    ['the twinning does not exist', [], advise(), NotFoundError, /does not exist/],
    ['the twinning has ended', [established, ended], advise(), IllegalStateError, /cannot advise accompaniment/],
    [
      'the advice names another municipality',
      [established],
      advise({ nisCode: '44021' }),
      ValidationError,
      /belongs to municipality 11055, not 44021/,
    ],
    [
      'the advice has no rationale',
      [established],
      advise({ rationale: ' ' }),
      ValidationError,
      /rationale: must not be empty/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('logging a contact', () => {
  it('logs a conversation: the golden rule is personal contact', () => {
    given([established])
      .when(logContact())
      .then([event('ContactLogged', contact)]);
  });

  it('logs contacts after the twinning ended too', () => {
    given([established, ended])
      .when(logContact())
      .then([event('ContactLogged', contact)]);
  });

  it.each<Refusal>([
    ['the twinning does not exist', [], logContact(), NotFoundError, /Twinning .* does not exist/],
    [
      'the contact lies in the future',
      [established],
      logContact({ contactedOn: '2026-02-03' }),
      ValidationError,
      /A contact cannot be logged in the future \(2026-02-03\)/,
    ],
    [
      'the channel is unknown',
      [established],
      logContact({ channel: 'PIGEON' as never }),
      ValidationError,
      /unknown contact channel "PIGEON"/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('the twinning state', () => {
  it('keeps the actor changes and the end', () => {
    const state = fold(twinningDecider, [established, event('TwinningActorChanged', actorChange), ended]);
    expect(state).toMatchObject({
      status: 'ENDED',
      endedOn: '2025-12-31',
      regionCode: 'BJ-ZO',
      actorChanges: [{ changedOn: '2026-01-20', side: 'SOUTH', actorKind: 'MAYOR' }],
    });
  });
});
