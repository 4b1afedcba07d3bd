import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError } from './errors.js';

describe('formatError', () => {
  it("answers Apollo's code-less refusals of a malformed request as BAD_REQUEST, not as an internal error", () => {
    const logged: string[] = [];
    const format = formatError((m) => logged.push(m));
    // As Apollo's request pipeline makes it for a persisted query whose hash does not match its text.
    const error = new GraphQLError('provided sha does not match query', {
      extensions: { http: { status: 400, headers: new Map() } },
    });
    expect(format({ message: error.message, extensions: { stacktrace: ['at …'] } }, error)).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(logged).toEqual([]);
  });

  it('answers anything unexpected generically and logs it', () => {
    const logged: string[] = [];
    const format = formatError((m) => logged.push(m));
    const failure = new Error('the disk is on fire');
    expect(
      format({ message: failure.message, path: ['viewer'] }, new GraphQLError('x', { originalError: failure })),
    ).toEqual({
      message: 'Internal server error; it has been logged',
      path: ['viewer'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([expect.stringContaining('the disk is on fire')]);
    // A 5xx status on a code-less error is no client mistake.
    const server = new GraphQLError('upstream down', { extensions: { http: { status: 503 } } });
    expect(format({ message: server.message }, server).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
