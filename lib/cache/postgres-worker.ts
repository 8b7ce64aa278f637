/**
 * The worker thread behind PostgresStore: it holds one pg client per store and runs the queries the store sends
 * through synckit, while the calling thread waits on Atomics (the sync Driver looks the cache up inside
 * `execute`). Queries arrive already in PostgreSQL's dialect.
 */
import type * as Pg from 'pg';
import { runAsWorker } from 'synckit';
import { isSqlError } from './postgres-errors.js';

/** What the store asks of the worker. */
export type WorkerRequest =
  | {
      readonly op: 'open';
      readonly store: number;
      readonly url: string;
      readonly connectMs: number;
      readonly statementMs: number;
      readonly readonly: boolean;
      readonly schema: readonly string[];
    }
  | { readonly op: 'query'; readonly store: number; readonly sql: string; readonly params: readonly unknown[] }
  | { readonly op: 'batch'; readonly store: number; readonly sql: string; readonly rows: readonly (readonly unknown[])[] }
  | { readonly op: 'close'; readonly store: number };

/** Rows of a query, and how many rows it changed. */
export interface WorkerAnswer {
  readonly rows: Record<string, unknown>[];
  readonly changes: number;
}

/** Every schema change of every process takes this lock, so two processes creating the tables at once do not collide. */
const SCHEMA_LOCK = 0x4841_4d31;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the store checked pg is installed before starting this worker
const pg = require('pg') as typeof Pg;
const INT8 = 20;
const NUMERIC = 1700;

/** BIGINT (COUNT, times in ms) and NUMERIC (SUM of BIGINT) as numbers, as SQLite gives them. */
function typeParser(oid: number, format?: 'text' | 'binary'): (text: string) => unknown {
  if (oid === INT8 || oid === NUMERIC) return Number;
  return pg.types.getTypeParser(oid, format) as (text: string) => unknown;
}
const types = { getTypeParser: typeParser };

interface Connection {
  readonly url: string;
  readonly connectMs: number;
  readonly statementMs: number;
  readonly readonly: boolean;
  client: Pg.Client | undefined;
  /** A transaction is open on the client. */
  inTransaction: boolean;
  /** The connection broke inside a transaction: until the store's ROLLBACK, no statement may run on a new one. */
  lost: boolean;
}

const connections = new Map<number, Connection>();

/** A client for the store, connecting again when the last one broke (a restarted server, a dropped socket). */
async function clientOf(store: number): Promise<Pg.Client> {
  const connection = connections.get(store);
  if (!connection) throw new Error('the store was closed');
  if (connection.client) return connection.client;
  const client = new pg.Client({
    connectionString: connection.url,
    connectionTimeoutMillis: connection.connectMs,
    statement_timeout: connection.statementMs,
    types,
  });
  // A broken connection is forgotten (the next query connects afresh); its error reaches the query that was waiting.
  client.on('error', () => drop(connection, client));
  try {
    await client.connect();
    // As the SQLite store's synchronous=NORMAL: a commit survives the client being killed; only a crash of the
    // server may undo the last few (never part of one), and a commit need not wait for the disk.
    await client.query('SET synchronous_commit TO OFF');
    // A reader (the runs UI) cannot write, whatever it is asked.
    if (connection.readonly) await client.query('SET default_transaction_read_only TO ON');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  connection.client = client;
  return client;
}

async function query(store: number, sql: string, params: readonly unknown[]): Promise<WorkerAnswer> {
  const connection = connections.get(store);
  const ends = /^\s*(COMMIT|ROLLBACK)\s*$/i.test(sql);
  if (connection?.lost) {
    // The rest of a transaction must not land on a new connection, outside it: the server rolled it back.
    if (!ends) throw new Error('the connection broke inside a transaction, which the server rolled back');
    connection.lost = false;
    connection.inTransaction = false;
    return { rows: [], changes: 0 };
  }
  const client = await clientOf(store);
  if (connection && ends) connection.inTransaction = false;
  if (connection && /^\s*BEGIN\b/i.test(sql)) connection.inTransaction = true;
  try {
    const result = await run(client, sql, params);
    // A multi-statement text (BEGIN; SELECT lock) answers with one result per statement.
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    return { rows: last.rows as Record<string, unknown>[], changes: last.rowCount ?? 0 };
  } catch (error) {
    if (!isSqlError(error)) forget(store, client);
    throw error;
  }
}

/**
 * Statements with parameters are prepared once per connection under a name (parsed and planned once: a lookup
 * then costs about a third). A statement prepared before a table gained a column may refuse to run
 * ("cached plan must not change result type"): it is then run unprepared.
 */
const names = new Map<string, string>();
const MAX_NAMES = 1000;

async function run(client: Pg.Client, sql: string, params: readonly unknown[]): Promise<Pg.QueryResult | Pg.QueryResult[]> {
  if (params.length === 0) return client.query(sql);
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_NAMES) names.set(sql, (name = `hamilton_${names.size}`));
  if (name === undefined) return client.query({ text: sql, values: params as unknown[] });
  try {
    return await client.query({ name, text: sql, values: params as unknown[] });
  } catch (error) {
    if ((error as { code?: unknown }).code !== '0A000') throw error;
    return client.query({ text: sql, values: params as unknown[] });
  }
}

/** A client whose connection failed (not a query the server refused) is closed, so the next call reconnects. */
function forget(store: number, client: Pg.Client): void {
  const connection = connections.get(store);
  if (connection) drop(connection, client);
  void client.end().catch(() => undefined);
}

function drop(connection: Connection, client: Pg.Client): void {
  if (connection.client !== client) return;
  connection.client = undefined;
  if (connection.inTransaction) connection.lost = true;
}

async function handle(request: WorkerRequest): Promise<WorkerAnswer> {
  switch (request.op) {
    case 'open': {
      connections.set(request.store, {
        url: request.url,
        connectMs: request.connectMs,
        statementMs: request.statementMs,
        readonly: request.readonly,
        client: undefined,
        inTransaction: false,
        lost: false,
      });
      try {
        if (request.readonly) await query(request.store, 'SELECT 1 FROM runs LIMIT 1', []);
        else {
          await query(request.store, `BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`, []);
          for (const statement of request.schema) await query(request.store, statement, []);
          await query(request.store, 'COMMIT', []);
        }
      } catch (error) {
        const connection = connections.get(request.store);
        connections.delete(request.store);
        await connection?.client?.end().catch(() => undefined);
        throw error;
      }
      return { rows: [], changes: 0 };
    }
    case 'query':
      return query(request.store, request.sql, request.params);
    case 'batch': {
      let changes = 0;
      for (const row of request.rows) changes += (await query(request.store, request.sql, row)).changes;
      return { rows: [], changes };
    }
    case 'close': {
      const connection = connections.get(request.store);
      connections.delete(request.store);
      await connection?.client?.end().catch(() => undefined);
      return { rows: [], changes: 0 };
    }
  }
}

runAsWorker(handle);
