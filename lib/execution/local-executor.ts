import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import { originOf } from '../graph/function-graph.js';
import type { NodeRunEvent } from './adapters.js';
import type { Executor } from './executor.js';
import { isThenable, runFanOutAsync, runFanOutSync } from './fan-out-run.js';
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
    return new ConcurrentRun(context, signal).promise;
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

/**
 * One concurrent run of a plan. A failing node stops new nodes from starting; the run rejects once the
 * nodes already running have settled (nothing of the run is left working). An abort rejects at once with
 * the signal's reason; late results are ignored. Every promise gets a handler: no unhandled rejections.
 */
class ConcurrentRun {
  readonly promise: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;
  private readonly waiting: Int32Array;
  private readonly ready: number[] = [];
  private done = 0;
  private inFlight = 0;
  private failure: { error: unknown } | undefined;
  private settled = false;

  constructor(
    private readonly context: RunContext,
    private readonly signal?: AbortSignal,
  ) {
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    const steps = context.plan.steps;
    this.waiting = Int32Array.from(steps, (s) => s.upstreamSteps.length);
    for (let i = steps.length - 1; i >= 0; i--) if (this.waiting[i] === 0) this.ready.push(i);
    if (signal?.aborted) this.abort();
    else {
      signal?.addEventListener('abort', () => this.abort(), { once: true });
      this.pump();
    }
  }

  private pump(): void {
    const steps = this.context.plan.steps;
    const hooks = this.context.adapters.length > 0;
    while (this.ready.length > 0 && !this.failure && !this.settled) {
      const position = this.ready.pop()!;
      const step = steps[position];
      const args = this.context.argumentsOf(step);
      let result: unknown;
      try {
        result = hooks ? this.invokeWithHooks(step, args) : this.invoke(step, args);
      } catch (error) {
        this.fail(this.context.failure(step, args, error));
        break;
      }
      if (isThenable(result)) {
        this.inFlight++;
        result.then(
          (value) => this.settle(position, value),
          (error) => this.settleFailure(error instanceof NodeFailure ? error.error : this.context.failure(step, args, error)),
        );
      } else this.complete(position, result);
    }
    this.finishIfDone();
  }

  private settle(position: number, value: unknown): void {
    this.inFlight--;
    if (this.failure || this.settled) return this.finishIfDone();
    this.complete(position, value);
    this.pump();
  }

  private settleFailure(error: unknown): void {
    this.inFlight--;
    this.fail(error);
    this.finishIfDone();
  }

  private complete(position: number, value: unknown): void {
    const step = this.context.plan.steps[position];
    this.context.store(step, value);
    this.done++;
    for (const downstream of step.downstreamSteps) if (--this.waiting[downstream] === 0) this.ready.push(downstream);
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
  }

  private finishIfDone(): void {
    if (this.settled) return;
    if (this.failure) {
      if (this.inFlight > 0) return;
      this.settled = true;
      this.reject(this.failure.error);
    } else if (this.done === this.context.plan.steps.length) {
      this.settled = true;
      this.resolve();
    }
  }

  private abort(): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(this.signal?.reason ?? new DOMException('The run was aborted.', 'AbortError'));
  }

  private invoke(step: PlanStep, args: unknown[]): unknown {
    return step.fanOut ? runFanOutAsync(this.context, step, args) : step.node.callable!(args);
  }

  /** Runs a node between its (possibly async) hooks; errors of the node are wrapped, hook errors are not. */
  private async invokeWithHooks(step: PlanStep, args: unknown[]): Promise<unknown> {
    const event: NodeRunEvent = this.context.nodeEvent(step, args);
    for (const adapter of this.context.adapters) await adapter.beforeNodeExecute?.(event);
    const started = performance.now();
    let result: unknown;
    try {
      result = await this.invoke(step, args);
    } catch (error) {
      const durationMs = performance.now() - started;
      for (const adapter of this.context.adapters) await adapter.afterNodeExecute?.({ ...event, success: false, error, durationMs });
      throw new NodeFailure(this.context.failure(step, args, error));
    }
    const durationMs = performance.now() - started;
    for (const adapter of this.context.adapters) await adapter.afterNodeExecute?.({ ...event, success: true, result, durationMs });
    return result;
  }
}

/** Marks a node's error as already wrapped, so hook errors and node errors stay distinguishable. */
class NodeFailure {
  constructor(readonly error: unknown) {}
}
