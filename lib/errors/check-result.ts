/**
 * What a data check says, in the lowest layer: `DataValidationError` carries these, the validation layer
 * makes them (`lib/validation/types.ts` re-exports them with the rest of its API).
 */

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
