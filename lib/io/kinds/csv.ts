import { performance } from 'node:perf_hooks';
import { HamiltonError } from '../../errors/index.js';
import { fileUri, readBytes, readError, writeTextAtomically } from '../files.js';
import type { IoContext, IoKind, Loaded } from '../kind.js';
import { IoMessages } from '../messages.js';
import { contentHash, fileMetadata, type IoMetadata } from '../metadata.js';
import { columnsOf, recordsOf, schemaOfColumns, schemaOfRows, type Row } from '../tabular.js';
import { stringArgument } from './arguments.js';
import { streamCsv } from './csv-stream.js';
import { csvParse, csvStringify } from './optional.js';

/** Arguments of the csv kind. */
export interface CsvArgs {
  readonly path: string;
  /** Field delimiter (`,` by default). */
  readonly delimiter?: string;
  /** Numbers as numbers (csv-parse's `cast`; other fields stay text); `true` by default. */
  readonly cast?: boolean;
}

const EXAMPLE = "{ path: 'data/spend.csv' }";

/** CSV through csv-parse (a header row names the columns; rows come back as objects) and csv-stringify. */
export const csvKind: IoKind<CsvArgs, Row[]> = {
  name: 'csv',
  location: 'path',
  load: (args: CsvArgs, { node, async }: IoContext): Loaded<Row[]> | Promise<Loaded<Row[]>> => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `csv loader '${node}'`, EXAMPLE);
    const options = parseOptions(args);
    // Under the AsyncDriver the file is streamed (chunks parsed between turns of the event loop); the sync
    // Driver refuses a promise, so it parses the bytes at once. Both give the same rows and metadata.
    if (async === true) {
      const failed = { read: (error: Error) => readError(path, node, error), parse: (error: Error) => badCsv(node, path, error) };
      return streamCsv(path, options, failed).then(({ rows, bytes, contentHash }) => [rows, loadMetadata(path, rows, bytes, contentHash, started)]);
    }
    const bytes = readBytes(path, node);
    let rows: Row[];
    try {
      rows = csvParse().parse<Row>(bytes, options);
    } catch (error) {
      throw badCsv(node, path, error);
    }
    return [rows, loadMetadata(path, rows, bytes.length, contentHash(bytes), started)];
  },
  save: (data: unknown, args: CsvArgs, { node }: IoContext): IoMetadata => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `csv saver '${node}'`, EXAMPLE);
    const columns = columnsOf(data, node, 'csv');
    const text = csvStringify().stringify(recordsOf(columns), {
      header: true,
      columns: [...columns.names],
      delimiter: args.delimiter ?? ',',
      cast: { date: (d) => d.toISOString() },
    });
    const { bytes, contentHash: hash } = writeTextAtomically(path, text, node);
    return fileMetadata('save', 'csv', path, { rows: columns.length, schema: schemaOfColumns(columns) }, bytes, hash, started);
  },
};

/** csv-parse's options for a load: a header row names the columns. */
function parseOptions(args: CsvArgs): { columns: true; cast: boolean; delimiter: string; skip_empty_lines: true } {
  return { columns: true, cast: args.cast ?? true, delimiter: args.delimiter ?? ',', skip_empty_lines: true };
}

/** The record of a load, the same whichever way the file was read. */
function loadMetadata(path: string, rows: Row[], bytes: number, hash: string, started: number): IoMetadata {
  return fileMetadata('load', 'csv', path, { rows: rows.length, schema: schemaOfRows(rows.slice(0, 1)) }, bytes, hash, started);
}

/** csv-parse's error, with the line and column it reports, as an error naming the loader and the file. */
function badCsv(node: string, path: string, error: unknown): HamiltonError {
  const { lines, column, message } = error as { lines?: number; column?: number | string; message?: string };
  return new HamiltonError(IoMessages.badData(node, 'csv', fileUri(path), IoMessages.at(lines, column), String(message)), { cause: error });
}
