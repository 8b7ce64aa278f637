/** The messages of the stores (SQLite and PostgreSQL): each says what happened and what to do. */
export const StoreMessages = {
  neededFor: 'The cache and the run tracker (their SQLite store)',
  postgresNeededFor: 'A PostgreSQL store (new PostgresStore(url))',
  badStorePath: (given: unknown) => `A store's folder must be a non-empty string (a path such as '.hamilton_cache'), not ${String(given)}.`,
  storeUnusable: (folder: string, why: string) =>
    `The store in ${folder} cannot be opened: ${why}. Check that the folder is writable and that its hamilton.sqlite ` +
    `is a database written by hamilton-ts (or remove the folder to start afresh).`,
  urlForSqlite: (url: string) => `new SQLiteStore() takes a folder, not the URL ${url}: open it with new PostgresStore(url).`,
  noSqliteDatabase: (where: string) => `The store at ${where} is a PostgreSQL store: it has no SQLite database; use store.statement(sql).`,
  badPostgresUrl: (given: string) => `new PostgresStore(url) takes a URL such as 'postgres://user:password@host:5432/database', not ${given}.`,
  postgresUnreachable: (where: string, why: string) =>
    `The PostgreSQL store at ${where} cannot be reached: ${why}. Check that the server runs, that host and port are right ` +
    `and that the database exists and accepts this user.`,
  postgresNotAStore: (where: string, why: string) =>
    `The PostgreSQL database at ${where} cannot be used as a hamilton-ts store: ${why}. Check the database name, and that ` +
    `the user may create tables in it (a read-only reader needs a store a driver or tracker has written).`,
  postgresFailed: (where: string, why: string) => `The PostgreSQL store at ${where} refused a statement: ${why}.`,
  badTimeout: (given: string) => `new PostgresStore(url, { connectTimeoutMs, statementTimeoutMs }) takes milliseconds above 0, not ${given}.`,
  postgresClosed: (where: string) => `The PostgreSQL store at ${where} was closed; open a new PostgresStore to use it again.`,
} as const;
