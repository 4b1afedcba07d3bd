import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWebUi, pnpmCommand, webBuildState } from './webBuild.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'werkbezoek-webbuild-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes a file of the repository, modified at the given second. */
function file(path: string, at: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, path);
  utimesSync(full, at, at);
}

function repository(builtAt: number): void {
  file('web/package.json', 1_000);
  file('web/index.html', 1_000);
  file('web/vite.config.ts', 1_000);
  file('web/src/main.tsx', 1_000);
  file('web/src/pages/dashboard/Dashboard.tsx', 1_000);
  file('schema/schema.graphql', 1_000);
  if (builtAt) file('web/dist/index.html', builtAt);
}

describe('the web build', () => {
  it('is absent without a web package', () => {
    file('schema/schema.graphql', 1_000);
    expect(webBuildState(root)).toBe('absent');
  });

  it('is missing without dist/index.html', () => {
    repository(0);
    expect(webBuildState(root)).toBe('missing');
  });

  it('is fresh when built after every source', () => {
    repository(2_000);
    expect(webBuildState(root)).toBe('fresh');
  });

  it.each([
    'web/src/pages/dashboard/Dashboard.tsx',
    'web/src/new/Deep.tsx',
    'web/index.html',
    'web/vite.config.ts',
    'web/package.json',
    'schema/schema.graphql',
  ])('is stale when %s changed after the build', (source) => {
    repository(2_000);
    file(source, 3_000);
    expect(webBuildState(root)).toBe('stale');
  });

  it('ignores other files', () => {
    repository(2_000);
    file('web/README.md', 3_000);
    file('services/api/src/main.ts', 3_000);
    expect(webBuildState(root)).toBe('fresh');
  });
});

describe('pnpm', () => {
  it('is the pnpm that runs us, by node when it is a script', () => {
    expect(pnpmCommand({ npm_execpath: '/opt/pnpm/bin/pnpm.cjs' }, '/usr/bin/node')).toEqual({
      command: '/usr/bin/node',
      args: ['/opt/pnpm/bin/pnpm.cjs'],
    });
    expect(pnpmCommand({ npm_execpath: '/usr/local/bin/pnpm' })).toEqual({ command: '/usr/local/bin/pnpm', args: [] });
  });

  it('is pnpm on the PATH otherwise', () => {
    expect(pnpmCommand({})).toEqual({ command: 'pnpm', args: [] });
    expect(pnpmCommand({ npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' })).toEqual({
      command: 'pnpm',
      args: [],
    });
  });
});

describe('building', () => {
  /** A stand-in for pnpm that records its arguments and exits with `code`. */
  function fakePnpm(code: number): string {
    const script = join(root, 'fake-pnpm.cjs');
    writeFileSync(
      script,
      `require('node:fs').writeFileSync(${JSON.stringify(join(root, 'args.json'))}, JSON.stringify(process.argv.slice(2))); process.exit(${code});`,
    );
    return script;
  }

  it('runs pnpm --dir web run build', () => {
    const result = buildWebUi(root, { ...process.env, npm_execpath: fakePnpm(0) });
    expect(result).toEqual({ ok: true });
    expect(JSON.parse(readFileSync(join(root, 'args.json'), 'utf8'))).toEqual([
      '--dir',
      join(root, 'web'),
      'run',
      'build',
    ]);
  });

  it('says so when the build fails', () => {
    const result = buildWebUi(root, { ...process.env, npm_execpath: fakePnpm(3) });
    expect(result).toEqual({ ok: false, error: 'pnpm --dir web run build exited with 3' });
  });
});
