import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@werkbezoek/eventstore';
import type { AppendOptions, AppendResult } from '@werkbezoek/eventstore';
import type { Actor, NewEvent, RecordedEvent, WerkbezoekEvent } from '@werkbezoek/schema';
import { EventLogContext } from '../context/eventLogContext.js';
import { CommandHandlers } from '../handlers.js';
import { meta } from './spec.js';

export const staffActor: Actor = { id: 'staff-1', role: 'STAFF' };
export const managementActor: Actor = { id: 'mgmt-1', role: 'MANAGEMENT' };

/** Command metadata at 09:00 UTC on a day. */
export const at = (day: string, actor: Actor = staffActor) => meta({ issuedAt: `${day}T09:00:00.000Z`, actor });

/** A real SQLite store in a temporary directory, with handlers over it. */
export function sqliteWorld() {
  const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-domain-'));
  const store = new SqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'NORMAL' });
  return {
    store,
    handlers: new CommandHandlers(store, new EventLogContext(store)),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function streamEvents(store: EventStore, streamId: string): Promise<RecordedEvent<WerkbezoekEvent>[]> {
  const out: RecordedEvent<WerkbezoekEvent>[] = [];
  for await (const e of store.readStream(streamId)) out.push(e as RecordedEvent<WerkbezoekEvent>);
  return out;
}

/** Registers a municipality with a twinning in a region; returns the twinning id. */
export async function twinned(
  handlers: CommandHandlers,
  nisCode: string,
  name: string,
  regionCode = 'BJ-ZO',
  partnerName = 'Bohicon',
): Promise<string> {
  await handlers.registerMunicipality({ nisCode, name, province: 'ANTWERPEN' }, at('2026-01-05'));
  const { id } = await handlers.establishTwinning(
    { nisCode, partnerName, countryCode: regionCode.slice(0, 2), regionCode, since: '2015-01-01', policyDomains: [] },
    at('2026-01-05'),
  );
  return id;
}

/** The real store, made to fail the n-th append: a crash between two steps of a command. */
export function failingOnAppend(store: EventStore, n: number): EventStore {
  let appends = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'appendToStream') {
        return (streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> => {
          if (++appends === n) return Promise.reject(new Error(`simulated crash before append ${n} (${streamId})`));
          return target.appendToStream(streamId, events, options);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}
