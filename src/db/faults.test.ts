import { describe, expect, it } from 'vitest';
import { databaseFaultOf, needsOperator } from './faults.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('database faults', () => {
  it('reads PostgreSQL restarts, refused and dropped connections as "unavailable"', () => {
    for (const code of [
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08003',
      '08001',
      '08P01',
      '53300',
      '57014',
      '40001',
      '40P01',
    ]) {
      expect(databaseFaultOf(withCode(code)), code).toBe('unavailable');
    }
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])
      expect(databaseFaultOf(withCode(code)), code).toBe('unavailable');
    expect(databaseFaultOf(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(databaseFaultOf(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      'unavailable',
    );
    expect(databaseFaultOf(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
    expect(databaseFaultOf(new Error('driver has already been destroyed'))).toBe('unavailable');
  });

  it('reads a full disk, a read-only database and disk errors for what they are', () => {
    expect(databaseFaultOf(withCode('SQLITE_FULL', 'database or disk is full'))).toBe('storage_full');
    expect(databaseFaultOf(withCode('53100'))).toBe('storage_full');
    expect(databaseFaultOf(withCode('SQLITE_READONLY'))).toBe('read_only');
    expect(databaseFaultOf(withCode('SQLITE_READONLY_DBMOVED'))).toBe('read_only');
    expect(databaseFaultOf(withCode('25006'))).toBe('read_only');
    expect(databaseFaultOf(withCode('SQLITE_IOERR_WRITE'))).toBe('io_error');
    expect(databaseFaultOf(withCode('SQLITE_IOERR'))).toBe('io_error');
    expect(databaseFaultOf(withCode('SQLITE_BUSY'))).toBe('unavailable');
    expect(databaseFaultOf(withCode('SQLITE_BUSY_SNAPSHOT'))).toBe('unavailable');
    expect(needsOperator('storage_full')).toBe(true);
    expect(needsOperator('unavailable')).toBe(false);
  });

  it('leaves bugs and refused rows alone', () => {
    expect(databaseFaultOf(withCode('23505'))).toBeNull();
    expect(databaseFaultOf(withCode('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(databaseFaultOf(withCode('42P01', 'relation "x" does not exist'))).toBeNull();
    expect(databaseFaultOf(withCode('SQLITE_ERROR', 'no such table: x'))).toBeNull();
    // A bare "08" prefix inside a longer, unrelated code is not a connection exception.
    expect(databaseFaultOf(withCode('080000'))).toBeNull();
    expect(databaseFaultOf(new TypeError('cannot read properties of undefined'))).toBeNull();
    expect(databaseFaultOf(undefined)).toBeNull();
    expect(databaseFaultOf('SQLITE_FULL')).toBeNull();
  });
});
