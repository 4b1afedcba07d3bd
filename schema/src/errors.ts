/**
 * The error hierarchy shared by every layer. Each error has a stable `code`
 * that the API edge maps to `extensions.code`, and a message that says what
 * was wrong and what would be right.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that can never be valid: a malformed field, an unknown code. */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
  constructor(
    message: string,
    /** Dotted paths of the offending fields, for forms and BAD_USER_INPUT. */
    readonly fields: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A command that is valid in itself but not in the aggregate's current state. */
export class IllegalStateError extends DomainError {
  readonly code = 'ILLEGAL_STATE';
}

/** The actor may not do this (a coordinator acting for another municipality). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** An append whose expected revision did not match: reload and retry. */
export class ConcurrencyError extends DomainError {
  readonly code = 'CONCURRENCY';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    const wanted =
      expected === 'no_stream'
        ? 'not to exist yet'
        : expected === 'stream_exists'
          ? 'to exist'
          : `at revision ${expected}`;
    const found = actual === 'no_stream' ? 'it does not exist' : `it is at revision ${actual}`;
    super(
      `Stream "${streamId}" was expected ${wanted} (expected revision ${expected}), but ${found} ` +
        `(actual revision ${actual}); it changed in the meantime: reload the stream and decide again.`,
    );
  }
}
