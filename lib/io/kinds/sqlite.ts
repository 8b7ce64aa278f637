import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IoContext, IoKind, Loaded } from '../kind.js';
import { IoMessages } from '../messages.js';
import { contentHash, ioMetadata, type IoMetadata } from '../metadata.js';
import { columnsOf, schemaOfColumns, schemaOfRows, type Row } from '../tabular.js';
import { optionalString, stringArgument } from './arguments.js';
import { betterSqlite3 } from './optional.js';
import { bindable, createTable, quotedColumn, quotedTable, type TableArgs } from './sql.js';
import { HamiltonError } from '../../errors/index.js';

/** Arguments of the sqlite kind: a database file and a table (or, to load, a query). */
export interface SqliteArgs extends TableArgs {
  readonly path: string;
}

const EXAMPLE = "{ path: 'data/shop.sqlite', table: 'orders' }";

function uriOf(path: string, table: string | undefined): string {
  return `sqlite://${resolve(path)}${table === undefined ? '' : `#${table}`}`;
}

/** SQLite through better-sqlite3 (the embedded default): rows as objects; a save is one transaction. */
export const sqliteKind: IoKind<SqliteArgs, Row[]> = {
  name: 'sqlite',
  location: 'table',
  load: (args: SqliteArgs, { node }: IoContext): Loaded<Row[]> => {
    const started = performance.now();
    const use = `sqlite loader '${node}'`;
    const record = args as unknown as Record<string, unknown>;
    const path = stringArgument(record, 'path', use, EXAMPLE);
    const table = optionalString(record, 'table', use);
    const query = optionalString(record, 'query', use);
    if (table === undefined && query === undefined) throw new HamiltonError(IoMessages.needsLocation(use, ['table', 'query']));
    const Database = betterSqlite3();
    let rows: Row[];
    try {
      const db = new Database(path, { readonly: true, fileMustExist: true });
      try {
        rows = db.prepare(query ?? `SELECT * FROM ${quotedTable(table!, use)}`).all() as Row[];
      } finally {
        db.close();
      }
    } catch (error) {
      if (error instanceof HamiltonError) throw error;
      throw new HamiltonError(IoMessages.readFailed(node, uriOf(path, table), (error as Error).message), { cause: error });
    }
    return [
      rows,
      ioMetadata(
        {
          operation: 'load',
          kind: 'sqlite',
          uri: uriOf(path, table),
          format: 'sqlite',
          rows: rows.length,
          schema: schemaOfRows(rows.slice(0, 1)),
          contentHash: contentHash(JSON.stringify(rows)),
        },
        started,
      ),
    ];
  },
  save: (data: unknown, args: SqliteArgs, { node }: IoContext): IoMetadata => {
    const started = performance.now();
    const use = `sqlite saver '${node}'`;
    const record = args as unknown as Record<string, unknown>;
    const path = stringArgument(record, 'path', use, EXAMPLE);
    const table = stringArgument(record, 'table', use, EXAMPLE);
    const quoted = quotedTable(table, use);
    const columns = columnsOf(data, node, 'sqlite');
    const Database = betterSqlite3();
    const db = new Database(path);
    try {
      db.transaction(() => {
        if (args.mode !== 'append') db.exec(`DROP TABLE IF EXISTS ${quoted}`);
        db.exec(createTable(quoted, columns, 'sqlite').replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'));
        const statement = db.prepare(
          `INSERT INTO ${quoted} (${columns.names.map(quotedColumn).join(', ')}) VALUES (${columns.names.map(() => '?').join(', ')})`,
        );
        const values = new Array<unknown>(columns.names.length);
        for (let i = 0; i < columns.length; i++) {
          for (let c = 0; c < values.length; c++) values[c] = bindable(columns.columns[c][i], 'sqlite');
          statement.run(values);
        }
      })();
    } catch (error) {
      throw new HamiltonError(IoMessages.writeFailed(node, uriOf(path, table), (error as Error).message), { cause: error });
    } finally {
      db.close();
    }
    return ioMetadata(
      { operation: 'save', kind: 'sqlite', uri: uriOf(path, table), format: 'sqlite', rows: columns.length, schema: schemaOfColumns(columns) },
      started,
    );
  },
};
