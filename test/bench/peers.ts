/**
 * The event-store benchmark's peer, Emmett's SQLite event store, runs on the
 * `sqlite3` addon, which compiles from source here (about a minute and a half
 * on two cores). Only this benchmark needs it, so it is not part of the
 * workspace's install (issue 14): the first run installs it with npm into
 * node_modules/.cache/werkbezoek-bench-peers/<Node ABI>/ and later runs load
 * it from there. The workspace keeps Emmett's packages for their types only
 * (pnpm-workspace.yaml marks sqlite3 an optional peer, so pnpm leaves it out).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as EmmettSqlite from '@event-driven-io/emmett-sqlite';
import { formatDuration, note } from './progress.js';

/**
 * Exact versions: Emmett as the workspace's lockfile has it (its types are the ones the benchmark is
 * checked against), sqlite3 as Emmett 0.38.5 was benchmarked on, and the packages Emmett imports
 * without declaring them (see packageExtensions in pnpm-workspace.yaml).
 */
export const EMMETT_PEER = {
  '@event-driven-io/emmett': '0.38.5',
  '@event-driven-io/emmett-sqlite': '0.38.5',
  sqlite3: '5.1.7',
  'async-retry': '1.3.3',
  uuid: '10.0.0',
  'web-streams-polyfill': '4.3.0',
} as const;

export interface EmmettPeer {
  readonly emmettSqlite: typeof EmmettSqlite;
  readonly sqlite3Version: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the peer lives: per Node ABI, since sqlite3's binary is built for one. */
export function peerDir(): string {
  return path.join(repoRoot, 'node_modules', '.cache', 'werkbezoek-bench-peers', `node-abi${process.versions.modules}`);
}

const specs = Object.entries(EMMETT_PEER).map(([name, version]) => `${name}@${version}`);

/** Emmett's SQLite store and sqlite3, installed on first use. */
export async function emmettPeer(): Promise<EmmettPeer> {
  const dir = peerDir();
  const marker = path.join(dir, 'installed.json');
  const wanted = JSON.stringify(specs);
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    await install(dir);
    writeFileSync(marker, wanted);
  }
  const require = createRequire(path.join(dir, 'package.json'));
  const sqlite3 = require('sqlite3') as { VERSION: string };
  return {
    emmettSqlite: require('@event-driven-io/emmett-sqlite') as EmmettPeer['emmettSqlite'],
    sqlite3Version: sqlite3.VERSION,
  };
}

async function install(dir: string): Promise<void> {
  const shown = path.relative(process.cwd(), dir) || dir;
  note(
    `eventstore: installing the benchmark's peer (Emmett ${EMMETT_PEER['@event-driven-io/emmett-sqlite']} on sqlite3 ` +
      `${EMMETT_PEER.sqlite3}) with npm into ${shown}, once for this Node.js; sqlite3 compiles from source ` +
      '(about 1.5 min on two cores). Later runs reuse it; delete that folder to install again.',
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'werkbezoek-bench-peers', private: true, description: 'Installed by test/bench/peers.ts' }, null, 2)}\n`,
  );
  // pnpm's own settings in the environment mean nothing to npm (it warns about each).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_config_verify_deps_before_run$/i.test(key)),
  );
  const args = [
    'install',
    '--prefix',
    dir,
    '--save-exact',
    '--no-audit',
    '--no-fund',
    // Emmett's other peers (ts-node, commander) serve its CLI, which the benchmark does not use.
    '--legacy-peer-deps',
    // sqlite3's prebuilt binaries come from GitHub, which need not be reachable: build it here.
    '--build-from-source',
    '--loglevel=error',
    ...specs,
  ];
  const started = performance.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const ticker = setInterval(() => {
      note(`  installing the peer: ${formatDuration(performance.now() - started)} so far`);
    }, 15_000);
    child.once('error', (error) => {
      clearInterval(ticker);
      reject(error);
    });
    child.once('close', (exitCode) => {
      clearInterval(ticker);
      resolve(exitCode);
    });
  });
  if (code !== 0) {
    process.stderr.write(output.join('').split('\n').slice(-40).join('\n'));
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `npm could not install the event-store benchmark's peer (exit code ${String(code)}; its output is above). ` +
        'The other benchmarks do not need it: `pnpm bench projections api web planner`.',
    );
  }
  note(`  peer installed in ${formatDuration(performance.now() - started)}`);
}
