import { Builder } from 'hamilton-ts';
import type { Task } from '../../../lib/execution/task.js';
import { WorkerPoolExecutor, type WorkerPoolOptions } from '../../../lib/execution/worker-pool/worker-pool-executor.js';

/** A pool prepared as a driver would prepare it, for specs that call `run(task, signal)` directly. */
export function preparedPool(featureSets: Function[], options: WorkerPoolOptions = {}, config: Record<string, unknown> = {}): WorkerPoolExecutor {
  const pool = new WorkerPoolExecutor(options);
  const graph = new Builder()
    .withConfig(config)
    .withModules(...(featureSets as (new () => object)[]))
    .build().graph;
  pool.prepare({ featureSets, config, allowModuleOverrides: false, graph });
  return pool;
}

let tasks = 0;

/** A task running `nodes` in order, returning the last one unless `outputs` says otherwise. */
export function task(nodes: string[], inputs: Record<string, unknown>, outputs: string[] = [nodes[nodes.length - 1]]): Task {
  tasks++;
  return { id: `${nodes[0]}#${tasks}`, runId: 'spec', nodes, inputs, outputs };
}

/** What a promise rejected with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** Collects unhandled rejections in this process while `body` runs (and a turn after it). */
export async function unhandledDuring(body: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}
