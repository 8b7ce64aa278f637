import { isArrowTable, isArrowVector } from '../dataframe/arrow.js';
import { isDataFrame } from '../dataframe/danfo.js';
import { HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';
import { IoMessages } from './messages.js';
import type { ColumnSchema } from './metadata.js';

/** A row of a table: column name -> value. */
export type Row = Record<string, unknown>;

/** A table seen column by column, whatever it came as. */
export interface Columns {
  readonly names: readonly string[];
  readonly columns: readonly ArrayLike<unknown>[];
  readonly length: number;
}

/**
 * The table in `data`: rows (an array of objects), a record of equal-length columns (arrays, typed arrays, Arrow
 * vectors), an Arrow Table or a danfo DataFrame. Anything else is a `HamiltonError` naming the saver.
 */
export function columnsOf(data: unknown, node: string, kind: string): Columns {
  if (isArrowTable(data)) {
    const names = data.schema.fields.map((f) => f.name);
    return { names, columns: names.map((name) => data.getChild(name)!.toArray() as ArrayLike<unknown>), length: data.numRows };
  }
  if (Array.isArray(data)) return columnsOfRows(data, node, kind);
  if (data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    const entries = Object.entries(data as Record<string, unknown>);
    if (entries.length > 0 && entries.every(([, column]) => isColumn(column))) {
      const columns = entries.map(([, column]) =>
        isArrowVector(column) ? (column.toArray() as ArrayLike<unknown>) : (column as ArrayLike<unknown>),
      );
      const length = columns[0].length;
      entries.forEach(([name], i) => {
        if (columns[i].length !== length) throw new HamiltonError(IoMessages.raggedColumns(node, name, columns[i].length, length));
      });
      return { names: entries.map(([name]) => name), columns, length };
    }
  }
  // Last: asking whether a value is a danfo frame loads danfo (about a second) the first time.
  if (isDataFrame(data)) {
    const names = data.columns;
    return { names, columns: names.map((name) => data.column(name).values as unknown[]), length: data.shape[0] };
  }
  throw new HamiltonError(IoMessages.notTabular(node, kind, describeValue(data)));
}

function isColumn(value: unknown): boolean {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView)) || isArrowVector(value);
}

function columnsOfRows(rows: readonly unknown[], node: string, kind: string): Columns {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row === null || typeof row !== 'object' || Array.isArray(row))
      throw new HamiltonError(IoMessages.notTabular(node, kind, `an array holding ${describeValue(row)}`));
    for (const key of Object.keys(row)) {
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(key);
    }
  }
  const columns = names.map((name) => rows.map((row) => (row as Row)[name]));
  return { names, columns, length: rows.length };
}

/** The table as rows (objects), the shape JSON, SQL inserts and CSV parsers use. */
export function rowsOf(data: unknown, node: string, kind: string): Row[] {
  if (Array.isArray(data) && data.every((row) => row !== null && typeof row === 'object' && !Array.isArray(row))) return data as Row[];
  const { names, columns, length } = columnsOf(data, node, kind);
  const rows: Row[] = new Array<Row>(length);
  for (let i = 0; i < length; i++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][i];
    rows[i] = row;
  }
  return rows;
}

/** The table as arrays of values in column order, with the header apart (what CSV writers take). */
export function recordsOf({ columns, length }: Columns): unknown[][] {
  const records: unknown[][] = new Array<unknown[]>(length);
  for (let i = 0; i < length; i++) {
    const record = new Array<unknown>(columns.length);
    for (let c = 0; c < columns.length; c++) record[c] = columns[c][i];
    records[i] = record;
  }
  return records;
}

/** Column names and the JavaScript types of their first present values (`number`, `string`, `Date`, ...). */
export function schemaOfRows(rows: readonly Row[]): ColumnSchema[] {
  if (rows.length === 0) return [];
  const { names, columns } = columnsOfRows(rows, '', '');
  return names.map((name, i) => ({ name, type: typeOfColumn(columns[i]) }));
}

/** The schema of a table given as columns. */
export function schemaOfColumns({ names, columns }: Columns): ColumnSchema[] {
  return names.map((name, i) => ({ name, type: typeOfColumn(columns[i]) }));
}

function typeOfColumn(column: ArrayLike<unknown>): string {
  if (ArrayBuffer.isView(column)) return column.constructor.name;
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (value === null || value === undefined) continue;
    return typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
  }
  return 'null';
}
