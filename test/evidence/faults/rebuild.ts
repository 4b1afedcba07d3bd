import { eventStoreConfigFromEnv, openEventStore } from '@werkbezoek/eventstore';
import { ProjectionRunner, allProjections, type ReadModelDb } from '@werkbezoek/projections';
import { freshDatabase } from '@werkbezoek/projections/testing';
import { lessonSearchIndex, snapshot, type Snapshot } from '../../src/readModelSnapshot.js';

export interface Comparison {
  /** Every row of every read-model view, as the platform left them. */
  readonly platform: Snapshot;
  /** The same, projected from scratch from the event log into a new database of the same dialect. */
  readonly rebuilt: Snapshot;
  readonly platformSearchIndex: readonly unknown[] | undefined;
  readonly rebuiltSearchIndex: readonly unknown[] | undefined;
  readonly views: number;
  readonly rows: number;
}

/**
 * The platform's read models beside a rebuild from scratch of the same log
 * (its personal data opened with the same keys, as the platform does).
 * `database` is the platform's DATABASE_URL, or undefined for SQLite in DATA_DIR.
 */
export async function compareWithRebuild(
  readModels: ReadModelDb,
  dataDir: string,
  database: string | undefined,
): Promise<Comparison> {
  const store = await openEventStore(eventStoreConfigFromEnv(database ? { DATABASE_URL: database } : {}, dataDir));
  const reference = await freshDatabase(readModels.dialect);
  try {
    await new ProjectionRunner({ store, readModels: reference.readModels, projections: allProjections }).catchUp();
    const platform = await snapshot(readModels);
    const rebuilt = await snapshot(reference.readModels);
    return {
      platform,
      rebuilt,
      platformSearchIndex: await lessonSearchIndex(readModels),
      rebuiltSearchIndex: await lessonSearchIndex(reference.readModels),
      views: Object.keys(platform).length,
      rows: Object.values(platform).reduce((n, rows) => n + rows.length, 0),
    };
  } finally {
    await store.close();
    await reference.drop();
  }
}
