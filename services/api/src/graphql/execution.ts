import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute,
  getVariableValues,
  GraphQLError,
  OperationTypeNode,
  printSchema,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<object>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** What a query document has become: how often it ran, and its compiled operations. */
interface Plan {
  runs: number;
  /** By operation name ('' when the request names none); null when graphql-jit cannot compile it. */
  readonly compiled: Map<string, CompiledQuery | null>;
}

export interface ExecutionOptions {
  /**
   * How many times a query document runs through graphql-js before it is compiled
   * to JavaScript (graphql-jit). A one-off query never pays the compile (about a
   * millisecond; 10–30 ms for an introspection query); a repeated one runs in about
   * half the time.
   */
  readonly compileAfter: number;
}

export const defaultExecution: ExecutionOptions = { compileAfter: 1 };

/**
 * graphql-jit's errors lack graphql-js's `extensions` object, which Apollo's
 * error formatting reads; they become graphql-js errors with the same message,
 * locations, path and cause.
 */
function fromJit(error: GraphQLError): GraphQLError {
  const normal = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
  return Object.assign(normal, { locations: error.locations });
}

/**
 * Executes operations for Apollo, which still parses, validates (with our depth
 * and cost limits), builds the context and formats errors. Queries that repeat
 * run as compiled JavaScript: graphql-js spends most of a list's time walking
 * its fields. Mutations stay on graphql-js, where the write dominates.
 *
 * Apollo's one hook for an executor is its gateway interface, so this is a
 * gateway that serves one local schema. Plans are keyed by the document
 * object, which Apollo's document cache returns for every repeat of a query
 * string, and are dropped with it.
 */
export function compiledExecution(schema: GraphQLSchema, options: ExecutionOptions = defaultExecution): Gateway {
  const plans = new WeakMap<DocumentNode, Plan>();
  const listeners = new Set<Parameters<Gateway['onSchemaLoadOrUpdate']>[0]>();

  function compiled(document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    let plan = plans.get(document);
    if (!plan) plans.set(document, (plan = { runs: 0, compiled: new Map() }));
    if (plan.runs < options.compileAfter) {
      plan.runs++;
      return null;
    }
    const key = operationName ?? '';
    let query = plan.compiled.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName);
      // What graphql-jit refuses, graphql-js runs (and reports the same errors).
      query = isCompiledQuery(result) ? result : null;
      plan.compiled.set(key, query);
    }
    return query;
  }

  const executor: Executor = async (request) => {
    const { document, operation, context } = request;
    const { variables, operationName } = request.request;
    // Without an operation to run (several, none named), graphql-js says so in the words Apollo expects.
    const query = operation?.operation === OperationTypeNode.QUERY ? compiled(document, operationName) : null;
    if (query) {
      // graphql-js checks the variables, so a bad one reads the same in either path
      // (with the scalar's own reason, such as an impossible date).
      if (operation.variableDefinitions?.length) {
        const checked = getVariableValues(schema, operation.variableDefinitions, variables ?? {}, { maxErrors: 50 });
        if (checked.errors) return { errors: checked.errors };
      }
      const result = await query.query(undefined, context, variables ?? {});
      return result.errors ? { ...result, errors: result.errors.map(fromJit) } : result;
    }
    return execute({ schema, document, contextValue: context, variableValues: variables ?? null, operationName });
  };

  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load() {
      const coreSupergraphSdl = printSchema(schema);
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl });
      return Promise.resolve({ executor });
    },
    stop: () => Promise.resolve(),
  };
}
