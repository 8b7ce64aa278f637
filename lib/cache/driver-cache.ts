import { HamiltonError } from '../errors/index.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import { CacheRun, type CacheLogEntry, type CacheStatus } from './cache-run.js';
import { CodeVersions } from './code-version.js';
import { FormerNames } from './former-names.js';
import { CacheMessages } from './messages.js';
import { Behaviors, type CacheOptions } from './options.js';
import { ResultStore } from './results.js';
import { renderSvg } from '../lineage/dot/svg.js';
import { runPicture } from './run-picture.js';
import { Store, storeOf } from './store.js';

/** What `dr.cache.viewRun()` takes. */
export interface ViewRunOptions {
  /** The run to draw (default: the driver's latest); any run in the store. */
  readonly runId?: string;
  /** `'dot'` (default): DOT text; `'svg'`: a Promise of SVG. */
  readonly format?: 'dot' | 'svg';
}

interface LogRow {
  readonly run_id: string;
  readonly node: string;
  readonly item: number | null;
  readonly status: CacheStatus;
  readonly reason: string;
  readonly code_version: string | null;
  readonly data_version: string | null;
}

/**
 * A driver's cache (`dr.cache`): the store, each node's behaviour and code version, and per run what was taken
 * from the cache and what was computed, and why. Runs of any driver on the same store share its results.
 */
export class DriverCache {
  readonly store: Store;
  private readonly codeVersions: CodeVersions;
  private readonly behaviors: Behaviors;
  private readonly formerNames: FormerNames;
  private readonly results: ResultStore;
  private latest: CacheRun | undefined;
  private readonly ownsStore: boolean;
  private closed = false;

  /** @internal Made by the driver from `Builder.withCache()` options. */
  constructor(
    private readonly graph: FunctionGraph,
    featureSetClasses: readonly Function[],
    options: CacheOptions,
  ) {
    this.behaviors = new Behaviors(graph, options);
    this.formerNames = new FormerNames(graph);
    this.codeVersions = new CodeVersions(graph, featureSetClasses);
    this.ownsStore = options.store === undefined;
    this.store = storeOf(options.store ?? options.path);
    this.results = new ResultStore(this.store);
  }

  /** The id of this driver's latest run (undefined before the first). */
  get lastRunId(): string | undefined {
    return this.latest?.runId;
  }

  /** The DAG version: every node's code version (and the roles of inputs and config). */
  get dagVersion(): string {
    return this.codeVersions.dagVersion;
  }

  /** A node's code version, or undefined when it has none (an input, or code that cannot be read). */
  codeVersion(node: string): string | undefined {
    const found = this.graph.get(node);
    if (!found || found.role !== 'function') return undefined;
    const version = this.codeVersions.of(found);
    return version.ok ? version.version : undefined;
  }

  /**
   * Per node call of a run (default: the latest), what the cache did: `hit`, `miss` (and what changed since the
   * last run), `recompute`, `disable`, `ignore` or `uncacheable` (and why). Any run in the store, by any process.
   */
  logs(runId: string | undefined = this.lastRunId): CacheLogEntry[] {
    if (runId === undefined) return [];
    if (this.latest?.runId === runId && this.latest.entries.length > 0) return [...this.latest.entries];
    const rows = this.store
      .statement('SELECT run_id, node, item, status, reason, code_version, data_version FROM cache_logs WHERE run_id = ? ORDER BY seq')
      .all(runId) as LogRow[];
    if (rows.length === 0 && !this.store.statement('SELECT 1 FROM cache_runs WHERE run_id = ?').get(runId)) {
      throw new HamiltonError(CacheMessages.unknownRun(runId));
    }
    return rows.map((row) => ({
      runId: row.run_id,
      node: row.node,
      status: row.status,
      reason: row.reason,
      ...(row.item === null ? {} : { item: row.item }),
      ...(row.code_version === null ? {} : { codeVersion: row.code_version }),
      ...(row.data_version === null ? {} : { dataVersion: row.data_version }),
    }));
  }

  /**
   * A run's DAG (default: the latest) as DOT, coloured by what the cache did for each node: taken from the cache,
   * computed, partly (a fan-out's items) or not cached. `{ format: 'svg' }` gives SVG (Graphviz in WebAssembly).
   */
  viewRun(options?: ViewRunOptions & { readonly format?: 'dot' }): string;
  viewRun(options: ViewRunOptions & { readonly format: 'svg' }): Promise<string>;
  viewRun(options: ViewRunOptions = {}): string | Promise<string> {
    if (typeof options !== 'object' || options === null) throw new HamiltonError(CacheMessages.badViewRunOptions(String(options)));
    const { runId = this.lastRunId, format = 'dot' } = options;
    if (format !== 'dot' && format !== 'svg') throw new HamiltonError(CacheMessages.badViewRunOptions(`format ${String(format)}`));
    if (runId === undefined) throw new HamiltonError(CacheMessages.noRunYet);
    const dot = runPicture(this.graph, runId, this.logs(runId));
    return format === 'svg' ? renderSvg(dot) : dot;
  }

  /**
   * Closes the store when this cache opened it (from `path`); a store passed as `{ store }` belongs to the caller,
   * who closes it. Later runs of the driver are refused with a message saying so.
   */
  close(): void {
    this.closed = true;
    if (this.ownsStore) this.store.close();
  }

  /** @internal The cache's part in a run about to start. */
  beginRun(runId: string): CacheRun {
    if (this.closed) throw new HamiltonError(CacheMessages.closed(this.store.path));
    if (!this.store.isOpen) throw new HamiltonError(CacheMessages.storeClosed(this.store.path));
    this.store
      .statement('INSERT OR REPLACE INTO cache_runs (run_id, dag_version, started_at) VALUES (?, ?, ?)')
      .run(runId, this.dagVersion, Date.now());
    const run = new CacheRun(runId, {
      graph: this.graph,
      store: this.store,
      results: this.results,
      codeVersions: this.codeVersions,
      behaviors: this.behaviors,
      formerNames: this.formerNames,
    });
    this.latest = run;
    return run;
  }
}
