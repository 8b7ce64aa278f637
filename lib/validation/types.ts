/** How much a failed check matters: `warn` logs and lets the value flow on, `fail` stops the run. */
export type Importance = 'warn' | 'fail';

/** What one check says about a value (Hamilton's `ValidationResult`). */
export interface ValidationResult {
  readonly passes: boolean;
  /** One line a person reads: what was checked and what was found. */
  readonly message: string;
  /** Details for tools and debugging: counts, offending rows, bounds... */
  readonly diagnostics: Readonly<Record<string, unknown>>;
}

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

/**
 * One check's result as its validator node returns it (`<node>_<check>_validator`) and as
 * `ValidationRecorder` and `DataValidationError` list it.
 */
export interface CheckResult extends ValidationResult {
  /** The checked node. */
  readonly node: string;
  /** The check: an option of `@checkOutput` (`range`, `schema`...) or a custom validator's name. */
  readonly check: string;
  /** The validator node that produced this result. */
  readonly validatorNode: string;
  readonly importance: Importance;
}
