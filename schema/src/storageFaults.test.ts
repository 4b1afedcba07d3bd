import { describe, expect, it } from 'vitest';
import { storageFault } from './storageFaults.js';

/** An error as a driver throws it: a message and a `code` (and more fields, as pg's). */
function driverError(name: string, message: string, fields: Record<string, unknown>): Error {
  return Object.assign(Object.assign(new Error(message), { name }), fields);
}

const sqliteError = (code: string, message: string) => driverError('SqliteError', message, { code });
const pgError = (code: string, message: string) =>
  driverError('error', message, { code, severity: 'ERROR', length: 100 });

describe('storageFault', () => {
  it('tells a full disk, a read-only database and an unreachable one from SQLite, PostgreSQL and the system', () => {
    expect(storageFault(sqliteError('SQLITE_FULL', 'database or disk is full'))).toEqual({
      kind: 'FULL',
      code: 'SQLITE_FULL',
      message: 'database or disk is full',
    });
    expect(storageFault(sqliteError('SQLITE_READONLY', 'attempt to write a readonly database'))?.kind).toBe(
      'READ_ONLY',
    );
    expect(storageFault(sqliteError('SQLITE_READONLY_DBMOVED', 'moved'))?.kind).toBe('READ_ONLY');
    expect(storageFault(sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'))?.kind).toBe('UNAVAILABLE');
    expect(storageFault(sqliteError('SQLITE_BUSY', 'database is locked'))?.kind).toBe('UNAVAILABLE');
    expect(storageFault(pgError('53100', 'could not extend file: No space left on device'))?.kind).toBe('FULL');
    expect(storageFault(pgError('25006', 'cannot execute INSERT in a read-only transaction'))?.kind).toBe('READ_ONLY');
    expect(storageFault(pgError('57P01', 'terminating connection due to administrator command'))?.kind).toBe(
      'UNAVAILABLE',
    );
    expect(storageFault(pgError('08006', 'connection failure'))?.kind).toBe('UNAVAILABLE');
    expect(storageFault(driverError('Error', 'ENOSPC: no space left on device, write', { code: 'ENOSPC' }))?.kind).toBe(
      'FULL',
    );
    expect(storageFault(driverError('Error', 'read-only file system', { code: 'EROFS' }))?.kind).toBe('READ_ONLY');
  });

  it('finds the fault behind a wrapping error', () => {
    const wrapped = new Error('batch failed', {
      cause: new Error('flush', { cause: sqliteError('SQLITE_FULL', 'full') }),
    });
    expect(storageFault(wrapped)?.code).toBe('SQLITE_FULL');
  });

  it('blames nothing on the storage when the data or the code is at fault', () => {
    expect(storageFault(sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed'))).toBeUndefined();
    expect(storageFault(sqliteError('SQLITE_ERROR', 'no such table: x'))).toBeUndefined();
    expect(storageFault(sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'))).toBeUndefined();
    expect(storageFault(pgError('23505', 'duplicate key value violates unique constraint'))).toBeUndefined();
    expect(storageFault(pgError('22P02', 'invalid input syntax for type uuid'))).toBeUndefined();
    // A five-character code that is no SQLSTATE of pg's errors is not read as one.
    expect(storageFault(driverError('Error', 'x', { code: '53100' }))).toBeUndefined();
    expect(storageFault(new TypeError('x is undefined'))).toBeUndefined();
    expect(storageFault('a string')).toBeUndefined();
    expect(storageFault(undefined)).toBeUndefined();
  });
});
