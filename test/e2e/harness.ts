import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startPlatform,
  type AuthConfig,
  type ExecutionOptions,
  type Platform,
  type PlatformOptions,
} from '@werkbezoek/api';
import type { ReadModelConfig } from '@werkbezoek/projections';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; fields?: string[]; [k: string]: unknown };
  }[];
}

export interface LivePlatform {
  readonly platform: Platform;
  readonly url: string;
  /** Where the embedded stores live. */
  readonly dataDir: string;
  /** Sets the platform's clock (commands take their date from it). */
  setToday(date: string): void;
  gql<T = Record<string, unknown>>(
    token: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real platform on a free port over a fresh data directory, spoken to over HTTP. */
export async function livePlatform(
  options: {
    readModels?: (dataDir: string) => ReadModelConfig;
    auth?: AuthConfig;
    production?: boolean;
    demoData?: boolean;
    /** By default every query runs compiled, as repeated queries do in production. */
    execution?: ExecutionOptions;
    /** The built web UI's folder (default: the repository's web/dist). */
    webDist?: string;
    /** The platform's structured logs and its plain log lines (default: none). */
    logger?: PlatformOptions['logger'];
    log?: (message: string) => void;
    /** An existing data directory to start on, left in place on close (default: a fresh one, removed). */
    dataDir?: string;
    /** Retention periods and the daily job (default: the platform's, a dry run). */
    retention?: PlatformOptions['retention'];
  } = {},
): Promise<LivePlatform> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'werkbezoek-e2e-'));
  let today = '2026-01-05';
  const platform = await startPlatform({
    dataDir,
    readModels: options.readModels?.(dataDir) ?? { dialect: 'sqlite', path: join(dataDir, 'read-models.db') },
    auth: options.auth ?? { mode: 'demo' },
    host: '127.0.0.1',
    port: 0,
    demoData: options.demoData ?? false,
    production: options.production ?? false,
    log: options.log ?? (() => {}),
    ...(options.logger ? { logger: options.logger } : {}),
    now: () => new Date(`${today}T10:00:00.000Z`),
    execution: options.execution ?? { compileAfter: 0 },
    ...(options.webDist ? { webDist: options.webDist } : {}),
    ...(options.retention ? { retention: options.retention } : {}),
  });
  return {
    platform,
    url: platform.url,
    dataDir,
    setToday: (date) => (today = date),
    async gql(token, query, variables, headers = {}) {
      const response = await fetch(platform.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as never;
    },
    close: async () => {
      await platform.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const tokens = {
  management: 'demo-management',
  planner: 'demo-planner',
  analyst: 'demo-analyst',
  staff: 'demo-staff',
  zoersel: 'demo-coordinator-11055',
  merelbeke: 'demo-coordinator-44043',
} as const;
