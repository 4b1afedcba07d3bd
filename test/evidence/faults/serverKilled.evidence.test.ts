import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModels } from '@werkbezoek/projections';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, webDistStub } from '../../topology/processes.js';
import { evidenceScale, monotonicMs, recordEvidence } from '../evidence.js';
import { eventTypes, exactlyOnce, halfAccepted, readEventLog, storeConsistency } from './eventLog.js';
import { LoadGenerator, answerMismatches, seededRandom } from './loadGenerator.js';
import { PlatformRole, caughtUp, sleep, summary } from './platformProcess.js';
import { seedProgramme } from './programme.js';
import { compareWithRebuild } from './rebuild.js';
import { settledWithoutRetries } from './withoutRetries.js';

/*
 * Issue 16, faults: the whole platform in one process (ROLE=all, event store
 * and read models in SQLite in DATA_DIR) is killed with SIGKILL at random
 * moments under a stream of mixed mutations and started again, while the
 * clients send every unanswered command again with its Idempotency-Key.
 * At each kill it also checks what happens should no client ever send
 * anything again: the platform's decision recovery, run on a copy of the
 * log past its grace period, leaves no request half accepted.
 */

const roles: PlatformRole[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const role of roles.splice(0)) await role.end();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the platform killed with SIGKILL under load (ROLE=all, embedded SQLite)', () => {
  it('loses no acknowledged command and applies none twice; every read model equals a rebuild', async () => {
    // A process takes seconds to start: one kill keeps the short version's share of pnpm test small.
    const kills = evidenceScale(1, 20);
    const seed = Number(process.env.EVIDENCE_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-killed-'));
    dirs.push(dir);
    const dataDir = join(dir, 'data');
    const eventsDb = join(dataDir, 'events.db');
    const programme = await seedProgramme({ dataDir, desks: evidenceScale(3, 4) });
    const programmeHead = readEventLog(eventsDb).length;

    const server = new PlatformRole(
      'platform',
      { ROLE: 'all', DATA_DIR: dataDir, WEB_DIST: webDistStub(dir) },
      await freePort(),
    );
    roles.push(server);
    await server.start();
    await server.until('ready', (r) => r.status === 'ready');
    const started = monotonicMs();
    const load = new LoadGenerator({ url: server.url, programme, random });
    load.start();

    const restarts: { spawnedAt: number; readyMs: number }[] = [];
    let halfAcceptedAtKills = 0;
    const withoutRetries = { halfAccepted: 0, completed: 0, released: 0, leftHalfAccepted: [] as string[] };
    for (let k = 0; k < kills; k++) {
      // A random moment of load: from just after the start to three seconds on.
      await sleep(200 + random() * 2800);
      await server.kill();
      // What a kill leaves, before anything is sent again: appends are whole, an acceptance may be half done.
      const { integrity, problems } = storeConsistency(eventsDb);
      expect(integrity).toBe('ok');
      expect(problems).toEqual([]);
      halfAcceptedAtKills += halfAccepted(readEventLog(eventsDb)).length;
      // Should every client give up now (a browser closed), the platform completes or gives back on its own.
      const settled = await settledWithoutRetries(dataDir);
      expect(settled.run.failed).toBe(0);
      withoutRetries.halfAccepted += settled.before;
      withoutRetries.completed += settled.run.completed;
      withoutRetries.released += settled.run.released;
      withoutRetries.leftHalfAccepted.push(...settled.after);
      const spawnedAt = await server.start();
      await server.until('ready after a kill', (r) => r.status === 'ready');
      restarts.push({ spawnedAt, readyMs: Math.round(monotonicMs() - spawnedAt) });
    }
    await sleep(1000);
    await load.stop();
    const durationS = Math.round(monotonicMs() - started) / 1000;
    await server.until('the read models at the head', caughtUp);
    expect(await server.stop()).toBe(0);

    const records = load.records;
    const events = readEventLog(eventsDb);
    // Every command was answered, none refused: the load is valid, and a kill must not turn it into an error.
    expect(records.filter((r) => r.answer?.errors).map((r) => ({ kind: r.kind, errors: r.answer?.errors }))).toEqual(
      [],
    );
    expect(records.every((r) => r.answeredAt !== undefined)).toBe(true);
    // A command sent again with its key got the answer it got the first time.
    expect(answerMismatches(records).map((r) => ({ kind: r.kind, first: r.answer, again: r.repeated }))).toEqual([]);
    // Each acknowledged command's events are in the log once; nothing else was made.
    const differences = exactlyOnce(events, records, programmeHead);
    expect(differences).toEqual([]);
    // Every acceptance holds its days, budget and mission; nothing is held for a request not accepted.
    expect(halfAccepted(events)).toEqual([]);
    // And that holds for commands never sent again too, once the platform's decision recovery has run.
    expect(withoutRetries.leftHalfAccepted).toEqual([]);
    const consistency = storeConsistency(eventsDb);
    expect(consistency).toEqual({ integrity: 'ok', problems: [] });

    const readModels = openReadModels({ dialect: 'sqlite', path: join(dataDir, 'read-models.db') });
    try {
      const comparison = await compareWithRebuild(readModels, dataDir, undefined);
      expect(comparison.platform).toEqual(comparison.rebuilt);
      expect(comparison.platformSearchIndex).toEqual(comparison.rebuiltSearchIndex);

      const recoveries = restarts.map(({ spawnedAt }) =>
        Math.round((load.firstAcknowledgementAfter(spawnedAt) ?? NaN) - spawnedAt),
      );
      expect(recoveries.every(Number.isFinite)).toBe(true);
      recordEvidence('faults-server-killed', {
        command: 'EVIDENCE=full pnpm vitest run test/evidence/faults/serverKilled.evidence.test.ts',
        topology: 'ROLE=all: one process, event store and read models in SQLite (DATA_DIR)',
        seed,
        kills,
        durationS,
        loadWorkers: programme.desks.length,
        commandsSent: records.length,
        commandsAcknowledged: records.filter((r) => r.answeredAt !== undefined).length,
        commandsRetriedAfterAKill: records.filter((r) => r.attempts > 1).length,
        sends: records.reduce((n, r) => n + r.attempts + (r.repeatedAttempts ?? 0), 0),
        deliveredTwiceWithTheirKey: records.filter((r) => r.repeated).length,
        answersDifferingOnRetry: answerMismatches(records).length,
        commands: Object.fromEntries(
          ['submit', 'amend', 'accept', 'decline', 'planActivity', 'planActivityOnNewMission', 'recordLesson'].map(
            (kind) => [kind, records.filter((r) => r.kind === kind).length],
          ),
        ),
        duplicatesFound: differences.filter((d) => d.found > d.wanted).length,
        lostFound: differences.filter((d) => d.found < d.wanted).length,
        halfAcceptedLeftByKills: halfAcceptedAtKills,
        halfAcceptedAtTheEnd: halfAccepted(events).length,
        halfAcceptedAtKillsSettledWithoutRetries: {
          found: withoutRetries.halfAccepted,
          completed: withoutRetries.completed,
          released: withoutRetries.released,
          left: withoutRetries.leftHalfAccepted.length,
        },
        eventsWritten: events.length - programmeHead,
        eventTypes: eventTypes(events.slice(programmeHead)),
        readModelViewsCompared: comparison.views,
        readModelRowsCompared: comparison.rows,
        restartToReadyMs: summary(restarts.map((r) => r.readyMs)),
        restartToFirstAcknowledgedCommandMs: summary(recoveries),
      });
    } finally {
      await readModels.close();
    }
  }, 900_000);
});
