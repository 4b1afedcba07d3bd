import { IllegalStateError, MunicipalityRegistered, type Command, type Province } from '@werkbezoek/schema';
import type { Decider } from '../decider.js';
import { checkInput, event, type EventsOf } from '../events.js';

export type MunicipalityEvent = EventsOf<'MunicipalityRegistered'>;

export type MunicipalityState =
  | { readonly status: 'ABSENT' }
  | { readonly status: 'REGISTERED'; readonly nisCode: string; readonly name: string; readonly province: Province };

export type RegisterMunicipality = Command<
  'RegisterMunicipality',
  { nisCode: string; name: string; province: Province }
>;
export type MunicipalityCommand = RegisterMunicipality;

export const municipalityStream = (nisCode: string) => `municipality-${nisCode}`;

export function evolve(state: MunicipalityState, e: MunicipalityEvent): MunicipalityState {
  switch (e.type) {
    case 'MunicipalityRegistered':
      return { status: 'REGISTERED', ...e.data };
    default:
      return state;
  }
}

export function decide(command: MunicipalityCommand, state: MunicipalityState): MunicipalityEvent[] {
  switch (command.type) {
    case 'RegisterMunicipality': {
      const data = checkInput(MunicipalityRegistered.schema, command.data, 'municipality');
      if (state.status === 'REGISTERED') {
        throw new IllegalStateError(`Municipality ${state.nisCode} (${state.name}) is already registered`);
      }
      return [event('MunicipalityRegistered', data)];
    }
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`Unknown command ${String(_exhaustive)}`);
    }
  }
}

export const municipalityDecider: Decider<MunicipalityState, MunicipalityCommand, MunicipalityEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'ABSENT' }),
};
