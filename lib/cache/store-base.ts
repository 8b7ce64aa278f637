import type BetterSqlite3 from 'better-sqlite3';
import { HamiltonError } from '../errors/index.js';
import { StoreMessages } from './store-messages.js';

type Database = BetterSqlite3.Database;

/** A statement of the store, in SQLite's dialect, as better-sqlite3 runs it. */
export interface StoreStatement {
  /** The first row, or undefined. */
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { readonly changes: number };
}

/** @internal What a store runs its SQL on: SQLite in sqlite-store.ts, PostgreSQL in postgres-store.ts. */
export abstract class StoreBackend {
  /** Where the store is, as messages name it (a folder, or a URL without its password). */
  abstract readonly location: string;
  /** The folder large results are written to as files, or undefined where every result lives in its row. */
  abstract readonly resultsPath: string | undefined;
  abstract prepare(sql: string): StoreStatement;
  abstract transaction<T>(work: () => T): T;
  /** Runs one statement for each row of parameters, in one call (the tracker writes thousands of node records). */
  abstract runEach(sql: string, rows: readonly (readonly unknown[])[]): number;
  /** The columns a table has now (older stores may lack later ones). */
  abstract columns(table: string): string[];
  abstract close(): void;
  /** The SQLite database, for a SQLite store. */
  readonly db?: Database;
}

/**
 * The store of the cache and the run tracker: `SQLiteStore` (a folder, the embedded default) or `PostgresStore`
 * (a server several machines share). Callers write SQL once, in SQLite's dialect; a PostgresStore translates it.
 * Anything that takes a store takes either.
 */
export abstract class Store {
  /** Where the store is: its folder (or, for a PostgresStore, its URL without the password). */
  readonly path: string;
  /** @internal */
  protected readonly backend: StoreBackend;
  private closed = false;
  private readonly statements = new Map<string, StoreStatement>();

  protected constructor(backend: StoreBackend) {
    this.backend = backend;
    this.path = backend.location;
  }

  /** @internal The SQLite database (specs and tools that need SQLite itself; a PostgresStore has none). */
  get db(): Database {
    if (this.backend.db) return this.backend.db;
    throw new HamiltonError(StoreMessages.noSqliteDatabase(this.path));
  }

  /** The folder of large result files, or undefined where results live in the database (PostgreSQL). */
  get resultsPath(): string | undefined {
    return this.backend.resultsPath;
  }
  /** A prepared statement, made once per store: preparing costs more than running a small query. */
  statement(sql: string): StoreStatement {
    let prepared = this.statements.get(sql);
    if (!prepared) this.statements.set(sql, (prepared = this.backend.prepare(sql)));
    return prepared;
  }

  /** Runs `work` as one transaction (all of it lands or none); stores' write transactions run one at a time. */
  transaction<T>(work: () => T): T {
    return this.backend.transaction(work);
  }

  /** Runs one statement once per row of parameters (in one round trip where the database is remote); the rows changed. */
  runEach(sql: string, rows: readonly (readonly unknown[])[]): number {
    return rows.length === 0 ? 0 : this.backend.runEach(sql, rows);
  }

  /** The columns a table of the store has (a store written by an older version may lack later ones). */
  columnsOf(table: string): string[] {
    return this.backend.columns(table);
  }

  /** Closes the database; a closed store refuses further use. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.backend.close();
  }

  get isOpen(): boolean {
    return !this.closed;
  }
}
