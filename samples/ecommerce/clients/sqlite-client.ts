import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { SqlClient } from './sql-client.js';

/** The embedded default: a SQLite file (better-sqlite3, synchronous underneath, wrapped in promises). */
export class SqliteClient extends SqlClient {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  // Prepared once per statement text: the real-time lookups repeat a handful of statements.
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly file: string) {
    super();
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
  }

  async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.statement(sql).all(...params) as T[];
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<void> {
    // Without parameters, exec() runs scripts of several statements (the schema).
    if (params.length === 0) this.db.exec(sql);
    else this.statement(sql).run(...params);
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    const insert = this.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    this.db.transaction(() => {
      for (const row of rows) insert.run(...row);
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size < 256) this.statements.set(sql, statement);
    }
    return statement;
  }
}
