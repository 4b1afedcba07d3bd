import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, readyz, webDistStub } from '../../topology/processes.js';
import { evidenceScale, fullEvidence, monotonicMs, recordEvidence } from '../evidence.js';
import { eventTypes, exactlyOnce, halfAccepted, readEventLog, storeConsistency } from './eventLog.js';
import { LoadGenerator, answerMismatches, seededRandom } from './loadGenerator.js';
import { PlatformRole, caughtUp, sleep, summary } from './platformProcess.js';
import { seedProgramme } from './programme.js';
import { compareWithRebuild } from './rebuild.js';

/*
 * Issue 16, faults: the production topology on one machine. An API process
 * (ROLE=api) writes the SQLite event log in DATA_DIR and reads PostgreSQL read
 * models; two projector processes (ROLE=projector) follow the log into them,
 * one active, one standing by. Under a stream of mixed mutations the active
 * projector, and now and then both, are killed with SIGKILL at random moments
 * and started again; the API process stays up.
 */

const roles: PlatformRole[] = [];
const databases: TestDatabase[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const role of roles.splice(0)) await role.end();
  await Promise.all(databases.splice(0).map((d) => d.drop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('projectors killed with SIGKILL under load (ROLE=api + ROLE=projector, PostgreSQL read models)', () => {
  it('loses no acknowledged command and applies none twice; every read model equals a rebuild', async () => {
    // The short version kills the active projector once (the standby takes over); restarts of both are the full version's.
    const kills = evidenceScale(1, 20);
    const seed = Number(process.env.EVIDENCE_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-projector-killed-'));
    dirs.push(dir);
    const dataDir = join(dir, 'data');
    const eventsDb = join(dataDir, 'events.db');
    const database = await freshDatabase('postgres');
    databases.push(database);
    if (database.config.dialect !== 'postgres') throw new Error('expected PostgreSQL');
    const url = database.config.url;
    const programme = await seedProgramme({ dataDir, desks: evidenceScale(3, 4), readModels: database.config });
    const programmeHead = readEventLog(eventsDb).length;

    const env = { DATA_DIR: dataDir, DATABASE_URL: url };
    const api = new PlatformRole('api', { ...env, ROLE: 'api', WEB_DIST: webDistStub(dir) }, await freePort());
    const projectors = [
      new PlatformRole('projector a', { ...env, ROLE: 'projector' }, await freePort()),
      new PlatformRole('projector b', { ...env, ROLE: 'projector' }, await freePort()),
    ];
    roles.push(api, ...projectors);
    await Promise.all([api, ...projectors].map((p) => p.start()));
    const states = () => Promise.all(projectors.map(async (p) => (await readyz(p.current))?.projector.here));
    /** One projector active and the other standing by: the failover the topology is built for is possible. */
    const standingBy = async () => {
      const deadline = monotonicMs() + 90_000;
      for (;;) {
        const [a, b] = await states();
        if ((a === 'active' && b === 'standby') || (a === 'standby' && b === 'active'))
          return projectors[a === 'active' ? 0 : 1]!;
        if (monotonicMs() > deadline)
          throw new Error(
            `No projector active with the other standing by:\n${projectors.map((p) => p.output()).join('\n')}`,
          );
        await sleep(50);
      }
    };
    await api.until('ready', (r) => r.status === 'ready');
    await standingBy();
    // Times on the monotonic clock: a pause of the machine is no restart of a projector.
    const started = monotonicMs();
    const load = new LoadGenerator({ url: api.url, programme, random });
    load.start();

    const kills_: { killedAt: number; both: boolean; takeoverMs: number }[] = [];
    for (let k = 0; k < kills; k++) {
      // Each kill finds one projector active and the other standing by (the restarted one is back).
      const holder = await standingBy();
      await sleep(200 + random() * 2800);
      // Now and then both, so that no projector runs for a while.
      const both = fullEvidence && random() < 0.3;
      const victims = both ? projectors : [holder];
      const killedAt = monotonicMs();
      await Promise.all(victims.map((p) => p.kill()));
      await Promise.all(victims.map((p) => p.start()));
      // Until a projector holds the lease again: the standby taking over, or a restarted process.
      for (;;) {
        if ((await states()).includes('active')) break;
        if (monotonicMs() - killedAt > 90_000)
          throw new Error(`No projector took over:\n${projectors.map((p) => p.output()).join('\n')}`);
        await sleep(50);
      }
      kills_.push({ killedAt, both, takeoverMs: Math.round(monotonicMs() - killedAt) });
    }
    await sleep(1000);
    await load.stop();
    const durationS = Math.round(monotonicMs() - started) / 1000;
    await api.until('the read models at the head', caughtUp);
    // Every process up (a restarted one too), then each stops gracefully.
    await standingBy();
    for (const role of [api, ...projectors]) expect(await role.stop()).toBe(0);

    const records = load.records;
    const events = readEventLog(eventsDb);
    expect(records.filter((r) => r.answer?.errors).map((r) => ({ kind: r.kind, errors: r.answer?.errors }))).toEqual(
      [],
    );
    expect(records.every((r) => r.answeredAt !== undefined)).toBe(true);
    expect(answerMismatches(records).map((r) => ({ kind: r.kind, first: r.answer, again: r.repeated }))).toEqual([]);
    const differences = exactlyOnce(events, records, programmeHead);
    expect(differences).toEqual([]);
    expect(halfAccepted(events)).toEqual([]);
    expect(storeConsistency(eventsDb)).toEqual({ integrity: 'ok', problems: [] });

    const comparison = await compareWithRebuild(database.readModels, dataDir, url);
    expect(comparison.platform).toEqual(comparison.rebuilt);

    const recoveries = kills_.map(({ killedAt }) =>
      Math.round((load.firstAcknowledgementAfter(killedAt) ?? NaN) - killedAt),
    );
    recordEvidence('faults-projector-killed', {
      command: 'EVIDENCE=full pnpm vitest run test/evidence/faults/projectorKilled.evidence.test.ts',
      topology:
        'ROLE=api (SQLite event log in DATA_DIR) + two ROLE=projector processes (one active, one standing by), read models and keys in PostgreSQL',
      seed,
      kills,
      killsOfBothProjectors: kills_.filter((k) => k.both).length,
      durationS,
      loadWorkers: programme.desks.length,
      commandsSent: records.length,
      commandsAcknowledged: records.filter((r) => r.answeredAt !== undefined).length,
      commandsSentAgainAfterReadModelsBehind: records.filter((r) => r.retryableAnswers > 0).length,
      sends: records.reduce((n, r) => n + r.attempts + (r.repeatedAttempts ?? 0), 0),
      deliveredTwiceWithTheirKey: records.filter((r) => r.repeated).length,
      answersDifferingOnRetry: answerMismatches(records).length,
      duplicatesFound: differences.filter((d) => d.found > d.wanted).length,
      lostFound: differences.filter((d) => d.found < d.wanted).length,
      halfAcceptedAtTheEnd: halfAccepted(events).length,
      eventsWritten: events.length - programmeHead,
      eventTypes: eventTypes(events.slice(programmeHead)),
      readModelViewsCompared: comparison.views,
      readModelRowsCompared: comparison.rows,
      standbyTakeoverMs: summary(kills_.filter((k) => !k.both).map((k) => k.takeoverMs)),
      bothKilledToARestartedProjectorActiveMs: summary(kills_.filter((k) => k.both).map((k) => k.takeoverMs)),
      // Each one, in order, so that an outlier can be found in the processes' logs.
      bothKilledEachMs: kills_.filter((k) => k.both).map((k) => k.takeoverMs),
      killToFirstAcknowledgedCommandMs: summary(recoveries.filter(Number.isFinite)),
    });
  }, 900_000);
});
