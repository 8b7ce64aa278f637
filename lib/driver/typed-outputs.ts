/**
 * What only TypeScript can give: the node names and value types a feature set defines, read from its class
 * by the type checker, so `execute` on a Builder-made driver with `DictResult` returns typed values.
 * Nodes that decorators rename or add (`@extractColumns`, `@parameterize`, ...) are still requested by
 * name; their values are typed `unknown`.
 */

/** `surveyResults__batch` -> `surveyResults`: a method name cut at its last `__`, as the resolver does. */
export type NodeNameOf<K extends string> = K extends `${infer Head}__${infer Tail}`
  ? Tail extends `${string}__${string}`
    ? `${Head}__${NodeNameOf<Tail>}`
    : Head
  : K;

/** No nodes known (yet): `{}`, the identity of the intersection that adds each feature set's nodes. */
export type NoNodes = {};

/** The instance type of a feature-set class, the instance itself, or nothing known for a bare `Function`. */
type InstanceOf<F> = F extends abstract new (...args: never[]) => infer I ? I : F extends Function ? NoNodes : F;

/** Names of a type's public methods (not `_private`, not `constructor`). */
type MethodNames<T> = {
  [K in keyof T]: K extends string
    ? K extends `_${string}` | 'constructor'
      ? never
      : T[K] extends (...args: never[]) => unknown
        ? K
        : never
    : never;
}[keyof T];

/** The nodes a feature set (class or instance) defines: node name -> value type (awaited for async methods). */
export type NodesOf<F> = F extends unknown
  ? { [K in MethodNames<InstanceOf<F>> as NodeNameOf<K>]: InstanceOf<F>[K] extends (...args: never[]) => infer R ? Awaited<R> : never }
  : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The nodes of several feature sets together. */
export type NodesOfAll<Fs extends readonly unknown[]> = Fs extends readonly [] ? NoNodes : UnionToIntersection<NodesOf<Fs[number]>>;

/**
 * The requested outputs, typed where the node is known; still a plain record, so code that indexes it by a
 * computed name keeps compiling.
 */
export type TypedOutputs<TNodes, O extends string> = { [K in O]: K extends keyof TNodes ? TNodes[K] : unknown } & Record<string, unknown>;

/** What `execute` returns: typed outputs for `DictResult` (a plain record), the result builder's type otherwise. */
export type ExecuteResult<TResult, TNodes, O extends string> = [TResult] extends [Record<string, unknown>]
  ? [Record<string, unknown>] extends [TResult]
    ? TypedOutputs<TNodes, O>
    : TResult
  : TResult;
