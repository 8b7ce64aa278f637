import type * as Arrow from 'apache-arrow';
import { arrow, isArrowTable, isArrowVector } from '../dataframe/arrow.js';
import { danfo, isDataFrame, isSeries, type DataFrame, type Series } from '../dataframe/danfo.js';
import { parquetWasm } from '../io/kinds/optional.js';
import { CacheMessages } from './messages.js';
import { typedArrayType } from './raw-columns.js';

/**
 * The `arrow` (Arrow IPC) and `parquet` cache formats. Both hold one Arrow table, preceded by a byte saying what
 * it stands for: an Arrow table as it is, an Arrow vector (the table's one column), a typed array, or a danfo
 * Series or DataFrame (its columns, with the names, dtypes and index in the table's schema metadata).
 */
const enum Kind {
  Table = 1,
  Vector,
  Typed,
  Series,
  DataFrame,
}

/** The schema metadata key of what a typed array or danfo frame needs to come back as it was. */
const SHAPE_KEY = 'hamilton-ts.cache';

interface Shape {
  readonly type?: string;
  readonly columns?: string[];
  readonly dtypes?: string[];
  readonly index?: Array<string | number>;
}

/** Why an Arrow-based format cannot hold the value at all (any value of its type), or undefined when it can. */
export function arrowUnfit(value: unknown): string | undefined {
  if (isArrowTable(value) || isArrowVector(value) || isSeries(value) || isDataFrame(value)) return undefined;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof Uint8ClampedArray) && value.constructor !== Buffer)
    return undefined;
  return CacheMessages.formats.arrowHolds;
}

/** Arrow IPC (stream) bytes of a value `arrowUnfit` accepted. */
export function encodeArrow(value: unknown): Uint8Array {
  const [kind, table] = tableOf(value);
  return withKind(kind, arrowModule().tableToIPC(table, 'stream'));
}

export function decodeArrow(bytes: Uint8Array): unknown {
  return fromTable(bytes[0], arrowModule().tableFromIPC(bytes.subarray(1)));
}

/** Parquet bytes (parquet-wasm, an optional peer) of a value `arrowUnfit` accepted. */
export function encodeParquet(value: unknown): Uint8Array {
  const [kind, table] = tableOf(value);
  const wasm = parquetWasm();
  return withKind(kind, wasm.writeParquet(wasm.Table.fromIPCStream(arrowModule().tableToIPC(table, 'stream'))));
}

export function decodeParquet(bytes: Uint8Array): unknown {
  const ipc = parquetWasm().readParquet(bytes.subarray(1)).intoIPCStream();
  return fromTable(bytes[0], arrowModule().tableFromIPC(ipc));
}

function arrowModule(): typeof Arrow {
  return arrow(CacheMessages.formats.arrowNeededFor);
}

function withKind(kind: Kind, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.byteLength + 1);
  out[0] = kind;
  out.set(bytes, 1);
  return out;
}

function tableOf(value: unknown): [Kind, Arrow.Table] {
  const a = arrowModule();
  if (isArrowTable(value)) return [Kind.Table, value];
  if (isArrowVector(value)) return [Kind.Vector, new a.Table({ values: value })];
  if (isSeries(value) || isDataFrame(value)) return frameTable(value);
  const typed = value as ArrayBufferView;
  const table = new a.Table({ values: a.makeVector(typed as Float64Array) });
  return [Kind.Typed, withShape(table, { type: typed.constructor.name })];
}

/** A danfo frame's columns as an Arrow table: columns c0, c1, ... (danfo's names need not be unique strings). */
function frameTable(frame: Series | DataFrame): [Kind, Arrow.Table] {
  const a = arrowModule();
  const series = isSeries(frame);
  const rows = frame.values as unknown[];
  const width = series ? 1 : frame.columns.length;
  const children: Record<string, Arrow.Vector> = {};
  for (let c = 0; c < width; c++) {
    const column = series ? rows : (rows as unknown[][]).map((row) => row[c]);
    children[`c${c}`] = column.every((v) => typeof v === 'number') ? a.makeVector(Float64Array.from(column)) : a.vectorFromArray(column);
  }
  const shape: Shape = { columns: [...frame.columns], dtypes: [...frame.dtypes], index: [...frame.index] as Array<string | number> };
  return [series ? Kind.Series : Kind.DataFrame, withShape(new a.Table(children), shape)];
}

function withShape(table: Arrow.Table, shape: Shape): Arrow.Table {
  const a = arrowModule();
  const schema = new a.Schema(table.schema.fields, new Map([[SHAPE_KEY, JSON.stringify(shape)]]));
  return new a.Table(schema, table.batches);
}

function fromTable(kind: Kind, table: Arrow.Table): unknown {
  if (kind === Kind.Table) return table;
  if (kind === Kind.Vector) return table.getChild('values');
  const text = table.schema.metadata.get(SHAPE_KEY);
  if (text === undefined) throw new Error('an Arrow cache result without its shape');
  const shape = JSON.parse(text) as Shape;
  if (kind === Kind.Typed) {
    const Type = typedArrayType(shape.type ?? '');
    if (!Type) throw new Error(`an Arrow cache result of unknown type ${String(shape.type)}`);
    const values = table.getChild('values')!.toArray() as ArrayBufferView;
    if (!ArrayBuffer.isView(values)) throw new Error('an Arrow cache result whose column is not a typed array');
    // A copy: the column is a view into the IPC bytes.
    return new Type(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength) as ArrayBuffer);
  }
  const columns = table.schema.fields.map((_, c) => plainColumn(table.getChild(`c${c}`)!));
  const d = danfo();
  const options = { columns: shape.columns, dtypes: shape.dtypes, index: shape.index };
  if (kind === Kind.Series) return new d.Series(columns[0], options);
  if (table.numRows === 0) return new d.DataFrame([], { columns: shape.columns });
  const data = Array.from({ length: table.numRows }, (_, r) => columns.map((column) => column[r]));
  return new d.DataFrame(data, options);
}

function plainColumn(vector: Arrow.Vector): unknown[] {
  const values = vector.toArray() as ArrayLike<unknown>;
  const out = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}
