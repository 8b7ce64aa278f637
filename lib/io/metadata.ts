import { contentHash } from '../metadata/content-hash.js';
import { fileUri } from './files.js';

export { contentHash };

/** One column of what was loaded or saved: its name and type as the format tells it. */
export interface ColumnSchema {
  readonly name: string;
  readonly type: string;
}

/**
 * The one record of every load and save (loaders, savers, `materialize`, the run recorder): where, in what
 * format, how much, what shape, which bytes (their `contentHash`) and when. The run tracker and the cache store
 * the same shape.
 */
export interface IoMetadata {
  readonly operation: 'load' | 'save';
  /** The kind that did it (`csv`, `parquet`, ... or `dataloader` for a hand-written loader). */
  readonly kind: string;
  /** Where: `file:///abs/path.csv`, `sqlite:///abs/db.sqlite#table`, `postgres://host/db#table`. */
  readonly uri: string;
  /** The format of the bytes: `csv`, `json`, `jsonl`, `parquet`, `arrow`, `sqlite`, `postgres`. */
  readonly format: string;
  readonly rows?: number;
  readonly schema?: readonly ColumnSchema[];
  readonly bytes?: number;
  /** `contentHash` of the bytes read or written (`xxh3-128:<hex>` or `sha256:<hex>`); for a database table, of the rows as JSON. */
  readonly contentHash?: string;
  /** When it finished (ISO 8601). */
  readonly time: string;
  readonly durationMs: number;
  /** The node that did it, filled in when a run records it. */
  readonly node?: string;
}

/** A metadata record finished now, `started` being `performance.now()` when the work began. */
export function ioMetadata(fields: Omit<IoMetadata, 'time' | 'durationMs'>, started: number): IoMetadata {
  return { ...fields, time: new Date().toISOString(), durationMs: Math.round((performance.now() - started) * 1000) / 1000 };
}

/** What a file holds, as its kind tells it: rows and their columns. */
export type FileShape = Pick<IoMetadata, 'rows' | 'schema'>;

/**
 * The record of a file a kind loaded or saved, its kind naming its format (csv, json, jsonl, parquet, arrow):
 * `file:///abs/path`, its shape, its size and the hash of its bytes.
 */
export function fileMetadata(
  operation: IoMetadata['operation'],
  kind: string,
  path: string,
  shape: FileShape,
  bytes: number,
  hash: string,
  started: number,
): IoMetadata {
  return ioMetadata({ operation, kind, uri: fileUri(path), format: kind, ...shape, bytes, contentHash: hash }, started);
}
