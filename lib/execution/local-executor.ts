import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import { originOf } from '../graph/function-graph.js';
import type { Executor } from './executor.js';
import type { PlanStep } from './plan.js';
import type { RunContext } from './run-context.js';

/** The default executor: runs every node in this process, in the plan's order. */
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
        result = step.node.callable!(args);
      } catch (error) {
        throw context.failure(step, args, error);
      }
      if (result instanceof Promise) rejectPromise(step, result);
      context.store(step, result);
    }
  }
}

function runStepWithHooks(context: RunContext, step: PlanStep): void {
  const args = context.argumentsOf(step);
  const event = {
    runId: context.runId,
    node: step.node.name,
    origin: originOf(step.node),
    tags: step.node.tags,
    args: context.namedArguments(step, args),
  };
  for (const adapter of context.adapters) void adapter.beforeNodeExecute?.(event);
  const started = performance.now();
  let result: unknown;
  try {
    result = step.node.callable!(args);
    if (result instanceof Promise) rejectPromise(step, result);
  } catch (error) {
    const durationMs = performance.now() - started;
    for (const adapter of context.adapters) void adapter.afterNodeExecute?.({ ...event, success: false, error, durationMs });
    throw error instanceof HamiltonError ? error : context.failure(step, args, error);
  }
  const durationMs = performance.now() - started;
  for (const adapter of context.adapters) void adapter.afterNodeExecute?.({ ...event, success: true, result, durationMs });
  context.store(step, result);
}

/** An async node under the sync driver: its Promise must not flow on as a value. */
function rejectPromise(step: PlanStep, promise: Promise<unknown>): never {
  promise.catch(() => undefined);
  throw new HamiltonError(Messages.asyncNodeInSyncDriver(step.node.name, originOf(step.node)));
}
