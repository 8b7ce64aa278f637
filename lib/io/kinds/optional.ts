import type * as CsvParse from 'csv-parse/sync';
import type * as CsvParseStream from 'csv-parse';
import type * as CsvStringify from 'csv-stringify/sync';
import type * as ParquetWasm from 'parquet-wasm/node';
import type BetterSqlite3 from 'better-sqlite3';
import type * as Pg from 'pg';
import { Messages } from '../../constants/messages.js';
import { requireOptional } from '../../errors/optional-package.js';
import { IoMessages } from '../messages.js';

/** The optional libraries behind the kinds, each loaded on first use with a MissingPackageError naming it. */
const cache = new Map<string, unknown>();

function load<T>(module: string, pkg: string, kind: string): T {
  let loaded = cache.get(module) as T | undefined;
  if (loaded === undefined) {
    loaded = requireOptional<T>(module, IoMessages.neededFor(kind), Messages.optionalPackage.plainInstall(pkg));
    cache.set(module, loaded);
  }
  return loaded;
}

export const csvParse = (): typeof CsvParse => load('csv-parse/sync', 'csv-parse', 'csv');
export const csvParseStream = (): typeof CsvParseStream => load('csv-parse', 'csv-parse', 'csv');
export const csvStringify = (): typeof CsvStringify => load('csv-stringify/sync', 'csv-stringify', 'csv');
export const parquetWasm = (): typeof ParquetWasm => load('parquet-wasm/node', 'parquet-wasm', 'parquet');
export const betterSqlite3 = (): typeof BetterSqlite3 => load('better-sqlite3', 'better-sqlite3', 'sqlite');
export const pg = (): typeof Pg => load('pg', 'pg', 'postgres');
