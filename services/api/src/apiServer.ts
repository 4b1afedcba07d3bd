import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createAuthenticator, type AuthConfig } from './auth/principal.js';
import { createContext, type ApiContext, type ApiServices } from './context.js';
import { formatError } from './graphql/errors.js';
import { compiledExecution, type ExecutionOptions } from './graphql/execution.js';
import { defaultLimits, limitRules, type QueryLimits } from './graphql/limits.js';
import { listLimitPlugin } from './graphql/listLimits.js';
import { buildApiSchema } from './graphql/schema.js';
import { createHttpServer, currentRequest, type HttpOptions } from './http/server.js';
import { idempotencyKey } from './idempotency/idempotencyKey.js';
import { IdempotencyKeys } from './idempotency/keyStore.js';
import { idempotencyPlugin } from './idempotency/plugin.js';

export interface ApiServerOptions {
  readonly services: ApiServices;
  readonly auth: AuthConfig;
  readonly limits?: QueryLimits;
  /** Production mode: no stack traces or introspection hints in errors. */
  readonly production?: boolean;
  readonly maxBodyBytes?: number;
  readonly log?: (message: string) => void;
  /** Structured request logs (correlation id, actor, positions written). */
  readonly logger?: Logger;
  readonly fallback?: HttpOptions<ApiContext>['fallback'];
  readonly schema?: GraphQLSchema;
  /** When repeated queries are compiled (see compiledExecution). */
  readonly execution?: ExecutionOptions;
  /** How long an Idempotency-Key stays bound to its first request (default 24 hours). */
  readonly idempotencyKeyTtlMs?: number;
}

export interface ApiServer {
  readonly http: Server;
  readonly apollo: ApolloServer<ApiContext>;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

function errorCodes(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  return (errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));
}

/** Fills the request's log record (RequestRecord) with its operation and the codes of the errors sent. */
const requestRecordPlugin: ApolloServerPlugin<ApiContext> = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ operation, operationName, contextValue }) => {
        contextValue.request.operationName = operationName ?? undefined;
        contextValue.request.operationType = operation?.operation;
        return Promise.resolve();
      },
      willSendResponse: ({ response, contextValue }) => {
        const body = response.body;
        contextValue.request.errorCodes.push(
          ...errorCodes(body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors),
        );
        return Promise.resolve();
      },
    }),
};

/** The GraphQL API: Apollo with our schema, authentication on every request, limits, and error mapping. */
export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const logger = options.logger;
  // Unexpected errors (formatError) go to the structured log with the request's correlation id.
  const log = logger
    ? (m: string) => logger.error({ requestId: currentRequest()?.id }, m)
    : (options.log ?? ((m: string) => console.error(m)));
  const authenticator = createAuthenticator(options.auth);
  const schema = options.schema ?? (await buildApiSchema());
  const keys = new IdempotencyKeys(options.services.readModels, {
    ...(options.idempotencyKeyTtlMs !== undefined ? { ttlMs: options.idempotencyKeyTtlMs } : {}),
  });
  await keys.setUp();
  const apollo = new ApolloServer<ApiContext>({
    gateway: compiledExecution(schema, options.execution),
    csrfPrevention: true,
    // The platform stops Apollo itself, in order, on SIGINT/SIGTERM.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !options.production,
    formatError: formatError(log),
    validationRules: [limitRules(options.limits ?? defaultLimits)],
    // No cache hints are set, and Apollo's cache-control plugin would wrap every field
    // resolver to compute them; the HTTP layer marks responses uncacheable instead.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestRecordPlugin,
      listLimitPlugin(),
      idempotencyPlugin(keys),
    ],
  });
  await apollo.start();
  const http = createHttpServer<ApiContext>({
    apollo,
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
    ...(options.auth.mode === 'demo' ? { graphiqlToken: 'demo-management' } : {}),
    ...(options.fallback ? { fallback: options.fallback } : {}),
    ...(logger ? { logger } : {}),
    context: async (request, record) => {
      let principal;
      let key;
      try {
        principal = await authenticator.authenticate(request.headers.authorization);
        record.actor = { id: principal.id, role: principal.role };
        // Checked before anything runs; repeated fields stay apart here (request.headers joins them with commas).
        key = idempotencyKey(request.headersDistinct['idempotency-key']);
      } catch (error) {
        // Apollo sends this error without running the request's hooks: its code is recorded here.
        const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
        record.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
        throw error;
      }
      return createContext(principal, options.services, key, record);
    },
  });
  return {
    http,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const address = http.address() as AddressInfo;
          resolve(`http://${host}:${address.port}/graphql`);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      // Requests still running get a moment to finish; then their connections are cut.
      const cut = setTimeout(() => http.closeAllConnections(), 5000);
      await closed;
      clearTimeout(cut);
      await apollo.stop();
    },
  };
}
