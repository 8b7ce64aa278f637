import { REGISTRY_GLOBAL_KEY } from '../constants/metadata-keys.js';

/** Any class; feature sets are plain classes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
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
 */
export class MetadataRegistry {
  private readonly byClass = new Map<Function, Map<string, DecoratorRecord[]>>();

  /** Records one decorator application. Decorators apply bottom-up; records keep the written top-down order. */
  add(record: DecoratorRecord): void {
    let methods = this.byClass.get(record.target);
    if (!methods) this.byClass.set(record.target, (methods = new Map()));
    const list = methods.get(record.method);
    if (list) list.unshift(record);
    else methods.set(record.method, [record]);
  }

  /** The records written on `cls.prototype[method]` itself (not inherited ones). */
  recordsOf(cls: Function, method: string): readonly DecoratorRecord[] {
    return this.byClass.get(cls)?.get(method) ?? EMPTY;
  }
}

const EMPTY: readonly DecoratorRecord[] = Object.freeze([]);

type GlobalWithRegistry = typeof globalThis & { [REGISTRY_GLOBAL_KEY]?: MetadataRegistry };

/** The process-wide registry (shared even if two copies of the package are loaded). */
export function getRegistry(): MetadataRegistry {
  const g = globalThis as GlobalWithRegistry;
  return (g[REGISTRY_GLOBAL_KEY] ??= new MetadataRegistry());
}
