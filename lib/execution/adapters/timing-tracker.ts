import type { GraphRunEvent, LifecycleAdapter, NodeResultEvent } from '../adapters.js';

/** How long one node took in the last run. */
export interface NodeTiming {
  readonly node: string;
  readonly durationMs: number;
  readonly success: boolean;
}

/**
 * Records how long each node took in the most recent run (Hamilton's timing tracking).
 *
 * @example
 * const timings = new TimingTracker();
 * new Builder().withModules(F).withAdapters(timings).build().execute(['d']);
 * console.log(timings.slowest(3));
 */
export class TimingTracker implements LifecycleAdapter {
  private current: NodeTiming[] = [];

  /** Timings of the last run, in the order the nodes finished. */
  get timings(): readonly NodeTiming[] {
    return this.current;
  }

  /** Total milliseconds spent inside nodes in the last run. */
  get totalMs(): number {
    return this.current.reduce((sum, t) => sum + t.durationMs, 0);
  }

  /** The `count` slowest nodes of the last run, slowest first. */
  slowest(count = 5): NodeTiming[] {
    return [...this.current].sort((a, b) => b.durationMs - a.durationMs).slice(0, count);
  }

  beforeGraphExecute(_event: GraphRunEvent): void {
    this.current = [];
  }

  afterNodeExecute(event: NodeResultEvent): void {
    this.current.push({ node: event.node, durationMs: event.durationMs, success: event.success });
  }
}
