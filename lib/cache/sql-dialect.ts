/**
 * The one place SQLite's SQL becomes PostgreSQL's. The cache and the tracker write the subset both databases
 * accept (`?` placeholders, `INSERT OR REPLACE` / `INSERT OR IGNORE` into tables with a declared primary key,
 * `LIMIT -1`, `rowid`); this module rewrites it for PostgreSQL, so no query is written twice.
 */
import { placeholders, repeated } from './sql-lists.js';

/** A table as the schema declares it: its columns in order and its primary key. */
export interface TableShape {
  readonly columns: readonly string[];
  readonly key: readonly string[];
}

export type Tables = ReadonlyMap<string, TableShape>;

/** SQLite's column types and PostgreSQL's: times are milliseconds (past 32 bits), values are bytes. */
const TYPES: Readonly<Record<string, string>> = { INTEGER: 'BIGINT', REAL: 'DOUBLE PRECISION', BLOB: 'BYTEA', TEXT: 'TEXT' };

/** The tables of a schema in SQLite's dialect (`CREATE TABLE IF NOT EXISTS` statements), with added columns. */
export function tablesOf(schema: string, added: readonly { readonly table: string; readonly column: string }[] = []): Map<string, TableShape> {
  const tables = new Map<string, TableShape>();
  for (const match of schema.matchAll(/CREATE TABLE IF NOT EXISTS (\w+) \(([\s\S]*?)\n\);/g)) {
    const columns: string[] = [];
    let key: string[] = [];
    for (const line of match[2].split('\n').map((l) => l.trim().replace(/,$/, ''))) {
      if (line === '') continue;
      const composite = /^PRIMARY KEY \(([^)]+)\)$/.exec(line);
      if (composite) {
        key = composite[1].split(',').map((c) => c.trim());
        continue;
      }
      const name = line.split(/\s+/)[0];
      columns.push(name);
      if (/\bPRIMARY KEY\b/.test(line)) key = [name];
    }
    tables.set(match[1], { columns, key });
  }
  for (const { table, column } of added) {
    const shape = tables.get(table);
    if (shape && !shape.columns.includes(column)) tables.set(table, { ...shape, columns: [...shape.columns, column] });
  }
  return tables;
}

/**
 * The schema's statements for PostgreSQL: column types mapped, and every table given the `rowid` SQLite gives it
 * implicitly (a `BIGSERIAL`: queries order by it to keep insertion order within a millisecond).
 */
export function postgresSchema(
  schema: string,
  added: readonly { readonly table: string; readonly column: string; readonly type: string }[],
): string[] {
  const statements = schema
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((statement) => {
      if (!statement.startsWith('CREATE TABLE')) return statement;
      return statement
        .replace(/\(\n/, '(\n  rowid BIGSERIAL,\n')
        .replace(/^(\s*\w+ )(INTEGER|REAL|BLOB|TEXT)\b/gm, (_all, head: string, type: string) => `${head}${TYPES[type]}`);
    });
  for (const { table, column, type } of added) statements.push(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${TYPES[type] ?? type}`);
  return statements;
}

/** Thrown for SQL outside the shared subset (an upsert into a table without a primary key): a programming error. */
export class DialectError extends Error {}

/** One statement in SQLite's dialect, rewritten for PostgreSQL. */
export function postgresSql(sql: string, tables: Tables): string {
  let text = numberedPlaceholders(sql);
  text = text.replace(/\bLIMIT\s+-1\b/gi, 'LIMIT ALL');
  // PostgreSQL folds unquoted names to lower case: an alias such as lastStored keeps its case only when quoted.
  text = text.replace(/\bAS\s+([A-Za-z_]\w*)\b/g, (all, alias: string) => (/[A-Z]/.test(alias) ? `AS "${alias}"` : all));
  const upsert = /^\s*INSERT\s+OR\s+(REPLACE|IGNORE)\s+INTO\s+(\w+)\s*\(([^)]*)\)/i.exec(text);
  if (!upsert) return text;
  const [head, mode, table, columnList] = upsert;
  const body = `INSERT INTO ${table} (${columnList})${text.slice(head.length)}`.replace(/;\s*$/, '');
  if (mode.toUpperCase() === 'IGNORE') return `${body} ON CONFLICT DO NOTHING`;
  const shape = tables.get(table);
  if (!shape || shape.key.length === 0) throw new DialectError(`INSERT OR REPLACE into ${table}, which has no declared primary key`);
  const given = new Set(columnList.split(',').map((c) => c.trim()));
  // SQLite's REPLACE deletes the old row: columns the statement does not name go back to their default.
  const assignments = shape.columns.filter((c) => !shape.key.includes(c)).map((c) => (given.has(c) ? `${c} = EXCLUDED.${c}` : `${c} = DEFAULT`));
  const conflict = `ON CONFLICT (${shape.key.join(', ')})`;
  return assignments.length === 0 ? `${body} ${conflict} DO NOTHING` : `${body} ${conflict} DO UPDATE SET ${assignments.join(', ')}`;
}

/**
 * SQLite's REPLACE of several rows with one key keeps the last; PostgreSQL refuses an upsert that touches a row
 * twice. For an `INSERT OR REPLACE ... VALUES (?, ...), (?, ...)` this keeps the last row of each key first.
 */
export function manyRowUpsert(
  sql: string,
  tables: Tables,
): { lastOfEachKey(params: readonly unknown[]): unknown[][] | undefined; sqlFor(rows: number): string } | undefined {
  const match = /^\s*INSERT\s+OR\s+REPLACE\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*((?:\(\s*\?(?:\s*,\s*\?)*\s*\)\s*,?\s*)+)$/i.exec(sql);
  if (!match) return undefined;
  const [, table, columnList, values] = match;
  const tuples = (values.match(/\(/g) ?? []).length;
  const columns = columnList.split(',').map((c) => c.trim());
  const key = (tables.get(table)?.key ?? []).map((k) => columns.indexOf(k));
  if (tuples < 2 || key.length === 0 || key.includes(-1)) return undefined;
  const tuple = `(${placeholders(columns.length)})`;
  return {
    lastOfEachKey: (params) => {
      const rows = Array.from({ length: params.length / columns.length }, (_, i) => params.slice(i * columns.length, (i + 1) * columns.length));
      const last = new Map(rows.map((row, i) => [JSON.stringify(key.map((k) => row[k])), i]));
      if (last.size === rows.length) return undefined;
      const kept = new Set(last.values());
      return rows.filter((_, i) => kept.has(i));
    },
    sqlFor: (count) => `INSERT OR REPLACE INTO ${table} (${columnList}) VALUES ${repeated(tuple, count)}`,
  };
}

/** `?` -> `$1`, `$2`, ... outside string literals and quoted names. */
function numberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | undefined;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  return out;
}
