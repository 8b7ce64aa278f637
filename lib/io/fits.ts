import type { Row } from './tabular.js';

/**
 * Compile-time checks that a loaded value fits where it goes, where TypeScript can tell. Types only: nothing
 * here exists at run time, where the graph's edge and input checks take over.
 *
 * A parameter (or node) typed `P` can take a loaded `V` when `V` is assignable to `P`, or when `P` is narrower
 * than `V` in a way only the data can confirm: rows typed by their columns (`{ spend: number }[]`) where a
 * CSV or a table promises objects. A parameter `string` for a loader of Arrow tables is neither, so it is
 * refused. A value TypeScript knows nothing of (`unknown`, a kind registered at run time) fits anything.
 */

/** A method, whatever its parameters. */
type Method = (...args: never[]) => unknown;

/** Rows (objects of unknown columns) loosened to any objects, so rows typed by their columns are accepted. */
type Loose<V> = V extends readonly (infer E)[] ? readonly (E extends Row ? object : E)[] : V;

/** Whether a parameter or node typed `P` can take a loaded `V`, as far as TypeScript can tell. */
export type Fits<P, V> = [V] extends [P] ? true : [Exclude<P, undefined>] extends [Loose<V>] ? true : false;

/** Whether some parameter of a method can take `V` (which one `inject` names is not known to the type system). */
type SomeParameterFits<Ps extends readonly unknown[], V> = true extends { [I in keyof Ps]: Fits<Ps[I], V> }[number] ? true : false;

/** `unknown` when a method has a parameter for `V`; otherwise a requirement no method meets, whose name is the error. */
export type LoadTargetCheck<M extends Method, V> =
  SomeParameterFits<Parameters<M>, V> extends true ? unknown : { readonly 'loadFrom: no parameter of this method can take the loaded value': V };

/**
 * What `@loadFrom.<kind>(...)` returns: a method decorator whose type refuses, at compile time, a method none of
 * whose parameters can take what the kind loads (e.g. a parquet loader, which gives an Arrow Table, on
 * `total(rows: string)`). Legacy (`experimentalDecorators`) and standard decorators alike.
 */
export interface LoadingDecorator<V> {
  <M extends Method>(target: object, propertyKey: string | symbol, descriptor: TypedPropertyDescriptor<M> & LoadTargetCheck<M, V>): void;
  <M extends Method>(value: M & LoadTargetCheck<M, V>, context: ClassMethodDecoratorContext): void;
}

/** What a `@dataloader` method returns: `[data, metadata]`, or a promise of it. */
type LoadedPair = readonly [unknown, object];

/** Whether a return type is a pair `[data, metadata]` (or may be one: `unknown`, a promise of `unknown`). */
type ReturnsPair<R> = [R] extends [LoadedPair | PromiseLike<LoadedPair>]
  ? true
  : [LoadedPair] extends [R]
    ? true
    : [Promise<LoadedPair>] extends [R]
      ? true
      : false;

/** `unknown` for a method returning `[data, metadata]`; otherwise a requirement whose name is the error. */
export type DataLoaderCheck<M extends Method> =
  ReturnsPair<ReturnType<M>> extends true
    ? unknown
    : {
        readonly '@dataloader: the method returns [data, metadata]; type its return as a pair (e.g. [Row[], IoMetadata] or as const)': ReturnType<M>;
      };

/** What `@dataloader()` returns: a method decorator refusing, at compile time, a method that does not return a pair. */
export interface DataLoaderDecorator {
  <M extends Method>(target: object, propertyKey: string | symbol, descriptor: TypedPropertyDescriptor<M> & DataLoaderCheck<M>): void;
  <M extends Method>(value: M & DataLoaderCheck<M>, context: ClassMethodDecoratorContext): void;
}
