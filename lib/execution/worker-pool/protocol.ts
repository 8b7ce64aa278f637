/** Messages between a WorkerPoolExecutor and its worker threads. */
import type { Task, TaskValues } from '../task.js';
import type { ThreadFeatureSet } from './feature-set-ref.js';
import type { SentThrown } from './thrown.js';

/** What every worker is started with: enough to build the driver's graph again. */
export interface WorkerSetup {
  readonly featureSets: readonly ThreadFeatureSet[];
  readonly config: Readonly<Record<string, unknown>>;
  readonly allowModuleOverrides: boolean;
}

/** One worker's start data: the shared setup and its own progress cell. */
export interface WorkerData extends WorkerSetup {
  /**
   * One Int32 the worker sets to the position (in `callableNodesOf(task)`) of the node it starts, so the pool can name
   * that node when the thread dies in it; shared memory, so it costs no message.
   */
  readonly progress: Int32Array;
}

/**
 * The nodes a task may call where it runs, in the order the progress cell counts them: its nodes, then the
 * resources it makes or reuses.
 */
export function callableNodesOf(task: Task): readonly string[] {
  return task.resources === undefined ? task.nodes : [...task.nodes, ...Object.keys(task.resources)];
}

/** Run one task. */
export interface TaskMessage {
  readonly id: number;
  readonly task: Task;
}

/** What a worker says: it is ready (graph built), or how a task ended. */
export type WorkerMessage =
  | { readonly kind: 'ready' }
  /** A promise a node left behind rejected, unhandled: told, not fatal. */
  | { readonly kind: 'unhandled'; readonly reason: string }
  | { readonly kind: 'done'; readonly id: number; readonly values: TaskValues }
  /** `node`: the node that failed (absent when the task failed outside any node). */
  | { readonly kind: 'failed'; readonly id: number; readonly node: string | undefined; readonly error: SentThrown };
