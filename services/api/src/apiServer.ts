import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createAuthenticator, type AuthConfig } from './auth/principal.js';
import { createContext, type ApiContext, type ApiServices } from './context.js';
import { formatError } from './graphql/errors.js';
import { compiledExecution, type ExecutionOptions } from './graphql/execution.js';
import { defaultLimits, limitRules, type QueryLimits } from './graphql/limits.js';
import { buildApiSchema } from './graphql/schema.js';
import { createHttpServer, type HttpOptions } from './http/server.js';

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
}

export interface ApiServer {
  readonly http: Server;
  readonly apollo: ApolloServer<ApiContext>;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** The GraphQL API: Apollo with our schema, authentication on every request, limits, and error mapping. */
export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const log = options.log ?? ((m: string) => console.error(m));
  const authenticator = createAuthenticator(options.auth);
  const schema = options.schema ?? (await buildApiSchema());
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
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  const http = createHttpServer<ApiContext>({
    apollo,
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
    ...(options.auth.mode === 'demo' ? { graphiqlToken: 'demo-management' } : {}),
    ...(options.fallback ? { fallback: options.fallback } : {}),
    context: async (request) => {
      const principal = await authenticator.authenticate(request.headers.authorization);
      const key = request.headers['idempotency-key'];
      return createContext(principal, options.services, Array.isArray(key) ? key[0] : key);
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
