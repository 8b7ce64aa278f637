/**
 * Nest injection tokens of the Hamilton module. Symbols from the global registry, so two copies of
 * hamilton-ts in one app (a linked package, say) still agree on them.
 */

/** The driver `HamiltonModule.forRoot()` provides (an `AsyncDriver` unless `async: false`). */
export const HAMILTON_DRIVER: unique symbol = Symbol.for('hamilton-ts:nestjs:driver') as never;

/** The options given to `HamiltonModule.forRoot()`, injectable for apps that want to read them. */
export const HAMILTON_MODULE_OPTIONS: unique symbol = Symbol.for('hamilton-ts:nestjs:options') as never;
