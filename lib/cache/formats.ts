import * as v8 from 'node:v8';
import { frameFromTransfer, frameToTransfer, type FrameTransfer } from '../dataframe/transfer.js';
import { arrowIpcOf } from './arrow.js';

/** How a cached value is written: V8's serialisation (any value the cache versions) or JSON text. */
export type CacheFormat = 'v8' | 'json';

export const CACHE_FORMATS: readonly CacheFormat[] = ['v8', 'json'];

/** What is serialised: the value itself, or a frame or Arrow table in a form that survives the trip. */
type Envelope =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'frame'; readonly frame: FrameTransfer }
  | { readonly kind: 'arrow'; readonly ipc: Uint8Array; readonly vector: boolean };

/** The bytes of a value in a format. */
export function encodeValue(value: unknown, format: CacheFormat): Uint8Array {
  const envelope = envelopeOf(value);
  if (format === 'json') return Buffer.from(JSON.stringify(envelope.kind === 'arrow' ? { ...envelope, ipc: [...envelope.ipc] } : envelope), 'utf8');
  return v8.serialize(envelope);
}

/** The value back from its bytes. The caller checks its data version: a format that lost something is a miss. */
export function decodeValue(bytes: Uint8Array, format: CacheFormat): unknown {
  const envelope = (format === 'json' ? JSON.parse(Buffer.from(bytes).toString('utf8')) : v8.deserialize(bytes)) as Envelope;
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
  if (typeof value === 'object' && value !== null) {
    const ipc = arrowIpcOf(value);
    if (ipc) return { kind: 'arrow', ipc, vector: value.constructor.name === 'Vector' };
    const frame = frameToTransfer(value);
    if (frame) return { kind: 'frame', frame };
  }
  return { kind: 'value', value };
}
