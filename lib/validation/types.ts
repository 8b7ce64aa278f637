import type { Importance, ValidationResult } from '../errors/check-result.js';

export type { CheckResult, Importance, ValidationResult } from '../errors/check-result.js';

/**
 * A validator of your own, for `@checkOutputCustom` (Hamilton's `DataValidator`). Its result has the same
 * shape and the same warn/fail semantics as the built-in checks.
 *
 * @example
 * const positive: DataValidator<Series> = {
 *   name: 'positive',
 *   importance: 'fail',
 *   appliesTo: (type) => type === Series,
 *   validate: (s) => ({ passes: s.min() > 0, message: `min is ${s.min()}`, diagnostics: { min: s.min() } }),
 * };
 */
export interface DataValidator<T = unknown> {
  /** Names the check: its validator node is `<node>_<name>_validator` (repeated names get `_1`, `_2`). */
  readonly name: string;
  readonly importance: Importance;
  /** Becomes the doc of the validator node. */
  readonly description?: string;
  /**
   * Whether the check makes sense for a type: asked with the method's declared return type when the graph
   * is built (false: `InvalidDecoratorError`), or, when that type is unknown, with the produced value's
   * constructor at run time (false: a failed check). danfo's `Series` and `DataFrame` are given as the
   * classes `danfojs` exports, so `type === Series` works.
   */
  appliesTo?(type: Function): boolean;
  /** Checks a produced value. May return a Promise under the AsyncDriver. */
  validate(value: T): ValidationResult | Promise<ValidationResult>;
}
