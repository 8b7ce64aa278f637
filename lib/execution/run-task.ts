import { ExecutionMessages } from './messages.js';
import { HamiltonError } from '../errors/index.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';
import { resourceFor } from './resources.js';
import { callWithRetry } from './retry.js';
import { TaskNodeError, type Task, type TaskValues } from './task.js';
import { isThenable } from '../metadata/thenable.js';

/**
 * Runs a task's nodes in order against a graph built from the same feature sets and config, where the task
 * was sent (a worker thread, a worker process, a custom executor). Resources the task reads are made (or
 * reused) here from their upstream values. Each node is retried by its own policy.
 * A node that throws rejects (or throws) a `TaskNodeError` naming it. Stays synchronous while every node is.
 */
export function runTask(graph: FunctionGraph, task: Task, options: { readonly retry?: boolean } = {}): TaskValues | Promise<TaskValues> {
  // retry: false when the transport retries the whole task itself (BullMQ attempts).
  const retrying = options.retry !== false;
  const values = new Map<string, unknown>(Object.entries(task.inputs));
  const nodes = task.nodes.map((name) => nodeToRun(graph, task, name));
  const pending: Promise<void>[] = [];
  for (const [name, upstream] of Object.entries(task.resources ?? {})) {
    const node = nodeToRun(graph, task, name);
    let resource: unknown;
    try {
      resource = resourceFor(
        graph,
        node,
        node.dependencies.map((d) => upstream[d.name]),
      );
    } catch (error) {
      throw new TaskNodeError(name, error);
    }
    if (!isThenable(resource)) values.set(name, resource);
    else
      pending.push(
        Promise.resolve(resource).then(
          (made) => void values.set(name, made),
          (error: unknown) => Promise.reject(new TaskNodeError(name, error)),
        ),
      );
  }
  const next = (position: number): TaskValues | Promise<TaskValues> => {
    for (let i = position; i < nodes.length; i++) {
      const node = nodes[i];
      const args = node.dependencies.map((d) => values.get(d.name));
      let result: unknown;
      let thenable: boolean;
      try {
        result = retrying ? callWithRetry(node, args, false) : node.callable!(args);
        // Inside the try: a value whose `then` getter throws is the node's failure too.
        thenable = isThenable(result);
      } catch (error) {
        throw new TaskNodeError(node.name, error);
      }
      if (thenable) {
        return Promise.resolve(result as PromiseLike<unknown>).then(
          (value) => {
            values.set(node.name, value);
            return next(i + 1);
          },
          (error: unknown) => {
            throw error instanceof TaskNodeError ? error : new TaskNodeError(node.name, error);
          },
        );
      }
      values.set(node.name, result);
    }
    const outputs: Record<string, unknown> = {};
    for (const name of task.outputs) outputs[name] = values.get(name);
    return outputs;
  };
  return pending.length === 0 ? next(0) : Promise.all(pending).then(() => next(0));
}

function nodeToRun(graph: FunctionGraph, task: Task, name: string): GraphNode {
  const node = graph.get(name);
  if (!node?.callable) throw new HamiltonError(ExecutionMessages.taskNodeUnknown(task.id, name));
  return node;
}
