import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandlers, type DecisionRecovery, EventLogContext } from '@werkbezoek/domain';
import type { AppendOptions, AppendResult, EventStore } from '@werkbezoek/eventstore';
import type { Actor, CommandMetadata, NewEvent } from '@werkbezoek/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../platform.js';
import { RecoveryJob } from './recoveryJob.js';

const dataDir = mkdtempSync(join(tmpdir(), 'werkbezoek-recovery-'));
const lines: string[] = [];
let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    dataDir,
    readModels: { dialect: 'sqlite', path: join(dataDir, 'read-models.db') },
    auth: { mode: 'demo' },
    host: '127.0.0.1',
    port: 0,
    demoData: false,
    log: (line) => lines.push(line),
    // Runs only when the test asks; the clock is past the one-minute grace period of what the test stores now.
    recovery: { graceMinutes: 1, everySeconds: 3600 },
    now: () => new Date(Date.now() + 2 * 60_000),
  });
});

afterAll(async () => {
  await platform.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The store after a crash: the first `k` appends from now on go through, every later one fails. */
function crashingAfter(store: EventStore, k: number): EventStore {
  let appends = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'appendToStream') {
        return (streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> =>
          ++appends > k
            ? Promise.reject(new Error('simulated crash'))
            : target.appendToStream(streamId, events, options);
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

let n = 0;
const meta = (day: string, actor: Actor): CommandMetadata => ({
  commandId: `recovery-job-${++n}`,
  issuedAt: `${day}T09:00:00.000Z`,
  actor,
});
const staff: Actor = { id: 'staff-1', role: 'STAFF' };

/** An acceptance that booked the staff member's days and then stopped: returns its command id. */
async function interruptedAcceptance(store: EventStore): Promise<string> {
  const handlers = new CommandHandlers(store, new EventLogContext(store));
  await handlers.registerMunicipality(
    { nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' },
    meta('2026-01-05', staff),
  );
  const { id: twinningId } = await handlers.establishTwinning(
    { nisCode: '11055', partnerName: 'Bohicon', countryCode: 'BJ', regionCode: 'BJ-ZO', since: '2015-01-01' },
    meta('2026-01-05', staff),
  );
  const { id: staffMemberId } = await handlers.registerStaffMember({ name: 'An Peeters' }, meta('2026-01-05', staff));
  await handlers.declareStaffCapacity({ staffMemberId, year: 2026, days: 40 }, meta('2026-01-05', staff));
  await handlers.allocateBudget({ year: 2026, amountEur: 5000 }, meta('2026-01-05', { id: 'm', role: 'MANAGEMENT' }));
  const { id: requestId } = await handlers.submitRequest(
    {
      twinningId,
      missionType: 'TECHNICAL',
      startDate: '2026-05-04',
      endDate: '2026-05-09',
      delegationSize: 4,
      policyDomains: ['LOCAL_GOVERNANCE'],
      claimedReasons: [],
    },
    meta('2026-02-02', { id: 'c', role: 'COORDINATOR', nisCode: '11055' }),
  );
  const accept = meta('2026-03-02', staff);
  const crashed = new CommandHandlers(crashingAfter(store, 2), new EventLogContext(store));
  await expect(crashed.decideRequest({ requestId, decision: 'ACCEPT', staffMemberId }, accept)).rejects.toThrow(
    /simulated crash/,
  );
  return accept.commandId;
}

describe('the decision recovery job in the platform', () => {
  it('gives back what an interrupted acceptance held, logs it without naming anyone, and counts it in /readyz', async () => {
    const commandId = await interruptedAcceptance(platform.store);
    const run = await platform.recoveryJob!.runNow();
    expect(run).toMatchObject({ released: 1, completed: 0, failed: 0, pending: 0 });

    const logged = lines.filter((l) => l.startsWith('Decision recovery'));
    expect(logged).toEqual([expect.stringContaining('0 completed, 1 released')]);
    expect(logged[0]).toContain(`ACCEPTANCE ${commandId}: RELEASED`);
    expect(logged.join('\n')).not.toMatch(/An Peeters|Zoersel|Bohicon/);

    const readyz = (await (await fetch(new URL('/readyz', platform.url))).json()) as {
      decisionRecovery: Record<string, unknown>;
    };
    expect(readyz.decisionRecovery).toMatchObject({ graceMinutes: 1, runs: 1, released: 1, completed: 0, failed: 0 });

    // The next run has nothing to do, and logs nothing.
    expect(await platform.recoveryJob!.runNow()).toMatchObject({ released: 0, completed: 0 });
    expect(lines.filter((l) => l.startsWith('Decision recovery'))).toHaveLength(1);
  });

  it('does nothing in a process that is not the active projector (a standby)', async () => {
    const job = new RecoveryJob({
      settings: { graceMinutes: 1, everySeconds: 60 },
      // Never read: a standby decides before it touches the log.
      recovery: undefined as unknown as DecisionRecovery,
      isActive: () => false,
      log: (line) => lines.push(line),
    });
    expect(await job.runNow()).toBeUndefined();
    expect(job.stats()).toMatchObject({ runs: 0, released: 0 });
  });
});
