import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { HamiltonError } from '../errors/index.js';
import { requireOptional } from '../errors/optional-package.js';
import { CacheMessages } from './messages.js';
import { ADDED_COLUMNS, SCHEMA } from './schema.js';

/** The default folder of the cache and run records, as Hamilton's `.hamilton_cache/`. */
export const DEFAULT_STORE_PATH = '.hamilton_cache';
/** The SQLite file inside the store's folder. */
export const DATABASE_FILE = 'hamilton.sqlite';

type Database = BetterSqlite3.Database;
type DatabaseConstructor = typeof BetterSqlite3;

let sqlite: DatabaseConstructor | undefined;

/**
 * One store for the cache and the run tracker: a folder holding a SQLite file (metadata: cache entries, runs,
 * per-node records, through better-sqlite3, an optional peer) and `results/`, the cached values as files named
 * by their data version. The database runs in WAL mode, so several processes can share one store: readers never
 * wait for a writer, and every write that must land together is one transaction. Open it once and pass it to
 * `Builder.withCache({ store })` and `new RunTracker({ store })` to have both in one place.
 */
export class SQLiteStore {
  /** The folder of the store. */
  readonly path: string;
  /** @internal The database, for the cache and the tracker. */
  readonly db: Database;
  private closed = false;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(folder: string = DEFAULT_STORE_PATH) {
    if (typeof folder !== 'string' || folder.length === 0) throw new HamiltonError(CacheMessages.badStorePath(folder));
    this.path = path.resolve(folder);
    mkdirSync(path.join(this.path, 'results'), { recursive: true });
    sqlite ??= requireOptional<DatabaseConstructor>('better-sqlite3', CacheMessages.neededFor);
    try {
      this.db = new sqlite(path.join(this.path, DATABASE_FILE), { timeout: 10_000 });
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives the process being killed; only a power loss may undo the last ones.
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA);
      this.transaction(() => addMissingColumns(this.db));
    } catch (error) {
      throw new HamiltonError(CacheMessages.storeUnusable(this.path, (error as Error).message), { cause: error });
    }
  }

  /** The folder of result files. */
  get resultsPath(): string {
    return path.join(this.path, 'results');
  }

  /** A prepared statement, made once per store: preparing costs more than running a small query. */
  statement(sql: string): BetterSqlite3.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) this.statements.set(sql, (prepared = this.db.prepare(sql)));
    return prepared;
  }

  /** Runs `work` as one transaction (all of it lands or none). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Closes the database; a closed store refuses further use. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  get isOpen(): boolean {
    return !this.closed;
  }
}

/** The store an option names: a store as it is, a folder opened as one, or the default folder. */
export function storeOf(option: SQLiteStore | string | undefined): SQLiteStore {
  if (option instanceof SQLiteStore) return option;
  return new SQLiteStore(option ?? DEFAULT_STORE_PATH);
}

function addMissingColumns(db: Database): void {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}
