import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { HamiltonError } from '../errors/index.js';
import { requireOptional } from '../errors/optional-package.js';
import { ADDED_COLUMNS, SCHEMA } from './schema.js';
import { StoreMessages } from './store-messages.js';
import { isPostgresUrl } from './store-url.js';

/** The default folder of the cache and run records, as Hamilton's `.hamilton_cache/`. */
export const DEFAULT_STORE_PATH = '.hamilton_cache';
/** The SQLite file inside the store's folder. */
export const DATABASE_FILE = 'hamilton.sqlite';

type Database = BetterSqlite3.Database;
type DatabaseConstructor = typeof BetterSqlite3;

let sqlite: DatabaseConstructor | undefined;

/** A statement of the store, in SQLite's dialect, as better-sqlite3 runs it. */
export interface StoreStatement {
  /** The first row, or undefined. */
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { readonly changes: number };
}

/** @internal What a store runs its SQL on: SQLite here, PostgreSQL in postgres-store.ts. */
export abstract class StoreBackend {
  /** Where the store is, as messages name it (a folder, or a URL without its password). */
  abstract readonly location: string;
  /** The folder result files are written to. */
  abstract readonly resultsPath: string;
  abstract prepare(sql: string): StoreStatement;
  abstract transaction<T>(work: () => T): T;
  /** Runs one statement for each row of parameters, in one call (the tracker writes thousands of node records). */
  abstract runEach(sql: string, rows: readonly (readonly unknown[])[]): number;
  /** The columns a table has now (older stores may lack later ones). */
  abstract columns(table: string): string[];
  abstract close(): void;
}

class SqliteBackend extends StoreBackend {
  readonly location: string;
  readonly resultsPath: string;
  readonly db: Database;
  private readonly prepared = new Map<string, BetterSqlite3.Statement>();

  constructor(folder: string, readonly: boolean) {
    super();
    this.location = path.resolve(folder);
    this.resultsPath = path.join(this.location, 'results');
    if (!readonly) mkdirSync(this.resultsPath, { recursive: true });
    sqlite ??= requireOptional<DatabaseConstructor>('better-sqlite3', StoreMessages.neededFor);
    try {
      // Read only, the database file itself may be given instead of its folder.
      const file = readonly && statSync(this.location, { throwIfNoEntry: false })?.isFile() ? this.location : path.join(this.location, DATABASE_FILE);
      this.db = new sqlite(file, { timeout: 10_000, readonly, fileMustExist: readonly });
      if (readonly) {
        this.db.prepare('SELECT 1 FROM runs LIMIT 1').all();
        return;
      }
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives the process being killed; only a power loss may undo the last ones.
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA);
      this.transaction(() => this.addMissingColumns());
    } catch (error) {
      throw new HamiltonError(StoreMessages.storeUnusable(this.location, (error as Error).message), { cause: error });
    }
  }

  prepare(sql: string): StoreStatement {
    return this.db.prepare(sql);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  runEach(sql: string, rows: readonly (readonly unknown[])[]): number {
    let statement = this.prepared.get(sql);
    if (!statement) this.prepared.set(sql, (statement = this.db.prepare(sql)));
    let changes = 0;
    for (const row of rows) changes += statement.run(...row).changes;
    return changes;
  }

  columns(table: string): string[] {
    return (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  }

  close(): void {
    this.db.close();
  }

  private addMissingColumns(): void {
    for (const { table, column, type } of ADDED_COLUMNS) {
      if (!this.columns(table).includes(column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
  }
}

/** How a SQLite store is opened. */
export interface SQLiteStoreOptions {
  /** Read only (the runs UI): the database (the folder or its file) must exist; nothing is created or written. */
  readonly readonly?: boolean;
}

/**
 * One store for the cache and the run tracker: a folder holding a SQLite file (metadata: cache entries, runs,
 * per-node records, through better-sqlite3, an optional peer) and `results/`, the cached values as files named
 * by their data version. The database runs in WAL mode, so several processes can share one store: readers never
 * wait for a writer, and every write that must land together is one transaction. Open it once and pass it to
 * `Builder.withCache({ store })` and `new RunTracker({ store })` to have both in one place.
 *
 * Callers write SQL in SQLite's dialect; `PostgresStore` extends this class and translates the same SQL for
 * PostgreSQL, so anything that takes a SQLiteStore takes a PostgresStore.
 */
export class SQLiteStore {
  /** Where the store is: its folder (or, for a PostgresStore, its URL without the password). */
  readonly path: string;
  /** @internal */
  protected readonly backend: StoreBackend;
  private closed = false;
  private readonly statements = new Map<string, StoreStatement>();

  constructor(folder: string | StoreBackend = DEFAULT_STORE_PATH, options: SQLiteStoreOptions = {}) {
    if (folder instanceof StoreBackend) this.backend = folder;
    else {
      if (typeof folder !== 'string' || folder.length === 0) throw new HamiltonError(StoreMessages.badStorePath(folder));
      if (isPostgresUrl(folder)) throw new HamiltonError(StoreMessages.urlForSqlite(folder.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1@')));
      this.backend = new SqliteBackend(folder, options?.readonly === true);
    }
    this.path = this.backend.location;
  }

  /** @internal The SQLite database (specs and tools that need SQLite itself; a PostgresStore has none). */
  get db(): Database {
    if (this.backend instanceof SqliteBackend) return this.backend.db;
    throw new HamiltonError(StoreMessages.noSqliteDatabase(this.path));
  }

  /** The folder of result files. */
  get resultsPath(): string {
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
