/**
 * Storage for records made by standard (TC39) decorators, which TypeScript 5 uses when `experimentalDecorators`
 * is off. Such a decorator receives `(method, context)` and never sees its class, so records wait where the
 * class can later be found from: the class's decorator metadata object (`context.metadata`, which becomes
 * `cls[Symbol.metadata]`), or, when the compiler gives no metadata (TypeScript before 5.2), the method
 * function itself. The registry adopts them the first time it is asked about the class.
 */

/** A record whose class is not known yet. */
export interface PendingRecord {
  readonly kind: string;
  readonly method: string;
  readonly args: unknown;
}

/** Own property of a class's metadata object: method name -> records in application order. */
const RECORDS_KEY = Symbol.for('hamilton-ts:records');

/** The registered symbol Babel's and TypeScript's helpers fall back to where `Symbol.metadata` is missing. */
const METADATA_FALLBACK = Symbol.for('Symbol.metadata');

type SymbolWithMetadata = { metadata?: symbol };

/**
 * Node 20 has no `Symbol.metadata`; TypeScript's emitted code then passes `context.metadata === undefined`.
 * Defining it (as Lit and core-js do) before any decorated class is evaluated makes TypeScript create the
 * metadata objects. Importing any hamilton-ts decorator runs this first.
 */
export function installSymbolMetadata(): void {
  const symbol = Symbol as unknown as SymbolWithMetadata;
  symbol.metadata ??= METADATA_FALLBACK;
}

installSymbolMetadata();

type MetadataObject = Record<PropertyKey, unknown>;

/** Records one standard-decorator application into the class's metadata object. */
export function recordInMetadata(metadata: object, record: PendingRecord): void {
  const store = metadata as MetadataObject;
  // A subclass's metadata object inherits from its base's: write to an own map, never the inherited one.
  let byMethod = Object.hasOwn(store, RECORDS_KEY) ? (store[RECORDS_KEY] as Map<string, PendingRecord[]>) : undefined;
  if (!byMethod) {
    byMethod = new Map();
    Object.defineProperty(store, RECORDS_KEY, { value: byMethod, enumerable: false, configurable: true });
  }
  const list = byMethod.get(record.method);
  if (list) list.push(record);
  else byMethod.set(record.method, [record]);
}

/** The records standard decorators wrote for the methods declared by `cls` itself (not inherited ones). */
export function recordsInMetadata(cls: Function): PendingRecord[] {
  const keys = new Set([(Symbol as unknown as SymbolWithMetadata).metadata, METADATA_FALLBACK]);
  const found: PendingRecord[] = [];
  for (const key of keys) {
    if (key === undefined || !Object.hasOwn(cls, key)) continue;
    const metadata = (cls as unknown as MetadataObject)[key];
    if (metadata === null || typeof metadata !== 'object' || !Object.hasOwn(metadata, RECORDS_KEY)) continue;
    for (const list of ((metadata as MetadataObject)[RECORDS_KEY] as Map<string, PendingRecord[]>).values()) found.push(...list);
  }
  return found;
}
