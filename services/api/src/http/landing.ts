import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProjectionRunner, ReadModelDb } from '@werkbezoek/projections';
import type { AuthConfig } from '../auth/principal.js';
import { publicAuthConfig } from './authConfig.js';
import { webUi } from './webUi.js';

export interface LandingOptions {
  readonly runner: ProjectionRunner;
  readonly readModels: ReadModelDb;
  readonly authMode: AuthConfig['mode'];
  /** The built web UI's folder. */
  readonly webDist: string;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

/** The routes besides /graphql: a health check for orchestrators, the public auth config, and the web UI. */
export function landing(options: LandingOptions) {
  const { runner } = options;
  const ui = webUi(options.webDist);
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') {
      const health = await runner.health();
      const failed = health.filter((h) => h.error);
      const body = JSON.stringify({
        status: failed.length > 0 ? 'degraded' : 'ok',
        projections: health.map((h) => ({
          name: h.name,
          version: h.version,
          status: h.status,
          position: String(h.position),
          lag: String(h.lag),
          error: h.error
            ? { position: String(h.error.position), eventType: h.error.eventType, message: h.error.message }
            : null,
        })),
      });
      response.writeHead(failed.length > 0 ? 503 : 200, { 'content-type': 'application/json' });
      response.end(body);
      return true;
    }
    if (path === '/auth/config' && (request.method === 'GET' || request.method === 'HEAD')) {
      // Public: the sign-in page reads it before anyone has a token.
      json(response, 200, await publicAuthConfig(options.authMode, options.readModels));
      return true;
    }
    return ui(request, response);
  };
}
