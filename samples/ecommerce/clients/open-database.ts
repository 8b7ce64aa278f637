import * as os from 'node:os';
import * as path from 'node:path';
import { PostgresClient } from './postgres-client.js';
import type { SqlClient } from './sql-client.js';
import { SqliteClient } from './sqlite-client.js';

/** Where the embedded default keeps its SQLite file when no directory is given. */
export const DEFAULT_DATA_DIR = path.join(os.tmpdir(), 'hamilton-ts-ecommerce');

/** Which database an entry point uses: PostgreSQL when a connection string is given, else a SQLite file. */
export interface DatabaseChoice {
  readonly postgresUrl?: string;
  readonly dataDir?: string;
}

export function openDatabase(choice: DatabaseChoice): SqlClient {
  if (choice.postgresUrl) return new PostgresClient(choice.postgresUrl);
  return new SqliteClient(path.join(choice.dataDir ?? DEFAULT_DATA_DIR, 'shop.sqlite'));
}

/** What to print about a database (never the password of a connection string). */
export function describeDatabase(choice: DatabaseChoice): string {
  if (!choice.postgresUrl) return `SQLite ${path.join(choice.dataDir ?? DEFAULT_DATA_DIR, 'shop.sqlite')}`;
  const url = new URL(choice.postgresUrl);
  return `PostgreSQL ${url.host}${url.pathname}`;
}
