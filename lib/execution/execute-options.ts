/** Options of `execute` and `validateExecution`. */
export interface ExecuteOptions {
  /** Values of external inputs (must not repeat config keys). */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Values that replace nodes; the upstream of an overridden node is not computed. */
  readonly overrides?: Readonly<Record<string, unknown>>;
}
