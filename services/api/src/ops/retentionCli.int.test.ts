import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localDateOf } from '@werkbezoek/domain';
import { openSqliteKeyStore, PersonalDataCodec, SqliteEventStore } from '@werkbezoek/eventstore';
import { collect } from '@werkbezoek/eventstore/testing';
import { History, id } from '@werkbezoek/projections/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_FILE, KEYS_FILE, READ_MODELS_FILE } from './manifest.js';
import { openSqlite } from './sqlite.js';

/*
 * `pnpm privacy:retention` as a process, on a data directory no platform has
 * run on: Karel Oud was contacted in March 2015 and Jan Oud was Zoersel's
 * coordinator until June 2016, both past five years; Els Wouters took over
 * from Jan and was contacted this year. A dry run changes nothing; --apply
 * erases Karel and Jan, and only them.
 */

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const script = fileURLToPath(new URL('./retentionCli.ts', import.meta.url));
const today = localDateOf(new Date().toISOString());
const twinning = `twinning-${id('tw-zoersel')}`;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(dataDir: string, ...args: string[]): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, EVENTSTORE_URL: '', DATABASE_URL: '', NODE_ENV: 'test' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The data directory's event store, reading personal data with its keys.db. */
function openStore(dir: string) {
  const keys = openSqliteKeyStore({ path: join(dir, KEYS_FILE) });
  const store = new SqliteEventStore({ path: join(dir, EVENTS_FILE), codec: new PersonalDataCodec(keys) });
  return { store, keys, close: async () => (await store.close(), await keys.close()) };
}

/** The head, every key with when it was erased, and the people in the twinning's events as they read now. */
async function state(dir: string) {
  const { store, keys, close } = openStore(dir);
  const erased: Record<string, string | null> = {};
  for await (const s of keys.subjects()) erased[s.subjectId] = s.erasedAt;
  const people = (await collect(store.readStream(twinning)))
    .filter((e) => e.type === 'ContactLogged' || e.type === 'TwinningActorChanged')
    .map((e) => (e.data as { person: { name: string } }).person.name);
  const head = await store.headPosition();
  await close();
  return { head, erased, people };
}

describe('pnpm privacy:retention', () => {
  const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-retention-cli-'));

  beforeAll(async () => {
    const { store, close } = openStore(dir);
    const h = new History(store);
    await h.basics();
    const contact = (name: string, on: string) =>
      h.add(
        twinning,
        'ContactLogged',
        {
          contactId: id(`contact-${name}`),
          twinningId: id('tw-zoersel'),
          contactedOn: on,
          channel: 'PHONE',
          person: { personId: id(name), name },
          staffMemberId: id('lies'),
          summary: `Gesprek met ${name}`,
        },
        on,
      );
    const coordinator = (name: string, on: string) =>
      h.add(
        twinning,
        'TwinningActorChanged',
        {
          twinningId: id('tw-zoersel'),
          side: 'NORTH',
          actorKind: 'COORDINATOR',
          changedOn: on,
          description: 'Nieuwe coördinator',
          person: { personId: id(name), name },
        },
        on,
      );
    await contact('Karel Oud', '2015-03-02');
    await coordinator('Jan Oud', '2015-03-02');
    await coordinator('Els Wouters', '2016-06-01');
    await contact('Els Wouters', today);
    await close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('by default runs dry: prints who is past retention, as what, since when and in how many events, and changes nothing', async () => {
    const before = await state(dir);
    const r = await run(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `Retention on ${today}: 2 data subjects past retention (1 TWINNING_ACTOR, 1 CONTACTED_PERSON), named in 2 events (dry run)`,
    );
    expect(lines[1]).toBe(
      '  periods: CONTACT_PERSON 5 y, CONTACTED_PERSON 5 y, TWINNING_ACTOR 5 y, STAFF_MEMBER 10 y, DOCUMENT kept',
    );
    expect(lines[3]).toMatch(new RegExp(`^  ${id('Karel Oud')}\\s+CONTACTED_PERSON\\s+2015-03-02\\s+2020-03-02\\s+1$`));
    expect(lines[4]).toMatch(new RegExp(`^  ${id('Jan Oud')}\\s+TWINNING_ACTOR\\s+2016-06-01\\s+2021-06-01\\s+1$`));
    expect(lines.at(-1)).toBe('Nothing was erased: run with --apply to erase them.');
    expect(r.stdout).not.toContain('Karel Oud');
    expect(await state(dir)).toEqual(before);

    const earlier = await run(dir, '--dry-run', '--as-of', '2019-12-31');
    expect(earlier.code).toBe(0);
    expect(earlier.stdout.split('\n')[0]).toBe('Retention on 2019-12-31: nobody is past retention (dry run)');
  }, 60_000);

  it('with --apply erases them as the platform (RETENTION_EXPIRED) and rebuilds the read models: their values read [gewist]', async () => {
    const before = await state(dir);
    expect(before.people).toEqual(['Karel Oud', 'Jan Oud', 'Els Wouters', 'Els Wouters']);
    const r = await run(dir, '--apply');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Erased 2 data subjects (SYSTEM, RETENTION_EXPIRED), skipped 0; their personal fields now read "[gewist]".',
    );
    expect(r.stdout).toMatch(/ {2}rebuilt .*requests.*missions.* in \d+\.\d s; read-models\.db compacted/);
    expect(r.stderr).toMatch(/Rebuilding the read models without them .*100\.0%/);

    const after = await state(dir);
    expect(after.people).toEqual(['[gewist]', '[gewist]', 'Els Wouters', 'Els Wouters']);
    expect(
      Object.keys(after.erased)
        .filter((s) => after.erased[s] !== null)
        .sort(),
    ).toEqual([id('Karel Oud'), id('Jan Oud')].sort());
    // Each erasure: requested and erased by the platform in one step.
    expect(after.head).toBe(before.head + 4n);

    const again = await run(dir, '--apply');
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe(`Retention on ${today}: nobody is past retention`);
  }, 60_000);

  it('refuses to apply while a platform holds the read models, and says what is wrong with its arguments', async () => {
    // A connection that has read holds its shared lock until it closes, as the platform's do.
    const platform = openSqlite(join(dir, READ_MODELS_FILE));
    platform.prepare('select count(*) from sqlite_master').get();
    try {
      const refused = await run(dir, '--apply');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^The platform is running on .*: stop it before --apply, .*\n$/);
      expect((await run(dir)).code).toBe(0);
    } finally {
      platform.close();
    }
    for (const [args, message] of [
      [['--apply', '--as-of', '2030-01-01'], /^--as-of is for a dry run only/],
      [['--as-of', '2026-13-01'], /^--as-of must be a calendar date in the form YYYY-MM-DD; got "2026-13-01"/],
      [['--apply', '--dry-run'], /^--apply or --dry-run, not both/],
      [['--everything'], /Unknown option '--everything'.*Usage: pnpm privacy:retention/],
    ] as const) {
      const r = await run(dir, ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  }, 120_000);
});
