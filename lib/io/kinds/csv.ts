import { performance } from 'node:perf_hooks';
import { HamiltonError } from '../../errors/index.js';
import { fileUri, readBytes, writeAtomically } from '../files.js';
import type { IoContext, IoKind, Loaded } from '../kind.js';
import { IoMessages } from '../messages.js';
import { contentHash, ioMetadata, type IoMetadata } from '../metadata.js';
import { columnsOf, recordsOf, schemaOfColumns, schemaOfRows, type Row } from '../tabular.js';
import { stringArgument } from './arguments.js';
import { csvParse, csvStringify } from './optional.js';
import { writeFileSync } from 'node:fs';

/** Arguments of the csv kind. */
export interface CsvArgs {
  readonly path: string;
  /** Field delimiter (`,` by default). */
  readonly delimiter?: string;
  /** Numbers, booleans and dates as such (csv-parse's `cast`); `true` by default. */
  readonly cast?: boolean;
}

const EXAMPLE = "{ path: 'data/spend.csv' }";

/** CSV through csv-parse (a header row names the columns; rows come back as objects) and csv-stringify. */
export const csvKind: IoKind<CsvArgs> = {
  name: 'csv',
  location: 'path',
  load: (args: CsvArgs, { node }: IoContext): Loaded<Row[]> => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `csv loader '${node}'`, EXAMPLE);
    const bytes = readBytes(path, node);
    let rows: Row[];
    try {
      rows = csvParse().parse<Row>(bytes, { columns: true, cast: args.cast ?? true, delimiter: args.delimiter ?? ',', skip_empty_lines: true });
    } catch (error) {
      throw badCsv(node, path, error);
    }
    const metadata: IoMetadata = ioMetadata(
      {
        operation: 'load',
        kind: 'csv',
        uri: fileUri(path),
        format: 'csv',
        rows: rows.length,
        schema: schemaOfRows(rows.slice(0, 1)),
        bytes: bytes.length,
        contentHash: contentHash(bytes),
      },
      started,
    );
    return [rows, metadata];
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
    const bytes = writeAtomically(path, (temporary) => writeFileSync(temporary, text), node);
    return ioMetadata(
      {
        operation: 'save',
        kind: 'csv',
        uri: fileUri(path),
        format: 'csv',
        rows: columns.length,
        schema: schemaOfColumns(columns),
        bytes,
        contentHash: contentHash(text),
      },
      started,
    );
  },
};

/** csv-parse's error, with the line and column it reports, as an error naming the loader and the file. */
function badCsv(node: string, path: string, error: unknown): HamiltonError {
  const { lines, column, message } = error as { lines?: number; column?: number | string; message?: string };
  return new HamiltonError(IoMessages.badData(node, 'csv', fileUri(path), IoMessages.at(lines, column), String(message)), { cause: error });
}
