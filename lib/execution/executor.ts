import type { Config } from '../graph/modifiers/index.js';
import type { RunContext } from './run-context.js';

/** What an executor learns when its driver is built: enough to rebuild the graph somewhere else. */
export interface ExecutorSetup {
  /** The feature-set classes of the driver, in order. */
  readonly featureSets: readonly Function[];
  readonly config: Config;
  readonly allowModuleOverrides: boolean;
}

/**
 * Runs the steps of a plan. The plan says what to run and in which order; an executor decides where and
 * how (inline, concurrently, on workers). Results go into the run context's value slots.
 */
export interface Executor {
  /** Runs every step synchronously; executors that leave the process do not implement it. */
  runSync?(context: RunContext): void;
  /** Runs the steps, each as soon as its upstream steps are done. */
  runAsync(context: RunContext, signal?: AbortSignal): Promise<void>;
  /** Called once when a driver is built with this executor (workers rebuild the graph from this). */
  prepare?(setup: ExecutorSetup): void;
  /** Releases what the executor holds (threads, connections). */
  close?(): Promise<void>;
}
