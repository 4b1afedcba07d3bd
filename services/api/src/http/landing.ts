import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProjectionRunner } from '@werkbezoek/projections';

/** The routes besides /graphql: a landing page and a health check for orchestrators. */
export function landing(runner: ProjectionRunner, authMode: string) {
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
    if (path === '/' && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Werkbezoek</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;line-height:1.5;padding:0 1rem}code{background:#f3f3f3;padding:.1rem .3rem}</style></head>
<body><h1>Werkbezoek</h1><p>Plannings- en analyseplatform voor begeleide werkbezoeken in stedenbanden (VVSG, dienst Internationaal).</p>
<p>The analytics UI arrives with its own issue. Until then, explore the data in <a href="/graphql">GraphiQL</a>.</p>
${authMode === 'demo' ? '<p>Demo sign-in: send <code>Authorization: Bearer demo-management</code> (or demo-planner, demo-analyst, demo-staff, demo-coordinator-&lt;NIS code&gt;).</p>' : ''}
<p><a href="/healthz">Health</a></p></body></html>`);
      return true;
    }
    return false;
  };
}
