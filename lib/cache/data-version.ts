import type { Hash } from 'node:crypto';
import { isDataFrame, isSeries } from '../dataframe/danfo.js';
import { CacheMessages } from './messages.js';
import { digestOf, newHash } from './hash.js';
import { arrowIpcOf } from './arrow.js';
import { allNumbers } from './raw-columns.js';

/** A value's data version, or why it has none (the node is then not cached for that run). */
export type DataVersion = { readonly ok: true; readonly version: string } | { readonly ok: false; readonly reason: string };

/** Nesting beyond this is not versioned: a deeper value fails closed rather than hashing a placeholder. */
export const MAX_DEPTH = 64;

/**
 * The data version of a value: a hash over a type-tagged encoding that includes the schema (the type, the
 * length or shape, a typed array's element type, a frame's columns, dtypes and index), so `1`, `'1'`, `[1]`
 * and `Int32Array [1]` differ, and so do two frames that differ only in a column name.
 *
 * Fails closed: a value any part of which cannot be versioned (a function, a symbol, a class instance whose
 * state the encoding cannot see, a cycle, nesting deeper than {@link MAX_DEPTH}) has no version at all, never
 * one that merely looks valid (what made Hamilton's cache return stale results, its issues #1242 and #1715).
 */
export function dataVersion(value: unknown): DataVersion {
  // A getter read while encoding could ask for another version: that one gets a block of its own.
  const shared = !blockInUse;
  blockInUse = true;
  try {
    const writer = new HashWriter(newHash(), shared ? BLOCK : Buffer.allocUnsafe(BLOCK.length));
    const failure = encode(value, writer, 0, []);
    if (failure !== undefined) return { ok: false, reason: failure };
    return { ok: true, version: writer.finish() };
  } finally {
    if (shared) blockInUse = false;
  }
}

const enum Tag {
  Undefined = 1,
  Null,
  False,
  True,
  Number,
  BigInt,
  String,
  Date,
  Array,
  Object,
  Map,
  Set,
  TypedArray,
  ArrayBuffer,
  RegExp,
  Series,
  DataFrame,
  Arrow,
}

/** Returns undefined when encoded, else why the value cannot be versioned. */
function encode(value: unknown, out: HashWriter, depth: number, path: readonly object[]): string | undefined {
  switch (typeof value) {
    case 'undefined':
      return out.tag(Tag.Undefined);
    case 'boolean':
      return out.tag(value ? Tag.True : Tag.False);
    case 'number':
      out.tag(Tag.Number);
      return out.float(value);
    case 'bigint':
      out.tag(Tag.BigInt);
      return out.string(value.toString());
    case 'string':
      out.tag(Tag.String);
      return out.string(value);
    case 'function':
      return CacheMessages.unversionable.function(value.name);
    case 'symbol':
      return CacheMessages.unversionable.symbol;
  }
  if (value === null) return out.tag(Tag.Null);
  const object = value as object;
  if (depth >= MAX_DEPTH) return CacheMessages.unversionable.tooDeep(MAX_DEPTH);
  if (path.includes(object)) return CacheMessages.unversionable.cycle;
  const inner = [...path, object];
  const proto = Object.getPrototypeOf(object) as object | null;
  if (proto === Array.prototype) return encodeArray(object as unknown[], out, depth, inner);
  if (proto === Object.prototype || proto === null) return encodeObject(object as Record<string, unknown>, out, depth, inner);
  if (ArrayBuffer.isView(object)) {
    out.tag(Tag.TypedArray);
    out.string(object.constructor.name);
    return out.bytes(new Uint8Array(object.buffer, object.byteOffset, object.byteLength));
  }
  if (object instanceof ArrayBuffer) {
    out.tag(Tag.ArrayBuffer);
    return out.bytes(new Uint8Array(object));
  }
  if (object instanceof Date) {
    out.tag(Tag.Date);
    return out.float(object.getTime());
  }
  if (object instanceof RegExp) {
    out.tag(Tag.RegExp);
    out.string(object.source);
    return out.string(object.flags);
  }
  if (object instanceof Map) return encodeMap(object, out, depth, inner);
  if (object instanceof Set) {
    out.tag(Tag.Set);
    out.count(object.size);
    for (const entry of object) {
      const failure = encode(entry, out, depth + 1, inner);
      if (failure !== undefined) return failure;
    }
    return undefined;
  }
  return encodeInstance(object, out, depth, inner);
}

function encodeArray(array: readonly unknown[], out: HashWriter, depth: number, path: readonly object[]): string | undefined {
  out.tag(Tag.Array);
  out.count(array.length);
  // A column of numbers (a danfo Series' values and index): the same bytes as element by element, in one loop.
  if (allNumbers(array)) return out.numbers(array);
  for (let i = 0; i < array.length; i++) {
    const failure = encode(array[i], out, depth + 1, path);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

/** Keys sorted: `{ a, b }` and `{ b, a }` hold the same data. Symbol keys are state the encoding would miss. */
function encodeObject(object: Record<string, unknown>, out: HashWriter, depth: number, path: readonly object[]): string | undefined {
  if (Object.getOwnPropertySymbols(object).length > 0) return CacheMessages.unversionable.symbolKeys;
  const keys = Object.keys(object).sort();
  out.tag(Tag.Object);
  out.count(keys.length);
  for (const key of keys) {
    out.string(key);
    const failure = encode(object[key], out, depth + 1, path);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

function encodeMap(map: Map<unknown, unknown>, out: HashWriter, depth: number, path: readonly object[]): string | undefined {
  out.tag(Tag.Map);
  out.count(map.size);
  for (const [key, entry] of map) {
    const failure = encode(key, out, depth + 1, path) ?? encode(entry, out, depth + 1, path);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

/** danfo frames and Arrow tables by their data and schema; any other class instance fails closed. */
function encodeInstance(object: object, out: HashWriter, depth: number, path: readonly object[]): string | undefined {
  if (isSeries(object) || isDataFrame(object)) {
    out.tag(isSeries(object) ? Tag.Series : Tag.DataFrame);
    const frame = { columns: [...object.columns], dtypes: [...object.dtypes], index: [...object.index], values: object.values as unknown };
    return encodeObject(frame, out, depth, path);
  }
  const ipc = arrowIpcOf(object);
  if (ipc) {
    out.tag(Tag.Arrow);
    return out.bytes(ipc);
  }
  return CacheMessages.unversionable.instance(object.constructor?.name || 'an object with a custom prototype');
}

/** The block every call shares (allocating 64 KB per call was most of the cost of versioning a small value). */
const BLOCK = Buffer.allocUnsafe(64 * 1024);
let blockInUse = false;

/**
 * Feeds the hash in blocks: small parts (tags, numbers, short strings) are gathered in a buffer, so a large
 * array of numbers costs one native call per block rather than one per element; large byte ranges go straight in.
 */
class HashWriter {
  private used = 0;
  private readonly view: DataView;

  constructor(
    private readonly hash: Hash,
    private readonly buffer: Buffer,
  ) {
    this.view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  tag(tag: Tag): undefined {
    this.room(1);
    this.buffer[this.used++] = tag;
    return undefined;
  }

  count(n: number): undefined {
    this.room(8);
    this.buffer.writeDoubleLE(n, this.used);
    this.used += 8;
    return undefined;
  }

  /** Every NaN is one NaN; -0 stays apart from 0 (they are different values to `Object.is`). */
  float(n: number): undefined {
    return this.count(Number.isNaN(n) ? NaN : n);
  }

  /** Each number as `encode` writes one (its tag, then the double), without a call per element. */
  numbers(values: readonly number[]): undefined {
    let i = 0;
    while (i < values.length) {
      this.room(9);
      const end = Math.min(values.length, i + Math.floor((this.buffer.length - this.used) / 9));
      let at = this.used;
      for (; i < end; i++) {
        const n = values[i];
        this.buffer[at] = Tag.Number;
        // Every NaN is one NaN, as in float().
        this.view.setFloat64(at + 1, n !== n ? NaN : n, true);
        at += 9;
      }
      this.used = at;
    }
    return undefined;
  }

  string(s: string): undefined {
    const length = Buffer.byteLength(s);
    this.count(length);
    if (length > this.buffer.length) {
      this.flush();
      this.hash.update(s);
      return undefined;
    }
    this.room(length);
    this.used += this.buffer.write(s, this.used);
    return undefined;
  }

  bytes(bytes: Uint8Array): undefined {
    this.count(bytes.byteLength);
    this.flush();
    this.hash.update(bytes);
    return undefined;
  }

  finish(): string {
    this.flush();
    return digestOf(this.hash);
  }

  private room(n: number): void {
    if (this.used + n > this.buffer.length) this.flush();
  }

  private flush(): void {
    if (this.used === 0) return;
    this.hash.update(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}
