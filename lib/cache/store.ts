import { PostgresStore } from './postgres-store.js';
import { DEFAULT_STORE_PATH, SQLiteStore } from './sqlite-store.js';
import { Store } from './store-base.js';
import { isPostgresUrl } from './store-url.js';

export { DATABASE_FILE, DEFAULT_STORE_PATH, SQLiteStore, type SQLiteStoreOptions } from './sqlite-store.js';
export { Store, type StoreStatement } from './store-base.js';
export { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { isPostgresUrl } from './store-url.js';

/**
 * The store an option names: a store as it is, a `postgres://` URL opened as a PostgresStore, a folder opened as
 * a SQLite store, or the default folder.
 */
export function storeOf(option: Store | string | undefined): Store {
  if (option instanceof Store) return option;
  if (isPostgresUrl(option)) return new PostgresStore(option);
  return new SQLiteStore(option ?? DEFAULT_STORE_PATH);
}
