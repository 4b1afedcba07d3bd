import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ReadModelConfig } from '@werkbezoek/projections';
import type { LoadPlan, LoadResult } from './loadPlan.js';

/*
 * The two processes of a load run, seen from the test: the server (server.ts)
 * and the load generator (client.ts).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const run = promisify(execFile);

/** One second's memory of the server process, in bytes (process.memoryUsage()). */
export interface MemorySample {
  readonly at: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  /** The event loop's longest delay in that second, and its 99th percentile (ms); absent when nothing was sampled. */
  readonly loopDelayMaxMs?: number;
  readonly loopDelayP99Ms?: number;
}

/** The heap right after a major garbage collection (what the process keeps), in bytes. */
export interface HeapAfterGc {
  readonly at: number;
  readonly heapUsed: number;
}

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly events: number;
  /** From the start of the process until its read models reached the log's head. */
  readonly startSeconds: number;
  /** Every sample since it was ready, one a second. */
  readonly memory: readonly MemorySample[];
  /** Every major garbage collection's heap since it was ready. */
  readonly heapAfterMajorGc: readonly HeapAfterGc[];
  /** Stops it gracefully (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

const childEnv = () => ({
  ...process.env,
  NODE_ENV: 'production',
  // The API's decorators need its tsconfig, as `pnpm start` runs it.
  TSX_TSCONFIG_PATH: path.join(repoRoot, 'services/api/tsconfig.json'),
});

export async function startServer(
  config: { dataDir: string; readModels: ReadModelConfig },
  readyWithinMs = 3_600_000,
): Promise<ServerProcess> {
  // EVIDENCE_SERVER_NODE_ARGS (say `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server: NODE_OPTIONS refuses --cpu-prof.
  const nodeArgs = process.env.EVIDENCE_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    // The young generation `pnpm start` and the image give the server (package.json, Dockerfile).
    ['--max-semi-space-size=64', ...nodeArgs, '--import', 'tsx', path.join(here, 'server.ts'), JSON.stringify(config)],
    {
      cwd: path.resolve(here, '../..'),
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const memory: MemorySample[] = [];
  const heapAfterMajorGc: HeapAfterGc[] = [];
  let errorOutput = '';
  child.stderr.on('data', (chunk: Buffer) => (errorOutput = (errorOutput + chunk.toString()).slice(-20_000)));
  // 'close', not 'exit': Node may report the exit before the last of the output (a ready line, the error) has been read.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const ready = new Promise<{ url: string; events: number; startSeconds: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server was not ready within ${readyWithinMs} ms`)),
      readyWithinMs,
    );
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = JSON.parse(pending.slice(0, newline)) as { type: string } & Record<string, number>;
        pending = pending.slice(newline + 1);
        if (line.type === 'memory') memory.push(line as unknown as MemorySample);
        if (line.type === 'heapAfterMajorGc') heapAfterMajorGc.push(line as unknown as HeapAfterGc);
        if (line.type === 'ready') {
          clearTimeout(timer);
          resolve(line as unknown as { url: string; events: number; startSeconds: number });
        }
      }
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}) before it was ready:\n${errorOutput}`));
    });
  });
  try {
    const { url, events, startSeconds } = await ready;
    return {
      url,
      pid: child.pid!,
      events,
      startSeconds,
      memory,
      heapAfterMajorGc,
      stop: async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** Runs the load generator in its own process and returns what it measured. */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-load-'));
  try {
    const file = path.join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(here, 'client.ts'), file], {
      cwd: path.resolve(here, '../..'),
      env: childEnv(),
      maxBuffer: 100_000_000,
    });
    return JSON.parse(stdout) as LoadResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
