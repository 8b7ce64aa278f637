import { HamiltonError } from '../errors/index.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import { describeValue } from '../metadata/value-types.js';
import { ExecutionMessages } from './messages.js';
import type { Config } from '../graph/modifiers/index.js';
import type { Task, TaskValues } from './task.js';

/** What an executor learns when its driver is built: enough to rebuild the graph somewhere else. */
export interface ExecutorSetup {
  /** The feature-set classes of the driver, in order. */
  readonly featureSets: readonly Function[];
  readonly config: Config;
  readonly allowModuleOverrides: boolean;
  /** The driver's graph, for executors that run tasks in this process (`runTask(setup.graph, task)`). */
  readonly graph: FunctionGraph;
}

/**
 * Where work runs: the one seam between the driver's scheduler and a thread pool, a queue or anything else.
 * The scheduler owns ordering, readiness, fan-out, release of values, cancellation, retries and hooks; an
 * executor only runs the tasks it is given. An `inline` executor (LocalExecutor) lets the scheduler call
 * nodes itself, in this thread, with no task built; only such an executor can serve the sync Driver.
 *
 * @example
 * class InlineExecutor implements Executor {
 *   private graph!: FunctionGraph;
 *   prepare(setup: ExecutorSetup) { this.graph = setup.graph; }
 *   run(task: Task) { return runTask(this.graph, task); }
 * }
 */
export interface Executor {
  /**
   * Runs one task and resolves to its outputs. A node that throws rejects with a `TaskNodeError` naming it;
   * any other rejection is blamed on the task's first node. `signal` aborts when the run no longer needs the
   * task (another node failed, or the caller aborted): drop it if it has not started.
   */
  run(task: Task, signal: AbortSignal): Promise<TaskValues> | TaskValues;
  /** The scheduler may call nodes itself, in this thread, instead of building tasks (LocalExecutor). */
  readonly inline?: boolean;
  /** Called once when a driver is built with this executor. */
  prepare?(setup: ExecutorSetup): void;
  /** Releases what the executor holds (threads, connections); a closed executor may be used again. */
  close?(): Promise<void>;
}

/** Checks, when it is given, that a value can serve as an executor (plain JavaScript passes anything). */
export function checkExecutor(value: unknown): asserts value is Executor {
  const candidate = value as Partial<Record<'run' | 'prepare' | 'close', unknown>> | null;
  const isFunctionOrAbsent = (key: 'prepare' | 'close') => candidate![key] === undefined || typeof candidate![key] === 'function';
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.run !== 'function' ||
    !isFunctionOrAbsent('prepare') ||
    !isFunctionOrAbsent('close')
  ) {
    throw new HamiltonError(ExecutionMessages.invalidExecutor(describeValue(value)));
  }
}
