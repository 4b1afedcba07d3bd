import type { ChildProcessWithoutNullStreams } from 'node:child_process';

export interface ChildEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ChildOutput {
  /** What the child has written to stdout so far. */
  stdout(): string;
  /** What the child has written to stderr so far. */
  stderr(): string;
  /**
   * How the child ended, with everything it wrote. Settles on 'close', not on
   * 'exit': Node may report the exit before the parent has read the child's
   * last writes from its pipes (a busy parent does, often), so output judged
   * at 'exit' can lack what the child printed just before it exited.
   */
  readonly ended: Promise<ChildEnd>;
}

/** Collects a child process's output, for tests that watch what a child prints and how it ends. */
export function childOutput(child: ChildProcessWithoutNullStreams): ChildOutput {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ended = new Promise<ChildEnd>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) =>
      resolve({ code, signal, stdout, stderr }),
    );
  });
  return { stdout: () => stdout, stderr: () => stderr, ended };
}
