import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModels, ReadModelsBehindError, type ReadModelDb } from '@werkbezoek/projections';
import { GraphQLError } from 'graphql';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { formatError } from './errors.js';

const opened: { dir: string; readModels: ReadModelDb }[] = [];
afterEach(async () => {
  for (const { dir, readModels } of opened.splice(0)) {
    await readModels.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A real SQLite database, as the read models open it, with one table. */
async function database(): Promise<ReadModelDb> {
  const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-storage-'));
  const readModels = openReadModels({ dialect: 'sqlite', path: join(dir, 'db.sqlite') });
  opened.push({ dir, readModels });
  await sql`create table t (x text)`.execute(readModels.db);
  return readModels;
}

/** What a client gets for `failure` thrown by a resolver, and what was logged. */
function asClientSees(failure: unknown) {
  const logged: string[] = [];
  const formatted = formatError((m) => logged.push(m))(
    { message: String(failure), path: ['decideAccompaniment'] },
    new GraphQLError('x', { originalError: failure as Error }),
  );
  return { formatted, logged };
}

async function failureOf(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => expect.fail('the write succeeded'),
    (error: unknown) => error,
  );
}

describe('storage faults as the client sees them', () => {
  it('a full disk: STORAGE_FULL, saying that an operator must make room and that it resumes by itself', async () => {
    const readModels = await database();
    readModels.sqlite!.pragma(
      `max_page_count = ${readModels.sqlite!.pragma('page_count', { simple: true }) as number}`,
    );
    const failure = await failureOf(sql`insert into t values (${'x'.repeat(100_000)})`.execute(readModels.db));
    const { formatted, logged } = asClientSees(failure);
    expect(formatted.extensions).toEqual({ code: 'STORAGE_FULL', retryable: true });
    expect(formatted.message).toMatch(/storage is full \(database or disk is full\)/);
    expect(formatted.message).toMatch(/free disk space.*resumes by itself.*same Idempotency-Key/);
    // An expected condition with its own code: not logged as an unexpected error.
    expect(logged).toEqual([]);
  });

  it('a read-only database: STORAGE_READ_ONLY, saying what to make writable', async () => {
    const readModels = await database();
    readModels.sqlite!.pragma('query_only = ON');
    const failure = await failureOf(sql`insert into t values (${'x'})`.execute(readModels.db));
    const { formatted } = asClientSees(failure);
    expect(formatted.extensions).toEqual({ code: 'STORAGE_READ_ONLY', retryable: true });
    expect(formatted.message).toMatch(/read-only.*make the data directory \(DATA_DIR\) or the database writable/);
  });

  it('a write stored but not shown in time: READ_MODELS_BEHIND, saying not to send it as a new request', () => {
    const { formatted, logged } = asClientSees(new ReadModelsBehindError(42n, 40n, 10_000));
    expect(formatted.extensions).toEqual({ code: 'READ_MODELS_BEHIND', retryable: true, position: '42' });
    expect(formatted.message).toMatch(/stored \(position 42\).*within 10000 ms.*Do not send it as a new request/);
    expect(logged).toEqual([]);
  });

  it('any other database error stays an internal error, logged and not shown', async () => {
    const readModels = await database();
    const failure = await failureOf(sql`insert into missing values (1)`.execute(readModels.db));
    const { formatted, logged } = asClientSees(failure);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(logged).toEqual([expect.stringContaining('no such table: missing')]);
  });
});
