import type { RunContext } from './run-context.js';

/**
 * Runs the steps of a plan. The plan says what to run and in which order; an executor decides where and
 * how (inline, concurrently, on workers). Results go into the run context's value slots.
 */
export interface Executor {
  /** Runs every step synchronously; executors that leave the process do not implement it. */
  runSync?(context: RunContext): void;
  /** Runs the steps, each as soon as its upstream steps are done. */
  runAsync(context: RunContext, signal?: AbortSignal): Promise<void>;
  /** Releases what the executor holds (threads, connections). */
  close?(): Promise<void>;
}
