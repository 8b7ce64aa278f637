import { HamiltonError, NodeExecutionError } from '../errors/index.js';
import { originOf } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';
import { chainsOf, type Chains } from './chains.js';
import type { Executor } from './executor.js';
import { FanOutRun } from './fan-out.js';
import { adapterName, type Hooks } from './hooks.js';
import { AdapterMessages } from './adapters/messages.js';
import type { NodeCallCache } from './node-call-cache.js';
import { rethrowAfter, settle, then } from './maybe.js';
import { ExecutionMessages } from './messages.js';
import type { PlanStep } from './plan.js';
import { ResourceRef, resourceFor } from './resources.js';
import { callWithRetry } from './retry.js';
import type { RunContext } from './run-context.js';
import { TaskNodeError, type Task, type TaskValues } from './task.js';
import { isThenable, silence } from './thenable.js';

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
    return this.runTaskOfNodes(
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
    if (!this.hooks.any) return this.callWrapped(node, args, item);
    const event = this.context.nodeEvent(node, args, item);
    return then(this.hooks.call('beforeNodeExecute', event), () => {
      const started = performance.now();
      const after = (outcome: { success: true; result: unknown } | { success: false; error: unknown }) =>
        this.hooks.call('afterNodeExecute', { ...event, ...outcome, durationMs: performance.now() - started });
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

  /**
   * Runs a task of several nodes (a fan-out item's branch, a chain) through the executor, and tells the hooks
   * about each of its nodes once it is back: with hooks, the task returns every node's value, so that
   * `afterNodeExecute` sees results (a validator's checks, a progress count) wherever the nodes ran. Their
   * `durationMs` is the whole task's.
   */
  runTaskOfNodes(task: Task, nodes: readonly GraphNode[], item: number | undefined): Promise<TaskValues> {
    if (!this.hooks.any) return this.runTask(task, nodes);
    const asked: Task = { ...task, outputs: [...new Set([...task.outputs, ...task.nodes])] };
    const started = performance.now();
    const report = (values: TaskValues, failed?: { node: string; error: unknown }) => {
      const durationMs = performance.now() - started;
      const known = (name: string) => (name in values ? values[name] : task.inputs[name]);
      const events = (failed ? nodes.filter((n) => n.name === failed.node) : nodes).map((node) => {
        const event = this.context.nodeEvent(
          node,
          node.dependencies.map((d) => known(d.name)),
          item,
        );
        return { event, outcome: failed ? { success: false, error: failed.error } : { success: true, result: values[node.name] } };
      });
      return events.reduce<unknown>(
        (previous, { event, outcome }) =>
          then(previous, () =>
            then(this.hooks.call('beforeNodeExecute', event), () => this.hooks.call('afterNodeExecute', { ...event, ...outcome, durationMs })),
          ),
        undefined,
      );
    };
    return this.runTask(asked, nodes).then(
      (values) => Promise.resolve(report(values)).then(() => values),
      (error: unknown) => {
        const failed =
          error instanceof NodeExecutionError && task.nodes.includes(error.nodeName) ? { node: error.nodeName, error: error.cause } : undefined;
        // The node's failure is the run's, whatever the hooks do about it.
        const fail = () => Promise.reject(error);
        return Promise.resolve()
          .then(() => failed && report({}, failed))
          .then(fail, fail);
      },
    );
  }

  /** Runs a task of nodes through the executor; resolves to its outputs, failures named after their node. */
  runTask(task: Task, nodes: readonly GraphNode[]): Promise<TaskValues> {
    let running: Promise<TaskValues>;
    try {
      running = Promise.resolve(this.executor.run(task, this.controller!.signal));
    } catch (error) {
      running = Promise.reject(error);
    }
    return running.then(
      (values) => {
        for (const output of task.outputs) {
          if (values === null || typeof values !== 'object' || !(output in values)) {
            throw new HamiltonError(ExecutionMessages.taskOutputMissing(task.id, output));
          }
        }
        return values;
      },
      (error: unknown) => {
        throw this.taskFailure(task, nodes, error);
      },
    );
  }

  /** Calls a node through the run's cache, if any: the cache returns a stored value or calls the node. */
  private callCached(node: GraphNode, args: unknown[], item: number | undefined): unknown {
    if (!this.cache) return this.callNode(node, args);
    return this.cache.call(node, args, item, () => this.callNode(node, args));
  }

  /**
   * Calls a node through the adapter that takes over node calls (`wrapNodeCall`, Hamilton's `do_node_execute`),
   * if there is one. Its `call()` runs the node as usual and throws what the node threw; whatever the wrapper
   * throws fails the node, named as any node failure is.
   */
  private callWrapped(node: GraphNode, args: unknown[], item: number | undefined): unknown {
    const wrapper = this.hooks.nodeCallWrapper;
    if (!wrapper) return this.callCached(node, args, item);
    let original: { readonly thrown: unknown; readonly error: unknown } | undefined;
    const fail = (error: unknown): never => {
      original = { thrown: thrownBy(node, error), error };
      throw original.thrown;
    };
    const call = (given: unknown[] = args): unknown => {
      let result: unknown;
      try {
        result = this.callCached(node, given, item);
      } catch (error) {
        return fail(error);
      }
      return isThenable(result) ? Promise.resolve(result).then(undefined, fail) : result;
    };
    // What the node threw, passed on by the wrapper, keeps the failure the scheduler gave it.
    const blame = (error: unknown) =>
      original !== undefined && error === original.thrown ? original.error : this.context.failure(node, args, error);
    const event = this.context.nodeEvent(node, args, item);
    const dynamic = node.dynamic?.kind;
    let result: unknown;
    try {
      result = wrapper.wrapNodeCall!({ ...event, argList: args, isExpand: dynamic === 'expand', isCollect: dynamic === 'collect', call });
    } catch (error) {
      throw blame(error);
    }
    if (!isThenable(result)) return result;
    if (this.sync) {
      silence(result);
      throw new HamiltonError(AdapterMessages.asyncNodeCallInSyncDriver(adapterName(wrapper), node.name));
    }
    return Promise.resolve(result).then(undefined, (error: unknown) => {
      throw blame(error);
    });
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
    return this.runTask(task, [node]).then((values) => values[node.name]);
  }

  /**
   * Names a task's failure: a `TaskNodeError` after its node; a `HamiltonError` of the executor (a lost
   * connection, a dead worker) as it is; anything else after the task's first node.
   */
  private taskFailure(task: Task, nodes: readonly GraphNode[], error: unknown): unknown {
    if (error instanceof HamiltonError) return error;
    // The failing node may be one of the task's nodes or a resource the task made where it ran.
    const failed = error instanceof TaskNodeError ? (nodes.find((n) => n.name === error.node) ?? this.resourceOf(task, error.node)) : undefined;
    const node = failed ?? nodes[0];
    const given = failed && task.resources?.[failed.name] ? task.resources[failed.name] : task.inputs;
    const args = node.dependencies.map((d) => given[d.name]);
    return this.context.failure(node, args, failed ? (error as TaskNodeError).cause : error);
  }

  private resourceOf(task: Task, name: string): GraphNode | undefined {
    return task.resources && Object.hasOwn(task.resources, name) ? this.context.graph.get(name) : undefined;
  }
}

/** A task whose values read from outside are sent as inputs, or, for resources, as their upstream values. */
export function taskOf(id: string, runId: string, nodes: string[], outputs: string[], reads: Iterable<readonly [string, unknown]>): Task {
  const inputs: Record<string, unknown> = {};
  let resources: Record<string, Record<string, unknown>> | undefined;
  for (const [name, value] of reads) {
    if (value instanceof ResourceRef) (resources ??= {})[name] = value.upstream();
    else inputs[name] = value;
  }
  return resources ? { id, runId, nodes, inputs, outputs, resources } : { id, runId, nodes, inputs, outputs };
}

/** What a node itself threw, under the `NodeExecutionError` that names it. */
function thrownBy(node: GraphNode, error: unknown): unknown {
  return error instanceof NodeExecutionError && error.nodeName === node.name ? error.cause : error;
}

/**
 * The async run of a plan's top-level steps: each starts once the steps it reads are done. Settles once:
 * at the first failure after what runs has settled, at an abort at once, or when every step is done.
 */
class ConcurrentSteps {
  readonly promise: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;
  private readonly waiting: Int32Array;
  private readonly ready: number[] = [];
  private done = 0;
  private inFlight = 0;
  private failure: { readonly error: unknown } | undefined;
  private settled = false;
  private readonly chains: Chains | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    const steps = scheduler.context.plan.steps;
    this.chains = scheduler.chainsToo ? chainsOf(scheduler.context.plan, (step) => scheduler.chainable(step)) : undefined;
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
    const steps = this.scheduler.context.plan.steps;
    while (this.ready.length > 0 && !this.scheduler.stopped) {
      const position = this.ready.pop()!;
      const chain = this.chains?.headed[position];
      if (chain) {
        this.runChain(chain);
        continue;
      }
      let result: unknown;
      try {
        result = this.scheduler.runStep(steps[position]);
      } catch (error) {
        this.fail(error);
        break;
      }
      if (isThenable(result)) {
        this.inFlight++;
        // Promise.resolve adopts any thenable once: a node's thenable that settles twice is seen once.
        Promise.resolve(result).then(
          (value) => this.onStepDone(position, value),
          (error: unknown) => this.onStepFailed(error),
        );
      } else this.complete(position, result);
    }
    this.finishIfDone();
  }

  /** A chain's task; once back, each of its steps completes in order (inner values are not sent back). */
  private runChain(chain: readonly number[]): void {
    const steps = this.scheduler.context.plan.steps;
    this.inFlight++;
    this.scheduler.runChain(chain.map((position) => steps[position])).then(
      (values) => {
        this.inFlight--;
        if (this.scheduler.stopped) return this.finishIfDone();
        for (const position of chain) this.complete(position, values[steps[position].node.name]);
        this.pump();
      },
      (error: unknown) => this.onStepFailed(error),
    );
  }

  private onStepDone(position: number, value: unknown): void {
    this.inFlight--;
    if (this.scheduler.stopped) return this.finishIfDone();
    this.complete(position, value);
    this.pump();
  }

  private onStepFailed(error: unknown): void {
    this.inFlight--;
    this.fail(error);
    this.finishIfDone();
  }

  private complete(position: number, value: unknown): void {
    const step = this.scheduler.context.plan.steps[position];
    this.scheduler.context.store(step, value);
    this.done++;
    const inner = this.chains?.inner;
    for (const downstream of step.downstreamSteps) if (--this.waiting[downstream] === 0 && !inner?.[downstream]) this.ready.push(downstream);
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    this.scheduler.stop(error);
  }

  private finishIfDone(): void {
    if (this.settled) return;
    if (this.failure) {
      if (this.inFlight > 0) return;
      this.end();
      this.reject(this.failure.error);
    } else if (this.done === this.scheduler.context.plan.steps.length) {
      this.end();
      this.resolve();
    }
  }

  private abort(): void {
    if (this.settled) return;
    const reason: unknown = this.signal?.reason ?? new DOMException('The run was aborted.', 'AbortError');
    this.scheduler.stop(reason);
    this.end();
    this.reject(reason);
  }

  /** Marks the run over and lets go of the signal, which may outlive many runs (a service's deadline). */
  private end(): void {
    this.settled = true;
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}
