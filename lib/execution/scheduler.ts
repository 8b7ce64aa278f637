import { HamiltonError } from '../errors/index.js';
import { originOf } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';
import { ConcurrentSteps } from './concurrent-steps.js';
import type { Executor } from './executor.js';
import { FanOutRun } from './fan-out.js';
import type { Hooks } from './hooks.js';
import { rethrowAfter, settle, then } from './maybe.js';
import { ExecutionMessages } from './messages.js';
import { callThroughWrapper, thrownBy } from './node-call-wrapper.js';
import type { NodeCallCache } from './node-call-cache.js';
import type { PlanStep } from './plan.js';
import { resultEvent } from './result-event.js';
import { ResourceRef, resourceFor } from './resources.js';
import { callWithRetry } from './retry.js';
import type { RunContext } from './run-context.js';
import { TaskCalls, taskOf } from './task-calls.js';
import type { TaskValues } from './task.js';
import { isThenable, silence } from '../metadata/thenable.js';

/**
 * The one scheduler of every run, sync or async, whatever the executor. It owns the order of steps, their
 * readiness, the release of spent values (through the run context), fan-outs, cancellation, retries, hooks
 * and the blame of failures; an executor only runs the tasks it is handed.
 *
 * Sync (the Driver): steps run in plan order, which is topological; a thenable anywhere is refused.
 * Async (the AsyncDriver): each step starts as soon as the steps it reads are done; synchronous nodes still
 * run inline. A failing step stops new work from starting (fan-out items included) and aborts the signal
 * handed to the executor; the run rejects once what is already running has settled, so a rejected run
 * leaves nothing of itself working. The caller's abort rejects at once with the signal's reason. Every
 * step settles once, whatever a node returns or throws; late outcomes are ignored.
 */
export class Scheduler {
  /** Set once the run has failed or been aborted: nothing new starts. */
  stopped = false;
  /** Whether chains of steps go to the executor as one task (an executor that is not inline). */
  readonly chainsToo: boolean;
  private readonly controller: AbortController | undefined;
  /** The run's tasks, for an executor that is not inline. */
  readonly tasks: TaskCalls;

  constructor(
    readonly context: RunContext,
    private readonly executor: Executor,
    readonly hooks: Hooks,
    readonly sync: boolean,
    private readonly signal?: AbortSignal,
    /** Consulted around every node call (`Builder.withCache()`); with one, every node goes through `runNode`. */
    readonly cache?: NodeCallCache,
  ) {
    this.controller = executor.inline ? undefined : new AbortController();
    this.tasks = new TaskCalls(context, executor, hooks, (this.controller ?? new AbortController()).signal);
    this.chainsToo = !executor.inline && !cache;
  }

  /** Runs every step in plan order; throws the first failure. */
  runSync(): void {
    const { context } = this;
    for (const step of context.plan.steps) context.store(step, this.runStep(step));
  }

  /** Runs the steps concurrently as they become ready. */
  runAsync(): Promise<void> {
    return new ConcurrentSteps(this, this.signal).promise;
  }

  /** Stops new work and tells the executor's tasks that the run no longer needs them. */
  stop(reason: unknown): void {
    this.stopped = true;
    if (this.controller && !this.controller.signal.aborted) this.controller.abort(reason);
  }

  /** Whether a top-level step may run inside a chain's task: a plain node that runs through the executor. */
  chainable(step: PlanStep): boolean {
    return !step.fanOut && !step.node.resource && this.runsRemotely(step.node);
  }

  /** Runs a chain of top-level steps as one task; resolves to the values of its last step and requested outputs. */
  runChain(chain: readonly PlanStep[]): Promise<TaskValues> {
    const { context } = this;
    const inChain = new Set(chain.map((step) => step.node.index));
    const reads: [string, unknown][] = [];
    for (const step of chain) {
      step.argumentIndices.forEach((index, i) => {
        if (index >= 0 && !inChain.has(index)) reads.push([step.node.dependencies[i].name, context.values[index]]);
      });
    }
    const names = chain.map((step) => step.node.name);
    const outputs = names.filter((name, i) => i === names.length - 1 || context.plan.outputs.includes(name));
    const task = taskOf(names.join('>'), context.runId, names, outputs, reads);
    return this.tasks.ofNodes(
      task,
      chain.map((step) => step.node),
      undefined,
    );
  }

  /** Runs one top-level step: a node, or a whole fan-out. */
  runStep(step: PlanStep): unknown {
    const args = this.context.argumentsOf(step);
    // A resource its readers make where they run: here it only stands for them (unless it is an output).
    if (step.node.resource && !this.executor.inline && !this.context.plan.outputs.includes(step.node.name)) return new ResourceRef(step.node, args);
    if (!step.fanOut) return this.runNode(step.node, args, undefined);
    return then(this.runNode(step.node, args, undefined), (produced) => new FanOutRun(this, step, args).run(produced));
  }

  /** Runs a node between its hooks; its failure comes out named (`NodeExecutionError`). */
  runNode(node: GraphNode, args: unknown[], item: number | undefined): unknown {
    if (!this.hooks.nodeHooks) return this.callWrapped(node, args, item);
    const event = this.context.nodeEvent(node, args, item);
    return then(this.hooks.call('beforeNodeExecute', event), () => {
      const started = performance.now();
      const after = (outcome: { success: true; result: unknown } | { success: false; error: unknown }) =>
        this.hooks.call('afterNodeExecute', resultEvent(event, outcome, performance.now() - started));
      return settle(
        () => this.callWrapped(node, args, item),
        (result) => then(after({ success: true, result }), () => result),
        // Hooks see what the node threw, as Hamilton's post_node_execute does; the run gets it named.
        (error) => rethrowAfter(() => after({ success: false, error: thrownBy(node, error) }), error),
      );
    });
  }

  /** Whether a node runs through the executor: it is not inline, and the node is neither an expand node nor pinned here. */
  runsRemotely(node: GraphNode): boolean {
    return !this.executor.inline && !node.local && node.dynamic?.kind !== 'expand';
  }

  /** Calls a node through the run's cache, if any: the cache returns a stored value or calls the node. */
  private callCached(node: GraphNode, args: unknown[], item: number | undefined): unknown {
    if (!this.cache) return this.callNode(node, args);
    return this.cache.call(node, args, item, () => this.callNode(node, args));
  }

  /** Calls a node through the adapter that takes over node calls (`wrapNodeCall`), if there is one. */
  private callWrapped(node: GraphNode, args: unknown[], item: number | undefined): unknown {
    const wrapper = this.hooks.nodeCallWrapper;
    if (!wrapper) return this.callCached(node, args, item);
    return callThroughWrapper(wrapper, this.context, this.sync, node, args, item, (given) => this.callCached(node, given, item));
  }

  /** Calls a node where it runs, with its retry policy; refuses a thenable in a sync run. */
  private callNode(node: GraphNode, args: unknown[]): unknown {
    if (this.runsRemotely(node)) return this.callRemotely(node, args);
    if (args.some((arg) => arg instanceof ResourceRef)) return this.callWithResources(node, args);
    let result: unknown;
    let thenable: boolean;
    try {
      result = node.resource ? resourceFor(this.context.graph, node, args) : callWithRetry(node, args, this.sync);
      // Inside the try: a value whose `then` getter throws is the node's failure too.
      thenable = isThenable(result);
    } catch (error) {
      throw this.context.failure(node, args, error);
    }
    if (!thenable) return result;
    if (this.sync) {
      silence(result);
      throw new HamiltonError(ExecutionMessages.asyncNodeInSyncDriver(node.name, originOf(node)));
    }
    return Promise.resolve(result).then(undefined, (error: unknown) => {
      throw this.context.failure(node, args, error);
    });
  }

  /** A node run here that reads a resource standing for its readers elsewhere: the resource is made here too. */
  private callWithResources(node: GraphNode, args: unknown[]): unknown {
    const { graph } = this.context;
    let made: unknown[];
    try {
      made = args.map((arg) => (arg instanceof ResourceRef ? resourceFor(graph, arg.node, arg.args) : arg));
    } catch (error) {
      throw this.context.failure(node, args, error);
    }
    if (!made.some(isThenable)) return this.callNode(node, made);
    return Promise.all(made).then(
      (resolved) => this.callNode(node, resolved),
      (error: unknown) => {
        throw this.context.failure(node, args, error);
      },
    );
  }

  private callRemotely(node: GraphNode, args: unknown[]): Promise<unknown> {
    const task = taskOf(
      node.name,
      this.context.runId,
      [node.name],
      [node.name],
      node.dependencies.map((d, i) => [d.name, args[i]] as const),
    );
    return this.tasks.run(task, [node]).then((values) => values[node.name]);
  }
}
