import { describeValue } from '../../metadata/value-types.js';
import type { GraphResultEvent, GraphRunEvent, LifecycleAdapter, NodeResultEvent } from '../adapters.js';

/**
 * Logs each run and node as it happens: one line per event, values summarized (never dumped).
 *
 * @param log where lines go (default `console.log`).
 */
export class ExecutionLogger implements LifecycleAdapter {
  constructor(private readonly log: (line: string) => void = console.log) {}

  beforeGraphExecute(event: GraphRunEvent): void {
    this.log(`[${event.runId}] run: ${event.plannedNodes.length} nodes for ${event.outputs.join(', ')}`);
  }

  afterNodeExecute(event: NodeResultEvent): void {
    const outcome = event.success ? `-> ${describeValue(event.result)}` : `failed: ${String((event.error as Error)?.message ?? event.error)}`;
    this.log(`[${event.runId}] ${event.node} (${event.origin}) ${event.durationMs.toFixed(2)} ms ${outcome}`);
  }

  afterGraphExecute(event: GraphResultEvent): void {
    this.log(`[${event.runId}] ${event.success ? 'done' : 'failed'}`);
  }
}
