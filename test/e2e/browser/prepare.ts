/**
 * What every browser test file needs once per run: a Chromium to drive and a
 * UI build that is not older than its sources.
 *
 * This is a helper under a file lock rather than a vitest globalSetup, so that
 * a run of unit tests alone neither unpacks Chromium nor builds the UI: the
 * first browser file of a run does both, and the others, waiting on the lock,
 * find the browser unpacked and the build fresh.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const defaultDist = path.join(repoRoot, 'web', 'dist');
/**
 * The UI build the browser tests serve: web/dist, or WEB_DIST when set, so
 * that two people working in one checkout can each build and test their own
 * without rebuilding the other's under a running test.
 */
export const webDist = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : defaultDist;

/** The flags that work here; @sparticuz/chromium's own (single process, SwiftShader) crash 143 (STACK.md). */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-zygote',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The files a UI build is made from. */
function buildInputs(): string[] {
  const web = path.join(repoRoot, 'web');
  const files = [
    path.join(web, 'index.html'),
    path.join(web, 'vite.config.ts'),
    path.join(web, 'package.json'),
    path.join(repoRoot, 'schema', 'schema.graphql'),
  ];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(web, 'src'));
  return files.filter((f) => existsSync(f));
}

/** Why the UI needs building, or undefined when web/dist is up to date. */
export function staleReason(): string | undefined {
  const built = path.join(webDist, 'index.html');
  if (!existsSync(built)) return `${path.relative(repoRoot, built)} is missing`;
  const builtAt = statSync(built).mtimeMs;
  const newer = buildInputs().filter((f) => statSync(f).mtimeMs > builtAt);
  if (newer.length === 0) return undefined;
  const names = newer.map((f) => path.relative(repoRoot, f));
  return `${path.relative(repoRoot, webDist)} is older than ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
}

/** Builds the UI when it is missing or stale; says so on stderr. */
export async function buildUiIfStale(
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<void> {
  const reason = staleReason();
  if (!reason) return;
  log(`[browser tests] building the UI into ${path.relative(repoRoot, webDist)}: ${reason}`);
  const started = performance.now();
  const web = path.join(repoRoot, 'web');
  const options = { cwd: repoRoot, maxBuffer: 50_000_000, env: { ...process.env, NODE_ENV: 'production' } };
  try {
    if (webDist === defaultDist) await run('pnpm', ['--dir', web, 'run', 'build'], options);
    else {
      await run('pnpm', ['--dir', web, 'run', 'codegen'], options);
      await run('pnpm', ['--dir', web, 'exec', 'vite', 'build', '--outDir', webDist, '--emptyOutDir'], options);
    }
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`The UI build failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`, { cause: error });
  }
  log(`[browser tests] built the UI in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** CHROMIUM_PATH, else the Chromium inside @sparticuz/chromium (unpacked to /tmp/chromium on first call). */
export async function resolveChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding a lock directory that names its holder's pid; a
 * lock whose holder died (or that names none after `staleMs`) is taken over.
 */
export async function withLock<T>(name: string, work: () => Promise<T>, staleMs = 30_000): Promise<T> {
  const key = createHash('sha1').update(repoRoot).digest('hex').slice(0, 12);
  const lock = path.join(os.tmpdir(), `werkbezoek-${name}-${key}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        const holder = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
        if (!processAlive(holder)) rmSync(lock, { recursive: true, force: true });
      } catch {
        // no pid yet: the holder is between mkdir and writing it, or died there
        try {
          if (Date.now() - statSync(lock).mtimeMs > staleMs) rmSync(lock, { recursive: true, force: true });
        } catch {
          // removed meanwhile
        }
      }
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

let prepared: Promise<string> | undefined;

/**
 * Resolves the browser and builds the UI if needed, once per run (the run is
 * the test workers' parent process under vitest's default forks pool) and,
 * through the lock, one process at a
 * time: a later file of the same run does not rebuild web/dist under a file
 * that is still running, even if web/src changed meanwhile. Returns
 * Chromium's path.
 */
export function prepareBrowserRun(): Promise<string> {
  prepared ??= withLock('browser-prepare', async () => {
    const executablePath = await resolveChromium();
    const checked = path.join(os.tmpdir(), `werkbezoek-browser-built-${process.ppid}`);
    if (!existsSync(checked)) {
      await buildUiIfStale();
      for (const name of readdirSync(os.tmpdir())) {
        const pid = Number(/^werkbezoek-browser-built-(\d+)$/.exec(name)?.[1]);
        if (pid && !processAlive(pid)) rmSync(path.join(os.tmpdir(), name), { force: true });
      }
      writeFileSync(checked, new Date().toISOString());
    }
    return executablePath;
  });
  return prepared;
}
