import { HamiltonError, describeCause } from '../errors/index.js';
import type { GraphConstructEvent, GraphResultEvent, GraphRunEvent, LifecycleAdapter, NodeResultEvent } from '../execution/adapters.js';
import { closeNames } from '../graph/close-names.js';
import { CodeVersions } from '../cache/code-version.js';
import { dataVersion } from '../cache/data-version.js';
import { FILL_NODE_CACHE_STATUS } from '../cache/schema.js';
import { Store, storeOf } from '../cache/store.js';
import { gitCommit } from './git-commit.js';
import { graphRecordOf } from './graph-record.js';
import { TrackingMessages } from './messages.js';
import { checkedTrackerOptions, type RunTrackerOptions } from './options.js';
import { summaryOf, type Capture } from './summary.js';

export type { RunTrackerOptions, Retention } from './options.js';

type Write = (store: Store) => void;
/** A node record as the row it becomes (kept flat: the queue holds thousands of them per run). */
type NodeRow = readonly [string, string, number, string, string | null, number, number, number, string | null];
type Queued = Write | NodeRow;

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A write that failed only after this long (a server that accepts and never answers, a lock never released) makes
 * the tracker leave the store alone for RETRY_AFTER_MS: one stall, not one per run. Quick failures retry each time.
 */
const SLOW_FAILURE_MS = 1_000;
const RETRY_AFTER_MS = 30_000;
const INSERT_NODE =
  'INSERT OR REPLACE INTO node_runs (run_id, node, item, status, error, started_at, ended_at, duration_ms, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Records every run (project, tags, DAG version, git commit, config, inputs' data versions, status) and every
 * node (start, end, duration, status, error, cache hit or miss, a summary of its value) in the store, as
 * Hamilton's UI tracker does. Tracking never fails or stalls a run: the hooks only put records on a bounded
 * queue, written in one transaction after the current turn of the event loop; a store that cannot be written is
 * reported once as a warning and the runs go on. Whether a node came from the cache is copied from the cache's
 * logs of the same run in the same store. One tracker per driver: the DAG version is that of the graph it saw built.
 */
export class RunTracker implements LifecycleAdapter {
  /** Records dropped because the queue was full. */
  dropped = 0;
  /** Records not written because the store failed (or was being left alone after a slow failure). */
  unwritten = 0;
  private readonly options: RunTrackerOptions;
  private readonly queue: Queued[] = [];
  private store: Store | undefined;
  private scheduled: Promise<void> | undefined;
  private warned = false;
  /** Until then the store is left alone: it failed slowly (a server that does not answer) and would stall every run. */
  private retryAt = 0;
  private readonly capture: Capture;
  private readonly nodeCapture: ReadonlyMap<string, Capture>;
  private readonly limit: number;
  private codeVersions: CodeVersions | undefined;
  private config = '{}';
  /** The graph as stored (JSON), written with the first run under its DAG version. */
  private graph: string | undefined;
  /** Whether the graph went out with a run's records (again after a write failed: the store keeps the first). */
  private graphSent = false;

  constructor(options: RunTrackerOptions) {
    this.options = checkedTrackerOptions(options);
    this.capture = this.options.capture ?? 'schema';
    this.nodeCapture = new Map(Object.entries(this.options.nodeCapture ?? {}));
    this.limit = this.options.queueLimit ?? 100_000;
  }

  /** The graph's code versions (hashed only when the first run is written) and config; checks `nodeCapture`. */
  afterGraphConstruct(event: GraphConstructEvent): void {
    const known = event.graph.nodes.map((node) => node.name);
    for (const name of this.nodeCapture.keys()) {
      if (!event.graph.get(name)) throw new HamiltonError(TrackingMessages.unknownCaptureNode(name, closeNames(name, known)));
    }
    this.codeVersions = new CodeVersions(event.graph, event.modules);
    this.config = safeJson(event.config);
    this.graph = safeJson(graphRecordOf(event.graph));
    this.graphSent = false;
  }

  beforeGraphExecute(event: GraphRunEvent): void {
    const { project, tags = {} } = this.options;
    const now = Date.now();
    const outputs = JSON.stringify(event.outputs);
    // Hashed now, before any node could change an input in place.
    const inputs = JSON.stringify(Object.fromEntries(Object.entries(event.inputs).map(([name, value]) => [name, versionOrNull(value)])));
    const config = this.config;
    const versions = this.codeVersions;
    // The graph once per DAG version (not per run): the first run of this tracker offers it, the store keeps the first.
    const graph = this.graphSent ? undefined : this.graph;
    this.graphSent = true;
    this.enqueue((store) => {
      store.statement('INSERT OR IGNORE INTO projects (name, created_at) VALUES (?, ?)').run(project, now);
      const dagVersion = versions?.dagVersion;
      if (graph !== undefined && dagVersion !== undefined) {
        store.statement('INSERT OR IGNORE INTO dag_graphs (dag_version, graph, created_at) VALUES (?, ?, ?)').run(dagVersion, graph, now);
      }
      store
        .statement(
          'INSERT OR REPLACE INTO runs (run_id, project, dag_version, git_commit, config, tags, outputs, inputs, status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(event.runId, project, versions?.dagVersion ?? null, gitCommit(), config, JSON.stringify(tags), outputs, inputs, 'running', now);
    });
  }

  afterNodeExecute(event: NodeResultEvent): void {
    const ended = Date.now();
    const capture = this.nodeCapture.size > 0 ? (this.nodeCapture.get(event.node) ?? this.capture) : this.capture;
    const summary = event.success && capture !== 'none' ? safeSummary(event.result, capture) : null;
    const row: NodeRow = [
      event.runId,
      event.node,
      event.item ?? -1,
      event.success ? 'success' : 'failed',
      event.success ? null : describeCause(event.error),
      ended - event.durationMs,
      ended,
      event.durationMs,
      summary,
    ];
    this.enqueue(row);
  }

  afterGraphExecute(event: GraphResultEvent): void {
    const now = Date.now();
    const error = event.success ? null : describeCause(event.error);
    const { project, retention } = this.options;
    this.enqueue((store) => {
      store
        .statement('UPDATE runs SET status = ?, error = ?, ended_at = ? WHERE run_id = ?')
        .run(event.success ? 'success' : 'failed', error, now, event.runId);
      store.statement(FILL_NODE_CACHE_STATUS).run(event.runId, event.runId);
      if (retention) applyRetention(store, project, retention, now);
    });
  }

  /** Resolves once every record queued so far is written (or dropped because the store failed). */
  flush(): Promise<void> {
    return this.scheduled ?? Promise.resolve();
  }

  /** Writes what is queued and closes a store the tracker opened itself. */
  async close(): Promise<void> {
    await this.flush();
    if (this.store && !(this.options.store instanceof Store)) this.store.close();
    this.store = undefined;
  }

  private enqueue(record: Queued): void {
    if (this.queue.length >= this.limit) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push(record);
    this.scheduled ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        this.scheduled = undefined;
        this.write();
        resolve();
      }),
    );
  }

  private write(): void {
    const records = this.queue.splice(0, this.queue.length);
    const started = Date.now();
    if (started < this.retryAt) {
      this.unwritten += records.length;
      return;
    }
    try {
      const store = (this.store ??= storeOf(this.options.store));
      store.transaction(() => {
        // Node rows in runs between the other writes, each run in one call (one round trip to a remote store).
        let rows: NodeRow[] = [];
        for (const record of records) {
          if (typeof record !== 'function') {
            rows.push(record);
            continue;
          }
          store.runEach(INSERT_NODE, rows);
          rows = [];
          record(store);
        }
        store.runEach(INSERT_NODE, rows);
      });
    } catch (error) {
      this.unwritten += records.length;
      if (Date.now() - started >= SLOW_FAILURE_MS) this.retryAt = Date.now() + RETRY_AFTER_MS;
      this.graphSent = false;
      if (!this.warned) process.emitWarning(TrackingMessages.storeFailed(describeCause(error)));
      this.warned = true;
    }
  }
}

/** Deletes the project's runs (and their node records) beyond the newest `runs` or older than `days`. */
function applyRetention(store: Store, project: string, retention: { readonly runs?: number; readonly days?: number }, now: number): void {
  const expired: string[] = [];
  if (retention.days !== undefined) {
    const rows = store.statement('SELECT run_id FROM runs WHERE project = ? AND started_at < ?').all(project, now - retention.days * DAY_MS) as {
      run_id: string;
    }[];
    expired.push(...rows.map((row) => row.run_id));
  }
  if (retention.runs !== undefined) {
    const rows = store
      .statement('SELECT run_id FROM runs WHERE project = ? ORDER BY started_at DESC, rowid DESC LIMIT -1 OFFSET ?')
      .all(project, retention.runs) as { run_id: string }[];
    expired.push(...rows.map((row) => row.run_id));
  }
  const dropNodes = store.statement('DELETE FROM node_runs WHERE run_id = ?');
  const dropRun = store.statement('DELETE FROM runs WHERE run_id = ?');
  for (const runId of new Set(expired)) {
    dropNodes.run(runId);
    dropRun.run(runId);
  }
}

function versionOrNull(value: unknown): string | null {
  try {
    const version = dataVersion(value);
    return version.ok ? version.version : null;
  } catch {
    return null;
  }
}

function safeSummary(value: unknown, capture: Capture): string | null {
  try {
    return summaryOf(value, capture) ?? null;
  } catch {
    return null;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '{}';
  } catch {
    return '{}';
  }
}
