import { isPostgresUrl, PostgresStore } from './postgres-store.js';
import { DEFAULT_STORE_PATH, SQLiteStore } from './sqlite-store.js';

export { DATABASE_FILE, DEFAULT_STORE_PATH, SQLiteStore, type SQLiteStoreOptions, type StoreStatement } from './sqlite-store.js';
export { isPostgresUrl, PostgresStore, type PostgresStoreOptions } from './postgres-store.js';

/**
 * The store an option names: a store as it is, a `postgres://` URL opened as a PostgresStore, a folder opened as
 * a SQLite store, or the default folder.
 */
export function storeOf(option: SQLiteStore | string | undefined): SQLiteStore {
  if (option instanceof SQLiteStore) return option;
  if (isPostgresUrl(option)) return new PostgresStore(option);
  return new SQLiteStore(option ?? DEFAULT_STORE_PATH);
}
