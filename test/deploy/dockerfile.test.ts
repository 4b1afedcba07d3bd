/**
 * The Dockerfile, checked statically (no Docker engine runs on the development
 * machines or in CI): what a build would need from the repository, and what the
 * image promises the compose file and the code.
 */
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dockerContextKeeps,
  envPairs,
  execForm,
  parseDockerfile,
  splitFlags,
  stagesOf,
  type Instruction,
  type Stage,
} from './dockerSyntax.js';
import { documentedVariables, exists, read, readPackage, runtimeWorkspaceClosure } from './repository.js';

const stages = stagesOf(parseDockerfile(read('Dockerfile')));
const dockerignore = read('.dockerignore');
const final = stages.at(-1)!;
const stageNames = new Set(stages.map((s) => s.name));

const of = (stage: Stage, keyword: string): Instruction[] => stage.instructions.filter((i) => i.keyword === keyword);
const stageNamed = (name: string): Stage => {
  const stage = stages.find((s) => s.name === name);
  if (!stage) throw new Error(`No stage ${name}`);
  return stage;
};
/** A stage and the stages it is built FROM, nearest first. */
const lineage = (stage: Stage): Stage[] =>
  stageNames.has(stage.from) ? [stage, ...lineage(stageNamed(stage.from))] : [stage];
/** The image a stage finally starts from. */
const baseImage = (stage: Stage): string => lineage(stage).at(-1)!.from;
const runs = (stage: Stage): string[] => lineage(stage).flatMap((s) => of(s, 'RUN').map((r) => r.args));
const pnpmInstalls = (commands: string[]): string[] =>
  commands.flatMap((c) => c.split(/&&|;/)).filter((c) => /\bpnpm\s+(install|i|add)\b/.test(c));
/** The WORKDIR in effect at an instruction (absolute), for resolving relative COPY destinations. */
const workdirAt = (stage: Stage, instruction: Instruction): string => {
  let dir = '/';
  for (const s of lineage(stage).reverse())
    for (const i of s.instructions) {
      if (s === stage && i === instruction) return dir;
      if (i.keyword === 'WORKDIR') dir = posix.resolve(dir, i.args);
    }
  return dir;
};

/** Each COPY of the final stage: its sources, its absolute destination, the stage it copies from. */
const finalCopies = of(final, 'COPY').map((copy) => {
  const { flags, rest } = splitFlags(copy.args);
  const destination = posix.resolve(workdirAt(final, copy), rest.at(-1)!);
  return { from: flags.from, sources: rest.slice(0, -1), destination };
});
const finalWorkdir = posix.resolve(workdirAt(final, final.instructions.at(-1)!));
/** Whether the final image holds a repository path (relative), by a COPY from the context. */
const finalImageHolds = (path: string): boolean =>
  finalCopies.some(({ from, sources, destination }) => {
    if (from) return false;
    const target = posix.join(finalWorkdir, path);
    return sources.some((source) => {
      const landed =
        sources.length === 1 && !destination.endsWith('/')
          ? destination
          : posix.join(destination, posix.basename(source));
      return target === landed || target.startsWith(`${landed}/`);
    });
  });

describe('Dockerfile', () => {
  it('builds in several stages, every base image pinned to a version', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      if (stageNames.has(stage.from)) continue;
      expect(stage.from, `FROM ${stage.from}`).toMatch(
        /^[a-z0-9./_-]+:\d+\.\d+(\.\d+)?(-[a-z0-9.-]+)?(@sha256:[a-f0-9]{64})?$/,
      );
      expect(stage.from).not.toMatch(/:latest\b/);
    }
  });

  it('runs Node.js 24 (bookworm-slim), the same build in the stage that compiles native addons and in the final one', () => {
    const bases = new Set(stages.filter((s) => !stageNames.has(s.from)).map((s) => s.from));
    for (const base of bases) expect(base).toMatch(/^node:24\.\d+\.\d+-bookworm-slim$/);
    // better-sqlite3 is compiled for the ABI and glibc of its stage and runs in the final one.
    const compiling = stages.filter((s) => runs(s).some((r) => /\bg\+\+/.test(r)));
    expect(compiling.length).toBeGreaterThan(0);
    for (const stage of compiling) expect(baseImage(stage)).toBe(baseImage(final));
  });

  it('compiles the native addons pnpm is allowed to build, with python3, make and g++', () => {
    expect(read('pnpm-workspace.yaml')).toMatch(/onlyBuiltDependencies:[\s\S]*-\s+better-sqlite3/);
    const prodStage = stages.find((s) => pnpmInstalls(runs(s)).some((c) => /--prod\b/.test(c)));
    expect(prodStage, 'a stage with pnpm install --prod').toBeDefined();
    const packages = runs(prodStage!).flatMap((r) =>
      [...r.matchAll(/apt-get install([^&;]*)/g)].flatMap((m) => m[1]!.split(/\s+/)),
    );
    expect(packages).toEqual(expect.arrayContaining(['python3', 'make', 'g++']));
  });

  it('installs with the frozen lockfile, through the pnpm that package.json pins', () => {
    const installs = pnpmInstalls(stages.flatMap((s) => of(s, 'RUN').map((r) => r.args)));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install).toMatch(/--frozen-lockfile\b/);

    const pinned = /^pnpm@(\d+\.\d+\.\d+)\+sha\d+\./.exec(readPackage('package.json').packageManager ?? '');
    expect(pinned, 'package.json pins pnpm with its hash').not.toBeNull();
    const text = read('Dockerfile');
    for (const m of text.matchAll(/pnpm@(\d+\.\d+\.\d+)/g)) expect(m[1]).toBe(pinned![1]);
    expect(text).not.toMatch(/npm (i|install) (-g|--global) pnpm/);
    // corepack takes the version (and the hash) from package.json's packageManager: it must be copied first.
    const pnpmStage = stages.find((s) => of(s, 'RUN').some((r) => /corepack (install|prepare)/.test(r.args)))!;
    expect(pnpmStage, 'corepack installs pnpm').toBeDefined();
    const corepackAt = pnpmStage.instructions.findIndex(
      (i) => i.keyword === 'RUN' && /corepack (install|prepare)/.test(i.args),
    );
    const manifestAt = pnpmStage.instructions.findIndex(
      (i) => i.keyword === 'COPY' && /(^|\s)package\.json\s/.test(i.args),
    );
    expect(manifestAt).toBeGreaterThanOrEqual(0);
    expect(manifestAt).toBeLessThan(corepackAt);
  });

  it('copies the lockfile and the manifests before installing, and the sources after (layer caching)', () => {
    for (const stage of stages) {
      const installAt = stage.instructions.findIndex((i) => i.keyword === 'RUN' && pnpmInstalls([i.args]).length > 0);
      if (installAt === -1) continue;
      const before = lineage(stage)
        .slice(1)
        .flatMap((s) => s.instructions)
        .concat(stage.instructions.slice(0, installAt));
      const copied = before.filter((i) => i.keyword === 'COPY').map((i) => i.args);
      expect(
        copied.some((c) => /pnpm-lock\.yaml/.test(c)),
        `${stage.name}: the lockfile before pnpm install`,
      ).toBe(true);
      for (const c of copied.filter((c) => !/--from=/.test(c)))
        expect(c, `${stage.name}: only manifests before pnpm install`).toMatch(
          /^(\S*(package\.json|pnpm-lock\.yaml|pnpm-workspace\.yaml)\s+)+\S+$/,
        );
    }
  });

  it('gives the final image production dependencies only: dev dependencies reach it only as built files', () => {
    expect(pnpmInstalls(of(final, 'RUN').map((r) => r.args))).toEqual([]);
    expect(
      of(final, 'RUN')
        .map((r) => r.args)
        .join('\n'),
    ).not.toMatch(/\b(npm|yarn|pnpm)\s+(ci|install|i)\b/);
    for (const copy of finalCopies.filter((c) => c.from)) {
      const from = stageNamed(copy.from!);
      const installs = pnpmInstalls(runs(from));
      const builtFilesOnly = copy.sources.every((s) => /\/dist\/?$/.test(s));
      if (builtFilesOnly) continue;
      expect(installs.length, `${from.name} installs`).toBeGreaterThan(0);
      for (const install of installs) expect(install, `${from.name}: ${install}`).toMatch(/--prod\b/);
    }
  });

  it('installs exactly the API and the workspace packages it imports, and copies their sources', () => {
    const folders = runtimeWorkspaceClosure('@werkbezoek/api');
    const prodStage = stages.find((s) =>
      pnpmInstalls(of(s, 'RUN').map((r) => r.args)).some((c) => /--prod\b/.test(c)),
    )!;
    const install = pnpmInstalls(of(prodStage, 'RUN').map((r) => r.args))[0]!;
    expect(install).toMatch(/--filter\s+["']?@werkbezoek\/api\.\.\.["']?/);
    const manifests = lineage(prodStage)
      .flatMap((s) => of(s, 'COPY'))
      .flatMap((c) => splitFlags(c.args).rest.slice(0, -1))
      .filter((p) => p.endsWith('/package.json'))
      .map((p) => posix.dirname(p))
      .sort();
    expect(manifests).toEqual(folders);
    for (const folder of folders)
      expect(finalImageHolds(`${folder}/src/index.ts`), `${folder}/src in the image`).toBe(true);
    // services/api/tsconfig.json extends the base config: tsx reads both.
    for (const file of ['services/api/tsconfig.json', 'tsconfig.base.json'])
      expect(finalImageHolds(file), file).toBe(true);
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    for (const stage of stages)
      for (const copy of of(stage, 'COPY').concat(of(stage, 'ADD'))) {
        const { flags, rest } = splitFlags(copy.args);
        if (flags.from) {
          expect(stageNames.has(flags.from), `COPY --from=${flags.from}`).toBe(true);
          continue;
        }
        for (const source of rest.slice(0, -1)) {
          expect(exists(source), `COPY ${source} (line ${copy.line})`).toBe(true);
          expect(dockerContextKeeps(dockerignore, source), `.dockerignore drops ${source}`).toBe(true);
        }
      }
    // What must never travel into the context, whatever the COPY lines say.
    for (const path of [
      'node_modules/x',
      'web/node_modules/x',
      'web/dist/index.html',
      'data/events.db',
      '.git/HEAD',
      '.env',
    ])
      expect(dockerContextKeeps(dockerignore, path), path).toBe(false);
  });

  it('serves the built web UI from where the code looks for it, without web/package.json (no rebuild at start)', () => {
    // services/api/src/http/webUi.ts: defaultWebDist, relative to that file.
    const relative = /defaultWebDist = fileURLToPath\(new URL\('([^']+)'/.exec(
      read('services/api/src/http/webUi.ts'),
    )?.[1];
    expect(relative).toBeDefined();
    const webDist = posix.join(finalWorkdir, posix.join('services/api/src/http', relative!));
    const copy = finalCopies.find((c) => c.destination === webDist);
    expect(copy, `a COPY into ${webDist}`).toBeDefined();
    expect(copy!.from && runs(stageNamed(copy!.from)).some((r) => /pnpm build:web/.test(r))).toBe(true);
    expect(readPackage('package.json').scripts?.['build:web']).toBeDefined();
    expect(finalImageHolds('web/package.json')).toBe(false);
  });

  it('runs as the non-root node user, with the environment, volume, port and health check the compose file relies on', () => {
    const users = of(final, 'USER').map((u) => u.args);
    expect(users.at(-1)).toBe('node');
    const cmdAt = final.instructions.findIndex((i) => i.keyword === 'CMD');
    const userAt = final.instructions.findLastIndex((i) => i.keyword === 'USER');
    expect(userAt).toBeLessThan(cmdAt);

    const env = Object.assign({}, ...of(final, 'ENV').map((e) => envPairs(e.args))) as Record<string, string>;
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '4000',
      LOG_FORMAT: 'json',
      DATA_DIR: '/data',
    });
    const documented = documentedVariables();
    for (const name of Object.keys(env))
      expect(documented.names.has(name), `${name} in ${documented.source}`).toBe(true);

    expect(of(final, 'VOLUME').map((v) => v.args)).toContainEqual(expect.stringMatching(/(^|["\s[])\/data(["\s\]]|$)/));
    expect(of(final, 'EXPOSE').map((e) => e.args)).toContain(env.PORT);

    const healthchecks = of(final, 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    const command = execForm(healthchecks[0]!.args.replace(/^(--\S+\s+)*CMD\s+/, ''));
    expect(command, 'HEALTHCHECK in exec form').toBeDefined();
    // Slim images have no curl or wget: Node's own fetch.
    expect(command![0]).toBe('node');
    expect(command!.join(' ')).toMatch(/fetch\(.*\/healthz/);
  });

  it('starts the root `pnpm start` script with the API’s own tsx, every file it names in the image', () => {
    const cmds = of(final, 'CMD');
    expect(cmds).toHaveLength(1);
    const command = execForm(cmds[0]!.args);
    expect(command, 'CMD in exec form (the process gets the signals)').toBeDefined();
    const start = readPackage('package.json').scripts?.start?.split(/\s+/);
    expect(start?.[0]).toBe('tsx');
    // tsx is a production dependency of the API (the root's is a dev dependency, absent from the image).
    const api = readPackage('services/api/package.json');
    expect(api.dependencies?.tsx).toBeDefined();
    const tsx = readPackage('services/api/node_modules/tsx/package.json');
    const bin = typeof tsx.bin === 'string' ? tsx.bin : tsx.bin?.tsx;
    expect(command).toEqual(['node', posix.join('services/api/node_modules/tsx', bin!), ...start!.slice(1)]);
    const files = start!.slice(1).filter((w) => !w.startsWith('-'));
    for (const file of files) {
      expect(exists(file), file).toBe(true);
      expect(finalImageHolds(file), `${file} in the image`).toBe(true);
    }
  });
});
