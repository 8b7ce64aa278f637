import { endianness } from 'node:os';
import { danfo, isDataFrame, isSeries, type DataFrame, type Series } from '../dataframe/danfo.js';

/**
 * The `raw` encoding: numeric columns as their bytes, the default for typed arrays and for danfo frames whose
 * values are all numbers. A V8-serialised number array costs a tag and a double per element to write and to read
 * back; a column's Float64 bytes are one copy. The layout: a 4-byte header length, the header (JSON: what the
 * bytes are, the schema, a non-default index), padding to 8 bytes, then the payload.
 */
type Header =
  | { readonly kind: 'typed'; readonly type: string; readonly endian: string }
  | {
      readonly kind: 'Series' | 'DataFrame';
      readonly endian: string;
      readonly rows: number;
      readonly width: number;
      readonly columns: string[];
      readonly dtypes: string[];
      /** Left out when the index is 0, 1, ..., n - 1 (danfo's default): rebuilding it costs as much as the values. */
      readonly index?: Array<string | number>;
    };

type TypedArrayConstructor = new (buffer: ArrayBuffer) => ArrayBufferView;

/** The typed arrays stored raw, by constructor name (a data version includes that name, so it must come back). */
const TYPED: Readonly<Record<string, TypedArrayConstructor>> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

const HOST = endianness();

/** The typed array class of a name, among the standard ones only (a stored name picks no other global). */
export function typedArrayType(name: string): TypedArrayConstructor | undefined {
  return Object.prototype.hasOwnProperty.call(TYPED, name) ? TYPED[name] : undefined;
}

/** Whether `raw` holds the value: a typed array, or a danfo frame whose values are all numbers. */
export function fitsRaw(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (ArrayBuffer.isView(value)) return typedArrayType(value.constructor.name) === value.constructor;
  // Plain data is no frame: asking danfo would load it (a second's import) in an app that never uses it.
  if (isPlainData(value)) return false;
  if (isSeries(value)) return allNumbers(value.values);
  if (isDataFrame(value)) return (value.values as unknown[][]).every((row) => allNumbers(row));
  return false;
}

/** The bytes of a value `fitsRaw` accepted. */
export function encodeRaw(value: object): Uint8Array {
  if (ArrayBuffer.isView(value)) {
    const payload = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return assemble({ kind: 'typed', type: value.constructor.name, endian: HOST }, payload);
  }
  const frame = value as Series | DataFrame;
  const series = isSeries(frame);
  const rows = series ? (frame.values as number[]) : (frame.values as number[][]);
  const width = series ? 1 : frame.columns.length;
  const numbers = new Float64Array(rows.length * width);
  if (series) numbers.set(rows as number[]);
  else (rows as number[][]).forEach((row, r) => numbers.set(row, r * width));
  const index = [...frame.index] as Array<string | number>;
  const header: Header = {
    kind: series ? 'Series' : 'DataFrame',
    endian: HOST,
    rows: rows.length,
    width,
    columns: [...frame.columns],
    dtypes: [...frame.dtypes],
    ...(isDefaultIndex(index) ? {} : { index }),
  };
  return assemble(header, new Uint8Array(numbers.buffer));
}

/** The value back from its bytes; throws on bytes it cannot read (the caller makes that a miss). */
export function decodeRaw(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  const text = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = JSON.parse(text.toString('utf8', 4, 4 + headerLength)) as Header;
  if (header.endian !== HOST) throw new Error(`raw result written on a ${header.endian} host`);
  const start = payloadStart(headerLength);
  if (header.kind === 'typed') {
    const Type = typedArrayType(header.type);
    if (!Type) throw new Error(`raw result of unknown type ${header.type}`);
    // A copy: the result owns its memory, aligned for any element type.
    return new Type(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
  const numbers = float64View(bytes, start);
  if (numbers.length !== header.rows * header.width) throw new Error('raw result of the wrong length');
  const d = danfo();
  const options = { columns: header.columns, dtypes: header.dtypes, ...(header.index ? { index: header.index } : {}) };
  if (header.kind === 'Series') return new d.Series(toArray(numbers, 0, header.rows), options);
  if (header.rows === 0) return new d.DataFrame([], { columns: header.columns });
  const data = new Array<number[]>(header.rows);
  for (let r = 0; r < header.rows; r++) data[r] = toArray(numbers, r * header.width, header.width);
  return new d.DataFrame(data, options);
}

/** The doubles from `start` on: a view when they are aligned (they are copied into plain arrays next), else a copy. */
function float64View(bytes: Uint8Array, start: number): Float64Array {
  const offset = bytes.byteOffset + start;
  const length = bytes.byteLength - start;
  if (length % 8 !== 0) throw new Error('raw result of the wrong length');
  if (offset % 8 === 0) return new Float64Array(bytes.buffer, offset, length / 8);
  return new Float64Array(bytes.buffer.slice(offset, offset + length));
}

function assemble(header: Header, payload: Uint8Array): Uint8Array {
  const text = Buffer.from(JSON.stringify(header), 'utf8');
  const start = payloadStart(text.length);
  const out = Buffer.alloc(start + payload.byteLength);
  out.writeUInt32LE(text.length, 0);
  text.copy(out, 4);
  out.set(payload, start);
  return out;
}

const payloadStart = (headerLength: number) => Math.ceil((4 + headerLength) / 8) * 8;

/** A plain array from part of a Float64Array (a loop: Array.from over a typed array is several times slower). */
function toArray(numbers: Float64Array, from: number, length: number): number[] {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) out[i] = numbers[from + i];
  return out;
}

/** An array or an object of Object's (or no) prototype. */
export function isPlainData(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Array.prototype || proto === Object.prototype || proto === null;
}

/** Whether every element is a number (a loop: this runs over every column stored or versioned). */
export function allNumbers(values: readonly unknown[]): values is readonly number[] {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'number') return false;
  return true;
}

function isDefaultIndex(index: readonly unknown[]): boolean {
  for (let i = 0; i < index.length; i++) if (index[i] !== i) return false;
  return true;
}
