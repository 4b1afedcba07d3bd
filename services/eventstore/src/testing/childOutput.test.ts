import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childOutput } from './childOutput.js';

describe('childOutput', () => {
  // The two-projector test's flake: its follower printed "stopped" and exited with 0, and the test, judging the
  // output at 'exit', had not read that line yet. Here the parent reads nothing until the exit is known, which a
  // busy parent does by chance.
  it('has the last line a child printed before it exited, though the exit was known before the line was read', async () => {
    const child = spawn(process.execPath, ['-e', "process.stdout.write('stopped\\n'); process.exit(0)"]);
    const output = childOutput(child);
    child.stdout.pause();
    let atExit: string | undefined;
    child.once('exit', () => {
      atExit = output.stdout();
      child.stdout.resume();
    });

    const end = await output.ended;

    expect(atExit).toBe('');
    expect(end).toEqual({ code: 0, signal: null, stdout: 'stopped\n', stderr: '' });
  });

  it('says how a child ended on a signal, with what it printed before', async () => {
    const child = spawn(process.execPath, ['-e', "process.stderr.write('working\\n'); setInterval(() => {}, 1000)"]);
    const output = childOutput(child);
    await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
    child.kill('SIGKILL');

    expect(await output.ended).toEqual({ code: null, signal: 'SIGKILL', stdout: '', stderr: 'working\n' });
  });
});
