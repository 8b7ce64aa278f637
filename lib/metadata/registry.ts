import { REGISTRY_GLOBAL_KEY } from '../constants/metadata-keys.js';
import { recordsInMetadata, type PendingRecord } from './standard-records.js';

/** Any class; feature sets are plain classes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a class whose constructor takes parameters of any type must fit (unknown[] refuses them)
export type Constructor<T = unknown> = abstract new (...args: any[]) => T;

/**
 * What one decorator application recorded: its kind (`'node'`, `'extractColumns'`, ...) and its plain
 * arguments. Decorators never build nodes; the graph resolver reads these records.
 */
export interface DecoratorRecord<TArgs = unknown> {
  readonly kind: string;
  readonly target: Function;
  readonly method: string;
  readonly args: TArgs;
}

/**
 * The one registry of decorator records, keyed by the class that declares the method (as class-validator's
 * MetadataStorage and TypeORM's metadata args storage are). Records of a base class stay on the base class:
 * an override in a subclass starts with its own decorators, as Hamilton's function replacement does.
 *
 * Legacy (`experimentalDecorators`) decorators know their class and record at once. Standard (TC39)
 * decorators do not: their records wait in the class's decorator metadata or, without metadata, under the
 * method function ({@link addForFunction}); the registry adopts them the first time it is asked about the class.
 */
export class MetadataRegistry {
  private readonly byClass = new Map<Function, Map<string, DecoratorRecord[]>>();
  private readonly byFunction = new WeakMap<Function, PendingRecord[]>();
  private readonly adopted = new WeakSet<Function>();

  /** Records one decorator application. Decorators apply bottom-up; records keep the written top-down order. */
  add(record: DecoratorRecord): void {
    let methods = this.byClass.get(record.target);
    if (!methods) this.byClass.set(record.target, (methods = new Map<string, DecoratorRecord[]>()));
    const list = methods.get(record.method);
    if (list) list.unshift(record);
    else methods.set(record.method, [record]);
  }

  /**
   * Records a standard decorator's application on a method function whose class gives no metadata object;
   * records are kept in application order (innermost decorator first), as in a metadata object.
   */
  addForFunction(fn: Function, record: PendingRecord): void {
    const list = this.byFunction.get(fn);
    if (list) list.push(record);
    else this.byFunction.set(fn, [record]);
  }

  /** Drops every record of `cls`: a class made only to capture what a decorator records (`@resolve`). */
  forget(cls: Function): void {
    this.byClass.delete(cls);
  }

  /** The records written on `cls.prototype[method]` itself (not inherited ones). */
  recordsOf(cls: Function, method: string): readonly DecoratorRecord[] {
    if (!this.adopted.has(cls)) this.adopt(cls);
    return this.byClass.get(cls)?.get(method) ?? EMPTY;
  }

  /** Moves the records standard decorators left for `cls` into the registry, once per class. */
  private adopt(cls: Function): void {
    this.adopted.add(cls);
    const pending = recordsInMetadata(cls);
    const prototype = cls.prototype as object | undefined;
    for (const name of prototype ? Object.getOwnPropertyNames(prototype) : []) {
      const fn = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
      const records = typeof fn === 'function' ? this.byFunction.get(fn) : undefined;
      if (records) pending.push(...records.filter((r) => r.method === name));
    }
    for (const record of pending) this.add({ ...record, target: cls });
  }
}

const EMPTY: readonly DecoratorRecord[] = Object.freeze([]);

type GlobalWithRegistry = typeof globalThis & { [REGISTRY_GLOBAL_KEY]?: MetadataRegistry };

/** The process-wide registry (shared even if two copies of the package are loaded). */
export function getRegistry(): MetadataRegistry {
  const g = globalThis as GlobalWithRegistry;
  return (g[REGISTRY_GLOBAL_KEY] ??= new MetadataRegistry());
}
