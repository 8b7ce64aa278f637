import { performance } from 'node:perf_hooks';
import { HamiltonError } from '../../errors/index.js';
import type { IoContext, IoKind, Loaded } from '../kind.js';
import { IoMessages } from '../messages.js';
import { contentHash, ioMetadata, type IoMetadata } from '../metadata.js';
import { columnsOf, schemaOfColumns, schemaOfRows, type Row } from '../tabular.js';
import { optionalString, stringArgument } from './arguments.js';
import { pg } from './optional.js';
import { bindable, createTable, quotedColumn, quotedTable, type TableArgs } from './sql.js';

/** Arguments of the postgres kind: a connection string and a table (or, to load, a query). */
export interface PostgresArgs extends TableArgs {
  readonly url: string;
}

const EXAMPLE = "{ url: process.env.DATABASE_URL, table: 'orders' }";
const ROWS_PER_INSERT = 500;

/** `postgres://host:port/db#table`, without the password. */
function uriOf(url: string, table: string | undefined): string {
  let shown: string;
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.username = '';
    shown = parsed.href;
  } catch {
    shown = 'postgres://(connection string)';
  }
  return `${shown}${table === undefined ? '' : `#${table}`}`;
}

/** PostgreSQL through pg (asynchronous: use it with the AsyncDriver): a query to rows, a table from rows in one transaction. */
export const postgresKind: IoKind<PostgresArgs, Row[]> = {
  name: 'postgres',
  location: 'table',
  load: async (args: PostgresArgs, { node }: IoContext): Promise<Loaded<Row[]>> => {
    const started = performance.now();
    const use = `postgres loader '${node}'`;
    const record = args as unknown as Record<string, unknown>;
    const url = stringArgument(record, 'url', use, EXAMPLE);
    const table = optionalString(record, 'table', use);
    const query = optionalString(record, 'query', use);
    if (table === undefined && query === undefined) throw new HamiltonError(IoMessages.needsLocation(use, ['table', 'query']));
    const sql = query ?? `SELECT * FROM ${quotedTable(table!, use)}`;
    const client = new (pg().Client)({ connectionString: url });
    let rows: Row[];
    try {
      await client.connect();
      rows = (await client.query(sql)).rows as Row[];
    } catch (error) {
      throw new HamiltonError(IoMessages.readFailed(node, uriOf(url, table), (error as Error).message), { cause: error });
    } finally {
      await client.end().catch(() => undefined);
    }
    return [
      rows,
      ioMetadata(
        {
          operation: 'load',
          kind: 'postgres',
          uri: uriOf(url, table),
          format: 'postgres',
          rows: rows.length,
          schema: schemaOfRows(rows.slice(0, 1)),
          contentHash: contentHash(JSON.stringify(rows)),
        },
        started,
      ),
    ];
  },
  save: async (data: unknown, args: PostgresArgs, { node }: IoContext): Promise<IoMetadata> => {
    const started = performance.now();
    const use = `postgres saver '${node}'`;
    const record = args as unknown as Record<string, unknown>;
    const url = stringArgument(record, 'url', use, EXAMPLE);
    const table = stringArgument(record, 'table', use, EXAMPLE);
    const quoted = quotedTable(table, use);
    const columns = columnsOf(data, node, 'postgres');
    const client = new (pg().Client)({ connectionString: url });
    try {
      await client.connect();
      await client.query('BEGIN');
      if (args.mode !== 'append') await client.query(`DROP TABLE IF EXISTS ${quoted}`);
      await client.query(createTable(quoted, columns, 'postgres').replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'));
      const names = columns.names.map(quotedColumn).join(', ');
      for (let start = 0; start < columns.length; start += ROWS_PER_INSERT) {
        const end = Math.min(columns.length, start + ROWS_PER_INSERT);
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (let i = start; i < end; i++) {
          tuples.push(`(${columns.names.map((_, c) => `$${values.push(bindable(columns.columns[c][i], 'postgres'))}`).join(', ')})`);
        }
        await client.query(`INSERT INTO ${quoted} (${names}) VALUES ${tuples.join(', ')}`, values);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new HamiltonError(IoMessages.writeFailed(node, uriOf(url, table), (error as Error).message), { cause: error });
    } finally {
      await client.end().catch(() => undefined);
    }
    return ioMetadata(
      { operation: 'save', kind: 'postgres', uri: uriOf(url, table), format: 'postgres', rows: columns.length, schema: schemaOfColumns(columns) },
      started,
    );
  },
};
