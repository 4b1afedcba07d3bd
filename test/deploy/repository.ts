/** The repository as the deployment tests see it: files, workspace packages, the documented variables. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export function read(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

export function exists(path: string): boolean {
  return existsSync(join(root, path));
}

export interface PackageJson {
  readonly name: string;
  readonly packageManager?: string;
  readonly scripts?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly bin?: string | Record<string, string>;
}

export function readPackage(path: string): PackageJson {
  return JSON.parse(read(path)) as PackageJson;
}

/** The workspace's packages by name, each with its folder, from pnpm-workspace.yaml's `packages` globs. */
export function workspacePackages(): Map<string, string> {
  const globs = [...read('pnpm-workspace.yaml').matchAll(/^\s+-\s+['"]?([^'"\s#]+)['"]?\s*$/gm)]
    .map((m) => m[1]!)
    .filter((g) => !g.startsWith('!'));
  const folders = globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob];
    const parent = glob.slice(0, -2);
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${parent}/${d.name}`);
  });
  const packages = new Map<string, string>();
  for (const folder of folders) {
    if (exists(`${folder}/package.json`)) packages.set(readPackage(`${folder}/package.json`).name, folder);
  }
  return packages;
}

/** The folders of a workspace package and of every workspace package it depends on at run time (dependencies). */
export function runtimeWorkspaceClosure(name: string): string[] {
  const packages = workspacePackages();
  const seen = new Set<string>();
  const visit = (pkg: string): void => {
    if (seen.has(pkg)) return;
    seen.add(pkg);
    const folder = packages.get(pkg);
    if (!folder) throw new Error(`${pkg} is not a workspace package`);
    const { dependencies = {} } = readPackage(`${folder}/package.json`);
    for (const [dep, range] of Object.entries(dependencies)) if (range.startsWith('workspace:')) visit(dep);
  };
  visit(name);
  return [...seen].map((pkg) => packages.get(pkg)!).sort();
}

/** The variables the code reads, as documented: where the list came from and the names. */
export interface DocumentedVariables {
  readonly source: string;
  readonly names: ReadonlySet<string>;
}

/**
 * Until the code's configuration documents its variables in .env.example (one
 * `NAME=value` or `# NAME=value` line each), the names come from
 * services/api/src/config.ts, else from this list (issue 14).
 */
const issueList = [
  'ROLE',
  'HOST',
  'PORT',
  'DATA_DIR',
  'EVENTSTORE_URL',
  'DATABASE_URL',
  'DEMO_DATA',
  'NODE_ENV',
  'AUTH_MODE',
  'JWT_SECRET',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'JWT_ROLE_CLAIM',
  'JWT_MUNICIPALITY_CLAIM',
  'COMPILE_QUERIES',
  'WEB_DIST',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'READ_YOUR_WRITES_TIMEOUT_MS',
  'PROJECTOR_STANDBY_RETRY_MS',
];

export function documentedVariables(): DocumentedVariables {
  if (exists('.env.example')) {
    const names = [...read('.env.example').matchAll(/^[ \t]*(?:#[ \t]*)?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    return { source: '.env.example', names: new Set(names) };
  }
  if (exists('services/api/src/config.ts')) {
    const text = read('services/api/src/config.ts');
    const names = [
      ...[...text.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)].map((m) => m[1]!),
      ...[...text.matchAll(/^\s*['"]?([A-Z][A-Z0-9_]*)['"]?\s*:/gm)].map((m) => m[1]!),
    ];
    return { source: 'services/api/src/config.ts', names: new Set(names) };
  }
  return { source: 'the list in test/deploy/repository.ts (no .env.example yet)', names: new Set(issueList) };
}
