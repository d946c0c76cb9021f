/**
 * The database's failures that an operator can act on, recognised by the drivers' error codes:
 * busy, disk full, read-only, damaged, unreachable, no answer in time. Each becomes one clear line
 * in the operator's language; anything else stays an unexpected failure. The PostgreSQL driver
 * gives a lost or timed-out connection no code: those few are recognised by its own fixed texts.
 */
import { StoreError } from '../core/errors.js';

function sqliteError(code: string): StoreError | null {
  const base = code.split('_').slice(0, 2).join('_');
  switch (base) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new StoreError('databaseBusy');
    case 'SQLITE_FULL':
      return new StoreError('databaseFull');
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return new StoreError('databaseReadOnly');
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new StoreError('databaseCorrupt');
    case 'SQLITE_CANTOPEN':
      return new StoreError('databaseCannotOpen');
    default:
      return null;
  }
}

/** Node's socket errors and pg's own, for a server that is down, gone or silent. */
const CONNECTION = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

function postgresError(code: string): StoreError | null {
  if (CONNECTION.has(code)) return new StoreError('databaseUnreachable');
  // Class 57: the server is shutting down or ended the connection; 53: out of resources.
  if (code === '57P01' || code === '57P02' || code === '57P03') return new StoreError('databaseUnreachable');
  if (code === '53100') return new StoreError('databaseFull');
  // 55P03: lock_timeout (another desk holds the row); 57014: statement_timeout.
  if (code === '55P03') return new StoreError('databaseBusy');
  if (code === '57014') return new StoreError('databaseTimeout');
  if (code === '25006') return new StoreError('databaseReadOnly');
  return null;
}

/** The StoreError a driver's error means, or null when it is not one cowork can explain. */
export function storeErrorOf(e: unknown): StoreError | null {
  if (!(e instanceof Error)) return null;
  const code = 'code' in e ? e.code : undefined;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_')) return sqliteError(code);
    const pg = postgresError(code);
    if (pg) return pg;
  }
  return pgConnectionError(e.message);
}

/**
 * node-postgres' errors without a code. No answer in time: the pool's "timeout exceeded when trying
 * to connect" and "Connection terminated due to connection timeout", the client's "timeout expired"
 * (connecting) and "Query read timeout" (a server silent after connecting). A connection the
 * server or the network ended: "Connection terminated unexpectedly", and for a query sent on it
 * afterwards (the rollback of the transaction it broke) "Client has encountered a connection error
 * and is not queryable", or kysely's "Postgres connection has been discarded" once that rollback
 * has failed.
 */
const PG_TIMEOUT =
  /^(timeout exceeded when trying to connect|Connection terminated due to connection timeout|timeout expired|Query read timeout)$/;
const PG_LOST =
  /^(Connection terminated|Client has encountered a connection error and is not queryable$|Postgres connection has been discarded$)/;

function pgConnectionError(message: string): StoreError | null {
  if (PG_TIMEOUT.test(message)) return new StoreError('databaseTimeout');
  if (PG_LOST.test(message)) return new StoreError('databaseUnreachable');
  return null;
}
