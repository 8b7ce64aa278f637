import { HamiltonError, NodeExecutionError } from '../errors/index.js';
import type { GraphNode } from '../graph/node.js';
import type { Executor } from './executor.js';
import type { Hooks } from './hooks.js';
import { then } from './maybe.js';
import { ExecutionMessages } from './messages.js';
import { ResourceRef } from './resources.js';
import { resultEvent, type NodeOutcome } from './result-event.js';
import type { RunContext } from './run-context.js';
import { TaskNodeError, type Task, type TaskValues } from './task.js';

/**
 * A run's calls to an executor that is not inline: a task out, its outputs back, checked, and its failure named
 * after the node that failed there. Multi-node tasks (a chain, a fan-out item's branch) are reported to the hooks
 * node by node once they are back.
 */
export class TaskCalls {
  constructor(
    private readonly context: RunContext,
    private readonly executor: Executor,
    private readonly hooks: Hooks,
    /** Aborted when the run no longer needs its tasks. */
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Runs a task of several nodes (a fan-out item's branch, a chain) through the executor, and tells the hooks
   * about each of its nodes once it is back: with hooks, the task returns every node's value, so that
   * `afterNodeExecute` sees results (a validator's checks, a progress count) wherever the nodes ran. Their
   * `durationMs` is the whole task's.
   */
  ofNodes(task: Task, nodes: readonly GraphNode[], item: number | undefined): Promise<TaskValues> {
    if (!this.hooks.nodeHooks) return this.run(task, nodes);
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
        const outcome: NodeOutcome = failed ? { success: false, error: failed.error } : { success: true, result: values[node.name] };
        return { event, outcome };
      });
      return events.reduce<unknown>(
        (previous, { event, outcome }) =>
          then(previous, () =>
            then(this.hooks.call('beforeNodeExecute', event), () => this.hooks.call('afterNodeExecute', resultEvent(event, outcome, durationMs))),
          ),
        undefined,
      );
    };
    return this.run(asked, nodes).then(
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
  run(task: Task, nodes: readonly GraphNode[]): Promise<TaskValues> {
    let running: Promise<TaskValues>;
    try {
      running = Promise.resolve(this.executor.run(task, this.signal));
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
        throw this.failure(task, nodes, error);
      },
    );
  }

  /**
   * Names a task's failure: a `TaskNodeError` after its node; a `HamiltonError` of the executor (a lost
   * connection, a dead worker) as it is; anything else after the task's first node.
   */
  private failure(task: Task, nodes: readonly GraphNode[], error: unknown): unknown {
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
