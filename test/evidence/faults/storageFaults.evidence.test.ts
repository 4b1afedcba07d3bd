import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openReadModels } from '@werkbezoek/projections';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, webDistStub } from '../../topology/processes.js';
import { monotonicMs, recordEvidence } from '../evidence.js';
import { exactlyOnce, readEventLog, storeConsistency } from './eventLog.js';
import type { CommandRecord, GraphQLAnswer } from './loadGenerator.js';
import { PlatformRole, caughtUp, sleep } from './platformProcess.js';
import { addDays, seedProgramme, type Programme } from './programme.js';
import { compareWithRebuild } from './rebuild.js';

/*
 * Issue 16, faults: the platform (ROLE=all, SQLite in DATA_DIR) on a disk that
 * fills up, and on storage that turns read-only, while it runs. A client must
 * get a clear error with a code at once (not a hang, not a code-less 500), the
 * store must stay whole, and the platform must go on by itself, without a
 * restart, once there is room or it is writable again.
 *
 * How the faults are made is decided at run time:
 * - full disk: DATA_DIR on a small tmpfs filled with a file, when this
 *   process may mount one (root with CAP_SYS_ADMIN); otherwise SQLite's
 *   PRAGMA max_page_count, set to each database's size on every connection of
 *   the platform process (storageFaults.preload.mjs), so a write that needs
 *   one more page fails with SQLITE_FULL as on a full disk;
 * - the read models' database alone full (as on a volume of its own): the
 *   same PRAGMA max_page_count, on read-models.db's connections only;
 * - read-only: PRAGMA query_only on every connection of the platform process
 *   (the same preload), so writes fail with SQLITE_READONLY as on a database
 *   opened read-only. A file system cannot be remounted read-only while the
 *   platform holds its files open for writing (EBUSY), and chmod changes
 *   nothing for files already open (and root ignores it).
 * EVIDENCE_FULL_DISK=sqlite takes the second way where the first is possible.
 * A data directory that is read-only when the platform starts is refused at
 * start with its own message (startupErrors.ts), not tested here.
 */

const preload = fileURLToPath(new URL('./storageFaults.preload.mjs', import.meta.url));
const roles: PlatformRole[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const role of roles.splice(0)) await role.end();
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Mounts a tmpfs of `mib` MiB on `dir` if this process may; says why not otherwise. */
function mountTmpfs(dir: string, mib: number): { mounted: true } | { mounted: false; why: string } {
  mkdirSync(dir, { recursive: true });
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status === 0) return { mounted: true };
  return {
    mounted: false,
    why: (result.error?.message ?? result.stderr).trim() || `mount exited with ${result.status}`,
  };
}

/** Writes into `dir` until its file system has no byte left; returns the file. */
function fill(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 512, 1]) {
      const chunk = Buffer.alloc(size, 0xff);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

interface Sent {
  readonly answer: GraphQLAnswer;
  readonly status: number;
  readonly ms: number;
}

const SUBMIT = `mutation Submit($input: SubmitAccompanimentRequestInput!) {
  submitAccompanimentRequest(input: $input) { id status startDate endDate } }`;
const LIST = '{ accompanimentRequests(first: 3) { edges { node { id status } } } }';

describe('a full disk and read-only storage under the running platform (ROLE=all, SQLite)', () => {
  it('answers with a clear code at once, keeps the store whole, and goes on by itself when the storage is back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-storage-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const disk = join(dir, 'disk');
    // EVIDENCE_FULL_DISK=sqlite takes the other way even where a tmpfs could be mounted (to try it).
    const tmpfs =
      process.env.EVIDENCE_FULL_DISK === 'sqlite'
        ? ({ mounted: false, why: 'EVIDENCE_FULL_DISK=sqlite' } as const)
        : mountTmpfs(disk, 24);
    if (tmpfs.mounted) cleanups.push(() => spawnSync('umount', ['-l', disk]));
    const fullDisk = tmpfs.mounted
      ? 'DATA_DIR on a 24 MiB tmpfs, filled with a file until ENOSPC'
      : `SQLite PRAGMA max_page_count at each database's size on every connection of the platform process (no tmpfs: ${tmpfs.why})`;
    const readOnly =
      'SQLite PRAGMA query_only on every connection of the platform process (a database opened read-only)';
    const readModelsFull =
      "SQLite PRAGMA max_page_count at read-models.db's size on the platform process's connections";
    console.log(`[evidence] full disk: ${fullDisk}; read-only storage: ${readOnly}`);

    const dataDir = join(disk, 'data');
    const eventsDb = join(dataDir, 'events.db');
    const control = join(dir, 'fault');
    const programme: Programme = await seedProgramme({ dataDir, desks: 1 });
    const [desk] = programme.desks;
    const server = new PlatformRole(
      'platform',
      {
        ROLE: 'all',
        DATA_DIR: dataDir,
        WEB_DIST: webDistStub(dir),
        STORAGE_FAULT_CONTROL: control,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim(),
        READ_YOUR_WRITES_TIMEOUT_MS: '3000',
      },
      await freePort(),
    );
    roles.push(server);
    await server.start();
    await server.until('ready', (r) => r.status === 'ready');

    const records: CommandRecord[] = [];
    let visit = 0;
    const send = async (token: string, query: string, variables: object, key?: string): Promise<Sent> => {
      const started = Date.now();
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      return { answer: (await response.json()) as GraphQLAnswer, status: response.status, ms: Date.now() - started };
    };
    /** A new submission with its own key and visit, kept for the exactly-once check. */
    const newSubmission = () => {
      const start = addDays(programme.today, 40 + 3 * visit++);
      const record: CommandRecord = {
        kind: 'submit',
        key: randomUUID(),
        desk: desk!.nisCode,
        attempts: 0,
        retryableAnswers: 0,
      };
      records.push(record);
      const variables = {
        input: {
          twinningId: desk!.twinningId,
          missionType: 'TECHNICAL',
          startDate: start,
          endDate: addDays(start, 1),
          reasons: ['CONTENT_PROBLEMS'],
          policyDomains: ['CIVIL_REGISTRATION'],
          delegationSize: 2,
        },
      };
      return {
        record,
        submit: async () => {
          const sent = await send(desk!.coordinator, SUBMIT, variables, record.key);
          record.attempts++;
          if (sent.answer.data && !sent.answer.errors?.length) {
            record.answer = sent.answer;
            record.answeredAt = monotonicMs();
          }
          return sent;
        },
      };
    };
    const fault = async (word: string) => {
      writeFileSync(control, word);
      await sleep(100);
    };
    const refusal = (sent: Sent) => sent.answer.errors?.[0];
    const programmeHead = readEventLog(eventsDb).length;

    // One that succeeds, to start from.
    expect((await newSubmission().submit()).answer.errors).toBeUndefined();

    // --- The disk fills up.
    let filler: string | undefined;
    if (tmpfs.mounted) filler = fill(disk);
    else await fault('full');
    const refused: { submit: () => Promise<Sent>; record: CommandRecord; sent: Sent }[] = [];
    let acceptedWhileFull = 0;
    // A write that fits in the space the files already hold still succeeds, as on any disk: write until one does not.
    for (let i = 0; i < 200 && refused.length === 0; i++) {
      const next = newSubmission();
      const sent = await next.submit();
      if (refusal(sent)) refused.push({ ...next, sent });
      else acceptedWhileFull++;
    }
    expect(refused.length, 'no write was refused on the full disk').toBe(1);
    // Two more that meet the full disk at once.
    for (let i = 0; i < 2; i++) {
      const next = newSubmission();
      refused.push({ ...next, sent: await next.submit() });
    }
    const fullCodes = refused.map((r) => refusal(r.sent)?.extensions?.code);
    for (const { sent } of refused) {
      const error = refusal(sent)!;
      expect(['STORAGE_FULL', 'READ_MODELS_BEHIND']).toContain(error.extensions?.code);
      expect(error.message).toMatch(
        error.extensions?.code === 'STORAGE_FULL' ? /storage is full.*free disk space/ : /stored.*Idempotency-Key/,
      );
      // At once, or after the wait for the read models: never a hang.
      expect(sent.ms).toBeLessThan(3000 + 2000);
    }
    expect(fullCodes).toContain('STORAGE_FULL');
    // Reading goes on.
    const readWhileFull = await send('demo-staff', LIST, {});
    expect(readWhileFull.answer.errors).toBeUndefined();
    // The store is whole: SQLite's check, no gap in the positions, every stream's revisions in order.
    expect(storeConsistency(eventsDb)).toEqual({ integrity: 'ok', problems: [] });

    // --- Room again: the same process goes on, and each refused command, sent again with its key, succeeds.
    const roomAt = Date.now();
    if (filler) rmSync(filler);
    else await fault('ok');
    let firstAfterRoom: number | undefined;
    for (const r of refused) {
      for (let attempt = 0; ; attempt++) {
        const sent = await r.submit();
        if (!refusal(sent)) break;
        if (attempt > 100) throw new Error(`Still refused after room returned: ${JSON.stringify(sent.answer)}`);
        await sleep(100);
      }
      firstAfterRoom ??= Date.now();
    }
    expect((await newSubmission().submit()).answer.errors).toBeUndefined();
    const fullRecoveryMs = firstAfterRoom! - roomAt;
    await server.until('the read models at the head, no projection stopped', caughtUp, 30_000);

    // --- Only the read models' storage fills up (as when they live on a volume of their own): the event is
    // stored, the projector cannot show it, and waits; the client is told so, and sends it again with its key.
    await fault('full:read-models.db');
    let behind: { submit: () => Promise<Sent>; record: CommandRecord; sent: Sent } | undefined;
    for (let i = 0; i < 200 && !behind; i++) {
      const next = newSubmission();
      const sent = await next.submit();
      if (refusal(sent)) behind = { ...next, sent };
    }
    expect(behind, 'no write met the full read-model database').toBeDefined();
    const behindError = refusal(behind!.sent)!;
    expect(behindError.extensions?.code).toBe('READ_MODELS_BEHIND');
    expect(behindError.message).toMatch(/The change was stored .*Do not send it as a new request/);
    expect(behind!.sent.ms).toBeLessThan(3000 + 2000);
    const readModelsRoomAt = Date.now();
    await fault('ok');
    let readModelsRecoveryMs: number | undefined;
    for (let attempt = 0; readModelsRecoveryMs === undefined; attempt++) {
      if (!refusal(await behind!.submit())) readModelsRecoveryMs = Date.now() - readModelsRoomAt;
      else if (attempt > 100) throw new Error('Still behind after the read models had room again');
      else await sleep(100);
    }
    await server.until('the read models caught up, no projection stopped', caughtUp, 30_000);

    // --- The storage turns read-only.
    await fault('readonly');
    const readOnlyRefused = newSubmission();
    const sentReadOnly = await readOnlyRefused.submit();
    const readOnlyError = refusal(sentReadOnly);
    expect(readOnlyError?.extensions?.code).toBe('STORAGE_READ_ONLY');
    expect(readOnlyError?.message).toMatch(/read-only.*writable again/);
    expect(sentReadOnly.ms).toBeLessThan(2000);
    const readWhileReadOnly = await send('demo-staff', LIST, {});
    expect(readWhileReadOnly.answer.errors).toBeUndefined();
    expect(storeConsistency(eventsDb)).toEqual({ integrity: 'ok', problems: [] });
    const writableAt = Date.now();
    await fault('ok');
    let readOnlyRecoveryMs: number | undefined;
    for (let attempt = 0; readOnlyRecoveryMs === undefined; attempt++) {
      if (!refusal(await readOnlyRefused.submit())) readOnlyRecoveryMs = Date.now() - writableAt;
      else if (attempt > 100) throw new Error('Still refused after the storage was writable again');
      else await sleep(100);
    }
    await server.until('the read models at the head after the read-only spell', caughtUp, 30_000);

    // Never restarted: one process did it all.
    expect(server.started).toHaveLength(1);
    expect(await server.stop()).toBe(0);
    const events = readEventLog(eventsDb);
    expect(records.every((r) => r.answeredAt !== undefined)).toBe(true);
    const differences = exactlyOnce(events, records, programmeHead);
    expect(differences).toEqual([]);
    const consistency = storeConsistency(eventsDb);
    expect(consistency).toEqual({ integrity: 'ok', problems: [] });
    const readModels = openReadModels({ dialect: 'sqlite', path: join(dataDir, 'read-models.db') });
    try {
      const comparison = await compareWithRebuild(readModels, dataDir, undefined);
      expect(comparison.platform).toEqual(comparison.rebuilt);
      recordEvidence('faults-storage', {
        command: 'EVIDENCE=full pnpm vitest run test/evidence/faults/storageFaults.evidence.test.ts',
        fullDiskProducedWith: fullDisk,
        readOnlyProducedWith: readOnly,
        readModelsFullProducedWith: readModelsFull,
        commandsAcceptedOnTheFullDiskBeforeTheFirstRefusal: acceptedWhileFull,
        refusalsOnTheFullDisk: fullCodes,
        refusalMs: refused.map((r) => r.sent.ms),
        refusalWhenOnlyTheReadModelsAreFull: behindError.extensions?.code,
        refusalWhenOnlyTheReadModelsAreFullMs: behind!.sent.ms,
        readModelRoomToAnswerMs: readModelsRecoveryMs,
        refusalOnReadOnlyStorage: readOnlyError?.extensions?.code,
        refusalOnReadOnlyStorageMs: sentReadOnly.ms,
        readsAnsweredDuringTheFaults: [readWhileFull, readWhileReadOnly].filter((r) => !r.answer.errors).length,
        storeIntegrityAtTheEnd: consistency.integrity,
        storeGapsOrOutOfOrderRevisions: consistency.problems.length,
        roomToFirstAcknowledgedCommandMs: fullRecoveryMs,
        writableToFirstAcknowledgedCommandMs: readOnlyRecoveryMs,
        restarts: server.started.length - 1,
        commandsSent: records.length,
        duplicatesFound: differences.filter((d) => d.found > d.wanted).length,
        lostFound: differences.filter((d) => d.found < d.wanted).length,
        readModelViewsCompared: comparison.views,
        readModelRowsCompared: comparison.rows,
      });
    } finally {
      await readModels.close();
    }
  }, 300_000);
});
