import {
  lazyProperty,
  ValidationError,
  erasedPlaceholder,
  matchPath,
  personalFieldsOf,
  schemaAt,
  setPath,
  subjectOf,
  werkbezoekCatalogue,
  type EventCatalogue,
  type PersonalField,
} from '@werkbezoek/schema';
import { EnvelopeError, isEnvelope, open, seal } from './envelope.js';
import type { SubjectKeyStore } from './keyStore.js';

/** A stored personal value that does not read: changed, moved, or its key store is not this log's. */
export class UnreadablePersonalDataError extends Error {
  override readonly name = 'UnreadablePersonalDataError';
  constructor(
    readonly eventId: string,
    readonly type: string,
    readonly path: string,
    reason: string,
  ) {
    super(`Event ${eventId} (${type}): the personal data at "${path}" cannot be read: ${reason}`);
  }
}

/** An event as the codec sees it; `decode` replaces `data`. */
export interface CodecEvent {
  readonly eventId: string;
  readonly type: string;
  data: unknown;
}

export interface EncodeOptions {
  /**
   * The data is as a store holds it (migrate:eventstore): values sealed
   * already are kept as they are; only plaintext personal values are sealed.
   */
  readonly stored?: boolean;
}

interface FieldPlan {
  readonly field: PersonalField;
  /** What the field reads as once its subject was erased. */
  readonly placeholder: unknown;
  /** The steps of a plain dotted path (no `[]` or `*`): read without matching a pattern. */
  readonly steps: readonly string[] | undefined;
  /**
   * Decrypted when first read rather than with the event: fields that are no
   * string (an assessment's explanation and inputs), whose JSON costs more to
   * open and which projections rarely read. Strings are opened at once: a
   * lazy property costs about half of opening one.
   */
  readonly lazy: boolean;
}

/** A sealed value found in an event's data. */
interface Sealed {
  readonly event: CodecEvent;
  readonly path: string;
  readonly steps: readonly string[];
  readonly envelope: string;
  readonly subjectId: string;
  readonly placeholder: unknown;
  readonly lazy: boolean;
}

/** The values of a field in data, with their concrete paths; a plain path is read without matching a pattern. */
function matchesOf(
  data: unknown,
  field: PersonalField,
  steps: readonly string[] | undefined,
): { path: string; steps: readonly string[]; value: unknown }[] {
  if (steps) {
    const value = valueAt(data, steps);
    return value === undefined || value === null ? [] : [{ path: field.field, steps, value }];
  }
  return matchPath(data, field.field).map((m) => ({ path: m.path, steps: m.path.split('.'), value: m.value }));
}

/** The value at `steps` in data, or undefined. */
function valueAt(data: unknown, steps: readonly string[]): unknown {
  let current = data;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/**
 * Encrypts the personal fields of events as they are written and decrypts
 * them as they are read, with the key of each field's data subject
 * (personalData.ts says whose). Every adapter takes one as its `codec`: the
 * store validates an event's plaintext first, then seals; on read it opens
 * before upcasting (values that are no string when first read, see decode). A
 * field whose subject was erased reads as its
 * placeholder (ERASED_VALUE in every string); values stored in plaintext
 * before encryption came in read as they are. The other fields stay in
 * clear, so the log can be filtered and projected without keys.
 *
 * The paths are those of the type's current schema version: a new version
 * that moves a personal field must keep sealed values of older versions
 * where this codec looks (or be read by one that knows both).
 */
export class PersonalDataCodec {
  private readonly plans = new Map<string, readonly FieldPlan[] | null>();

  constructor(
    readonly keys: SubjectKeyStore,
    private readonly catalogue: EventCatalogue = werkbezoekCatalogue,
  ) {}

  private plan(type: string): readonly FieldPlan[] | null {
    let plan = this.plans.get(type);
    if (plan === undefined) {
      const definition = this.catalogue.get(type);
      const fields = definition ? personalFieldsOf(definition) : [];
      plan =
        fields.length === 0
          ? null
          : fields.map((field) => {
              const placeholder = erasedPlaceholder(schemaAt(definition!.schema, field.field));
              return {
                field,
                placeholder,
                steps: /\[\]|\*/.test(field.field) ? undefined : field.field.split('.'),
                lazy: typeof placeholder !== 'string',
              };
            });
      this.plans.set(type, plan);
    }
    return plan;
  }

  /** Whether events of this type have personal fields to seal and open. */
  handles(type: string): boolean {
    return this.plan(type) !== null;
  }

  /**
   * The events with each personal value sealed with its subject's key
   * (created on first use). Refuses, writing nothing, personal data of an
   * erased subject (SubjectErasedError) and a personal field whose event
   * names none of its subjects (ValidationError).
   */
  async encode<T extends { readonly eventId: string; readonly type: string; readonly data: object }>(
    events: readonly T[],
    options: EncodeOptions = {},
  ): Promise<T[]> {
    const keys = new Map<string, Buffer>();
    const out: T[] = [];
    for (const event of events) {
      const plan = this.plan(event.type);
      if (!plan) {
        out.push(event);
        continue;
      }
      let data = event.data;
      for (const { field, steps } of plan) {
        const matches = matchesOf(data, field, steps);
        if (matches.length === 0) continue;
        const subjectId = subjectOf(data, field);
        if (subjectId === undefined)
          throw new ValidationError(
            `${event.type}: ${field.field} is personal data, but the event names none of its subjects (${field.subjects.join(', ')}); name one so it can be encrypted`,
            [field.subjects[0]!],
          );
        let key = keys.get(subjectId);
        for (const { path, value } of matches) {
          if (options.stored && isEnvelope(value)) continue;
          if (!key) keys.set(subjectId, (key = await this.keys.keyFor(subjectId)));
          data = setPath(data, path, seal(key, value, { eventId: event.eventId, path, subjectId }));
        }
      }
      out.push(data === event.data ? event : { ...event, data });
    }
    return out;
  }

  /**
   * Opens the sealed personal values of these events in their data, with one
   * key lookup for the whole batch. Strings are decrypted here; values of
   * other shapes when first read (a lazy property that then becomes a plain
   * one): a projection that never reads an assessment's inputs never pays for
   * them. An erased subject's values read as their placeholders. A value that
   * was changed or moved throws UnreadablePersonalDataError naming the event,
   * its type and the path: here for a string, when it is read for the others
   * (also by JSON.stringify or a spread). A subject without a key in the
   * store throws here.
   *
   * `owned`: the data is the caller's own (freshly parsed) and may be changed
   * in place; otherwise the objects and arrays of an event with sealed
   * values are copied first, and the data given is never changed.
   */
  async decode(events: readonly CodecEvent[], options: { readonly owned?: boolean } = {}): Promise<void> {
    const sealed: Sealed[] = [];
    const subjects = new Set<string>();
    for (const event of events) {
      const plan = this.plan(event.type);
      if (!plan) continue;
      for (const { field, placeholder, steps, lazy } of plan) {
        const found = matchesOf(event.data, field, steps);
        let subjectId: string | undefined;
        for (const { path, steps: at, value } of found) {
          if (!isEnvelope(value)) continue;
          subjectId ??= subjectOf(event.data, field);
          if (subjectId === undefined)
            throw new UnreadablePersonalDataError(
              event.eventId,
              event.type,
              path,
              `the event names none of its subjects (${field.subjects.join(', ')})`,
            );
          sealed.push({ event, path, steps: at, envelope: value, subjectId, placeholder, lazy });
          subjects.add(subjectId);
        }
      }
    }
    if (sealed.length === 0) return;
    const keys = await this.keys.lookup([...subjects]);
    let copied: Set<CodecEvent> | undefined;
    for (const { event, path, steps, envelope, subjectId, placeholder, lazy } of sealed) {
      const key = keys.get(subjectId);
      if (key === undefined)
        throw new UnreadablePersonalDataError(
          event.eventId,
          event.type,
          path,
          `the key store holds no key for ${subjectId}; is it this event log's key store? (keys.db is backed up and restored with events.db)`,
        );
      if (!options.owned && !(copied ??= new Set()).has(event)) {
        event.data = copyContainers(event.data);
        copied.add(event);
      }
      let parent = event.data as Record<string, unknown>;
      for (let i = 0; i < steps.length - 1; i++) parent = parent[steps[i]!] as Record<string, unknown>;
      const name = steps[steps.length - 1]!;
      if (key === 'erased') {
        parent[name] = typeof placeholder === 'object' ? structuredClone(placeholder) : placeholder;
        continue;
      }
      if (lazy) lazyProperty(parent, name, () => openValue(key, envelope, event, path, subjectId));
      else parent[name] = openValue(key, envelope, event, path, subjectId);
    }
  }
}

/** The value sealed in `envelope`, or UnreadablePersonalDataError naming the event, its type and the path. */
function openValue(key: Buffer, envelope: string, event: CodecEvent, path: string, subjectId: string): unknown {
  try {
    return open(key, envelope, { eventId: event.eventId, path, subjectId });
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    throw new UnreadablePersonalDataError(event.eventId, event.type, path, error.message);
  }
}

/** A copy of the objects and arrays of a JSON value (strings and numbers are shared: they cannot change). */
function copyContainers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyContainers);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyContainers((value as Record<string, unknown>)[key]);
  return out;
}
