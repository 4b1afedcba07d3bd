/**
 * A write that failed because of the storage under a database, not because of
 * what was written: the disk is full, the database or its file system is
 * read-only, or the database cannot be reached for now. Such a failure passes
 * when the storage comes back, so a writer retries it (the projection runner)
 * or tells the client what to do (the API), and never blames the data.
 */
export type StorageFaultKind = 'FULL' | 'READ_ONLY' | 'UNAVAILABLE';

export interface StorageFault {
  readonly kind: StorageFaultKind;
  /** The driver's code: SQLITE_FULL, an SQLSTATE such as 53100, or a system error such as ENOSPC. */
  readonly code: string;
  /** The driver's own message. */
  readonly message: string;
}

// SQLite's primary result codes that speak of the storage (extended codes such as SQLITE_IOERR_WRITE start with one).
const sqlite: readonly [string, StorageFaultKind][] = [
  ['SQLITE_FULL', 'FULL'],
  ['SQLITE_READONLY', 'READ_ONLY'],
  ['SQLITE_IOERR', 'UNAVAILABLE'],
  ['SQLITE_CANTOPEN', 'UNAVAILABLE'],
  ['SQLITE_BUSY', 'UNAVAILABLE'],
  ['SQLITE_LOCKED', 'UNAVAILABLE'],
  ['SQLITE_NOMEM', 'UNAVAILABLE'],
  ['SQLITE_PROTOCOL', 'UNAVAILABLE'],
];

// PostgreSQL's SQLSTATEs: disk full, a read-only transaction (a standby, default_transaction_read_only),
// then whole classes: connection exceptions (08), insufficient resources (53), operator intervention (57P), system errors (58).
const postgres: readonly [RegExp, StorageFaultKind][] = [
  [/^53100$/, 'FULL'],
  [/^25006$/, 'READ_ONLY'],
  [/^(08...|53...|57P..|58...)$/, 'UNAVAILABLE'],
];

const system: Readonly<Record<string, StorageFaultKind>> = {
  ENOSPC: 'FULL',
  EDQUOT: 'FULL',
  EROFS: 'READ_ONLY',
  EIO: 'UNAVAILABLE',
  ECONNREFUSED: 'UNAVAILABLE',
  ECONNRESET: 'UNAVAILABLE',
  ETIMEDOUT: 'UNAVAILABLE',
  EPIPE: 'UNAVAILABLE',
};

function classify(error: object): StorageFault | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  const message = error instanceof Error ? error.message : String(code);
  const name = (error as { name?: unknown }).name;
  if (code.startsWith('SQLITE_')) {
    const kind = sqlite.find(([primary]) => code === primary || code.startsWith(`${primary}_`))?.[1];
    return kind ? { kind, code, message } : undefined;
  }
  // pg's DatabaseError carries the SQLSTATE and the server's severity.
  if (name === 'error' || (error as { severity?: unknown }).severity !== undefined) {
    const kind = postgres.find(([pattern]) => pattern.test(code))?.[1];
    if (kind) return { kind, code, message };
  }
  const kind = system[code];
  return kind ? { kind, code, message } : undefined;
}

/**
 * The storage fault behind `error` (itself or one of its causes), or
 * undefined when the failure has another cause: a constraint, bad data, a bug.
 *
 * @example
 * storageFault(sqliteError) // { kind: 'FULL', code: 'SQLITE_FULL', message: 'database or disk is full' }
 */
export function storageFault(error: unknown): StorageFault | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const fault = classify(current);
    if (fault) return fault;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
