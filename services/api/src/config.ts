/**
 * Every setting of a Werkbezoek process, from environment variables, checked
 * once at start (issue 14). A wrong value stops the start with one line that
 * names the variable, what it must be and what it got; nothing else reads
 * process.env. Each variable's documentation lives beside its schema, so
 * .env.example and the README's table are checked against this one list.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '@werkbezoek/eventstore';
import { readModelConfigFromEnv, type ReadModelConfig } from '@werkbezoek/projections';
import { z } from 'zod';
import type { AuthConfig } from './auth/principal.js';
import type { RetentionSettings } from './privacy/retentionJob.js';
import { DEFAULT_RECOVERY, type RecoverySettings } from './recovery/recoveryJob.js';

export type Role = 'all' | 'api' | 'projector';
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
export type LogFormat = 'pretty' | 'json';

export interface Config {
  readonly role: Role;
  readonly host: string;
  readonly port: number;
  /** Absolute. */
  readonly dataDir: string;
  readonly eventStore: EventStoreConfig;
  readonly readModels: ReadModelConfig;
  readonly demoData: boolean;
  /** NODE_ENV=production: no stack traces or hints in errors sent to clients. */
  readonly production: boolean;
  readonly auth: AuthConfig;
  readonly compileQueries: boolean;
  /** A built web UI to serve instead of the repository's web/dist (absolute); the start then builds nothing. */
  readonly webDist?: string;
  readonly log: { readonly level: LogLevel; readonly format: LogFormat };
  readonly readYourWritesTimeoutMs: number;
  readonly standbyRetryMs: number;
  /** How long an Idempotency-Key stays bound to its first request, in hours. */
  readonly idempotencyKeyTtlHours: number;
  /** How long each kind of personal data is kept, and the daily job that erases what is past it (issue 15). */
  readonly retention: RetentionSettings;
  /** The job that completes or gives back decisions interrupted halfway (issue 16). */
  readonly recovery: RecoverySettings;
  /** Settings that are allowed but probably not meant; logged at start. */
  readonly warnings: readonly string[];
}

/** A setting that stops the start: `message` is the one line to show. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** What a variable is for: the source of .env.example's comments and the README's table. */
export interface VariableDoc {
  /** Completes "NAME must be …" when a value is refused. */
  readonly mustBe: string;
  readonly about: string;
  /** As shown in the documentation; absent when the variable is optional without a default. */
  readonly default?: string;
  readonly example: string;
  /** Never echoed in an error message. */
  readonly secret?: boolean;
}

const docs = z.registry<VariableDoc>();

function variable<S extends z.ZodType>(schema: S, doc: VariableDoc): S {
  docs.add(schema, doc);
  return schema;
}

const onOff = z.enum(['on', 'off']);

function wholeNumber(min: number, max: number) {
  return z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
}

function url(schemes: readonly string[]) {
  return z.string().refine((value) => {
    try {
      return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
    } catch {
      return false;
    }
  });
}

/** Whole years from 1 to 100, or `never` (kept without a limit: null). */
function retentionYears(fallback: string) {
  return z
    .string()
    .regex(/^(?:[1-9]\d?|100|never)$/)
    .default(fallback)
    .transform((value) => (value === 'never' ? null : Number(value)));
}

const yearsMustBe = 'a whole number of years from 1 to 100, or never (kept without a limit)';

// A host name (RFC 1123 labels) or an IP address; what Node's listen() is given.
const hostName =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** The variables, in the order of the documentation. */
export const envSchema = z.object({
  ROLE: variable(z.enum(['all', 'api', 'projector']).default('all'), {
    mustBe: 'all, api or projector',
    about:
      'What this process runs: `all` (the API and the projector in one process), `api` (the GraphQL API and the web UI, stateless: run any number) or `projector` (the projection runner: one is active, others stand by). `api` and `projector` need DATABASE_URL.',
    default: 'all',
    example: 'api',
  }),
  HOST: variable(
    z
      .string()
      .refine((value) => isIP(value) !== 0 || hostName.test(value))
      .default('127.0.0.1'),
    {
      mustBe: 'an IP address or a host name to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface)',
      about: 'The address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for every interface (in a container).',
      default: '127.0.0.1',
      example: '0.0.0.0',
    },
  ),
  PORT: variable(wholeNumber(1, 65535).default(4000), {
    mustBe: 'a whole number from 1 to 65535',
    about: 'The HTTP port: the web UI at /, GraphQL at /graphql, /healthz and /readyz.',
    default: '4000',
    example: '8080',
  }),
  DATA_DIR: variable(z.string().default('data'), {
    mustBe: 'a folder',
    about:
      'The folder of the embedded SQLite databases (events.db, read-models.db, and keys.db with the keys of personal data unless DATABASE_URL is set), made when missing; relative to the working directory.',
    default: 'data',
    example: '/var/lib/werkbezoek',
  }),
  EVENTSTORE_URL: variable(url(['esdb', 'esdb+discover', 'kurrentdb', 'kurrentdb+discover']).optional(), {
    mustBe: 'a connection string starting with esdb:// or kurrentdb://',
    about: 'The event log in EventStoreDB or KurrentDB instead of DATA_DIR/events.db.',
    example: 'esdb://localhost:2113?tls=false',
  }),
  DATABASE_URL: variable(url(['postgres', 'postgresql']).optional(), {
    mustBe: 'a connection string starting with postgres:// or postgresql://',
    about:
      'The read models in PostgreSQL instead of DATA_DIR/read-models.db, with the keys of personal data (table subject_keys, never to be dropped) instead of DATA_DIR/keys.db; needed when ROLE is api or projector.',
    example: 'postgres://werkbezoek:secret@localhost:5432/werkbezoek',
  }),
  DEMO_DATA: variable(onOff.default('on'), {
    mustBe: 'on or off',
    about: '`on`: load the synthetic demo history into an empty event store at start; `off`: start empty.',
    default: 'on',
    example: 'off',
  }),
  NODE_ENV: variable(z.enum(['production', 'development', 'test']).default('development'), {
    mustBe: 'production, development or test',
    about: '`production`: errors sent to clients carry no stack traces or hints.',
    default: 'development',
    example: 'production',
  }),
  AUTH_MODE: variable(z.enum(['demo', 'jwt']).default('demo'), {
    mustBe: 'demo or jwt',
    about:
      '`demo`: fixed demo tokens (`Bearer demo-management`, `demo-planner`, `demo-analyst`, `demo-staff`, `demo-coordinator-<NIS code>`), for trying it out; `jwt`: JSON Web Tokens from an identity provider (set JWT_ISSUER, JWT_AUDIENCE and JWT_SECRET or JWT_JWKS_URL).',
    default: 'demo',
    example: 'jwt',
  }),
  JWT_SECRET: variable(z.string().optional(), {
    mustBe: 'a shared secret',
    about: 'With AUTH_MODE=jwt: the shared HMAC secret (HS256) tokens are signed with; or set JWT_JWKS_URL.',
    example: 'a-long-random-string',
    secret: true,
  }),
  JWT_JWKS_URL: variable(url(['https', 'http']).optional(), {
    mustBe: 'an https:// (or http://) URL',
    about: "With AUTH_MODE=jwt: the URL of the issuer's JSON Web Key Set; or set JWT_SECRET.",
    example: 'https://login.example.org/.well-known/jwks.json',
  }),
  JWT_ISSUER: variable(z.string().optional(), {
    mustBe: "the tokens' issuer",
    about: 'With AUTH_MODE=jwt: the issuer (iss) tokens must name.',
    example: 'https://login.example.org/',
  }),
  JWT_AUDIENCE: variable(z.string().optional(), {
    mustBe: "the tokens' audience",
    about: 'With AUTH_MODE=jwt: the audience (aud) tokens must name.',
    example: 'werkbezoek',
  }),
  JWT_ROLE_CLAIM: variable(z.string().default('role'), {
    mustBe: 'a claim name',
    about: "The token claim with the user's role (MANAGEMENT, PLANNER, ANALYST, STAFF or COORDINATOR).",
    default: 'role',
    example: 'werkbezoek_role',
  }),
  JWT_MUNICIPALITY_CLAIM: variable(z.string().default('nis_code'), {
    mustBe: 'a claim name',
    about: "The token claim with a coordinator's municipality (its NIS code).",
    default: 'nis_code',
    example: 'municipality',
  }),
  COMPILE_QUERIES: variable(onOff.default('on'), {
    mustBe: 'on or off',
    about:
      '`on`: repeated queries run compiled (graphql-jit); `off`: every query on graphql-js, should a compiled one misbehave.',
    default: 'on',
    example: 'off',
  }),
  WEB_DIST: variable(z.string().optional(), {
    mustBe: 'a folder',
    about:
      "A built web UI to serve at /. When unset, the repository's web/dist, built at start when it is missing or older than its sources.",
    example: '/srv/werkbezoek/web',
  }),
  LOG_LEVEL: variable(z.enum(logLevels).default('info'), {
    mustBe: logLevels.join(', ').replace(/, (\w+)$/, ' or $1'),
    about: 'The least severe log lines written; `debug` adds the stack of a failed start.',
    default: 'info',
    example: 'debug',
  }),
  LOG_FORMAT: variable(z.enum(['pretty', 'json']).optional(), {
    mustBe: 'pretty or json',
    about: '`pretty`: coloured lines for people; `json`: one JSON object a line, for a log collector.',
    default: 'pretty when standard output is a terminal, else json',
    example: 'json',
  }),
  READ_YOUR_WRITES_TIMEOUT_MS: variable(wholeNumber(1, 600_000).default(10_000), {
    mustBe: 'a whole number of milliseconds from 1 to 600000',
    about: 'How long a mutation waits for the read models to show its events before it answers, in milliseconds.',
    default: '10000',
    example: '30000',
  }),
  PROJECTOR_STANDBY_RETRY_MS: variable(wholeNumber(1, 600_000).default(2000), {
    mustBe: 'a whole number of milliseconds from 1 to 600000',
    about: 'How often a projector standing by tries to become the active one, in milliseconds.',
    default: '2000',
    example: '5000',
  }),
  IDEMPOTENCY_KEY_TTL_HOURS: variable(wholeNumber(1, 720).default(24), {
    mustBe: 'a whole number of hours from 1 to 720',
    about:
      'How long an `Idempotency-Key` stays bound to the first request sent with it, in hours (as Stripe: 24): within it a retry gets the first answer and another request with the key is refused; after it the key is free again and its record deleted.',
    default: '24',
    example: '48',
  }),
  RETENTION_CONTACT_PERSON_YEARS: variable(retentionYears('5'), {
    mustBe: yearsMustBe,
    about:
      "How long a request's contact person's data (name, email, the request's notes) is kept, in years from the end of the request's visit or its last event, whichever is later; then the retention job erases it. Set `never` to keep it.",
    default: '5',
    example: '3',
  }),
  RETENTION_CONTACTED_PERSON_YEARS: variable(retentionYears('5'), {
    mustBe: yearsMustBe,
    about:
      'How long the data of a person VVSG logged a contact with (name, function, the summary) is kept, in years from the last contact with them. Set `never` to keep it.',
    default: '5',
    example: '2',
  }),
  RETENTION_TWINNING_ACTOR_YEARS: variable(retentionYears('5'), {
    mustBe: yearsMustBe,
    about:
      "How long a twinning actor's data (a coordinator's, a mayor's name and email) is kept, in years from the day they were replaced or the twinning ended; never while they hold the office. Set `never` to keep it.",
    default: '5',
    example: '10',
  }),
  RETENTION_STAFF_MEMBER_YEARS: variable(retentionYears('10'), {
    mustBe: yearsMustBe,
    about:
      "How long a VVSG staff member's data (name, email, their reports and activity notes) is kept, in years from the last event that names them. Set `never` to keep it.",
    default: '10',
    example: '7',
  }),
  RETENTION_DOCUMENT_YEARS: variable(retentionYears('never'), {
    mustBe: yearsMustBe,
    about:
      "How long the free text of a record that may name anyone (a lesson's title and body, a decision's note, a rationale) is kept, in years from the record's last event. `never`: lessons learned are what the platform is for; a text that names someone is erased on request.",
    default: 'never',
    example: '20',
  }),
  RETENTION_JOB: variable(z.enum(['off', 'dry-run', 'apply']).default('dry-run'), {
    mustBe: 'off, dry-run or apply',
    about:
      'The daily retention job in the active projector: `dry-run` logs how many people are past retention, per kind; `apply` erases them too (SYSTEM, RETENTION_EXPIRED); `off` runs nothing. `pnpm privacy:retention` does the same on demand.',
    default: 'dry-run',
    example: 'apply',
  }),
  RETENTION_JOB_AT: variable(
    z
      .string()
      .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/)
      .default('03:30'),
    {
      mustBe: "a time of day as HH:MM (24 hours, the server's time zone)",
      about: "When the daily retention job runs, as HH:MM in the server's time zone.",
      default: '03:30',
      example: '22:00',
    },
  ),
  RECOVERY_GRACE_MINUTES: variable(wholeNumber(1, 1440).default(5), {
    mustBe: 'a whole number of minutes from 1 to 1440',
    about:
      'How long a decision interrupted halfway (an acceptance or approval that booked staff days and reserved budget, then the server stopped) waits for its client to send it again with the same `Idempotency-Key`; then the active projector completes it (the decision was recorded: its mission is scheduled) or gives the days and budget back (it was not: the request stays undecided).',
    default: '5',
    example: '15',
  }),
});

export type EnvVariable = keyof typeof envSchema.shape;

/** The variables the configuration reads, in the order of the documentation. */
export const envVariables = Object.keys(envSchema.shape) as EnvVariable[];

export function docOf(name: EnvVariable): VariableDoc {
  const doc = docs.get(envSchema.shape[name]);
  if (!doc) throw new Error(`${name} has no documentation`);
  return doc;
}

/** A value as shown in an error: quoted, a URL's password hidden, a secret never. */
function shown(name: EnvVariable, value: string): string {
  if (docOf(name).secret) return `a value of ${value.length} characters`;
  return JSON.stringify(value.replace(/^([a-z+]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@'));
}

type Env = Readonly<Record<string, string | undefined>>;

/** Our variables that have a value; an empty one counts as unset (as `NAME=` in an env file or compose means). */
function present(env: Env, names: readonly EnvVariable[]): Partial<Record<EnvVariable, string>> {
  const values: Partial<Record<EnvVariable, string>> = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') values[name] = value;
  }
  return values;
}

function parse<S extends z.ZodObject>(schema: S, values: Partial<Record<EnvVariable, string>>): z.output<S> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const name = result.error.issues[0]?.path[0] as EnvVariable;
  throw new ConfigError(name, `${name} must be ${docOf(name).mustBe}; got ${shown(name, values[name] ?? '')}`);
}

const authVariables = [
  'AUTH_MODE',
  'JWT_SECRET',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'JWT_ROLE_CLAIM',
  'JWT_MUNICIPALITY_CLAIM',
] as const satisfies readonly EnvVariable[];
const authSchema = envSchema.pick({
  AUTH_MODE: true,
  JWT_SECRET: true,
  JWT_JWKS_URL: true,
  JWT_ISSUER: true,
  JWT_AUDIENCE: true,
  JWT_ROLE_CLAIM: true,
  JWT_MUNICIPALITY_CLAIM: true,
});

function authConfig(v: z.output<typeof authSchema>): AuthConfig {
  if (v.AUTH_MODE === 'demo') {
    // A secured deployment that forgot AUTH_MODE would otherwise accept demo tokens from anyone.
    const set = (['JWT_SECRET', 'JWT_JWKS_URL'] as const).find((name) => v[name] !== undefined);
    if (set)
      throw new ConfigError(
        'AUTH_MODE',
        `AUTH_MODE must be jwt when ${set} is set; got "demo" (set AUTH_MODE=jwt, or unset ${set} to use the demo tokens)`,
      );
    return { mode: 'demo' };
  }
  if (v.JWT_SECRET === undefined && v.JWT_JWKS_URL === undefined)
    throw new ConfigError(
      'JWT_SECRET',
      "AUTH_MODE=jwt needs JWT_SECRET (a shared HS256 secret) or JWT_JWKS_URL (the issuer's key set); got neither",
    );
  if (v.JWT_SECRET !== undefined && v.JWT_JWKS_URL !== undefined)
    throw new ConfigError(
      'JWT_JWKS_URL',
      'AUTH_MODE=jwt needs JWT_SECRET or JWT_JWKS_URL, not both; got both (unset the one the tokens are not signed for)',
    );
  for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE'] as const)
    if (v[name] === undefined)
      throw new ConfigError(name, `AUTH_MODE=jwt needs ${name} (${docOf(name).mustBe}); got nothing`);
  return {
    mode: 'jwt',
    issuer: v.JWT_ISSUER!,
    audience: v.JWT_AUDIENCE!,
    ...(v.JWT_SECRET !== undefined ? { secret: v.JWT_SECRET } : {}),
    ...(v.JWT_JWKS_URL !== undefined ? { jwksUrl: v.JWT_JWKS_URL } : {}),
    roleClaim: v.JWT_ROLE_CLAIM,
    municipalityClaim: v.JWT_MUNICIPALITY_CLAIM,
  };
}

/** The authentication settings alone (AUTH_MODE and the JWT_ variables). */
export function loadAuthConfig(env: Env): AuthConfig {
  return authConfig(parse(authSchema, present(env, authVariables)));
}

export interface LoadConfigOptions {
  /** What a relative DATA_DIR or WEB_DIST is relative to. */
  readonly cwd?: string;
  /** Whether standard output is a terminal (LOG_FORMAT's default). */
  readonly stdoutIsTty?: boolean;
}

/**
 * The configuration from environment variables, or a ConfigError whose
 * message is one line for the operator. Reads nothing but its arguments.
 *
 * @example loadConfig({ PORT: '8080', DEMO_DATA: 'off' }, { cwd: '/srv', stdoutIsTty: false })
 */
export function loadConfig(env: Env, options: LoadConfigOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const v = parse(envSchema, present(env, envVariables));
  if (v.ROLE !== 'all' && v.DATABASE_URL === undefined)
    throw new ConfigError(
      'DATABASE_URL',
      `ROLE=${v.ROLE} needs DATABASE_URL (a postgres:// connection string); got nothing: api and projector processes run apart, often on several machines, and cannot share SQLite read models in DATA_DIR (set DATABASE_URL, or ROLE=all to run everything in one process)`,
    );
  const auth = authConfig(v);
  const production = v.NODE_ENV === 'production';
  const dataDir = resolve(cwd, v.DATA_DIR);
  const warnings: string[] = [];
  if (production && auth.mode === 'demo')
    warnings.push(
      'NODE_ENV=production with AUTH_MODE=demo: anyone who can reach this server signs in with a demo token (set AUTH_MODE=jwt)',
    );
  return {
    role: v.ROLE,
    host: v.HOST,
    port: v.PORT,
    dataDir,
    // @eventstore/db-client 6 reads esdb:// only; KurrentDB's kurrentdb:// strings carry the same settings.
    // The keys of personal data live with the read models: PostgreSQL, else DATA_DIR/keys.db.
    eventStore: eventStoreConfigFromEnv(
      {
        EVENTSTORE_URL: v.EVENTSTORE_URL?.replace(/^kurrentdb(\+discover)?:/i, 'esdb$1:'),
        DATABASE_URL: v.DATABASE_URL,
      },
      dataDir,
    ),
    readModels: readModelConfigFromEnv({ DATABASE_URL: v.DATABASE_URL }, dataDir),
    demoData: v.DEMO_DATA === 'on',
    production,
    auth,
    compileQueries: v.COMPILE_QUERIES === 'on',
    ...(v.WEB_DIST !== undefined ? { webDist: resolve(cwd, v.WEB_DIST) } : {}),
    log: { level: v.LOG_LEVEL, format: v.LOG_FORMAT ?? (options.stdoutIsTty ? 'pretty' : 'json') },
    readYourWritesTimeoutMs: v.READ_YOUR_WRITES_TIMEOUT_MS,
    standbyRetryMs: v.PROJECTOR_STANDBY_RETRY_MS,
    idempotencyKeyTtlHours: v.IDEMPOTENCY_KEY_TTL_HOURS,
    retention: {
      periods: {
        CONTACT_PERSON: v.RETENTION_CONTACT_PERSON_YEARS,
        CONTACTED_PERSON: v.RETENTION_CONTACTED_PERSON_YEARS,
        TWINNING_ACTOR: v.RETENTION_TWINNING_ACTOR_YEARS,
        STAFF_MEMBER: v.RETENTION_STAFF_MEMBER_YEARS,
        DOCUMENT: v.RETENTION_DOCUMENT_YEARS,
      },
      job: v.RETENTION_JOB,
      at: v.RETENTION_JOB_AT,
    },
    recovery: { ...DEFAULT_RECOVERY, graceMinutes: v.RECOVERY_GRACE_MINUTES },
    warnings,
  };
}

/**
 * The README's table of the variables (Markdown), generated from the schema;
 * config.test.ts checks README.md holds exactly this between its markers.
 * Print it with
 * `pnpm exec tsx --eval "import('./services/api/src/config.ts').then((m) => console.log(m.configTable()))"`.
 */
export function configTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = envVariables.map((name) => {
    const doc = docOf(name);
    const fallback =
      doc.default === undefined ? '(unset)' : /\s/.test(doc.default) ? cell(doc.default) : `\`${cell(doc.default)}\``;
    return `| \`${name}\` | ${cell(doc.about)} | ${fallback} | \`${cell(doc.example)}\` |`;
  });
  return ['| Variable | What it sets | Default | Example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
