import { z } from 'zod';
import { Id, Instant, NisCode, UuidV7 } from './codes.js';
import { ActorRoles, type ActorRole } from './vocabularies/roles.js';

/** A domain event as deciders see it: a past-tense type and its data. */
export interface Event<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** Who asks or caused something. `nisCode` scopes a coordinator to one municipality. */
export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
  readonly nisCode?: string;
}

export interface CommandMetadata {
  /** Unique per intent: a retried command carries the same id, and stores its events once. */
  readonly commandId: string;
  /** When the command was issued; deciders take time from here, never from the clock. */
  readonly issuedAt: string;
  readonly actor: Actor;
  readonly correlationId?: string;
}

/** A request to change state, in the imperative. */
export interface Command<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/** What every stored event carries besides its data. */
export interface EventMetadata {
  /** UUID v7; unique across the store. Retries with the same id are no-ops. */
  readonly eventId: string;
  /** The version of the event type's schema the data follows. */
  readonly schemaVersion: number;
  /** When the fact happened in the domain (not when it was stored). */
  readonly occurredAt: string;
  readonly actor: Actor;
  /** The conversation this event belongs to (the first command's id). */
  readonly correlationId: string;
  /** The command or event that directly caused this one. */
  readonly causationId: string;
}

export const ActorSchema = z.strictObject({
  id: z.string().trim().min(1, 'an actor needs an id'),
  role: ActorRoles.schema,
  nisCode: NisCode.optional(),
});

export const EventMetadataSchema = z.strictObject({
  eventId: UuidV7,
  schemaVersion: z.number().int().positive(),
  occurredAt: Instant,
  actor: ActorSchema,
  correlationId: z.string().min(1, 'a correlation id is required'),
  causationId: z.string().min(1, 'a causation id is required'),
});

/** An event to append: the store stamps the schema version it validated against. */
export interface NewEvent<E extends Event = Event> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: Omit<EventMetadata, 'schemaVersion'>;
}

/** An event as read back from a store, upcast to its type's current version. */
export type RecordedEvent<E extends Event = Event> = E & {
  readonly streamId: string;
  /** 0-based position within its stream. */
  readonly revision: bigint;
  /** Position in the store's global order (`$all`); strictly increasing. */
  readonly position: bigint;
  readonly metadata: EventMetadata;
  /** When the store committed the event. */
  readonly recordedAt: string;
};

/**
 * Marks which fields of an event's data are personal data and whose. `subject`
 * is the dotted path of the field that holds the data subject's id (a person,
 * or a record whose own id is a document key); `fields` the paths of that
 * subject's data (`[]` for every element of an array, `*` for every value of a
 * record; a path covers everything beneath it). The event store encrypts each
 * field with its subject's key; erasure forgets the key (crypto-shredding).
 * The rule for what is personal is in personalData.ts.
 */
export interface PersonalDataSpec {
  readonly subject: string;
  readonly fields: readonly string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- upcasters take any older shape
export type Upcaster = (data: any) => unknown;

export interface EventDefinition<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  /** The current schema version; stored events of older versions are upcast on read. */
  readonly version: number;
  readonly description: string;
  /** The aggregate whose stream holds this event. */
  readonly aggregate: string;
  readonly schema: z.ZodType<Data>;
  readonly personalData: readonly PersonalDataSpec[];
  /**
   * The string fields that are not personal data, as paths like those of
   * `personalData`: free text about no one, names of public bodies. Codes
   * (ids, dates, vocabularies) are not personal by kind and are not listed.
   */
  readonly notPersonal: readonly string[];
  /** `upcasters[n]` lifts data of version n to version n + 1. */
  readonly upcasters: Readonly<Record<number, Upcaster>>;
}

export type EventOf<D> = D extends EventDefinition<infer T, infer Data> ? Event<T, Data> : never;

export function defineEvent<const Type extends string, S extends z.ZodType<object>>(definition: {
  type: Type;
  version?: number;
  description: string;
  aggregate: string;
  schema: S;
  personalData?: readonly PersonalDataSpec[];
  notPersonal?: readonly string[];
  upcasters?: Readonly<Record<number, Upcaster>>;
}): EventDefinition<Type, z.infer<S>> {
  const version = definition.version ?? 1;
  const upcasters = definition.upcasters ?? {};
  for (let v = 1; v < version; v++) {
    if (!upcasters[v]) throw new Error(`${definition.type} v${version} lacks an upcaster from v${v} to v${v + 1}`);
  }
  return {
    type: definition.type,
    version,
    description: definition.description,
    aggregate: definition.aggregate,
    schema: definition.schema as unknown as z.ZodType<z.infer<S>>,
    personalData: definition.personalData ?? [],
    notPersonal: definition.notPersonal ?? [],
    upcasters,
  };
}

export { Id };
