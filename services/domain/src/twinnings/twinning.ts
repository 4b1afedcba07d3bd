import {
  AccompanimentAdvised,
  ContactLogged,
  IllegalStateError,
  NotFoundError,
  TwinningActorChanged,
  TwinningEnded,
  TwinningEstablished,
  ValidationError,
  type ActorKind,
  type Command,
  type EventData,
  type TwinningSide,
} from '@werkbezoek/schema';
import type { Decider } from '../decider.js';
import { checkInput, commandDate, event, type EventsOf } from '../events.js';

export type TwinningEvent = EventsOf<
  'TwinningEstablished' | 'TwinningActorChanged' | 'TwinningEnded' | 'AccompanimentAdvised' | 'ContactLogged'
>;

export interface ActorChange {
  readonly changedOn: string;
  readonly side: TwinningSide;
  readonly actorKind: ActorKind;
}

export interface TwinningDetails {
  readonly twinningId: string;
  readonly nisCode: string;
  readonly partnerName: string;
  readonly countryCode: string;
  readonly regionCode: string;
  readonly since: string;
  readonly actorChanges: readonly ActorChange[];
}

export type TwinningState =
  | { readonly status: 'ABSENT' }
  | ({ readonly status: 'ACTIVE' } & TwinningDetails)
  | ({ readonly status: 'ENDED'; readonly endedOn: string } & TwinningDetails);

export type EstablishTwinning = Command<
  'EstablishTwinning',
  EventData<'TwinningEstablished'> & {
    /** Whether the municipality is registered (looked up by the handler). */ municipalityRegistered: boolean;
  }
>;
export type RecordActorChange = Command<'RecordActorChange', EventData<'TwinningActorChanged'>>;
export type EndTwinning = Command<'EndTwinning', EventData<'TwinningEnded'>>;
export type AdviseAccompaniment = Command<'AdviseAccompaniment', EventData<'AccompanimentAdvised'>>;
export type LogContact = Command<'LogContact', EventData<'ContactLogged'>>;
export type TwinningCommand = EstablishTwinning | RecordActorChange | EndTwinning | AdviseAccompaniment | LogContact;

export const twinningStream = (twinningId: string) => `twinning-${twinningId}`;

export function evolve(state: TwinningState, e: TwinningEvent): TwinningState {
  switch (e.type) {
    case 'TwinningEstablished': {
      const { twinningId, nisCode, partnerName, countryCode, regionCode, since } = e.data;
      return { status: 'ACTIVE', twinningId, nisCode, partnerName, countryCode, regionCode, since, actorChanges: [] };
    }
    case 'TwinningActorChanged':
      if (state.status === 'ABSENT') return state;
      return {
        ...state,
        actorChanges: [
          ...state.actorChanges,
          { changedOn: e.data.changedOn, side: e.data.side, actorKind: e.data.actorKind },
        ],
      };
    case 'TwinningEnded':
      if (state.status !== 'ACTIVE') return state;
      return { ...state, status: 'ENDED', endedOn: e.data.endedOn };
    case 'AccompanimentAdvised':
    case 'ContactLogged':
      return state;
    default:
      return state;
  }
}

function requireActive(
  state: TwinningState,
  twinningId: string,
  doing: string,
): Extract<TwinningState, { status: 'ACTIVE' }> {
  if (state.status === 'ABSENT') throw new NotFoundError(`Twinning ${twinningId} does not exist; establish it first`);
  if (state.status === 'ENDED') {
    throw new IllegalStateError(
      `Twinning ${twinningId} (${state.nisCode}–${state.partnerName}) ended on ${state.endedOn}: cannot ${doing}`,
    );
  }
  return state;
}

export function decide(command: TwinningCommand, state: TwinningState): TwinningEvent[] {
  const today = commandDate(command.metadata.issuedAt);
  switch (command.type) {
    case 'EstablishTwinning': {
      const { municipalityRegistered, ...input } = command.data;
      const data = checkInput(TwinningEstablished.schema, input, 'twinning');
      if (!municipalityRegistered) {
        throw new NotFoundError(
          `Municipality ${data.nisCode} is not registered; register it before establishing its twinning`,
        );
      }
      if (state.status !== 'ABSENT') throw new IllegalStateError(`Twinning ${state.twinningId} already exists`);
      if (data.since > today)
        throw new ValidationError(`A twinning cannot start in the future (since ${data.since}, today ${today})`, [
          'since',
        ]);
      return [event('TwinningEstablished', data)];
    }
    case 'RecordActorChange': {
      const data = checkInput(TwinningActorChanged.schema, command.data, 'actor change');
      const twinning = requireActive(state, data.twinningId, 'record an actor change');
      if (data.changedOn > today)
        throw new ValidationError(`An actor change cannot be recorded in the future (${data.changedOn})`, [
          'changedOn',
        ]);
      if (data.changedOn < twinning.since) {
        throw new ValidationError(
          `The change on ${data.changedOn} lies before the twinning started (${twinning.since})`,
          ['changedOn'],
        );
      }
      return [event('TwinningActorChanged', data)];
    }
    case 'EndTwinning': {
      const data = checkInput(TwinningEnded.schema, command.data, 'end of twinning');
      const twinning = requireActive(state, data.twinningId, 'end it again');
      if (data.endedOn > today)
        throw new ValidationError(`A twinning cannot be ended in the future (${data.endedOn})`, ['endedOn']);
      if (data.endedOn < twinning.since) {
        throw new ValidationError(`A twinning cannot end (${data.endedOn}) before it started (${twinning.since})`, [
          'endedOn',
        ]);
      }
      return [event('TwinningEnded', data)];
    }
    case 'AdviseAccompaniment': {
      const data = checkInput(AccompanimentAdvised.schema, command.data, 'advice');
      const twinning = requireActive(state, data.twinningId, 'advise accompaniment');
      if (data.nisCode !== twinning.nisCode) {
        throw new ValidationError(
          `Twinning ${twinning.twinningId} belongs to municipality ${twinning.nisCode}, not ${data.nisCode}`,
          ['nisCode'],
        );
      }
      return [event('AccompanimentAdvised', data)];
    }
    case 'LogContact': {
      const data = checkInput(ContactLogged.schema, command.data, 'contact');
      if (state.status === 'ABSENT') throw new NotFoundError(`Twinning ${data.twinningId} does not exist`);
      if (data.contactedOn > today)
        throw new ValidationError(`A contact cannot be logged in the future (${data.contactedOn})`, ['contactedOn']);
      return [event('ContactLogged', data)];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const twinningDecider: Decider<TwinningState, TwinningCommand, TwinningEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'ABSENT' }),
};
