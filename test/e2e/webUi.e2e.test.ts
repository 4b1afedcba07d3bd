import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livePlatform, type LivePlatform } from './harness.js';
import { World } from './scenario.js';

/*
 * The routes besides /graphql: the public auth config for the sign-in page,
 * and the built web UI (from a temporary dist folder here).
 */

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP GET: the path goes out as written (no URL normalisation), nothing is decompressed. */
function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-a1b2c3.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('werkbezoek '.repeat(200))});\n`;

describe('GET /auth/config', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start();
  });
  afterAll(() => world.close());

  it('lists, in demo mode without a token, the roles and the municipalities with a twinning, by name', async () => {
    const response = await fetch(new URL('/auth/config', world.live.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({
      mode: 'demo',
      demo: {
        roles: ['MANAGEMENT', 'PLANNER', 'ANALYST', 'STAFF', 'COORDINATOR'],
        coordinators: [
          { nisCode: '44043', name: 'Merelbeke' },
          { nisCode: '11055', name: 'Zoersel' },
        ],
      },
    });
  });

  it('says only the mode in jwt mode', async () => {
    const live = await livePlatform({
      auth: { mode: 'jwt', issuer: 'https://id.example', audience: 'werkbezoek', secret: 'a'.repeat(32) },
    });
    try {
      const response = await fetch(new URL('/auth/config', live.url));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ mode: 'jwt' });
    } finally {
      await live.close();
    }
  });
});

describe('the web UI', () => {
  let dir: string;
  let live: LivePlatform;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'werkbezoek-web-'));
    writeFileSync(join(dir, 'secret.txt'), 'not to be served');
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-a1b2c3.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'logo-d4e5f6.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    live = await livePlatform({ webDist: dist });
    base = live.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await live.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with security headers, revalidated on every load', async () => {
    const answer = await get(base, '/', html);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['content-security-policy']).toMatch(
      /default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'/,
    );
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('same-origin');
    expect(answer.body.toString()).toBe(INDEX);
  });

  it('serves hashed assets with their type, cached for a year', async () => {
    const script = await get(base, '/assets/index-a1b2c3.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body.toString()).toBe(SCRIPT);
    const image = await get(base, '/assets/logo-d4e5f6.png');
    expect(image.headers['content-type']).toBe('image/png');
    const icon = await get(base, '/favicon.svg');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('compresses with brotli or gzip when the client accepts it', async () => {
    const br = await get(base, '/assets/index-a1b2c3.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    const gzip = await get(base, '/assets/index-a1b2c3.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get(base, '/assets/index-a1b2c3.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('answers index.html for deep links a browser reloads', async () => {
    for (const path of ['/aanvragen/123', '/dashboard?x=y', '/requests/019c0000-0000-7000-8000-000000000001/audit']) {
      const answer = await get(base, path, html);
      expect(answer.status, path).toBe(200);
      expect(answer.body.toString(), path).toBe(INDEX);
      expect(answer.headers['content-security-policy'], path).toBeDefined();
    }
  });

  it('answers 404 for unknown assets and for other files that are not pages', async () => {
    expect((await get(base, '/assets/index-000000.js', html)).status).toBe(404);
    expect((await get(base, '/assets/gone.css')).status).toBe(404);
    expect((await get(base, '/robots.txt')).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%00/../secret.txt',
      '/../package.json',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
    ]) {
      for (const headers of [{}, html]) {
        const answer = await get(base, path, headers);
        expect(answer.body.toString(), path).not.toMatch(/not to be served|"devDependencies"/);
        if (headers === html) expect([200, 404], path).toContain(answer.status);
        else expect(answer.status, path).toBe(404);
      }
    }
  });

  it('leaves the API, GraphiQL and the health check as they were', async () => {
    const graphiql = await get(base, '/graphql', html);
    expect(graphiql.status).toBe(200);
    expect(graphiql.body.toString()).toMatch(/graphiql/i);
    const health = await get(base, '/healthz');
    expect(health.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'ok' });
    const unknownAuth = await get(base, '/auth/other', html);
    expect(unknownAuth.status).toBe(404);
  });
});

describe('the web UI before it is built', () => {
  it('answers / with a page that says how to build it', async () => {
    const live = await livePlatform({ webDist: join(tmpdir(), 'werkbezoek-no-such-dist') });
    try {
      const base = live.url.replace(/\/graphql$/, '');
      const page = await get(base, '/', html);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body.toString()).toMatch(/not built/);
      expect(page.body.toString()).toContain('pnpm --filter @werkbezoek/web build');
      expect((await get(base, '/aanvragen/1', html)).body.toString()).toMatch(/not built/);
      expect((await get(base, '/assets/index.js')).status).toBe(404);
    } finally {
      await live.close();
    }
  });
});
