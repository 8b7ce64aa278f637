import { describeCause } from '../errors/index.js';
import type { GraphResultEvent, GraphRunEvent, LifecycleAdapter, NodeResultEvent, NodeRunEvent } from '../execution/adapters.js';
import { SQLiteStore } from '../cache/store.js';
import { summaryOf, type Capture } from './summary.js';
import { TrackingMessages } from './messages.js';

/** What `new RunTracker()` takes. */
export interface RunTrackerOptions {
  /** The project the runs belong to (created on first use). */
  readonly project: string;
  /** The store (shared with `withCache({ store })`) or its folder. */
  readonly store: SQLiteStore | string;
  readonly tags?: Readonly<Record<string, string>>;
  /** What is kept of each node's value: nothing, its type and shape (default), or also numeric statistics. */
  readonly capture?: Capture;
  /** Records waiting to be written at most; past it the oldest are dropped (and counted), the run never waits. */
  readonly queueLimit?: number;
}

type Write = (store: SQLiteStore) => void;

/**
 * Records every run and node (start, end, status, error, a summary of the value) in the store, as Hamilton's UI
 * tracker does. Tracking never fails or stalls a run: the hooks only put records on a bounded queue, written
 * in one transaction after the current turn of the event loop; a store that cannot be written is reported once as
 * a warning and the runs go on. Whether a node came from the cache is read from the cache's logs in the same store.
 */
export class RunTracker implements LifecycleAdapter {
  /** Records dropped because the queue was full. */
  dropped = 0;
  private readonly queue: Write[] = [];
  private readonly started = new Map<string, number>();
  private store: SQLiteStore | undefined;
  private scheduled: Promise<void> | undefined;
  private warned = false;
  private readonly capture: Capture;
  private readonly limit: number;

  constructor(private readonly options: RunTrackerOptions) {
    this.capture = options.capture ?? 'schema';
    this.limit = options.queueLimit ?? 100_000;
  }

  beforeGraphExecute(event: GraphRunEvent): void {
    const { project, tags = {} } = this.options;
    const now = Date.now();
    const outputs = JSON.stringify(event.outputs);
    const inputs = JSON.stringify(Object.keys(event.inputs));
    this.enqueue((store) => {
      store.statement('INSERT OR IGNORE INTO projects (name, created_at) VALUES (?, ?)').run(project, now);
      store
        .statement('INSERT OR REPLACE INTO runs (run_id, project, tags, outputs, inputs, status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(event.runId, project, JSON.stringify(tags), outputs, inputs, 'running', now);
    });
  }

  beforeNodeExecute(event: NodeRunEvent): void {
    this.started.set(keyOf(event), Date.now());
  }

  afterNodeExecute(event: NodeResultEvent): void {
    const key = keyOf(event);
    const ended = Date.now();
    const started = this.started.get(key) ?? ended - event.durationMs;
    this.started.delete(key);
    const summary = event.success ? safeSummary(event.result, this.capture) : undefined;
    const error = event.success ? null : describeCause(event.error);
    this.enqueue((store) =>
      store
        .statement(
          'INSERT OR REPLACE INTO node_runs (run_id, node, item, status, error, started_at, ended_at, duration_ms, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          event.runId,
          event.node,
          event.item ?? -1,
          event.success ? 'success' : 'failed',
          error,
          started,
          ended,
          event.durationMs,
          summary ?? null,
        ),
    );
  }

  afterGraphExecute(event: GraphResultEvent): void {
    const now = Date.now();
    const error = event.success ? null : describeCause(event.error);
    this.enqueue((store) =>
      store
        .statement('UPDATE runs SET status = ?, error = ?, ended_at = ? WHERE run_id = ?')
        .run(event.success ? 'success' : 'failed', error, now, event.runId),
    );
  }

  /** Resolves once every record queued so far is written (or dropped because the store failed). */
  flush(): Promise<void> {
    return this.scheduled ?? Promise.resolve();
  }

  /** Writes what is queued and closes a store the tracker opened itself. */
  async close(): Promise<void> {
    await this.flush();
    if (this.store && !(this.options.store instanceof SQLiteStore)) this.store.close();
  }

  private enqueue(write: Write): void {
    if (this.queue.length >= this.limit) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push(write);
    this.scheduled ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        this.scheduled = undefined;
        this.write();
        resolve();
      }),
    );
  }

  private write(): void {
    const writes = this.queue.splice(0, this.queue.length);
    try {
      const store = (this.store ??= this.options.store instanceof SQLiteStore ? this.options.store : new SQLiteStore(this.options.store));
      store.transaction(() => writes.forEach((write) => write(store)));
    } catch (error) {
      if (!this.warned) process.emitWarning(TrackingMessages.storeFailed(describeCause(error)));
      this.warned = true;
    }
  }
}

function keyOf(event: NodeRunEvent): string {
  return `${event.runId}\0${event.node}\0${event.item ?? -1}`;
}

function safeSummary(value: unknown, capture: Capture): string | undefined {
  try {
    return summaryOf(value, capture);
  } catch {
    return undefined;
  }
}
