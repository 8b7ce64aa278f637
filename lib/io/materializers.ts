import { InvalidDecoratorError } from '../errors/index.js';
import type { LoadSpec, SaveSpec } from '../graph/modifiers/data-io.js';
import { describeValue } from '../metadata/value-types.js';
import type { ResultBuilder } from '../results/result-builder.js';
import type { BUILT_IN_KINDS } from './kinds/index.js';
import type { Fits } from './fits.js';
import type { ArgsOf, ValueOf } from './kind.js';
import { IoMessages } from './messages.js';
import { kindFactories, loadSpecOf, nameOption, optionsObject, saveSpecOf, type BoundArgs } from './specs.js';

/** `to.<kind>(...)`: a saver node `id` that writes `dependencies` (combined by `combine` when there are several). */
export interface SaverMaterializer {
  readonly role: 'save';
  readonly kind: string;
  readonly id: string;
  readonly dependencies: readonly string[];
  readonly combine?: ResultBuilder<unknown>;
  readonly spec: SaveSpec;
}

/** Carries, for the type checker only, what a `from.<kind>` loads (never present at run time). */
declare const loadedValue: unique symbol;

/**
 * `from.<kind>(...)`: the node `target` is loaded instead of computed (its upstream is not run). Typed by its
 * target's name and what it loads, so `materialize` on a driver that knows its nodes refuses, at compile time,
 * a loader whose value does not fit the node it fills.
 */
export interface LoaderMaterializer<TTarget extends string = string, TValue = unknown> {
  readonly role: 'load';
  readonly kind: string;
  readonly target: TTarget;
  readonly spec: LoadSpec;
  readonly [loadedValue]?: TValue;
}

export type Materializer = SaverMaterializer | LoaderMaterializer;

type BuiltIn = typeof BUILT_IN_KINDS;

/** Options of `to.<kind>`: the saver's `id`, the nodes it saves, how several are combined, and the kind's arguments. */
export type ToOptions<A> = BoundArgs<A> & {
  readonly id: string;
  readonly dependencies: readonly string[];
  readonly combine?: ResultBuilder<unknown>;
};
/** Options of `from.<kind>`: the node it fills and the kind's arguments. */
export type FromOptions<A> = BoundArgs<A> & { readonly target: string };

export type ToFactories = { readonly [K in keyof BuiltIn]: (options: ToOptions<ArgsOf<BuiltIn[K]>>) => SaverMaterializer } & {
  readonly [kind: string]: (options: ToOptions<Record<string, unknown>>) => SaverMaterializer;
};
export type FromFactories = {
  readonly [K in keyof BuiltIn]: <const TTarget extends string>(
    options: FromOptions<ArgsOf<BuiltIn[K]>> & { readonly target: TTarget },
  ) => LoaderMaterializer<TTarget, ValueOf<BuiltIn[K]>>;
} & {
  readonly [kind: string]: <const TTarget extends string>(
    options: FromOptions<Record<string, unknown>> & { readonly target: TTarget },
  ) => LoaderMaterializer<TTarget>;
};

/**
 * The materializers as `materialize` takes them from a driver that knows its nodes (`TNodes`, from the Builder):
 * a `from.<kind>` whose loaded value cannot fit the node it fills becomes a requirement no loader meets, whose
 * name is the compile error. Nodes the driver does not know (inputs, renamed nodes) are not checked.
 */
export type CheckedMaterializers<M extends readonly Materializer[], TNodes> = {
  readonly [I in keyof M]: M[I] extends LoaderMaterializer<infer T, infer V>
    ? T extends keyof TNodes
      ? Fits<TNodes[T], V> extends true
        ? M[I]
        : { readonly 'from: the loaded value does not fit the node it fills': T; readonly loads: V; readonly node: TNodes[T] }
      : M[I]
    : M[I];
};

/** `to.csv({ id: 'saveFeatures', dependencies: ['spend', 'signups'], path: 'out/features.csv' })`. */
export const to = kindFactories((kind) => (options: unknown): SaverMaterializer => {
  const use = `to.${kind}`;
  const args = optionsObject(use, options, "{ id: 'saveFeatures', dependencies: ['spend'], path: 'out/features.csv' }");
  const id = nameOption(use, args, 'id', true, "'saveFeatures'")!;
  const dependencies = args.dependencies;
  if (!Array.isArray(dependencies) || dependencies.length === 0 || !dependencies.every((d) => typeof d === 'string' && d.length > 0)) {
    throw new InvalidDecoratorError(IoMessages.badDependencies(use, describeValue(dependencies)));
  }
  const combine = args.combine;
  if (combine !== undefined && typeof (combine as { build?: unknown })?.build !== 'function') {
    throw new InvalidDecoratorError(IoMessages.badCombine(use, describeValue(combine)));
  }
  const spec = saveSpecOf(kind, use, args, ['id', 'dependencies', 'combine']);
  return Object.freeze({
    role: 'save',
    kind,
    id,
    dependencies: Object.freeze([...(dependencies as string[])]),
    combine: combine as ResultBuilder<unknown> | undefined,
    spec,
  });
}) as ToFactories;

/** `from.parquet({ target: 'spend', path: 'data/spend.parquet' })`. */
export const from = kindFactories((kind) => (options: unknown): LoaderMaterializer => {
  const use = `from.${kind}`;
  const args = optionsObject(use, options, "{ target: 'spend', path: 'data/spend.parquet' }");
  const target = nameOption(use, args, 'target', true, "'spend'")!;
  return Object.freeze({ role: 'load', kind, target, spec: loadSpecOf(kind, use, args, ['target']) });
}) as FromFactories;

/** Whether a value was made by `to.<kind>` or `from.<kind>`. */
export function isMaterializer(value: unknown): value is Materializer {
  const role = (value as { role?: unknown } | null)?.role;
  return (role === 'save' || role === 'load') && typeof (value as { spec?: unknown }).spec === 'object';
}
