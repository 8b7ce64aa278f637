import { addIoKind } from '../kind.js';
import { csvKind } from './csv.js';
import { jsonKind, jsonlKind } from './json.js';
import { arrowKind, parquetKind } from './parquet.js';
import { postgresKind } from './postgres.js';
import { sqliteKind } from './sqlite.js';

export type { CsvArgs } from './csv.js';
export type { JsonArgs } from './json.js';
export type { FileArgs } from './parquet.js';
export type { PostgresArgs } from './postgres.js';
export type { SqliteArgs } from './sqlite.js';

/** The built-in kinds, registered once when lib/io is first loaded. */
export const BUILT_IN_KINDS = {
  csv: csvKind,
  json: jsonKind,
  jsonl: jsonlKind,
  parquet: parquetKind,
  arrow: arrowKind,
  sqlite: sqliteKind,
  postgres: postgresKind,
};

for (const kind of Object.values(BUILT_IN_KINDS)) addIoKind(kind as Parameters<typeof addIoKind>[0], { replace: true });
