import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { HamiltonError } from '../errors/index.js';
import { requireOptional } from '../errors/optional-package.js';
import { ADDED_COLUMNS, SCHEMA } from './schema.js';
import { Store, StoreBackend, type StoreStatement } from './store-base.js';
import { StoreMessages } from './store-messages.js';
import { isPostgresUrl } from './store-url.js';

/** The default folder of the cache and run records, as Hamilton's `.hamilton_cache/`. */
export const DEFAULT_STORE_PATH = '.hamilton_cache';
/** The SQLite file inside the store's folder. */
export const DATABASE_FILE = 'hamilton.sqlite';

type Database = BetterSqlite3.Database;
type DatabaseConstructor = typeof BetterSqlite3;

let sqlite: DatabaseConstructor | undefined;

/** How long opening a store waits for other processes opening or writing it. */
const OPEN_TIMEOUT_MS = 10_000;

/**
 * Runs `work` again while SQLite answers SQLITE_BUSY, until `timeoutMs`: switching a new database to WAL takes an
 * exclusive lock and SQLite refuses it at once, without its busy timeout, while another process opens the same
 * new store. The schema statements are idempotent, so running them again is safe.
 */
function whileBusy(work: () => void, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      work();
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 5 + Math.random() * 20);
    }
  }
}

class SqliteBackend extends StoreBackend {
  readonly location: string;
  readonly resultsPath: string;
  override readonly db: Database;
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
      this.db = new sqlite(file, { timeout: OPEN_TIMEOUT_MS, readonly, fileMustExist: readonly });
      if (readonly) {
        this.db.prepare('SELECT 1 FROM runs LIMIT 1').all();
        return;
      }
      // NORMAL in WAL mode: a commit survives the process being killed; only a power loss may undo the last ones.
      this.db.pragma('synchronous = NORMAL');
      whileBusy(() => {
        this.db.pragma('journal_mode = WAL');
        this.db.exec(SCHEMA);
        this.transaction(() => this.addMissingColumns());
      }, OPEN_TIMEOUT_MS);
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
 * per-node records, through better-sqlite3, an optional peer) and `results/`, the cached values too large for their
 * row as files named by their data version. The database runs in WAL mode, so several processes can share one store: readers never
 * wait for a writer, and every write that must land together is one transaction. Open it once and pass it to
 * `Builder.withCache({ store })` and `new RunTracker({ store })` to have both in one place.
 */
export class SQLiteStore extends Store {
  constructor(folder: string = DEFAULT_STORE_PATH, options: SQLiteStoreOptions = {}) {
    if (typeof folder !== 'string' || folder.length === 0) throw new HamiltonError(StoreMessages.badStorePath(folder));
    if (isPostgresUrl(folder)) throw new HamiltonError(StoreMessages.urlForSqlite(folder.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1@')));
    super(new SqliteBackend(folder, options?.readonly === true));
  }
}
