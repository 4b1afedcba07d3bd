import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logging.js';
import { startPlatform, type Platform } from './platform.js';

/** Where the logger writes: the lines, as written. */
function collector(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  let rest = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
      done();
    },
  });
  return { stream, lines };
}

interface RequestLine {
  level: string;
  msg: string;
  requestId: string;
  actor: { id: string; role: string } | null;
  operation: string | null;
  operationType: string | null;
  status: number;
  durationMs: number;
  errors?: string[];
  positions?: string[];
}

const dataDir = mkdtempSync(join(tmpdir(), 'werkbezoek-logging-'));
const log = collector();
let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    dataDir,
    readModels: { dialect: 'sqlite', path: join(dataDir, 'read-models.db') },
    auth: { mode: 'demo' },
    host: '127.0.0.1',
    port: 0,
    demoData: false,
    log: () => {},
    logger: createLogger({ log: { level: 'info', format: 'json' } }, log.stream),
  });
});

afterAll(async () => {
  await platform.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The log line of the request with this correlation id (written when its response is complete). */
async function lineOf(requestId: string): Promise<{ raw: string; line: RequestLine }> {
  // The line is written on the response's close event, which can follow the client's read by a tick.
  for (let tries = 0; tries < 100; tries++) {
    const raw = log.lines.find((l) => (JSON.parse(l) as RequestLine).requestId === requestId);
    if (raw) return { raw, line: JSON.parse(raw) as RequestLine };
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`no log line for ${requestId} in:\n${log.lines.join('\n')}`);
}

const register = `mutation Register($input: RegisterStaffMemberInput!) { registerStaffMember(input: $input) { id } }`;

describe('the log line of a GraphQL request', () => {
  it("of a mutation carries the correlation id, the actor and the positions written, and none of the input's values", async () => {
    const input = { name: 'Annelies Verstraeten', daysPerYear: 61, email: 'annelies.verstraeten@example.org' };
    const response = await post(
      { query: register, variables: { input } },
      { authorization: 'Bearer demo-staff', 'x-request-id': 'trace-0042' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('trace-0042');
    const { raw, line } = await lineOf('trace-0042');
    expect(line).toMatchObject({
      level: 'info',
      requestId: 'trace-0042',
      actor: { id: 'demo-staff', role: 'STAFF' },
      operation: 'Register',
      operationType: 'mutation',
      status: 200,
    });
    expect(line.durationMs).toBeGreaterThan(0);
    expect(line.errors).toBeUndefined();
    const head = await platform.store.headPosition();
    expect(line.positions).toEqual([String(head)]);
    expect(head).toBeGreaterThan(0n);
    for (const value of ['Annelies', 'Verstraeten', 'annelies.verstraeten@example.org', '"daysPerYear"'])
      expect(raw).not.toContain(value);
  });

  it('of a refused mutation carries its error code, not its message or input', async () => {
    const input = { name: 'Bram Claes', daysPerYear: 20, email: 'bram-at-vvsg' };
    const response = await post({ query: register, variables: { input } }, { authorization: 'Bearer demo-staff' });
    const id = response.headers.get('x-request-id')!;
    const { raw, line } = await lineOf(id);
    expect(line).toMatchObject({ operation: 'Register', operationType: 'mutation', errors: ['BAD_USER_INPUT'] });
    expect(line.positions).toBeUndefined();
    for (const value of ['Bram', 'bram-at-vvsg', 'email address']) expect(raw).not.toContain(value);
  });

  it('gets a new UUID as its correlation id when the caller sends none, or one that is no plain token', async () => {
    const query = { query: 'query Who { __typename }' };
    const none = await post(query, { authorization: 'Bearer demo-analyst' });
    const odd = await post(query, { authorization: 'Bearer demo-analyst', 'x-request-id': 'two words' });
    for (const response of [none, odd]) {
      const id = response.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const { line } = await lineOf(id);
      expect(line).toMatchObject({ actor: { id: 'demo-analyst', role: 'ANALYST' }, operation: 'Who' });
      expect(line.operationType).toBe('query');
    }
    expect(none.headers.get('x-request-id')).not.toBe(odd.headers.get('x-request-id'));
  });

  it('of a request without credentials names no actor and carries UNAUTHENTICATED', async () => {
    const response = await post({ query: 'query Who { __typename }' }, { 'x-request-id': 'anonymous-1' });
    expect(response.status).toBe(401);
    const { line } = await lineOf('anonymous-1');
    expect(line).toMatchObject({ actor: null, status: 401, errors: ['UNAUTHENTICATED'] });
  });
});

describe('createLogger', () => {
  it('writes pretty single lines for people when LOG_FORMAT=pretty', () => {
    const out = collector();
    const logger = createLogger({ log: { level: 'info', format: 'pretty' } }, out.stream);
    logger.debug('not at info level');
    logger.info({ requestId: 'r-1' }, 'query Who 200 in 3 ms');
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatch(/INFO.*query Who 200 in 3 ms.*"requestId":"r-1"/);
    expect(() => JSON.parse(out.lines[0]!) as unknown).toThrow();
  });
});
