/**
 * Container tokens: bind your own implementation to these in the inversify container passed with
 * `Builder.withContainer()` and the Builder uses it when none is given explicitly.
 */
export const HamiltonTokens = {
  /** A `ResultBuilder` implementation. */
  ResultBuilder: Symbol.for('hamilton-ts:ResultBuilder'),
  /** An `Executor` implementation. */
  Executor: Symbol.for('hamilton-ts:Executor'),
} as const;
