import { HamiltonError } from '../../errors/index.js';
import { IoMessages } from '../messages.js';
import type { Columns } from '../tabular.js';

/** Where a SQL kind reads or writes: a table (or, to load, a query), and how a save treats the table. */
export interface TableArgs {
  readonly table?: string;
  readonly query?: string;
  /** Saving: `replace` (the default) drops and recreates the table, `append` adds rows. */
  readonly mode?: 'replace' | 'append';
}

/** `"schema"."table"` for a plain table name; anything else could be SQL and is refused, naming the use. */
export function quotedTable(table: string, use: string): string {
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/.test(table)) throw new HamiltonError(IoMessages.badTableName(use, table));
  return table
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}

/** A quoted column name (double quotes doubled). */
export function quotedColumn(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The SQL type of a column from its values: integers, reals, booleans, text (dates as ISO text). */
export function sqlTypeOf(column: ArrayLike<unknown>, dialect: 'sqlite' | 'postgres'): string {
  let type: 'integer' | 'real' | 'boolean' | 'text' | undefined;
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (value === null || value === undefined) continue;
    const next =
      typeof value === 'bigint'
        ? 'integer'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'integer'
            : 'real'
          : typeof value === 'boolean'
            ? 'boolean'
            : 'text';
    type =
      type === undefined || type === next
        ? next
        : (type === 'integer' && next === 'real') || (type === 'real' && next === 'integer')
          ? 'real'
          : 'text';
  }
  if (dialect === 'sqlite') return { integer: 'INTEGER', real: 'REAL', boolean: 'INTEGER', text: 'TEXT', none: 'TEXT' }[type ?? 'none'];
  return { integer: 'BIGINT', real: 'DOUBLE PRECISION', boolean: 'BOOLEAN', text: 'TEXT', none: 'TEXT' }[type ?? 'none'];
}

/** `CREATE TABLE t ("a" REAL, ...)`. */
export function createTable(quoted: string, { names, columns }: Columns, dialect: 'sqlite' | 'postgres'): string {
  return `CREATE TABLE ${quoted} (${names.map((name, i) => `${quotedColumn(name)} ${sqlTypeOf(columns[i], dialect)}`).join(', ')})`;
}

/** A value as a SQL driver binds it: dates as ISO text; for SQLite booleans as 0/1. */
export function bindable(value: unknown, dialect: 'sqlite' | 'postgres'): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (dialect === 'sqlite' && typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
