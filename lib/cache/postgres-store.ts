import * as path from 'node:path';
import type * as Synckit from 'synckit';
import { HamiltonError } from '../errors/index.js';
import { requireOptional } from '../errors/optional-package.js';
import { describeValue } from '../metadata/value-types.js';
import { isSqlError } from './postgres-errors.js';
import type { WorkerAnswer, WorkerRequest } from './postgres-worker.js';
import { ADDED_COLUMNS, SCHEMA } from './schema.js';
import { manyRowUpsert, postgresSchema, postgresSql, tablesOf, type Tables } from './sql-dialect.js';
import { chunks, repeated } from './sql-lists.js';
import { Store, StoreBackend, type StoreStatement } from './store-base.js';
import { StoreMessages } from './store-messages.js';
import { isPostgresUrl } from './store-url.js';

/** How a PostgreSQL store connects. */
export interface PostgresStoreOptions {
  /** How long connecting may take before the store is called unreachable (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** How long one statement may take, waiting for locks included, before the store is called unreachable (default 60 s). */
  readonly statementTimeoutMs?: number;
  /** Read only (the runs UI): the tables must exist; nothing is created, and the session refuses writes. */
  readonly readonly?: boolean;
}

type SyncCall = (request: WorkerRequest) => WorkerAnswer;

let call: SyncCall | undefined;
let nextStore = 0;
const TABLES: Tables = tablesOf(SCHEMA, ADDED_COLUMNS);
/** Every write transaction of every process on the database takes this lock first: they run one at a time, as SQLite's do. */
const WRITE_LOCK = 0x4841_4d32;
/** Rows per statement when many are written at once (PostgreSQL takes at most 65535 parameters a statement). */
const ROWS_PER_INSERT = 200;

/**
 * The store of the cache and the run tracker on a PostgreSQL server, for runs on several machines: the metadata
 * and the cached results alike live in the database (results as `bytea`), so every machine that reaches the
 * server reads what any other stored. Queries are written once, in SQLite's dialect, and translated in
 * `sql-dialect.ts` (placeholders, upserts, column types); the worker reads BIGINT back as numbers, as SQLite gives them.
 *
 * The sync Driver looks the cache up inside `execute`, so this store answers synchronously: pg runs in a worker
 * thread and the caller waits on Atomics (synckit, an optional peer with pg). Every call is bounded: connecting by
 * `connectTimeoutMs`, a statement by `statementTimeoutMs`; past them, or when the server is down, the call fails
 * with a HamiltonError naming the server, never a hang.
 */
export class PostgresStore extends Store {
  /** The URL given, password included (not shown in messages: `path` is the URL without it). */
  readonly url: string;

  constructor(url: string, options: PostgresStoreOptions = {}) {
    super(new PostgresBackend(url, options));
    this.url = url;
  }
}

/** Where a URL points, as messages name it: `postgres://user@host:port/database`, without the password. */
function locationOf(url: string): { location: string; server: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HamiltonError(StoreMessages.badPostgresUrl(JSON.stringify(url)));
  }
  if (!isPostgresUrl(url) || parsed.hostname === '') throw new HamiltonError(StoreMessages.badPostgresUrl(JSON.stringify(url)));
  const server = `${parsed.hostname}:${parsed.port || '5432'}`;
  const user = parsed.username ? `${parsed.username}@` : '';
  return { location: `postgres://${user}${server}${parsed.pathname}`, server };
}

class PostgresBackend extends StoreBackend {
  readonly location: string;
  /** None: a file on one machine is of no use to the others, so every result lives in its row (a bytea). */
  readonly resultsPath = undefined;
  private readonly server: string;
  private readonly id = ++nextStore;
  private depth = 0;
  private open = true;

  constructor(url: string, options: PostgresStoreOptions) {
    super();
    if (typeof url !== 'string') throw new HamiltonError(StoreMessages.badPostgresUrl(describeValue(url)));
    ({ location: this.location, server: this.server } = locationOf(url));
    const connectMs = checkedTimeout(options.connectTimeoutMs, 5_000);
    const statementMs = checkedTimeout(options.statementTimeoutMs, 60_000);
    call ??= startWorker(connectMs + statementMs);
    this.send({
      op: 'open',
      store: this.id,
      url,
      connectMs,
      statementMs,
      readonly: options.readonly === true,
      schema: postgresSchema(SCHEMA, ADDED_COLUMNS),
    });
  }

  prepare(sql: string): StoreStatement {
    const text = postgresSql(sql, TABLES);
    const rows = manyRowUpsert(sql, TABLES);
    const query = (params: unknown[]) => {
      const unique = rows?.lastOfEachKey(params);
      if (unique) return this.send({ op: 'query', store: this.id, sql: postgresSql(rows!.sqlFor(unique.length), TABLES), params: unique.flat() });
      return this.send({ op: 'query', store: this.id, sql: text, params });
    };
    return {
      get: (...params) => rowsOf(query(params))[0],
      all: (...params) => rowsOf(query(params)),
      run: (...params) => ({ changes: query(params).changes }),
    };
  }

  transaction<T>(work: () => T): T {
    const depth = this.depth;
    const savepoint = `hamilton_${depth}`;
    this.command(depth === 0 ? `BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})` : `SAVEPOINT ${savepoint}`);
    this.depth++;
    try {
      const result = work();
      this.command(depth === 0 ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      try {
        this.command(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}`);
      } catch {
        // The connection is gone, and the transaction with it: the server rolled it back.
      }
      throw error;
    } finally {
      this.depth = depth;
    }
  }

  runEach(sql: string, rows: readonly (readonly unknown[])[]): number {
    const tuple = /^(\s*INSERT\s+(?:OR\s+(?:REPLACE|IGNORE)\s+)?INTO\s+\w+\s*\([^)]*\)\s*VALUES\s*)(\(\s*\?(?:\s*,\s*\?)*\s*\))\s*;?\s*$/i.exec(sql);
    if (!tuple) return this.send({ op: 'batch', store: this.id, sql: postgresSql(sql, TABLES), rows: rows.map((row) => [...row]) }).changes;
    // One statement of many rows per chunk: a round trip per ROWS_PER_INSERT rows, not per row.
    let changes = 0;
    for (const chunk of chunks(rows, ROWS_PER_INSERT)) {
      changes += this.prepare(`${tuple[1]}${repeated(tuple[2], chunk.length)}`).run(...chunk.flat()).changes;
    }
    return changes;
  }

  columns(table: string): string[] {
    const rows = this.send({
      op: 'query',
      store: this.id,
      sql: 'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
      params: [table],
    }).rows;
    return rows.map((row) => String(row.name)).filter((name) => name !== 'rowid');
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.send({ op: 'close', store: this.id });
    } catch {
      // Closing a store whose server is gone has nothing left to close.
    }
  }

  private command(sql: string): void {
    this.send({ op: 'query', store: this.id, sql, params: [] });
  }

  private send(request: WorkerRequest): WorkerAnswer {
    if (!this.open && request.op !== 'close') throw new HamiltonError(StoreMessages.postgresClosed(this.location));
    try {
      return call!(request);
    } catch (error) {
      const why = (error as Error)?.message ?? String(error);
      const refused = isSqlError(error);
      if (refused && request.op !== 'open') throw new HamiltonError(StoreMessages.postgresFailed(this.location, why), { cause: error });
      if (request.op === 'open') this.open = false;
      if (refused) throw new HamiltonError(StoreMessages.postgresNotAStore(this.location, why), { cause: error });
      throw new HamiltonError(StoreMessages.postgresUnreachable(`${this.server} (${this.location})`, why), { cause: error });
    }
  }
}

function checkedTimeout(given: unknown, fallback: number): number {
  if (given === undefined) return fallback;
  if (typeof given !== 'number' || !Number.isFinite(given) || given <= 0) throw new HamiltonError(StoreMessages.badTimeout(describeValue(given)));
  return given;
}

function startWorker(timeoutMs: number): SyncCall {
  requireOptional<unknown>('pg', StoreMessages.postgresNeededFor);
  const synckit = requireOptional<typeof Synckit>('synckit', StoreMessages.postgresNeededFor);
  const worker = path.join(__dirname, __filename.endsWith('.ts') ? 'postgres-worker.ts' : 'postgres-worker.js');
  return synckit.createSyncFn<(request: WorkerRequest) => Promise<WorkerAnswer>>(worker, { timeout: timeoutMs });
}

/** Rows as better-sqlite3 gives them: bytes as Buffers (they cross the thread as plain Uint8Arrays). */
function rowsOf(answer: WorkerAnswer): Record<string, unknown>[] {
  for (const row of answer.rows) {
    for (const [key, value] of Object.entries(row)) {
      if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return answer.rows;
}
