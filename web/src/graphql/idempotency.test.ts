import { parse } from 'graphql';
import { Client, CombinedError, fetchExchange } from 'urql';
import { describe, expect, it } from 'vitest';
import {
  IDEMPOTENCY_HEADER,
  IntentKeys,
  idempotencyExchange,
  isDefiniteAnswer,
  mutationFingerprint,
  withMutationTimeout,
} from './idempotency';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Keys k1, k2, … in the order they are made, so a test can say which one went. */
function countingKeys(): IntentKeys {
  let n = 0;
  return new IntentKeys(() => `k${++n}`);
}

describe('IntentKeys', () => {
  it('gives the same key to the same request while its outcome is open', () => {
    const keys = countingKeys();
    const first = keys.keyFor('submit {a:1}');
    expect(keys.keyFor('submit {a:1}'), 'a double click').toBe(first);
    keys.answered('submit {a:1}', first, false);
    expect(keys.keyFor('submit {a:1}'), 'a retry after no answer').toBe(first);
  });

  it('gives a new key once the request got a definite answer', () => {
    const keys = countingKeys();
    const first = keys.keyFor('submit {a:1}');
    keys.answered('submit {a:1}', first, true);
    expect(keys.keyFor('submit {a:1}')).toBe('k2');
    expect(keys.openCount).toBe(1);
  });

  it('gives a new key when the input changed', () => {
    const keys = countingKeys();
    const first = keys.keyFor('submit {a:1}');
    keys.answered('submit {a:1}', first, false);
    expect(keys.keyFor('submit {a:2}')).toBe('k2');
  });

  it('lets no late answer to an older send close a newer intent', () => {
    const keys = countingKeys();
    keys.answered('submit {a:1}', keys.keyFor('submit {a:1}'), true);
    const second = keys.keyFor('submit {a:1}');
    keys.answered('submit {a:1}', 'k1', true);
    expect(keys.keyFor('submit {a:1}')).toBe(second);
  });

  it('forgets the oldest open intent beyond its limit', () => {
    const keys = new IntentKeys(
      (() => {
        let n = 0;
        return () => `k${++n}`;
      })(),
      2,
    );
    keys.keyFor('a');
    keys.keyFor('b');
    keys.keyFor('c');
    expect(keys.openCount).toBe(2);
    expect(keys.keyFor('b')).toBe('k2');
    expect(keys.keyFor('a'), 'a, the oldest, was forgotten').toBe('k4');
  });

  it('makes UUID v4 keys by default', () => {
    const keys = new IntentKeys();
    const a = keys.keyFor('a');
    expect(a).toMatch(UUID_V4);
    expect(keys.keyFor('b')).not.toBe(a);
  });
});

describe('mutationFingerprint', () => {
  it('does not depend on the order of the variables’ fields', () => {
    expect(mutationFingerprint('m', { input: { a: 1, b: [1, { y: 2, x: 1 }] } })).toBe(
      mutationFingerprint('m', { input: { b: [1, { x: 1, y: 2 }], a: 1 } }),
    );
  });

  it('differs for other values, another document, and an array in another order', () => {
    const base = mutationFingerprint('m', { input: { a: 1, list: [1, 2] } });
    expect(mutationFingerprint('m', { input: { a: 2, list: [1, 2] } })).not.toBe(base);
    expect(mutationFingerprint('n', { input: { a: 1, list: [1, 2] } })).not.toBe(base);
    expect(mutationFingerprint('m', { input: { a: 1, list: [2, 1] } })).not.toBe(base);
  });
});

describe('isDefiniteAnswer', () => {
  const graphQLError = (code: string, extra: Record<string, unknown> = {}) =>
    new CombinedError({ graphQLErrors: [{ message: code, extensions: { code, ...extra } }] });

  it('is definite for data and for errors that say what was wrong', () => {
    expect(isDefiniteAnswer({ data: { ok: true }, error: undefined })).toBe(true);
    for (const code of ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'BAD_IDEMPOTENCY_KEY'])
      expect(isDefiniteAnswer({ data: undefined, error: graphQLError(code) }), code).toBe(true);
    expect(isDefiniteAnswer({ data: undefined, error: graphQLError('CONFLICT', { retryable: false }) })).toBe(true);
  });

  it('is open without an answer, and for errors the API asks to send again', () => {
    expect(isDefiniteAnswer({ data: undefined, error: new CombinedError({ networkError: new TypeError('x') }) })).toBe(
      false,
    );
    for (const code of ['READ_MODELS_BEHIND', 'STORAGE_FULL', 'CONFLICT'])
      expect(isDefiniteAnswer({ data: undefined, error: graphQLError(code, { retryable: true }) }), code).toBe(false);
    expect(isDefiniteAnswer({ data: undefined, error: graphQLError('INTERNAL_SERVER_ERROR') })).toBe(false);
  });
});

describe('idempotencyExchange in a client', () => {
  // Plain strings, not gql tags: codegen checks tagged documents against the real schema.
  const Submit = parse('mutation Submit($input: SubmitInput!) { submit(input: $input) { id } }');
  const Read = parse('query Read { items { id } }');

  type Answer = 'drop' | 'hang' | 'ok' | 'badInput' | 'behind';
  /** A client whose network answers each request as the next entry of `answers` says, recording the headers sent. */
  function client(answers: Answer[]) {
    const sent: Headers[] = [];
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const c = new Client({
      url: 'http://api.test/graphql',
      exchanges: [idempotencyExchange(new IntentKeys()), fetchExchange],
      fetchOptions: () => ({ headers: { authorization: 'Bearer t' } }),
      fetch: withMutationTimeout((_input, init) => {
        sent.push(new Headers(init?.headers));
        const answer = answers.shift() ?? 'ok';
        // A server that never answers: only the signal ends the wait.
        if (answer === 'hang')
          return new Promise((_resolve, reject) =>
            init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)),
          );
        if (answer === 'drop') return Promise.reject(new TypeError('Failed to fetch'));
        if (answer === 'badInput')
          return Promise.resolve(json({ errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT' } }] }));
        if (answer === 'behind')
          return Promise.resolve(
            json({ errors: [{ message: 'stored', extensions: { code: 'READ_MODELS_BEHIND', retryable: true } }] }),
          );
        return Promise.resolve(json({ data: { submit: { id: 'r1', __typename: 'R' } } }));
      }, 50),
    });
    const submit = (a: number) => c.mutation(Submit, { input: { a } }).toPromise();
    const key = (i: number) => sent[i]?.get(IDEMPOTENCY_HEADER);
    return { c, sent, submit, key };
  }

  it('sends the same key again after a dropped connection, and a new one after the answer', async () => {
    const { submit, key, sent } = client(['drop', 'ok', 'ok']);
    expect((await submit(1)).error?.networkError).toBeDefined();
    expect((await submit(1)).data).toBeDefined();
    await submit(1);
    expect(key(0)).toMatch(UUID_V4);
    expect(key(1), 'the retry').toBe(key(0));
    expect(key(2), 'a new request after the answer').not.toBe(key(0));
    expect(sent[0]?.get('authorization'), 'the client’s own headers stay').toBe('Bearer t');
  });

  it('sends a new key after an error that says what was wrong, and after the input changed', async () => {
    const { submit, key } = client(['badInput', 'drop', 'ok']);
    await submit(1);
    await submit(1);
    await submit(2);
    expect(key(1), 'after BAD_USER_INPUT').not.toBe(key(0));
    expect(key(2), 'other variables').not.toBe(key(1));
  });

  it('keeps the key when the API says the change was stored but asks to send it again', async () => {
    const { submit, key } = client(['behind', 'ok']);
    await submit(1);
    await submit(1);
    expect(key(1)).toBe(key(0));
  });

  it('gives up on a mutation without an answer after the timeout, and retries it with the same key', async () => {
    const { submit, key } = client(['hang', 'ok']);
    const started = performance.now();
    const first = await submit(1);
    expect(first.error?.networkError?.name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await submit(1)).data).toBeDefined();
    expect(key(1)).toBe(key(0));
  });

  it('sends one key with a double click (two sends before an answer)', async () => {
    const { submit, key } = client(['ok', 'ok']);
    await Promise.all([submit(1), submit(1)]);
    expect(key(0)).toMatch(UUID_V4);
    expect(key(1)).toBe(key(0));
  });

  it('sends no key with a query', async () => {
    const { c, sent } = client(['ok']);
    await c.query(Read, {}).toPromise();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.has(IDEMPOTENCY_HEADER)).toBe(false);
  });
});
