import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the web UI's build stands against its sources:
 * `absent` when there is no web package (yet), `missing` without
 * web/dist/index.html, `stale` when a source changed after it was built,
 * `fresh` otherwise.
 */
export type WebBuildState = 'absent' | 'missing' | 'stale' | 'fresh';

/** What the build is made from, relative to the repository: web/src (all of it) and these files. */
export const webSources = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'web/package.json',
  'schema/schema.graphql',
];

/** The latest modification time under a path (a file, or a folder walked whole); 0 when it does not exist. */
function latestChange(path: string): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, latestChange(join(path, entry)));
  return latest;
}

export function webBuildState(root: string): WebBuildState {
  if (!existsSync(join(root, 'web', 'package.json'))) return 'absent';
  const built = latestChange(join(root, 'web', 'dist', 'index.html'));
  if (built === 0) return 'missing';
  const sources = Math.max(...webSources.map((s) => latestChange(join(root, s))));
  return sources > built ? 'stale' : 'fresh';
}

/**
 * How to run pnpm: through the pnpm that runs us (`npm_execpath`, a script
 * run by node or a binary), else `pnpm` on the PATH.
 */
export function pnpmCommand(env: NodeJS.ProcessEnv, node = process.execPath): { command: string; args: string[] } {
  const execPath = env.npm_execpath;
  if (execPath && /pnpm/i.test(execPath)) {
    return /\.(c|m)?js$/.test(execPath) ? { command: node, args: [execPath] } : { command: execPath, args: [] };
  }
  return { command: 'pnpm', args: [] };
}

/** Builds the web UI (`pnpm --dir web run build`), its output on our terminal; the error when it fails. */
export function buildWebUi(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): { ok: true } | { ok: false; error: string } {
  const { command, args } = pnpmCommand(env);
  const result = spawnSync(command, [...args, '--dir', join(root, 'web'), 'run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (result.error) return { ok: false, error: `${command} could not be run: ${result.error.message}` };
  if (result.status !== 0)
    return { ok: false, error: `pnpm --dir web run build exited with ${result.status ?? result.signal}` };
  return { ok: true };
}
