import { describe, expect, it } from 'vitest';
import { nextRun, RetentionJob } from './retentionJob.js';

describe('the retention job', () => {
  it('runs next at its time of day: later today, or tomorrow once that time has passed', () => {
    const at = (h: number, m: number) => new Date(2026, 11, 3, h, m, 0, 0);
    expect(nextRun(at(1, 0), '03:30')).toEqual(at(3, 30));
    expect(nextRun(at(3, 30), '03:30')).toEqual(new Date(2026, 11, 4, 3, 30, 0, 0));
    expect(nextRun(at(22, 15), '03:30')).toEqual(new Date(2026, 11, 4, 3, 30, 0, 0));
    expect(nextRun(new Date(2026, 11, 31, 23, 0), '00:05')).toEqual(new Date(2027, 0, 1, 0, 5, 0, 0));
  });

  it('does nothing in a process that is not the active projector (a standby)', async () => {
    const lines: string[] = [];
    const job = (job: 'dry-run', active: boolean) =>
      new RetentionJob({
        settings: {
          periods: { CONTACT_PERSON: 5, CONTACTED_PERSON: 5, TWINNING_ACTOR: 5, STAFF_MEMBER: 10, DOCUMENT: null },
          job,
          at: '03:30',
        },
        // Never read: a standby decides before it touches the read models.
        readModels: undefined as never,
        privacy: undefined,
        isActive: () => active,
        log: (line) => lines.push(line),
      });
    expect(await job('dry-run', false).runNow()).toBeUndefined();
    expect(lines).toEqual([]);
  });
});
