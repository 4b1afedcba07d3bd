import { isLocalDate } from '@werkbezoek/schema';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isLocalDate(value)) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a calendar date: write it as YYYY-MM-DD, e.g. 2027-02-28`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** An ISO calendar date, YYYY-MM-DD; impossible dates (2027-02-30) are refused, in variables and literals alike. */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'LocalDate',
  description: 'An ISO 8601 calendar date without time or zone, YYYY-MM-DD, e.g. "2027-02-28".',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('A LocalDate is a string such as "2027-02-28"', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});
