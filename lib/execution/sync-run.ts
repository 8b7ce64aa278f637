/**
 * Whether the code running now runs inside a sync Driver's run. A sync run goes to its end without yielding, so
 * a depth counter around it is exact: no other run's code can interleave while it is above zero (an AsyncDriver's
 * continuations wait for the stack to empty). Loaders read it to choose how to load: a promise is refused by the
 * sync Driver, while the AsyncDriver gains from a load that yields to the event loop (a CSV parsed in chunks).
 */
let depth = 0;

/** Runs `run` marked as a sync run (nested runs nest). */
export function duringSyncRun<T>(run: () => T): T {
  depth++;
  try {
    return run();
  } finally {
    depth--;
  }
}

/** True inside a sync Driver's run; false in an AsyncDriver's run, a worker's task or outside any run. */
export function inSyncRun(): boolean {
  return depth > 0;
}
