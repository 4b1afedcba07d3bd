import { IllegalStateError, ValidationError } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { fold } from '../decider.js';
import {
  commandsFor,
  gent,
  municipalityRegistered,
  on,
  zoersel,
  type Refusal as RefusalOf,
} from '../testing/builders.js';
import { spec } from '../testing/spec.js';
import {
  municipalityDecider,
  type MunicipalityCommand,
  type MunicipalityEvent,
  type RegisterMunicipality,
} from './municipality.js';

const command = commandsFor<MunicipalityCommand>();
const given = (events: MunicipalityEvent[]) => spec(municipalityDecider).given(events);
const register = (data: Partial<RegisterMunicipality['data']> = {}) =>
  command('RegisterMunicipality', { ...zoersel, ...data }, on('2026-01-05'));

type Refusal = RefusalOf<MunicipalityEvent, MunicipalityCommand>;

describe('registering a municipality', () => {
  it.each([zoersel, gent])('registers $name by its NIS code $nisCode', (municipality) => {
    given([])
      .when(register(municipality))
      .then([municipalityRegistered(municipality)]);
  });

  it('trims the name', () => {
    given([])
      .when(register({ name: '  Zoersel ' }))
      .then([municipalityRegistered()]);
  });

  it.each<Refusal>([
    [
      'it is already registered',
      [municipalityRegistered()],
      register(),
      IllegalStateError,
      /Municipality 11055 \(Zoersel\) is already registered/,
    ],
    [
      'the NIS code is not five digits',
      [],
      register({ nisCode: '1105' }),
      ValidationError,
      /nisCode: a Belgian NIS code is five digits, such as "11055" for Zoersel/,
    ],
    [
      'the NIS code starts with 0',
      [],
      register({ nisCode: '01055' }),
      ValidationError,
      /a Belgian NIS code is five digits/,
    ],
    ['the name is empty', [], register({ name: '' }), ValidationError, /name: must not be empty/],
    [
      'the province is not Flemish',
      [],
      register({ province: 'HAINAUT' as never }),
      ValidationError,
      /unknown province "HAINAUT"; expected one of ANTWERPEN, LIMBURG, OOST_VLAANDEREN, VLAAMS_BRABANT, WEST_VLAANDEREN/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });

  it('knows the registered municipality', () => {
    expect(fold(municipalityDecider, [municipalityRegistered()])).toEqual({ status: 'REGISTERED', ...zoersel });
  });
});
