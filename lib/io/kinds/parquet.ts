import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { arrow } from '../../dataframe/arrow.js';
import { HamiltonError } from '../../errors/index.js';
import { fileUri, readBytes, writeAtomically } from '../files.js';
import type { IoContext, IoKind, Loaded } from '../kind.js';
import { IoMessages } from '../messages.js';
import { contentHash, ioMetadata, type IoMetadata } from '../metadata.js';
import { arrowSchema, toArrowTable } from './arrow-tables.js';
import { stringArgument } from './arguments.js';
import { parquetWasm } from './optional.js';

/** Arguments of the parquet and arrow kinds. */
export interface FileArgs {
  readonly path: string;
}

/** Parquet through parquet-wasm (Rust's parquet crate in WebAssembly), to and from Arrow tables. */
export const parquetKind: IoKind<FileArgs> = {
  name: 'parquet',
  location: 'path',
  load: (args: FileArgs, { node }: IoContext): Loaded => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `parquet loader '${node}'`, "{ path: 'data/spend.parquet' }");
    const bytes = readBytes(path, node);
    const a = arrow(IoMessages.arrowNeededFor);
    let table;
    try {
      table = a.tableFromIPC(parquetWasm().readParquet(bytes).intoIPCStream());
    } catch (error) {
      throw new HamiltonError(IoMessages.badData(node, 'parquet', fileUri(path), '', String((error as Error)?.message ?? error)), { cause: error });
    }
    const metadata = ioMetadata(
      {
        operation: 'load',
        kind: 'parquet',
        uri: fileUri(path),
        format: 'parquet',
        rows: table.numRows,
        schema: arrowSchema(table),
        bytes: bytes.length,
        contentHash: contentHash(bytes),
      },
      started,
    );
    return [table, metadata];
  },
  save: (data: unknown, args: FileArgs, { node }: IoContext): IoMetadata => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `parquet saver '${node}'`, "{ path: 'out/features.parquet' }");
    const table = toArrowTable(data, node, 'parquet');
    const a = arrow(IoMessages.arrowNeededFor);
    const wasm = parquetWasm();
    const bytes = wasm.writeParquet(wasm.Table.fromIPCStream(a.tableToIPC(table, 'stream')));
    const size = writeAtomically(path, (temporary) => writeFileSync(temporary, bytes), node);
    return ioMetadata(
      {
        operation: 'save',
        kind: 'parquet',
        uri: fileUri(path),
        format: 'parquet',
        rows: table.numRows,
        schema: arrowSchema(table),
        bytes: size,
        contentHash: contentHash(bytes),
      },
      started,
    );
  },
};

/** Arrow IPC files (Feather v2) through apache-arrow. */
export const arrowKind: IoKind<FileArgs> = {
  name: 'arrow',
  location: 'path',
  load: (args: FileArgs, { node }: IoContext): Loaded => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `arrow loader '${node}'`, "{ path: 'data/spend.arrow' }");
    const bytes = readBytes(path, node);
    let table;
    try {
      table = arrow(IoMessages.arrowNeededFor).tableFromIPC(bytes);
    } catch (error) {
      throw new HamiltonError(IoMessages.badData(node, 'arrow', fileUri(path), '', String((error as Error)?.message ?? error)), { cause: error });
    }
    const metadata = ioMetadata(
      {
        operation: 'load',
        kind: 'arrow',
        uri: fileUri(path),
        format: 'arrow',
        rows: table.numRows,
        schema: arrowSchema(table),
        bytes: bytes.length,
        contentHash: contentHash(bytes),
      },
      started,
    );
    return [table, metadata];
  },
  save: (data: unknown, args: FileArgs, { node }: IoContext): IoMetadata => {
    const started = performance.now();
    const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `arrow saver '${node}'`, "{ path: 'out/features.arrow' }");
    const table = toArrowTable(data, node, 'arrow');
    const bytes = arrow(IoMessages.arrowNeededFor).tableToIPC(table, 'file');
    const size = writeAtomically(path, (temporary) => writeFileSync(temporary, bytes), node);
    return ioMetadata(
      {
        operation: 'save',
        kind: 'arrow',
        uri: fileUri(path),
        format: 'arrow',
        rows: table.numRows,
        schema: arrowSchema(table),
        bytes: size,
        contentHash: contentHash(bytes),
      },
      started,
    );
  },
};
