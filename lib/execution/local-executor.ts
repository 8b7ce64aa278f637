import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import { originOf } from '../graph/function-graph.js';
import type { Executor } from './executor.js';
import { runConcurrently } from './concurrent-run.js';
import { runFanOutSync } from './fan-out-run.js';
import type { PlanStep } from './plan.js';
import type { RunContext } from './run-context.js';

/**
 * The default executor: runs every node in this process. `runSync` follows the plan's order; `runAsync`
 * starts each node as soon as its upstream nodes are done, so independent async nodes run concurrently,
 * while sync nodes run inline without a trip through the event loop.
 */
export class LocalExecutor implements Executor {
  runSync(context: RunContext): void {
    if (context.adapters.length > 0) {
      for (const step of context.plan.steps) runStepWithHooks(context, step);
      return;
    }
    // The hot path: no hooks, no allocations beyond the argument arrays.
    for (const step of context.plan.steps) {
      const args = context.argumentsOf(step);
      let result: unknown;
      try {
        result = step.fanOut ? runFanOutSync(context, step, args) : step.node.callable!(args);
      } catch (error) {
        throw context.failure(step, args, error);
      }
      if (result instanceof Promise) throw asyncNodeError(step, result);
      context.store(step, result);
    }
  }

  runAsync(context: RunContext, signal?: AbortSignal): Promise<void> {
    return runConcurrently(context, signal, (node, args) => node.callable!(args));
  }
}

function runStepWithHooks(context: RunContext, step: PlanStep): void {
  const args = context.argumentsOf(step);
  const event = context.nodeEvent(step, args);
  for (const adapter of context.adapters) void adapter.beforeNodeExecute?.(event);
  const started = performance.now();
  let result: unknown;
  try {
    result = step.fanOut ? runFanOutSync(context, step, args) : step.node.callable!(args);
  } catch (error) {
    const durationMs = performance.now() - started;
    for (const adapter of context.adapters) void adapter.afterNodeExecute?.({ ...event, success: false, error, durationMs });
    throw context.failure(step, args, error);
  }
  if (result instanceof Promise) {
    // Hooks that saw the node start must also see it fail, or timers and progress bars stay open.
    const error = asyncNodeError(step, result);
    const durationMs = performance.now() - started;
    for (const adapter of context.adapters) void adapter.afterNodeExecute?.({ ...event, success: false, error, durationMs });
    throw error;
  }
  const durationMs = performance.now() - started;
  for (const adapter of context.adapters) void adapter.afterNodeExecute?.({ ...event, success: true, result, durationMs });
  context.store(step, result);
}

/** An async node under the sync driver: its Promise must not flow on as a value. */
function asyncNodeError(step: PlanStep, promise: Promise<unknown>): HamiltonError {
  promise.catch(() => undefined);
  return new HamiltonError(Messages.asyncNodeInSyncDriver(step.node.name, originOf(step.node)));
}
