import type { GraphRunEvent, LifecycleAdapter, NodeResultEvent } from '../adapters.js';

/** Where a progress bar writes: a stream such as `process.stderr`. */
export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * A text progress bar of the nodes a run executes. On a terminal it redraws one line; elsewhere (CI logs) it
 * prints a line at every tenth of the way, so logs stay short. A fan-out's per-item nodes do not count as
 * nodes (their number is known only once the items are); on a terminal the line shows the items done.
 */
export class ProgressBar implements LifecycleAdapter {
  private total = 0;
  private done = 0;
  private items = 0;
  private drawnAt = 0;
  private lastTenth = -1;

  constructor(
    private readonly sink: ProgressSink = process.stderr,
    private readonly width = 30,
  ) {}

  beforeGraphExecute(event: GraphRunEvent): void {
    this.total = event.plannedNodes.length - event.perItemNodes.length;
    this.done = 0;
    this.items = 0;
    this.lastTenth = -1;
  }

  afterNodeExecute(event: NodeResultEvent): void {
    if (event.item === undefined) this.done++;
    else this.items++;
    const fraction = this.total === 0 ? 1 : this.done / this.total;
    const filled = Math.round(fraction * this.width);
    const items = this.items > 0 ? ` (${this.items} per-item nodes)` : '';
    const line = `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${this.done}/${this.total} ${event.node}${items}`;
    // Per-item lines go to a terminal only, at most every 100 ms: a large fan-out must not flood it.
    if (event.item !== undefined && (!this.sink.isTTY || performance.now() - this.drawnAt < 100)) return;
    this.drawnAt = performance.now();
    if (this.sink.isTTY) {
      this.sink.write(`\r${line}${this.done === this.total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth !== this.lastTenth) {
      this.lastTenth = tenth;
      this.sink.write(`${line}\n`);
    }
  }
}
