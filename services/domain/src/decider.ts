import type { Command, Event } from '@werkbezoek/schema';

/**
 * An aggregate's decision logic, in Emmett's shape: `decide` turns a command
 * and the current state into new events (or throws a DomainError), `evolve`
 * folds an event into the state. Both are pure: time and ids come in through
 * the command.
 */
export interface Decider<State, C extends Command, E extends Event> {
  decide(command: C, state: State): E[];
  evolve(state: State, event: E): State;
  initialState(): State;
}

/** Folds events into a decider's state. */
export function fold<State, E extends Event>(
  decider: Pick<Decider<State, never, E>, 'evolve' | 'initialState'>,
  events: readonly E[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
