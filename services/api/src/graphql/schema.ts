import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { RequestResolver } from '../requests/request.resolver.js';

export const resolvers = [RequestResolver] as const;

/** The executable schema; its SDL is committed as schema/schema.graphql. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    // Inputs are validated where the rules live: the event catalogue's schemas and the deciders.
    validate: false,
  });
}
