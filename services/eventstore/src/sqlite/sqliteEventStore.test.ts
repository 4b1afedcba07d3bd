import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { eventStoreContract } from '../testing/eventStoreContract.js';
import { SqliteEventStore } from './sqliteEventStore.js';

const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-es-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract('SQLite', {
  open: async (catalogue) => new SqliteEventStore({ path: join(dir, 'events.db'), catalogue, pollIntervalMs: 20 }),
});
