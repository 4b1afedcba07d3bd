import {
  ERASED_VALUE,
  ValidationError,
  createCatalogue,
  defineEvent,
  uuidv7,
  werkbezoekCatalogue,
} from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isEnvelope } from './envelope.js';
import { memoryKeyStore, type SubjectKeyStore } from './keyStore.js';
import { PersonalDataCodec, UnreadablePersonalDataError } from './personalDataCodec.js';

const Assessed = defineEvent({
  type: 'ProbeAssessed',
  aggregate: 'probe',
  description: 'A probe with personal values that are not strings.',
  schema: z.strictObject({
    probeId: z.string(),
    explanation: z.strictObject({ nl: z.array(z.string()), en: z.array(z.string()) }),
    inputs: z.record(z.string(), z.unknown()),
    members: z.array(z.strictObject({ name: z.string(), age: z.number() })).optional(),
    score: z.number(),
  }),
  personalData: [{ subject: 'probeId', fields: ['explanation', 'inputs', 'members[].name', 'members[].age'] }],
});
const catalogue = createCatalogue([Assessed]);

function counting(keys: SubjectKeyStore): SubjectKeyStore & { lookups: number } {
  const wrapped = {
    lookups: 0,
    keyFor: (id: string) => keys.keyFor(id),
    lookup: (ids: readonly string[]) => {
      wrapped.lookups++;
      return keys.lookup(ids);
    },
    erase: (id: string, at: string) => keys.erase(id, at),
    subjects: () => keys.subjects(),
    close: () => keys.close(),
  };
  return wrapped;
}

describe('the personal data codec', () => {
  const data = {
    probeId: uuidv7(),
    explanation: { nl: ['An heeft het meest vrij'], en: ['An is the most free'] },
    inputs: { staff: { mostFree: { name: 'An Peeters', freeDays: 188 } } },
    members: [
      { name: 'Bert', age: 41 },
      { name: 'Chris', age: 37 },
    ],
    score: 3,
  };

  it('seals values of any shape (JSON), element by element under [], and opens them with their types', async () => {
    const codec = new PersonalDataCodec(memoryKeyStore(), catalogue);
    const event = { eventId: uuidv7(), type: Assessed.type, data };
    const [sealed] = await codec.encode([event]);
    const stored = sealed!.data as Record<string, unknown> & { members: Record<string, unknown>[] };
    expect(isEnvelope(stored.explanation)).toBe(true);
    expect(isEnvelope(stored.inputs)).toBe(true);
    expect(stored.members.every((m) => isEnvelope(m.name) && isEnvelope(m.age))).toBe(true);
    expect(stored.score).toBe(3);
    // Outside the envelopes (random base64 may spell anything).
    expect(JSON.stringify(stored).replace(/enc:v1:[\w-]+/g, '')).not.toMatch(/An|Bert|Chris|188/);
    expect(event.data).toBe(data);

    const read = { eventId: event.eventId, type: event.type, data: stored as unknown };
    await codec.decode([read]);
    expect(read.data).toEqual(data);
  });

  it('reads an erased subject as placeholders that keep the shape readers expect', async () => {
    const keys = memoryKeyStore();
    const codec = new PersonalDataCodec(keys, catalogue);
    const [sealed] = await codec.encode([{ eventId: uuidv7(), type: Assessed.type, data }]);
    await keys.erase(data.probeId, '2026-05-04T10:00:00.000Z');
    const read = { ...sealed!, data: sealed!.data as unknown };
    await codec.decode([read]);
    expect(read.data).toEqual({
      probeId: data.probeId,
      explanation: { nl: [ERASED_VALUE], en: [ERASED_VALUE] },
      inputs: {},
      members: [
        { name: ERASED_VALUE, age: ERASED_VALUE },
        { name: ERASED_VALUE, age: ERASED_VALUE },
      ],
      score: 3,
    });
  });

  it('gives a field to the first subject the event names: request notes to the contact, else the request', async () => {
    const keys = memoryKeyStore();
    const codec = new PersonalDataCodec(keys, werkbezoekCatalogue);
    const [requestId, personId] = [uuidv7(), uuidv7()];
    const request = {
      requestId,
      twinningId: uuidv7(),
      nisCode: '11055',
      missionType: 'EVALUATION',
      startDate: '2026-03-02',
      endDate: '2026-03-12',
      delegationSize: 6,
      policyDomains: [],
      claimedReasons: [],
      notes: 'Bel An na vijf uur',
    };
    const withContact = { ...request, contact: { personId, name: 'An Peeters' } };
    const events = [
      { eventId: uuidv7(), type: 'AccompanimentRequestSubmitted', data: request },
      { eventId: uuidv7(), type: 'AccompanimentRequestSubmitted', data: withContact },
    ];
    const sealed = await codec.encode(events);
    await keys.erase(requestId, '2026-05-04T10:00:00.000Z');
    const read = sealed.map((e) => ({ ...e, data: e.data }));
    await codec.decode(read);
    expect(read[0]!.data).toEqual({ ...request, notes: ERASED_VALUE });
    expect(read[1]!.data).toEqual(withContact);
  });

  it('refuses a personal field whose event names none of its subjects', async () => {
    const codec = new PersonalDataCodec(memoryKeyStore(), catalogue);
    const { probeId: _, ...orphan } = data;
    const error = await codec
      .encode([{ eventId: uuidv7(), type: Assessed.type, data: orphan }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      'ProbeAssessed: explanation is personal data, but the event names none of its subjects (probeId); name one so it can be encrypted',
    );
  });

  it('opens a batch with one key lookup, and leaves events without personal data alone', async () => {
    const keys = counting(memoryKeyStore());
    const codec = new PersonalDataCodec(keys, catalogue);
    const events = Array.from({ length: 20 }, () => ({
      eventId: uuidv7(),
      type: Assessed.type,
      data: { ...data, probeId: uuidv7() },
    }));
    const sealed = (await codec.encode(events)).map((e) => ({ ...e, data: e.data }));
    const other = { eventId: uuidv7(), type: 'Unknown', data: { name: 'enc:v1:not-ours' } as unknown };
    await codec.decode([...sealed, other]);
    expect(keys.lookups).toBe(1);
    expect(sealed.map((e) => e.data)).toEqual(events.map((e) => e.data));
    expect(other.data).toEqual({ name: 'enc:v1:not-ours' });
  });

  it('keeps sealed values as they are and seals plaintext ones, for data as a store holds it', async () => {
    const keys = memoryKeyStore();
    const codec = new PersonalDataCodec(keys, catalogue);
    const eventId = uuidv7();
    const [sealed] = await codec.encode([{ eventId, type: Assessed.type, data }]);
    const stored = sealed!.data;
    const mixed = { ...stored, explanation: data.explanation };
    const [copied] = await codec.encode([{ eventId, type: Assessed.type, data: mixed }], { stored: true });
    const copy = copied!.data;
    expect(copy.inputs).toBe(stored.inputs);
    expect(isEnvelope(copy.explanation)).toBe(true);
    const read = { eventId, type: Assessed.type, data: copy as unknown };
    await codec.decode([read]);
    expect(read.data).toEqual(data);
  });

  it('decrypts a value when it is first read: a changed one throws then, the others read', async () => {
    const codec = new PersonalDataCodec(memoryKeyStore(), catalogue);
    const [sealed] = await codec.encode([{ eventId: uuidv7(), type: Assessed.type, data }]);
    const stored = sealed!.data as unknown as Record<string, string>;
    const changed = { ...stored, inputs: stored.explanation! };
    const read = { ...sealed!, data: changed as unknown };
    await codec.decode([read]);
    expect(changed.inputs).toBe(stored.explanation);
    const opened = read.data as typeof data;
    expect(opened.explanation).toEqual(data.explanation);
    expect(() => opened.inputs).toThrow(
      new RegExp(`^Event ${sealed!.eventId} \\(ProbeAssessed\\): the personal data at "inputs" cannot be read`),
    );
    expect(() => JSON.stringify(opened)).toThrow(UnreadablePersonalDataError);
    // Once read, a value is a plain property.
    expect(Object.getOwnPropertyDescriptor(opened, 'explanation')).toMatchObject({ writable: true });
    // An object frozen before its values were read still reads them.
    const again = { ...sealed!, data: { ...stored } as unknown };
    await codec.decode([again]);
    const frozen = Object.freeze(again.data as typeof data);
    expect(frozen.inputs).toEqual(data.inputs);
    expect(frozen.inputs).toEqual(data.inputs);
  });

  it('opens the data it owns in place, and leaves data it does not own unchanged', async () => {
    const codec = new PersonalDataCodec(memoryKeyStore(), catalogue);
    const [sealed] = await codec.encode([{ eventId: uuidv7(), type: Assessed.type, data }]);
    const stored = Object.freeze(sealed!.data);
    const borrowed = { ...sealed!, data: stored as unknown };
    await codec.decode([borrowed]);
    expect(borrowed.data).not.toBe(stored);
    expect(isEnvelope((stored as { inputs: unknown }).inputs)).toBe(true);
    expect(borrowed.data).toEqual(data);
    const own = structuredClone(sealed!.data);
    const owned = { ...sealed!, data: own as unknown };
    await codec.decode([owned], { owned: true });
    expect(owned.data).toBe(own);
    expect(owned.data).toEqual(data);
  });

  it('names the event, type and path of a value whose key is not in the store', async () => {
    const codec = new PersonalDataCodec(memoryKeyStore(), catalogue);
    const [sealed] = await codec.encode([{ eventId: uuidv7(), type: Assessed.type, data }]);
    const elsewhere = new PersonalDataCodec(memoryKeyStore(), catalogue);
    const error = await elsewhere.decode([{ ...sealed!, data: sealed!.data }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadablePersonalDataError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Event ${sealed!.eventId} \\(ProbeAssessed\\): the personal data at "explanation" cannot be read: the key store holds no key for ${data.probeId}`,
      ),
    );
  });
});
