import type { GraphNode } from '../graph/node.js';
import type { NodeRunEvent } from './adapters.js';
import { isThenable, runFanOutAsync } from './fan-out-run.js';
import type { PlanStep } from './plan.js';
import type { RunContext } from './run-context.js';

/** How an executor runs one node: in this thread, on a worker, as a remote job. May return a Promise. */
export type NodeCall = (node: GraphNode, args: unknown[]) => unknown;

/**
 * Runs a plan's steps concurrently: each starts as soon as the steps it reads are done; `callNode` decides
 * where a node runs. Shared by every asynchronous executor, so they differ only in that one function.
 */
export function runConcurrently(context: RunContext, signal: AbortSignal | undefined, callNode: NodeCall): Promise<void> {
  return new ConcurrentRun(context, signal, callNode).promise;
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
    private readonly signal: AbortSignal | undefined,
    private readonly callNode: NodeCall,
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
      signal?.addEventListener('abort', this.onAbort, { once: true });
      this.pump();
    }
  }

  private readonly onAbort = () => this.abort();

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
          (value) => this.onStepDone(position, value),
          (error) => this.onStepFailed(error instanceof NodeFailure ? error.error : this.context.failure(step, args, error)),
        );
      } else this.complete(position, result);
    }
    this.finishIfDone();
  }

  private onStepDone(position: number, value: unknown): void {
    this.inFlight--;
    if (this.failure || this.settled) return this.finishIfDone();
    this.complete(position, value);
    this.pump();
  }

  private onStepFailed(error: unknown): void {
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
      this.end();
      this.reject(this.failure.error);
    } else if (this.done === this.context.plan.steps.length) {
      this.end();
      this.resolve();
    }
  }

  private abort(): void {
    if (this.settled) return;
    this.end();
    this.reject(this.signal?.reason ?? new DOMException('The run was aborted.', 'AbortError'));
  }

  /** Marks the run over and lets go of the signal, which may outlive many runs (a service's deadline). */
  private end(): void {
    this.settled = true;
    this.signal?.removeEventListener('abort', this.onAbort);
  }

  private invoke(step: PlanStep, args: unknown[]): unknown {
    return step.fanOut ? runFanOutAsync(this.context, step, args, this.callNode) : this.callNode(step.node, args);
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
