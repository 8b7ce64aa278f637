/** Turns the requested outputs (by name, in request order) into what `execute` returns. */
export interface ResultBuilder<T> {
  build(outputs: Record<string, unknown>): T;
}
