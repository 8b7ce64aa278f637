/** The SQL dialects the sample's loaders run on: the same statements, with `?` placeholders, on both. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * What the feature sets need from a database. An abstract class rather than an interface, so that it can be
 * the DI token (Nest) the feature sets' constructors name. Statements use `?` placeholders; the PostgreSQL
 * client numbers them.
 */
export abstract class SqlClient {
  abstract readonly dialect: Dialect;
  /** Rows of a query, as plain objects keyed by the selected (aliased) names. */
  abstract query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement (DDL, insert, update) without rows back. */
  abstract execute(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Inserts many rows in one transaction. */
  abstract insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** Releases the connection(s). */
  abstract close(): Promise<void>;
}

/** `?, ?, ?` for an `IN (...)` list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
