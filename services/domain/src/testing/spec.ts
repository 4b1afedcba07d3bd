import type { Actor, Command, CommandMetadata, Event } from '@werkbezoek/schema';
import { expect } from 'vitest';
import { fold, type Decider } from '../decider.js';

let counter = 0;

/** Command metadata for tests: a staff actor on 2026-03-02 unless told otherwise. */
export function meta(overrides: Partial<CommandMetadata> & { actor?: Actor } = {}): CommandMetadata {
  counter++;
  return {
    commandId: `cmd-${counter}`,
    issuedAt: '2026-03-02T09:00:00.000Z',
    actor: { id: 'staff-test', role: 'STAFF' },
    ...overrides,
  };
}

export const coordinatorOf = (nisCode: string): Actor => ({
  id: `coordinator-${nisCode}`,
  role: 'COORDINATOR',
  nisCode,
});

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Given / when / then for deciders (Emmett's DeciderSpecification):
 * `spec(decider).given([events]).when(command).then([events])`, or
 * `.thenThrows(ErrorClass, /message/)`.
 */
export function spec<S, C extends Command, E extends Event>(decider: Decider<S, C, E>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, fold(decider, events));
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(error: ErrorClass, message?: RegExp) {
              let thrown: unknown;
              try {
                run();
              } catch (e) {
                thrown = e;
              }
              expect(thrown, 'the command should have been refused').toBeInstanceOf(error);
              if (message) expect((thrown as Error).message).toMatch(message);
            },
          };
        },
      };
    },
  };
}
