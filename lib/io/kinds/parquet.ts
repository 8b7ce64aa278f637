import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { arrow, type ArrowTable } from '../../dataframe/arrow.js';
import { HamiltonError } from '../../errors/index.js';
import { fileUri, readBytes, writeAtomically } from '../files.js';
import type { IoContext, IoKind, Loaded } from '../kind.js';
import { IoMessages } from '../messages.js';
import { contentHash, fileMetadata, type IoMetadata } from '../metadata.js';
import { arrowSchema, toArrowTable } from './arrow-tables.js';
import { stringArgument } from './arguments.js';
import { parquetWasm } from './optional.js';

/** Arguments of the parquet and arrow kinds. */
export interface FileArgs {
  readonly path: string;
}

/** A kind whose file is one Arrow table in some binary encoding: only decoding and encoding differ. */
function tableFileKind(
  name: string,
  decode: (bytes: Uint8Array) => ArrowTable,
  encode: (table: ArrowTable) => Uint8Array,
): IoKind<FileArgs, ArrowTable> {
  const example = `{ path: 'data/spend.${name}' }`;
  const record = (operation: 'load' | 'save', path: string, table: ArrowTable, bytes: number, content: Uint8Array, started: number) =>
    fileMetadata(operation, name, path, { rows: table.numRows, schema: arrowSchema(table) }, bytes, contentHash(content), started);
  return {
    name,
    location: 'path',
    load: (args: FileArgs, { node }: IoContext): Loaded<ArrowTable> => {
      const started = performance.now();
      const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `${name} loader '${node}'`, example);
      const bytes = readBytes(path, node);
      let table: ArrowTable;
      try {
        table = decode(bytes);
      } catch (error) {
        throw new HamiltonError(IoMessages.badData(node, name, fileUri(path), '', String((error as Error)?.message ?? error)), { cause: error });
      }
      return [table, record('load', path, table, bytes.length, bytes, started)];
    },
    save: (data: unknown, args: FileArgs, { node }: IoContext): IoMetadata => {
      const started = performance.now();
      const path = stringArgument(args as unknown as Record<string, unknown>, 'path', `${name} saver '${node}'`, example);
      const table = toArrowTable(data, node, name);
      const bytes = encode(table);
      const size = writeAtomically(path, (temporary) => writeFileSync(temporary, bytes), node);
      return record('save', path, table, size, bytes, started);
    },
  };
}

/** Parquet through parquet-wasm (Rust's parquet crate in WebAssembly), to and from Arrow tables. */
export const parquetKind: IoKind<FileArgs, ArrowTable> = tableFileKind(
  'parquet',
  (bytes) => arrow(IoMessages.arrowNeededFor).tableFromIPC(parquetWasm().readParquet(bytes).intoIPCStream()),
  (table) => {
    const wasm = parquetWasm();
    return wasm.writeParquet(wasm.Table.fromIPCStream(arrow(IoMessages.arrowNeededFor).tableToIPC(table, 'stream')));
  },
);

/** Arrow IPC files (Feather v2) through apache-arrow. */
export const arrowKind: IoKind<FileArgs, ArrowTable> = tableFileKind(
  'arrow',
  (bytes) => arrow(IoMessages.arrowNeededFor).tableFromIPC(bytes),
  (table) => arrow(IoMessages.arrowNeededFor).tableToIPC(table, 'file'),
);
