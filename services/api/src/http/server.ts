import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { graphiqlAsset, graphiqlPage } from './graphiql.js';

export interface HttpOptions<C extends object> {
  readonly apollo: ApolloServer<C>;
  readonly context: (request: IncomingMessage) => Promise<C>;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  /** Token pre-filled in GraphiQL's headers (demo mode only). */
  readonly graphiqlToken?: string;
  /** Other routes (the web UI, health): return true when handled. */
  readonly fallback?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean> | boolean;
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function jsonError(response: ServerResponse, status: number, code: string, message: string): void {
  send(
    response,
    status,
    'application/json; charset=utf-8',
    JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  );
}

/**
 * Apollo on Node's own http server: GraphQL over HTTP at /graphql (GET and
 * POST), GraphiQL for browsers at GET /graphql, bounded request bodies, and
 * a fallback for the other routes.
 */
export function createHttpServer<C extends object>(options: HttpOptions<C>): Server {
  const limit = options.maxBodyBytes ?? 1_000_000;
  return createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const asset = request.method === 'GET' ? graphiqlAsset(url.pathname) : undefined;
      if (asset) {
        response.setHeader('cache-control', 'public, max-age=86400');
        send(response, 200, asset.type, asset.body);
        return;
      }
      if (url.pathname !== '/graphql') {
        if (options.fallback && (await options.fallback(request, response))) return;
        jsonError(response, 404, 'NOT_FOUND', `Nothing at ${url.pathname}; the GraphQL API is at /graphql`);
        return;
      }
      const accept = request.headers.accept ?? '';
      if (request.method === 'GET' && !url.search && accept.includes('text/html')) {
        send(response, 200, 'text/html; charset=utf-8', graphiqlPage(options.graphiqlToken));
        return;
      }
      let body: unknown;
      try {
        const text = request.method === 'POST' ? await readBody(request, limit) : '';
        const type = request.headers['content-type'] ?? '';
        body = text && type.includes('application/json') ? JSON.parse(text) : text;
      } catch (error) {
        if (error instanceof BodyTooLarge)
          jsonError(response, 413, 'BAD_REQUEST', `The request body exceeds ${limit} bytes`);
        else jsonError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const result = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
        context: () => options.context(request),
      });
      // Answers depend on who asks and change with every event: never to be cached.
      response.setHeader('cache-control', 'no-store');
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
        return;
      }
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    })().catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent)
        jsonError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error; it has been logged');
      else response.end();
    });
  });
}
