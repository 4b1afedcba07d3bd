import {
  BudgetAllocated,
  BudgetReleased,
  BudgetReserved,
  CostRecorded,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  type Command,
  type EventData,
} from '@werkbezoek/schema';
import type { Decider } from '../decider.js';
import { PersistentMap } from '../persistentMap.js';
import { checkInput, event, type EventsOf } from '../events.js';

export type BudgetEvent = EventsOf<'BudgetAllocated' | 'BudgetReserved' | 'BudgetReleased' | 'CostRecorded'>;

export interface Reservation {
  readonly missionId: string | undefined;
  readonly amountEur: number;
  readonly releasedEur: number;
  readonly spentEur: number;
}

/** The programme budget of one year, in cents internally so sums stay exact. */
export interface BudgetState {
  readonly year: number | undefined;
  readonly allocatedCents: number;
  readonly spentCents: number;
  readonly reservations: PersistentMap<Reservation>;
  /** What the reservations still hold back, kept as events arrive. */
  readonly reservedCents: number;
}

export type AllocateBudget = Command<'AllocateBudget', EventData<'BudgetAllocated'>>;
export type ReserveBudget = Command<'ReserveBudget', EventData<'BudgetReserved'>>;
export type ReleaseBudget = Command<'ReleaseBudget', EventData<'BudgetReleased'>>;
export type RecordCost = Command<'RecordCost', EventData<'CostRecorded'>>;
/** Records the real costs of a mission and releases what its reservation still holds, in one append. */
export type SettleReservation = Command<
  'SettleReservation',
  {
    year: number;
    reservationId?: string | undefined;
    costs: readonly Omit<EventData<'CostRecorded'>, 'year' | 'reservationId'>[];
    reason: string;
  }
>;
export type BudgetCommand = AllocateBudget | ReserveBudget | ReleaseBudget | RecordCost | SettleReservation;

export const budgetStream = (year: number) => `budget-${year}`;

const cents = (eur: number) => Math.round(eur * 100);
const eur = (c: number) => c / 100;

/** What is still held back by a reservation: reserved, less released and spent against it. */
export function outstandingCents(r: Reservation): number {
  return Math.max(0, cents(r.amountEur) - cents(r.releasedEur) - cents(r.spentEur));
}

export const reservedCents = (state: BudgetState): number => state.reservedCents;

/** Allocated, less what reservations still hold and what was spent. */
export function unreservedEur(state: BudgetState): number {
  return eur(state.allocatedCents - reservedCents(state) - state.spentCents);
}

/** `state` with reservation `id` replaced by `next`, and the reserved total adjusted. */
function withReservation(state: BudgetState, id: string, next: Reservation): BudgetState {
  const before = state.reservations.get(id);
  return {
    ...state,
    reservations: state.reservations.with(id, next),
    reservedCents: state.reservedCents - (before ? outstandingCents(before) : 0) + outstandingCents(next),
  };
}

export function evolve(state: BudgetState, e: BudgetEvent): BudgetState {
  switch (e.type) {
    case 'BudgetAllocated':
      return { ...state, year: e.data.year, allocatedCents: state.allocatedCents + cents(e.data.amountEur) };
    case 'BudgetReserved':
      return withReservation({ ...state, year: e.data.year }, e.data.reservationId, {
        missionId: e.data.missionId,
        amountEur: e.data.amountEur,
        releasedEur: 0,
        spentEur: 0,
      });
    case 'BudgetReleased': {
      const r = state.reservations.get(e.data.reservationId);
      if (!r) return state;
      return withReservation(state, e.data.reservationId, {
        ...r,
        releasedEur: eur(cents(r.releasedEur) + cents(e.data.amountEur)),
      });
    }
    case 'CostRecorded': {
      const next = { ...state, year: e.data.year, spentCents: state.spentCents + cents(e.data.amountEur) };
      const r = e.data.reservationId ? state.reservations.get(e.data.reservationId) : undefined;
      if (!r || !e.data.reservationId) return next;
      return withReservation(next, e.data.reservationId, {
        ...r,
        spentEur: eur(cents(r.spentEur) + cents(e.data.amountEur)),
      });
    }
    default:
      return state;
  }
}

function checkYear(state: BudgetState, year: number): void {
  if (state.year !== undefined && state.year !== year)
    throw new ValidationError(`This is the budget of ${state.year}, not ${year}`, ['year']);
}

export function decide(command: BudgetCommand, state: BudgetState): BudgetEvent[] {
  switch (command.type) {
    case 'AllocateBudget': {
      const data = checkInput(BudgetAllocated.schema, command.data, 'budget allocation');
      checkYear(state, data.year);
      if (data.amountEur <= 0) throw new ValidationError('An allocation must be more than €0', ['amountEur']);
      return [event('BudgetAllocated', data)];
    }
    case 'ReserveBudget': {
      const data = checkInput(BudgetReserved.schema, command.data, 'reservation');
      checkYear(state, data.year);
      if (state.reservations.has(data.reservationId))
        throw new IllegalStateError(`Reservation ${data.reservationId} already exists`);
      const free = unreservedEur(state);
      if (data.amountEur > free) {
        throw new IllegalStateError(
          `The ${data.year} budget has €${free.toFixed(2)} unreserved; €${data.amountEur.toFixed(2)} is needed: ` +
            (data.requestId
              ? 'allocate more, or decline with NO_BUDGET'
              : 'allocate more, ask for less, or reject the joint mission or event'),
        );
      }
      return [event('BudgetReserved', data)];
    }
    case 'ReleaseBudget': {
      const data = checkInput(BudgetReleased.schema, command.data, 'release');
      checkYear(state, data.year);
      const r = state.reservations.get(data.reservationId);
      if (!r) throw new NotFoundError(`The ${data.year} budget has no reservation ${data.reservationId}`);
      const outstanding = eur(outstandingCents(r));
      if (data.amountEur > outstanding) {
        throw new IllegalStateError(
          `Reservation ${data.reservationId} holds €${outstanding.toFixed(2)}; cannot release €${data.amountEur.toFixed(2)}`,
        );
      }
      if (data.amountEur === 0) return [];
      return [event('BudgetReleased', data)];
    }
    case 'RecordCost': {
      const data = checkInput(CostRecorded.schema, command.data, 'cost');
      checkYear(state, data.year);
      if (data.reservationId && !state.reservations.has(data.reservationId)) {
        throw new NotFoundError(`The ${data.year} budget has no reservation ${data.reservationId}`);
      }
      return [event('CostRecorded', data)];
    }
    case 'SettleReservation': {
      const { year, reservationId, costs, reason } = command.data;
      checkYear(state, year);
      const reservation = reservationId ? state.reservations.get(reservationId) : undefined;
      if (reservationId && !reservation)
        throw new NotFoundError(`The ${year} budget has no reservation ${reservationId}`);
      const events: BudgetEvent[] = costs.map((cost) =>
        event(
          'CostRecorded',
          checkInput(CostRecorded.schema, { ...cost, year, ...(reservationId ? { reservationId } : {}) }, 'cost'),
        ),
      );
      if (reservation && reservationId) {
        const spent = costs.reduce((sum, c) => sum + cents(c.amountEur), 0);
        const left = Math.max(0, outstandingCents(reservation) - spent);
        if (left > 0)
          events.push(
            event(
              'BudgetReleased',
              checkInput(BudgetReleased.schema, { year, reservationId, amountEur: eur(left), reason }, 'release'),
            ),
          );
      }
      return events;
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const budgetDecider: Decider<BudgetState, BudgetCommand, BudgetEvent> = {
  decide,
  evolve,
  initialState: () => ({
    year: undefined,
    allocatedCents: 0,
    spentCents: 0,
    reservations: PersistentMap.empty(),
    reservedCents: 0,
  }),
};
