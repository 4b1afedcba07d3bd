import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReadModelDb } from '@werkbezoek/projections';
import type { AuthConfig } from '../auth/principal.js';
import { publicAuthConfig } from './authConfig.js';
import { sendJson, type healthRoutes } from './readiness.js';
import { webUi } from './webUi.js';

export interface LandingOptions {
  readonly health: ReturnType<typeof healthRoutes>;
  readonly readModels: ReadModelDb;
  readonly authMode: AuthConfig['mode'];
  /** The built web UI's folder. */
  readonly webDist: string;
}

/** The routes besides /graphql: health and readiness for orchestrators, the public auth config, and the web UI. */
export function landing(options: LandingOptions) {
  const { health } = options;
  const ui = webUi(options.webDist);
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (await health(request, response)) return true;
    if (path === '/auth/config' && (request.method === 'GET' || request.method === 'HEAD')) {
      // Public: the sign-in page reads it before anyone has a token.
      sendJson(response, 200, await publicAuthConfig(options.authMode, options.readModels));
      return true;
    }
    return ui(request, response);
  };
}
