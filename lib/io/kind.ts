import { HamiltonError } from '../errors/index.js';
import { describeValue } from '../metadata/value-types.js';
import { IoMessages } from './messages.js';
import type { IoMetadata } from './metadata.js';

/** What a load or save is told besides its arguments: the node doing it, for errors and records. */
export interface IoContext {
  readonly node: string;
  /**
   * True when the caller awaits a promise (the AsyncDriver, a worker's task): the kind may then load in pieces,
   * yielding to the event loop (the csv kind streams). False or absent under the sync Driver, which refuses a promise.
   */
  readonly async?: boolean;
}

/** A load gives the data and its metadata record. */
export type Loaded<T = unknown> = readonly [T, IoMetadata];

/**
 * A data kind: how to load and/or save one format or store. `load` and `save` may be synchronous (the sync
 * Driver needs that) or return a promise (the AsyncDriver awaits it). Arguments arrive resolved: each
 * `source('node')` replaced by that node's value.
 *
 * @example
 * registerIoKind({
 *   name: 'text',
 *   location: 'path',
 *   load: ({ path }) => { const text = readFileSync(String(path), 'utf8'); return [text, { ... }]; },
 * });
 */
export interface IoKind<TArgs extends object = Record<string, unknown>, TValue = unknown> {
  readonly name: string;
  /** The argument saying where (e.g. `path`, `table`): tags loader/saver nodes with it when it is a literal. */
  readonly location?: keyof TArgs & string;
  /** Gives `[data, metadata]`; `TValue`, the data's type, is what `@loadFrom.<kind>` checks a parameter against at compile time. */
  load?(args: TArgs, context: IoContext): Loaded<TValue> | Promise<Loaded<TValue>>;
  save?(data: unknown, args: TArgs, context: IoContext): IoMetadata | Promise<IoMetadata>;
}

/** The arguments a kind takes. */
export type ArgsOf<K> = K extends IoKind<infer A> ? A : never;
/** What a kind loads, for the compile-time check of the parameter or node it fills (`unknown`: anything fits). */
export type ValueOf<K> = K extends IoKind<infer _A, infer V> ? V : unknown;

const kinds = new Map<string, IoKind<object>>();

/** Adds a kind to the registry (`registerIoKind` in register.ts is the public form, returning typed factories). */
export function addIoKind<TArgs extends object, TValue = unknown>(kind: IoKind<TArgs, TValue>, options: { readonly replace?: boolean } = {}): void {
  if (kind === null || typeof kind !== 'object') throw new HamiltonError(IoMessages.badKind(`the kind is ${describeValue(kind)}`));
  if (typeof kind.name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(kind.name)) {
    throw new HamiltonError(IoMessages.badKind(`name must be an identifier such as 's3'; got ${describeValue(kind.name)}`));
  }
  if (typeof kind.load !== 'function' && typeof kind.save !== 'function') {
    throw new HamiltonError(IoMessages.badKind(`'${kind.name}' needs a load function, a save function or both`));
  }
  if (kinds.has(kind.name) && options.replace !== true) throw new HamiltonError(IoMessages.kindTaken(kind.name));
  kinds.set(kind.name, kind as unknown as IoKind<object>);
}

/** The kind of that name, or a `HamiltonError` naming the kinds there are. */
export function ioKind(name: string, use: string): IoKind<object> {
  const kind = kinds.get(name);
  if (!kind) throw new HamiltonError(IoMessages.unknownKind(use, name, ioKindNames()));
  return kind;
}

/** The registered kind names. */
export function ioKindNames(): string[] {
  return [...kinds.keys()];
}
