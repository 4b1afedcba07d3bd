import { MemoryEventStore, MemoryKeys, PersonalDataCodec, memoryKeyStore } from '@werkbezoek/eventstore';
import { IllegalStateError, werkbezoekCatalogue, type DataSubjectKind } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { loadStream } from '../commandHandler.js';
import { EventLogContext } from '../context/eventLogContext.js';
import { CommandHandlers } from '../handlers.js';
import { staffDecider, staffStream } from '../staff/staffMember.js';
import { at, managementActor, staffActor } from '../testing/world.js';
import { PrivacyHandlers } from './handlers.js';

/*
 * The erasure's effect in the process that handles it, on a store that
 * encrypts personal data as the platform's does: the key goes after
 * DataSubjectErased is stored, and nothing this process folded before (the
 * domain context's staff, a loaded stream) keeps the name; another process's
 * context that read the name drops it when it sees the erasure in the log.
 */
function platform() {
  const keys = memoryKeyStore(new MemoryKeys());
  const store = new MemoryEventStore(werkbezoekCatalogue, undefined, { codec: new PersonalDataCodec(keys) });
  const context = new EventLogContext(store);
  const kinds = new Map<string, DataSubjectKind[]>();
  const privacy = new PrivacyHandlers({
    store,
    // The platform asks the data-subject read model; here, whom the test registered.
    subjects: { kindsOf: async (id) => kinds.get(id) ?? [] },
    keys,
    forget: () => context.forget(),
  });
  return { keys, store, context, kinds, privacy, handlers: new CommandHandlers(store, context) };
}

describe('erasing a staff member in the process that confirms it', () => {
  it('deletes the key after the erasure is stored and forgets every folded copy of the name', async () => {
    const p = platform();
    const { id: lies } = await p.handlers.registerStaffMember(
      { name: 'Lies Janssens', daysPerYear: 40, fromYear: 2026 },
      at('2026-01-05'),
    );
    p.kinds.set(lies, ['STAFF_MEMBER']);
    // Read, so the context and the stream cache hold her name in clear.
    expect((await p.context.staffAvailability(2026)).map((s) => s.name)).toEqual(['Lies Janssens']);
    expect((await loadStream(p.store, staffDecider, staffStream(lies))).state).toMatchObject({ name: 'Lies Janssens' });

    const { id: erasureId } = await p.privacy.requestErasure(
      { subjectId: lies, reason: 'DATA_SUBJECT_REQUEST' },
      at('2026-03-02', managementActor),
    );
    expect((await p.keys.lookup([lies])).get(lies)).toBeInstanceOf(Buffer);
    await p.privacy.confirmErasure({ erasureId, subjectId: lies }, at('2026-03-03', staffActor));

    expect((await p.keys.lookup([lies])).get(lies)).toBe('erased');
    expect((await p.context.staffAvailability(2026)).map((s) => s.name)).toEqual(['[gewist]']);
    expect((await loadStream(p.store, staffDecider, staffStream(lies))).state).toMatchObject({ name: '[gewist]' });
    // Her data can no longer be recorded; confirming again stores nothing and changes nothing.
    await expect(
      p.handlers.registerStaffMember({ staffMemberId: lies, name: 'Lies Janssens' }, at('2026-03-04')),
    ).rejects.toThrow(IllegalStateError);
    const head = await p.store.headPosition();
    await p.privacy.confirmErasure({ erasureId, subjectId: lies }, at('2026-03-05', staffActor));
    expect(await p.store.headPosition()).toBe(head);
  });

  it("drops another process's copy when its context sees the erasure in the log", async () => {
    const p = platform();
    const replica = new EventLogContext(p.store);
    const { id: lies } = await p.handlers.registerStaffMember(
      { name: 'Lies Janssens', daysPerYear: 40 },
      at('2026-01-05'),
    );
    p.kinds.set(lies, ['STAFF_MEMBER']);
    expect((await replica.staffAvailability(2026)).map((s) => s.name)).toEqual(['Lies Janssens']);
    const { id: erasureId } = await p.privacy.requestErasure(
      { subjectId: lies, reason: 'CONSENT_WITHDRAWN' },
      at('2026-03-02', managementActor),
    );
    await p.privacy.confirmErasure({ erasureId, subjectId: lies }, at('2026-03-03', staffActor));
    expect((await replica.staffAvailability(2026)).map((s) => s.name)).toEqual(['[gewist]']);
  });
});
