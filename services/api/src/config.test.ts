import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authConfigFromEnv } from './auth/principal.js';
import { ConfigError, configTable, docOf, envSchema, envVariables, loadConfig, type Config } from './config.js';
import { DEFAULT_RETENTION } from './privacy/retentionJob.js';
import { DEFAULT_RECOVERY } from './recovery/recoveryJob.js';

const at = { cwd: '/srv/werkbezoek', stdoutIsTty: false };
const load = (env: Record<string, string>, options = at): Config => loadConfig(env, options);

/** The ConfigError a setting gets, checked to be one line. */
function refusal(env: Record<string, string>): ConfigError {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain('\n');
    return error as ConfigError;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

describe('loadConfig', () => {
  it('runs everything in one process on this machine, from DATA_DIR, with the demo, when nothing is set', () => {
    expect(load({})).toEqual({
      role: 'all',
      host: '127.0.0.1',
      port: 4000,
      dataDir: '/srv/werkbezoek/data',
      eventStore: {
        kind: 'sqlite',
        path: '/srv/werkbezoek/data/events.db',
        keys: { kind: 'sqlite', path: '/srv/werkbezoek/data/keys.db' },
      },
      readModels: { dialect: 'sqlite', path: '/srv/werkbezoek/data/read-models.db' },
      demoData: true,
      production: false,
      auth: { mode: 'demo' },
      compileQueries: true,
      log: { level: 'info', format: 'json' },
      readYourWritesTimeoutMs: 10_000,
      standbyRetryMs: 2000,
      idempotencyKeyTtlHours: 24,
      retention: DEFAULT_RETENTION,
      recovery: DEFAULT_RECOVERY,
      warnings: [],
    } satisfies Config);
  });

  it('reads every variable', () => {
    const config = load({
      ROLE: 'api',
      HOST: '0.0.0.0',
      PORT: '8080',
      DATA_DIR: 'var/data',
      EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false',
      DATABASE_URL: 'postgres://w:pw@postgres:5432/werkbezoek',
      DEMO_DATA: 'off',
      NODE_ENV: 'production',
      AUTH_MODE: 'jwt',
      JWT_SECRET: 's3cret',
      JWT_ISSUER: 'https://login.example.org/',
      JWT_AUDIENCE: 'werkbezoek',
      JWT_ROLE_CLAIM: 'app_role',
      JWT_MUNICIPALITY_CLAIM: 'nis',
      COMPILE_QUERIES: 'off',
      WEB_DIST: '/srv/web',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'pretty',
      READ_YOUR_WRITES_TIMEOUT_MS: '30000',
      PROJECTOR_STANDBY_RETRY_MS: '250',
      IDEMPOTENCY_KEY_TTL_HOURS: '48',
      RETENTION_CONTACT_PERSON_YEARS: '3',
      RETENTION_CONTACTED_PERSON_YEARS: '2',
      RETENTION_TWINNING_ACTOR_YEARS: '100',
      RETENTION_STAFF_MEMBER_YEARS: '7',
      RETENTION_DOCUMENT_YEARS: '20',
      RETENTION_JOB: 'apply',
      RETENTION_JOB_AT: '22:00',
      RECOVERY_GRACE_MINUTES: '15',
    });
    expect(config).toEqual({
      role: 'api',
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/srv/werkbezoek/var/data',
      eventStore: {
        kind: 'eventstoredb',
        connectionString: 'esdb://eventstore:2113?tls=false',
        keys: { kind: 'postgres', url: 'postgres://w:pw@postgres:5432/werkbezoek' },
      },
      readModels: { dialect: 'postgres', url: 'postgres://w:pw@postgres:5432/werkbezoek' },
      demoData: false,
      production: true,
      auth: {
        mode: 'jwt',
        issuer: 'https://login.example.org/',
        audience: 'werkbezoek',
        secret: 's3cret',
        roleClaim: 'app_role',
        municipalityClaim: 'nis',
      },
      compileQueries: false,
      webDist: '/srv/web',
      log: { level: 'debug', format: 'pretty' },
      readYourWritesTimeoutMs: 30_000,
      standbyRetryMs: 250,
      idempotencyKeyTtlHours: 48,
      retention: {
        periods: { CONTACT_PERSON: 3, CONTACTED_PERSON: 2, TWINNING_ACTOR: 100, STAFF_MEMBER: 7, DOCUMENT: 20 },
        job: 'apply',
        at: '22:00',
      },
      recovery: { graceMinutes: 15, everySeconds: 60 },
      warnings: [],
    } satisfies Config);
  });

  it('counts an empty value as unset, as NAME= in an env file means', () => {
    expect(load({ PORT: '', AUTH_MODE: ' ', JWT_SECRET: '' }).port).toBe(4000);
  });

  it('logs pretty lines in a terminal and JSON elsewhere, unless LOG_FORMAT says', () => {
    expect(load({}, { ...at, stdoutIsTty: true }).log.format).toBe('pretty');
    expect(load({}, { ...at, stdoutIsTty: false }).log.format).toBe('json');
    expect(load({ LOG_FORMAT: 'json' }, { ...at, stdoutIsTty: true }).log.format).toBe('json');
  });

  it.each([
    [{ PORT: '80a' }, 'PORT must be a whole number from 1 to 65535; got "80a"'],
    [{ PORT: '0' }, 'PORT must be a whole number from 1 to 65535; got "0"'],
    [{ PORT: '65536' }, 'PORT must be a whole number from 1 to 65535; got "65536"'],
    [{ ROLE: 'web' }, 'ROLE must be all, api or projector; got "web"'],
    [
      { HOST: 'my host' },
      'HOST must be an IP address or a host name to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface); got "my host"',
    ],
    [
      { EVENTSTORE_URL: 'http://eventstore:2113' },
      'EVENTSTORE_URL must be a connection string starting with esdb:// or kurrentdb://; got "http://eventstore:2113"',
    ],
    [
      { DATABASE_URL: 'mysql://w:hunter2@db/werkbezoek' },
      'DATABASE_URL must be a connection string starting with postgres:// or postgresql://; got "mysql://w:***@db/werkbezoek"',
    ],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA must be on or off; got "yes"'],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV must be production, development or test; got "prod"'],
    [{ AUTH_MODE: 'oauth' }, 'AUTH_MODE must be demo or jwt; got "oauth"'],
    [
      { JWT_JWKS_URL: 'login.example.org/jwks' },
      'JWT_JWKS_URL must be an https:// (or http://) URL; got "login.example.org/jwks"',
    ],
    [{ COMPILE_QUERIES: 'false' }, 'COMPILE_QUERIES must be on or off; got "false"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent; got "verbose"'],
    [{ LOG_FORMAT: 'text' }, 'LOG_FORMAT must be pretty or json; got "text"'],
    [
      { READ_YOUR_WRITES_TIMEOUT_MS: '10s' },
      'READ_YOUR_WRITES_TIMEOUT_MS must be a whole number of milliseconds from 1 to 600000; got "10s"',
    ],
    [
      { PROJECTOR_STANDBY_RETRY_MS: '-1' },
      'PROJECTOR_STANDBY_RETRY_MS must be a whole number of milliseconds from 1 to 600000; got "-1"',
    ],
    [
      { IDEMPOTENCY_KEY_TTL_HOURS: '0' },
      'IDEMPOTENCY_KEY_TTL_HOURS must be a whole number of hours from 1 to 720; got "0"',
    ],
    [
      { IDEMPOTENCY_KEY_TTL_HOURS: '1.5' },
      'IDEMPOTENCY_KEY_TTL_HOURS must be a whole number of hours from 1 to 720; got "1.5"',
    ],
    [
      { RETENTION_CONTACT_PERSON_YEARS: '0' },
      'RETENTION_CONTACT_PERSON_YEARS must be a whole number of years from 1 to 100, or never (kept without a limit); got "0"',
    ],
    [
      { RETENTION_STAFF_MEMBER_YEARS: 'P10Y' },
      'RETENTION_STAFF_MEMBER_YEARS must be a whole number of years from 1 to 100, or never (kept without a limit); got "P10Y"',
    ],
    [{ RETENTION_JOB: 'yes' }, 'RETENTION_JOB must be off, dry-run or apply; got "yes"'],
    [
      { RETENTION_JOB_AT: '3:30' },
      'RETENTION_JOB_AT must be a time of day as HH:MM (24 hours, the server\'s time zone); got "3:30"',
    ],
    [
      { RECOVERY_GRACE_MINUTES: '0' },
      'RECOVERY_GRACE_MINUTES must be a whole number of minutes from 1 to 1440; got "0"',
    ],
  ])('refuses %j in one line naming the variable, what it must be and what it got', (env, message) => {
    const error = refusal(env);
    expect(error.message).toBe(message);
    expect(error.variable).toBe(Object.keys(env)[0]);
  });

  it.each(['api', 'projector'])(
    'refuses ROLE=%s without DATABASE_URL: processes apart cannot share SQLite read models',
    (role) => {
      const error = refusal({ ROLE: role });
      expect(error.variable).toBe('DATABASE_URL');
      expect(error.message).toMatch(
        new RegExp(`^ROLE=${role} needs DATABASE_URL .*; got nothing: .*cannot share SQLite read models`),
      );
      expect(load({ ROLE: role, DATABASE_URL: 'postgresql://db/werkbezoek' }).readModels).toEqual({
        dialect: 'postgres',
        url: 'postgresql://db/werkbezoek',
      });
    },
  );

  it('takes a kurrentdb:// connection string, handed to the client as the esdb:// it reads', () => {
    expect(load({ EVENTSTORE_URL: 'kurrentdb://eventstore:2113?tls=false' }).eventStore).toMatchObject({
      kind: 'eventstoredb',
      connectionString: 'esdb://eventstore:2113?tls=false',
    });
    expect(load({ EVENTSTORE_URL: 'kurrentdb+discover://a,b?tls=false' }).eventStore).toMatchObject({
      kind: 'eventstoredb',
      connectionString: 'esdb+discover://a,b?tls=false',
    });
  });

  it('keeps the keys of personal data with the read models: PostgreSQL with DATABASE_URL, else keys.db in DATA_DIR', () => {
    expect(load({ EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false' }).eventStore.keys).toEqual({
      kind: 'sqlite',
      path: '/srv/werkbezoek/data/keys.db',
    });
    expect(load({ DATABASE_URL: 'postgres://db/werkbezoek' }).eventStore).toEqual({
      kind: 'sqlite',
      path: '/srv/werkbezoek/data/events.db',
      keys: { kind: 'postgres', url: 'postgres://db/werkbezoek' },
    });
  });

  describe('AUTH_MODE=jwt', () => {
    const jwt = { AUTH_MODE: 'jwt', JWT_ISSUER: 'https://login.example.org/', JWT_AUDIENCE: 'werkbezoek' };

    it('verifies with a shared secret or a key set, and the role and municipality claims by default', () => {
      expect(load({ ...jwt, JWT_JWKS_URL: 'https://login.example.org/jwks.json' }).auth).toEqual({
        mode: 'jwt',
        issuer: 'https://login.example.org/',
        audience: 'werkbezoek',
        jwksUrl: 'https://login.example.org/jwks.json',
        roleClaim: 'role',
        municipalityClaim: 'nis_code',
      });
    });

    it('needs JWT_SECRET or JWT_JWKS_URL, one of them', () => {
      expect(refusal(jwt).message).toBe(
        "AUTH_MODE=jwt needs JWT_SECRET (a shared HS256 secret) or JWT_JWKS_URL (the issuer's key set); got neither",
      );
      const both = refusal({ ...jwt, JWT_SECRET: 'topsecret', JWT_JWKS_URL: 'https://login.example.org/jwks.json' });
      expect(both.message).toMatch(/^AUTH_MODE=jwt needs JWT_SECRET or JWT_JWKS_URL, not both; got both/);
      expect(both.message).not.toContain('topsecret');
    });

    it.each(['JWT_ISSUER', 'JWT_AUDIENCE'])('needs %s', (name) => {
      const error = refusal({ ...jwt, JWT_SECRET: 'topsecret', [name]: '' });
      expect(error.variable).toBe(name);
      expect(error.message).toMatch(new RegExp(`^AUTH_MODE=jwt needs ${name} \\(.*\\); got nothing$`));
    });

    it('is what a JWT_SECRET or JWT_JWKS_URL asks for: demo tokens are refused then, and the secret never shown', () => {
      const error = refusal({ JWT_SECRET: 'topsecret' });
      expect(error.message).toBe(
        'AUTH_MODE must be jwt when JWT_SECRET is set; got "demo" (set AUTH_MODE=jwt, or unset JWT_SECRET to use the demo tokens)',
      );
      expect(refusal({ JWT_JWKS_URL: 'https://login.example.org/jwks.json' }).variable).toBe('AUTH_MODE');
    });

    it('authConfigFromEnv reads the same rules', () => {
      const env = { ...jwt, JWT_SECRET: 'topsecret' };
      expect(authConfigFromEnv(env)).toEqual(load(env).auth);
      expect(() => authConfigFromEnv({ AUTH_MODE: 'jwt' })).toThrow(ConfigError);
      expect(authConfigFromEnv({})).toEqual({ mode: 'demo' });
    });
  });

  it('warns of demo sign-in in production', () => {
    expect(load({ NODE_ENV: 'production' }).warnings).toEqual([
      'NODE_ENV=production with AUTH_MODE=demo: anyone who can reach this server signs in with a demo token (set AUTH_MODE=jwt)',
    ]);
  });
});

describe('the documentation of the variables', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));

  it('gives each an example the configuration accepts, and its default as the schema has it', () => {
    for (const name of envVariables) {
      const doc = docOf(name);
      const schema = envSchema.shape[name];
      expect(schema.safeParse(doc.example).success, `${name}=${doc.example}`).toBe(true);
      if (doc.default !== undefined && !/\s/.test(doc.default))
        expect(schema.parse(undefined), name).toEqual(schema.parse(doc.default));
    }
  });

  it('.env.example lists exactly the variables the configuration reads', () => {
    const text = readFileSync(`${root}.env.example`, 'utf8');
    // As test/deploy reads it: a `NAME=value` or `# NAME=value` line each.
    const listed = [...text.matchAll(/^[ \t]*(?:#[ \t]*)?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(listed).toEqual(envVariables);
  });

  it("the README's configuration table is the one generated from the schema, a row per variable", () => {
    const table = configTable();
    const rows = table.split('\n').slice(2);
    expect(rows.map((row) => /^\| `([A-Z0-9_]+)` \|/.exec(row)?.[1])).toEqual(envVariables);
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const between = /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme)?.[1];
    expect(between, 'README.md has no <!-- config-table:start --> … <!-- config-table:end --> section').toBeDefined();
    expect(between!.trim()).toBe(table);
  });
});
