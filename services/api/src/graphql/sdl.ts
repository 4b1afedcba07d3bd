import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The schema as committed in schema/schema.graphql: sorted, so diffs show only real changes. */
export function printSdl(schema: GraphQLSchema): string {
  return `# The public GraphQL contract of Werkbezoek. Generated from the resolvers by \`pnpm schema:emit\`; do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
