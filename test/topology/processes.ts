import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The platform as separate processes, started as an operator would (`pnpm start`'s entry point with
 * ROLE and the other settings in the environment), for the tests of the production topology.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const main = join(root, 'services/api/src/main.ts');

export interface PlatformProcess {
  readonly name: string;
  readonly port: number;
  readonly base: string;
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves with the exit code (or the signal's name) when the process has ended and all its output is read. */
  readonly exited: Promise<number | string>;
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A built web UI stand-in, so that API processes do not build the real one. */
export function webDistStub(dir: string): string {
  const dist = join(dir, 'web-dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Werkbezoek</title>');
  return dist;
}

export async function startProcess(name: string, env: Record<string, string>): Promise<PlatformProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: root,
    env: {
      ...process.env,
      // As `pnpm start`: the API's decorators need its tsconfig.
      TSX_TSCONFIG_PATH: join(root, 'services/api/tsconfig.json'),
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO_DATA: 'off',
      LOG_FORMAT: 'json',
      PROJECTOR_STANDBY_RETRY_MS: '200',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  // On 'close', not 'exit': Node may report the exit before the last of the output has been read.
  const exited = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { name, port, base: `http://127.0.0.1:${port}`, child, output: () => output, exited };
}

export interface Readyz {
  readonly status: string;
  readonly role: string;
  readonly projector: { readonly here: string; readonly activeSomewhere: boolean | null };
  readonly projections: readonly { readonly name: string; readonly lagEvents: string; readonly error: unknown }[];
  readonly eventStore: { readonly head: string | null };
}

/** The process's /readyz, or undefined while it does not answer. */
export async function readyz(process: PlatformProcess): Promise<Readyz | undefined> {
  try {
    const response = await fetch(`${process.base}/readyz`);
    return (await response.json()) as Readyz;
  } catch {
    return undefined;
  }
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms = 60_000,
  processes: readonly PlatformProcess[] = [],
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    const ended = processes.find((p) => p.child.exitCode !== null || p.child.signalCode !== null);
    // The output of a process that exited is whole only once its pipes have closed.
    if (ended) await ended.exited;
    if (ended || Date.now() - started > ms)
      throw new Error(
        `${what} did not happen ${ended ? `(${ended.name} exited)` : `within ${ms} ms`}\n${processes.map((p) => `--- ${p.name}:\n${p.output()}`).join('\n')}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
