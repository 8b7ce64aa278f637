import * as v8 from 'node:v8';
import { isArrowTable, isArrowVector } from '../dataframe/arrow.js';
import { frameFromTransfer, frameToTransfer, type FrameTransfer } from '../dataframe/transfer.js';
import { arrowIpcOf } from './arrow.js';
import { arrowUnfit, decodeArrow, decodeParquet, encodeArrow, encodeParquet } from './arrow-format.js';
import { decodeRaw, encodeRaw, fitsRaw, isPlainData } from './raw-columns.js';

/**
 * The formats a node can ask for with `@cache({ format })`:
 * - `v8`: V8's serialisation, any value the cache versions;
 * - `json`: readable text (a value JSON cannot hold exactly, such as -0, NaN, undefined or a Date, is not stored);
 * - `arrow`: Arrow IPC, for typed arrays, Arrow vectors and tables and danfo frames (needs apache-arrow);
 * - `parquet`: the same values as Parquet (needs parquet-wasm and apache-arrow).
 */
export type CacheFormat = 'v8' | 'json' | 'arrow' | 'parquet';

export const CACHE_FORMATS: readonly CacheFormat[] = ['v8', 'json', 'arrow', 'parquet'];

/**
 * How a result's bytes are laid out: a format, or `raw` (numeric columns as their bytes), the default for typed
 * arrays and danfo frames of numbers when no format is asked for.
 */
export type Encoding = CacheFormat | 'raw';

/**
 * The layout version written beside each result (`v8.1`): results written before results were checked when
 * stored (plain `v8` or `json`) are checked again when read.
 */
const LAYOUT = 1;

/** A value's bytes and their encoding. */
export interface Encoded {
  readonly encoding: Encoding;
  readonly bytes: Uint8Array;
  /** Whether the bytes give the value back exactly by construction (a typed array's own bytes): no check needed. */
  readonly exact: boolean;
}

/** The name stored in the results table for an encoding. */
export const storedName = (encoding: Encoding): string => `${encoding}.${LAYOUT}`;

/** The encoding of a stored name, and whether results of that name were checked when stored. */
export function encodingOf(stored: string): { readonly encoding: Encoding; readonly checked: boolean } | undefined {
  const [name, layout] = stored.split('.');
  if (!(ENCODINGS as readonly string[]).includes(name)) return undefined;
  return { encoding: name as Encoding, checked: layout === String(LAYOUT) };
}

const ENCODINGS: readonly Encoding[] = [...CACHE_FORMATS, 'raw'];

/**
 * Why a format can never hold a value of this type (a plain object as Parquet), or undefined when it can. Whether
 * it holds this particular value exactly is checked when it is stored.
 */
export function unfitReason(value: unknown, format: CacheFormat): string | undefined {
  return format === 'arrow' || format === 'parquet' ? arrowUnfit(value) : undefined;
}

/** The bytes of a value: in `format` when asked for, else in the encoding that suits its type. */
export function encodeValue(value: unknown, format: CacheFormat | undefined): Encoded {
  if (format === undefined) {
    if (fitsRaw(value)) return { encoding: 'raw', bytes: encodeRaw(value as object), exact: ArrayBuffer.isView(value) };
    if (isArrowTable(value) || isArrowVector(value)) return { encoding: 'arrow', bytes: encodeArrow(value), exact: false };
  }
  switch (format ?? 'v8') {
    case 'arrow':
      return { encoding: 'arrow', bytes: encodeArrow(value), exact: false };
    case 'parquet':
      return { encoding: 'parquet', bytes: encodeParquet(value), exact: false };
    case 'json': {
      const envelope = envelopeOf(value);
      const text = JSON.stringify(envelope.kind === 'arrow' ? { ...envelope, ipc: [...envelope.ipc] } : envelope);
      return { encoding: 'json', bytes: Buffer.from(text, 'utf8'), exact: false };
    }
    default:
      return { encoding: 'v8', bytes: v8.serialize(envelopeOf(value)), exact: false };
  }
}

/** The value back from its bytes. Throws on bytes it cannot read (the caller makes that a miss). */
export function decodeValue(bytes: Uint8Array, encoding: Encoding): unknown {
  switch (encoding) {
    case 'raw':
      return decodeRaw(bytes);
    case 'arrow':
      return decodeArrow(bytes);
    case 'parquet':
      return decodeParquet(bytes);
    default:
      return fromEnvelope((encoding === 'json' ? JSON.parse(Buffer.from(bytes).toString('utf8')) : v8.deserialize(bytes)) as Envelope);
  }
}

/** What `v8` and `json` serialise: the value itself, or a frame or Arrow table in a form that survives the trip. */
type Envelope =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'frame'; readonly frame: FrameTransfer }
  | { readonly kind: 'arrow'; readonly ipc: Uint8Array; readonly vector: boolean };

function fromEnvelope(envelope: Envelope): unknown {
  switch (envelope.kind) {
    case 'frame':
      return frameFromTransfer(envelope.frame);
    case 'arrow': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer; a stored table means it is installed
      const arrow = require('apache-arrow') as typeof import('apache-arrow');
      const table = arrow.tableFromIPC(Uint8Array.from(envelope.ipc));
      return envelope.vector ? table.getChild('values') : table;
    }
    default:
      return envelope.value;
  }
}

function envelopeOf(value: unknown): Envelope {
  if (typeof value === 'object' && value !== null && !isPlainData(value)) {
    const ipc = arrowIpcOf(value);
    if (ipc) return { kind: 'arrow', ipc, vector: value.constructor.name === 'Vector' };
    const frame = frameToTransfer(value);
    if (frame) return { kind: 'frame', frame };
  }
  return { kind: 'value', value };
}
