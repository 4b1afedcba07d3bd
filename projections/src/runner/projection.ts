import type { RecordedEvent, WerkbezoekEvent, WerkbezoekEventType } from '@werkbezoek/schema';
import type { AnyKysely, DialectName } from '../db/database.js';
import type { UnitOfWork } from './unitOfWork.js';

/**
 * A read-model table. Readers query `name`, a view over the physical table of
 * the projection version that is active; projections write the physical
 * table, whose name the runner hands out, so a new version can be built
 * beside the old one while the old one keeps serving.
 */
export interface TableDef<Row extends object> {
  readonly name: string;
  readonly key: readonly (keyof Row & string)[];
  /** Columns the database computes (generated columns): read, never written. */
  readonly generatedColumns?: readonly string[];
  /** Creates the physical table `physical` (and its indexes) with Kysely's schema builder. */
  create(db: AnyKysely, physical: string, dialect: DialectName): Promise<void>;
  /** Extra objects tied to the table (full-text index, triggers), dropped with it. */
  readonly companions?: (physical: string) => readonly { kind: 'table' | 'trigger'; name: string }[];
}

/**
 * A projection builds read models from events: a name, a version (bump it to
 * rebuild from scratch into new tables) and the events it handles. `apply`
 * is the only writer of its tables and writes through the unit of work, which
 * the runner commits together with the checkpoint.
 */
/** Any table, whatever its row type. */
export type AnyTableDef = TableDef<never>;

export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly AnyTableDef[];
  readonly handles: readonly WerkbezoekEventType[];
  /**
   * Rebuild cost relative to the other projections: CPU per event of the
   * log, measured on the demo history beside the projections that read the
   * same events. Spreads projections evenly over threads.
   */
  readonly cost?: number;
  /**
   * `false` for a read model that reads events with personal data but keeps
   * none of it (the data-subject index: ids and dates), so an erasure need
   * not rebuild it. Unset, a projection that handles an event type with
   * personal fields is taken to hold them.
   */
  readonly holdsPersonalData?: false;
  apply(event: RecordedEvent<WerkbezoekEvent>, uow: UnitOfWork): void | Promise<void>;
}

export function defineTable<Row extends object>(table: TableDef<Row>): TableDef<Row> {
  return table;
}

export function defineProjection(projection: Projection): Projection {
  for (const t of projection.tables) {
    if (!/^[a-z][a-z0-9_]*$/.test(t.name)) throw new Error(`Table name "${t.name}" must be snake_case`);
  }
  return projection;
}

/** The physical name of a table in a projection version and build generation. */
export function physicalName(table: string, version: number, generation: number): string {
  return `${table}__v${version}_g${generation}`;
}
