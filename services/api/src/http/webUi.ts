import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built web UI (`pnpm --filter @werkbezoek/web build`), relative to this file in the repository. */
export const defaultWebDist = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/**
 * For the pages of a Vite React app served from this origin: its scripts and
 * styles from here (React sets inline styles), images also as data: URLs,
 * GraphQL on the same origin. GraphiQL has its own page at /graphql.
 */
export const htmlSecurityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
} as const;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
const compressible = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.txt',
  '.ico',
  '.wasm',
]);

/** Paths the UI never answers for: the API's own routes. */
const apiPaths = /^\/(graphql|healthz|readyz|auth|graphiql)(\/|$)/;

interface Prepared {
  readonly mtimeMs: number;
  readonly size: number;
  readonly raw: Buffer;
  readonly gzip?: Buffer;
  readonly br?: Buffer;
}

function notBuiltPage(dist: string): string {
  const escaped = dist.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Werkbezoek: the web UI is not built</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;line-height:1.5;padding:0 1rem}code{background:#f3f3f3;padding:.1rem .3rem}</style></head>
<body><h1>Werkbezoek</h1><p>The web UI is not built: there is no <code>${escaped}/index.html</code>.</p>
<p>Build it with <code>pnpm --filter @werkbezoek/web build</code> and reload this page (<code>pnpm start</code> builds it when it is missing or older than its sources).</p>
<p>The GraphQL API works meanwhile: <a href="/graphql">GraphiQL</a> · <a href="/healthz">health</a>.</p></body></html>`;
}

/**
 * Serves the built web UI from `dist`: its files with their content types,
 * Vite's hashed files under /assets/ cached for a year, index.html never
 * without revalidation, compressed (brotli or gzip, once per file version)
 * when the client accepts it, and index.html for any other page a browser
 * asks for (deep links). Returns false for what it does not serve.
 */
export function webUi(dist: string) {
  const root = resolve(dist);
  const prepared = new Map<string, Prepared>();

  async function load(file: string): Promise<Prepared | undefined> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const known = prepared.get(file);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
    const raw = await readFile(file);
    const worth = compressible.has(extname(file).toLowerCase()) && raw.length > 256;
    const fresh: Prepared = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      raw,
      ...(worth
        ? {
            gzip: gzipSync(raw, { level: 9 }),
            br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
          }
        : {}),
    };
    prepared.set(file, fresh);
    return fresh;
  }

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    file: string,
    body: Prepared,
    cacheControl: string,
  ): void {
    const ext = extname(file).toLowerCase();
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding =
      body.br && /\bbr\b/.test(accepted) ? 'br' : body.gzip && /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    const payload = encoding === 'br' ? body.br! : encoding === 'gzip' ? body.gzip! : body.raw;
    response.writeHead(200, {
      'content-type': types[ext] ?? 'application/octet-stream',
      'content-length': payload.length,
      'cache-control': cacheControl,
      'x-content-type-options': 'nosniff',
      ...(body.gzip ? { vary: 'accept-encoding' } : {}),
      ...(encoding ? { 'content-encoding': encoding } : {}),
      ...(ext === '.html' ? htmlSecurityHeaders : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : payload);
  }

  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (apiPaths.test(pathname)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return false;
    const wantsPage = request.method === 'GET' && String(request.headers.accept ?? '').includes('text/html');
    const index = join(root, 'index.html');
    const indexBody = await load(index);
    if (!indexBody) {
      if (!wantsPage && pathname !== '/') return false;
      const page = notBuiltPage(root);
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(page),
        'cache-control': 'no-store',
        ...htmlSecurityHeaders,
      });
      response.end(request.method === 'HEAD' ? undefined : page);
      return true;
    }
    // No way out of the folder: the path is normalised and must stay inside it.
    const file = resolve(root, `.${posix.normalize(decoded)}`);
    if (file !== root && !file.startsWith(root + sep)) return false;
    const found = file === root || file === index ? undefined : await load(file);
    if (found) {
      const immutable = decoded.startsWith('/assets/');
      send(request, response, file, found, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return true;
    }
    // A missing file under /assets/ is a stale or wrong link: never the page in its place.
    if (decoded.startsWith('/assets/')) return false;
    if (pathname === '/' || decoded === '/index.html' || wantsPage) {
      send(request, response, index, indexBody, 'no-cache');
      return true;
    }
    return false;
  };
}
