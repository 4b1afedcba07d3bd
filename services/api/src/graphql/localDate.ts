import { isLocalDate } from '@werkbezoek/schema';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/*
 * Dates found valid. Every date a list shows is checked on its way out, and a
 * check (a pattern and a Date) costs more than the rest of the field; there
 * are only so many distinct dates, so the set is small, and it is emptied if
 * it ever grows large.
 */
const valid = new Set<string>();

function parse(value: unknown): string {
  if (typeof value === 'string' && valid.has(value)) return value;
  if (typeof value !== 'string' || !isLocalDate(value)) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a calendar date: write it as YYYY-MM-DD, e.g. 2027-02-28`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (valid.size >= 10_000) valid.clear();
  valid.add(value);
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
