import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress.js';

function bar(total?: number) {
  let t = 0;
  const written: string[] = [];
  const stream = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  const progress = new ProgressBar({
    label: 'Rebuilding',
    unit: 'events',
    intervalMs: 0,
    stream,
    now: () => t,
    ...(total ? { total } : {}),
  });
  return { progress, written, tick: (ms: number) => (t += ms) };
}

describe('the progress bar', () => {
  it('shows done and total, percentage, rate and ETA', () => {
    const { progress, tick } = bar(1_000_000);
    tick(10_000);
    progress.update(250_000);
    expect(progress.render()).toBe(
      'Rebuilding ██████░░░░░░░░░░░░░░░░░░  25.0% 250,000/1,000,000 events · 25,000 events/s · ETA 0:30',
    );
  });

  it('shows count and rate when the total is unknown, and prints whole lines off a terminal', () => {
    const { progress, written, tick } = bar();
    tick(2_000);
    progress.update(5_000);
    progress.finish();
    expect(written).toEqual([
      'Rebuilding: 5,000 events · 2,500 events/s · 0:02 elapsed\n',
      'Rebuilding: 5,000 events · 2,500 events/s · 0:02 elapsed\n',
    ]);
  });

  it('leaves work done before it started out of the rate', () => {
    let t = 0;
    const stream = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
    const progress = new ProgressBar({
      label: 'Fill',
      unit: 'events',
      total: 1_000,
      initial: 500,
      stream,
      now: () => t,
      intervalMs: 0,
    });
    t = 1_000;
    progress.update(600);
    expect(progress.render()).toContain('600/1,000 events · 100 events/s · ETA 0:04');
  });
});
