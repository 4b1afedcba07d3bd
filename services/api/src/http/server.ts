import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import { acceptsJson } from './accept.js';
import { graphiqlAsset, graphiqlPage } from './graphiql.js';

/**
 * What one GraphQL request did, for its log line: the HTTP layer makes it and
 * writes the line; the request's context and Apollo's hooks fill it in. It
 * holds no input and no names, only ids, codes and positions (issue 14).
 */
export interface RequestRecord {
  /** The correlation id, echoed as the response's x-request-id. */
  readonly id: string;
  actor?: { readonly id: string; readonly role: string };
  operationName?: string;
  operationType?: string;
  /** The extensions.code of each error sent. */
  readonly errorCodes: string[];
  /** The log positions of the events the request's commands appended. */
  readonly positions: bigint[];
}

const requests = new AsyncLocalStorage<RequestRecord>();

/** The record of the request being served, where code far from the context needs its id (error logs). */
export function currentRequest(): RequestRecord | undefined {
  return requests.getStore();
}

/** The caller's x-request-id when it is a plain token (letters, digits, . _ : / + = -; at most 128), else a new UUID. */
export function correlationId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && /^[\w.:/+=-]{1,128}$/.test(value) ? value : randomUUID();
}

function logRequest(logger: Logger, record: RequestRecord, response: ServerResponse, started: number): void {
  const status = response.statusCode;
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  const fields = {
    requestId: record.id,
    actor: record.actor ?? null,
    operation: record.operationName ?? null,
    operationType: record.operationType ?? null,
    status,
    durationMs,
    ...(record.errorCodes.length ? { errors: [...new Set(record.errorCodes)] } : {}),
    ...(record.positions.length ? { positions: record.positions.map(String) } : {}),
    // The client went away before the answer was complete.
    ...(response.writableFinished ? {} : { aborted: true }),
  };
  const line = `${record.operationType ?? 'request'} ${record.operationName ?? '(unnamed)'} ${status} in ${durationMs} ms`;
  if (status >= 500) logger.error(fields, line);
  else logger.info(fields, line);
}

export interface HttpOptions<C extends object> {
  readonly apollo: ApolloServer<C>;
  /** The GraphQL context of a request; `record` collects what goes into its log line. */
  readonly context: (request: IncomingMessage, record: RequestRecord) => Promise<C>;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  /** Token pre-filled in GraphiQL's headers (demo mode only). */
  readonly graphiqlToken?: string;
  /** Other routes (the web UI, health): return true when handled. */
  readonly fallback?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean> | boolean;
  /** One line per GraphQL request (see RequestRecord); none without it. */
  readonly logger?: Logger;
}

class BodyTooLarge extends Error {}

/**
 * How long the rest of an oversized body is still read, and dropped, after the 413: a socket closed with
 * data unread is reset, and the client would see the reset instead of the answer.
 */
const DRAIN_MS = 2000;

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      reject(new BodyTooLarge());
      request.removeAllListeners('data');
      request.resume();
      const cut = setTimeout(() => request.destroy(), DRAIN_MS);
      request.once('end', () => clearTimeout(cut));
      request.once('close', () => clearTimeout(cut));
    };
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      refuse();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        refuse();
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
    const started = performance.now();
    const record: RequestRecord = { id: correlationId(request.headers['x-request-id']), errorCodes: [], positions: [] };
    response.setHeader('x-request-id', record.id);
    void requests
      .run(record, async () => {
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
        const logger = options.logger;
        if (logger) response.once('close', () => logRequest(logger, record, response, started));
        let body: unknown;
        try {
          const text = request.method === 'POST' ? await readBody(request, limit) : '';
          const type = request.headers['content-type'] ?? '';
          body = text && type.includes('application/json') ? JSON.parse(text) : text;
        } catch (error) {
          record.errorCodes.push('BAD_REQUEST');
          if (error instanceof BodyTooLarge)
            jsonError(response, 413, 'BAD_REQUEST', `The request body exceeds ${limit} bytes`);
          else jsonError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
          return;
        }
        // Apollo would decide this after running the operation: a mutation would be stored, then answered 406.
        if (!acceptsJson(request.headers.accept)) {
          record.errorCodes.push('BAD_REQUEST');
          jsonError(
            response,
            406,
            'BAD_REQUEST',
            `The Accept header takes neither application/json nor application/graphql-response+json, the types a GraphQL answer comes in, so nothing was run: accept one of them`,
          );
          return;
        }
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(request.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        const result = await options.apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: request.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
          context: () => options.context(request, record),
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
      })
      .catch((error: unknown) => {
        record.errorCodes.push('INTERNAL_SERVER_ERROR');
        if (options.logger) options.logger.error({ requestId: record.id, err: error }, 'The request failed');
        else console.error(error);
        if (!response.headersSent)
          jsonError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error; it has been logged');
        else response.end();
      });
  });
}
