import type { Executor } from './executor.js';
import { Hooks } from './hooks.js';
import type { NodeCallCache } from './node-call-cache.js';
import { rethrowAfter, settle, then } from './maybe.js';
import type { RunContext } from './run-context.js';
import { Scheduler } from './scheduler.js';
import { duringSyncRun } from './sync-run.js';

/** Turns the requested outputs (by name, in request order) into what `execute` returns. */
export type BuildResult<T> = (outputs: Record<string, unknown>) => T;

/** Runs a checked run context to its result under the sync Driver: the scheduler refusing thenables. */
export function executeSync<T>(context: RunContext, executor: Executor, build: BuildResult<T>, cache?: NodeCallCache): T {
  const hooks = new Hooks(context.adapters, true);
  const scheduler = new Scheduler(context, executor, hooks, true, undefined, cache);
  // Marked, so a loader knows it must not return a promise (lib/execution/sync-run.ts).
  return duringSyncRun(() => execute(context, hooks, () => scheduler.runSync(), build) as T);
}

/** Runs a checked run context to its result under the AsyncDriver. */
export async function executeAsync<T>(
  context: RunContext,
  executor: Executor,
  build: BuildResult<T>,
  signal?: AbortSignal,
  cache?: NodeCallCache,
): Promise<T> {
  const hooks = new Hooks(context.adapters, false);
  const scheduler = new Scheduler(context, executor, hooks, false, signal, cache);
  return execute(context, hooks, () => scheduler.runAsync(), build);
}

/**
 * The run between its graph hooks, the same for both drivers: `beforeGraphExecute`, the steps, the result,
 * then `afterGraphExecute` once (a success only once the result is built; a failure with its error).
 */
function execute<T>(context: RunContext, hooks: Hooks, runSteps: () => void | Promise<void>, build: BuildResult<T>): T | Promise<T> {
  if (!hooks.any) return then(runSteps(), () => build(context.outputs()));
  const { runId } = context;
  return then(hooks.call('beforeGraphExecute', context.graphEvent()), () =>
    settle(
      () =>
        then(runSteps(), () => {
          const results = context.outputs();
          return { results, built: build(results) };
        }),
      ({ results, built }) => then(hooks.call('afterGraphExecute', { runId, success: true, results }), () => built),
      (error) => rethrowAfter<T>(() => hooks.call('afterGraphExecute', { runId, success: false, error }), error),
    ),
  );
}
