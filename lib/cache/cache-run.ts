import type { NodeCallCache } from '../execution/node-call-cache.js';
import { then } from '../execution/maybe.js';
import type { GraphNode } from '../graph/node.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import type { CodeVersions } from './code-version.js';
import { dataVersion, type DataVersion } from './data-version.js';
import { hashStrings } from './hash.js';
import { CacheMessages } from './messages.js';
import type { Behaviors } from './options.js';
import type { ResultStore } from './results.js';
import { FILL_NODE_CACHE_STATUS } from './schema.js';
import type { SQLiteStore } from './store.js';

/** What the cache did for one node call. */
export type CacheStatus = 'hit' | 'miss' | 'recompute' | 'disable' | 'ignore' | 'uncacheable';

/** One line of `dr.cache.logs()`: a node call, what the cache did, and why. */
export interface CacheLogEntry {
  readonly runId: string;
  readonly node: string;
  /** The fan-out item, for a per-item node. */
  readonly item?: number;
  readonly status: CacheStatus;
  /** For a miss, what changed since the last run (or why nothing could be reused). */
  readonly reason: string;
  readonly codeVersion?: string;
  readonly dataVersion?: string;
}

/** What a run of a cached driver shares with the driver's cache. */
export interface CacheParts {
  readonly graph: FunctionGraph;
  readonly store: SQLiteStore;
  readonly results: ResultStore;
  readonly codeVersions: CodeVersions;
  readonly behaviors: Behaviors;
}

type Inputs = { readonly ok: true; readonly versions: Record<string, string> } | { readonly ok: false; readonly reason: string };

interface VersionsSeen {
  readonly node: string;
  readonly item: number;
  readonly code: string;
  readonly inputs: string;
}

/**
 * The cache's part in one run: consulted around each node call (the scheduler's {@link NodeCallCache} seam).
 * Cache entries and results are written as each node finishes, so a run killed half-way keeps what it stored;
 * the logs and the versions seen (for "what changed") are written together when the run ends.
 */
export class CacheRun implements NodeCallCache {
  readonly entries: CacheLogEntry[] = [];
  private readonly seen: VersionsSeen[] = [];
  /** Results read from the store in this run, marked used when it ends (one write, not one per hit). */
  private readonly used = new Set<string>();
  /** Data versions of the objects this run produced or read, by identity: each is hashed once per run. */
  private readonly versions = new WeakMap<object, string>();

  constructor(
    readonly runId: string,
    private readonly parts: CacheParts,
  ) {}

  call(node: GraphNode, args: readonly unknown[], item: number | undefined, compute: () => unknown): unknown {
    const { behaviors, codeVersions, store } = this.parts;
    const behavior = behaviors.of(node);
    if (behavior === 'disable' || behavior === 'ignore') {
      this.log(node, item, behavior, CacheMessages.reasons[behavior]);
      return compute();
    }
    const code = codeVersions.of(node);
    if (!code.ok) {
      this.log(node, item, 'uncacheable', CacheMessages.reasons.uncacheableCode(code.reason));
      return compute();
    }
    const inputs = this.inputVersions(node, args);
    if (!inputs.ok) {
      this.log(node, item, 'uncacheable', inputs.reason, code.version);
      return compute();
    }
    const key = hashStrings([node.name, code.version, ...Object.entries(inputs.versions).map(([name, version]) => `${name}=${version}`)]);
    let reason: string | undefined;
    if (behavior === 'default') {
      const entry = store.statement('SELECT data_version FROM cache_entries WHERE cache_key = ?').get(key) as { data_version: string } | undefined;
      if (entry) {
        const loaded = this.parts.results.load(entry.data_version);
        if (loaded.ok) {
          this.remember(loaded.value, entry.data_version);
          this.used.add(entry.data_version);
          this.note(node, item, code.version, inputs.versions);
          this.log(node, item, 'hit', CacheMessages.reasons.hit, code.version, entry.data_version);
          return loaded.value;
        }
        reason = loaded.reason;
      }
    }
    reason ??= behavior === 'recompute' ? CacheMessages.reasons.recompute : this.whatChanged(node, item, code.version, inputs.versions);
    this.note(node, item, code.version, inputs.versions);
    return then(compute(), (result) => {
      this.save(node, item, key, code.version, result, behavior === 'recompute' ? 'recompute' : 'miss', reason);
      return result;
    });
  }

  /**
   * Writes the logs and the versions seen, in one transaction; called once when the run ends. A store that fails
   * here does not change the run's outcome (its values are computed and returned): the failure is a warning.
   */
  end(success: boolean): void {
    try {
      this.write(success);
    } catch (error) {
      process.emitWarning(CacheMessages.logsNotWritten(this.runId, (error as Error).message));
    }
  }

  private write(success: boolean): void {
    const { store } = this.parts;
    const insertLog = store.statement(
      'INSERT OR REPLACE INTO cache_logs (run_id, seq, node, item, status, reason, code_version, data_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertSeen = store.statement('INSERT OR REPLACE INTO node_versions (node, item, code_version, inputs, run_id) VALUES (?, ?, ?, ?, ?)');
    store.transaction(() => {
      this.entries.forEach((e, seq) =>
        insertLog.run(this.runId, seq, e.node, e.item ?? null, e.status, e.reason, e.codeVersion ?? null, e.dataVersion ?? null),
      );
      for (const s of this.seen) insertSeen.run(s.node, s.item, s.code, s.inputs, this.runId);
      this.parts.results.touch(this.used, Date.now());
      store.statement(FILL_NODE_CACHE_STATUS).run(this.runId, this.runId);
      store.statement('UPDATE cache_runs SET ended_at = ?, success = ? WHERE run_id = ?').run(Date.now(), success ? 1 : 0, this.runId);
    });
  }

  /** The data version of a value read or produced in this run. */
  versionOf(value: unknown): DataVersion {
    if (typeof value !== 'object' || value === null) return dataVersion(value);
    const known = this.versions.get(value);
    if (known !== undefined) return { ok: true, version: known };
    const version = dataVersion(value);
    if (version.ok) this.versions.set(value, version.version);
    return version;
  }

  private inputVersions(node: GraphNode, args: readonly unknown[]): Inputs {
    const { graph, behaviors } = this.parts;
    const versions: Record<string, string> = {};
    for (let i = 0; i < node.dependencies.length; i++) {
      const name = node.dependencies[i].name;
      const producer = graph.get(name);
      const behavior = producer ? behaviors.of(producer) : 'default';
      if (behavior === 'ignore') continue;
      if (behavior === 'disable' && producer?.role === 'function') return { ok: false, reason: CacheMessages.reasons.disabledInput(name) };
      const version = this.versionOf(args[i]);
      if (!version.ok) return { ok: false, reason: CacheMessages.reasons.uncacheableInput(name, version.reason) };
      versions[name] = version.version;
    }
    return { ok: true, versions };
  }

  private save(node: GraphNode, item: number | undefined, key: string, code: string, result: unknown, status: CacheStatus, reason: string): void {
    const version = this.versionOf(result);
    if (!version.ok) {
      this.log(node, item, status, `${reason}; ${CacheMessages.reasons.uncacheableResult(version.reason)}`, code);
      return;
    }
    const { store, results, behaviors } = this.parts;
    try {
      store.transaction(() => {
        results.save(version.version, result, behaviors.formatOf(node));
        store
          .statement(
            'INSERT OR REPLACE INTO cache_entries (cache_key, node, code_version, data_version, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(key, node.name, code, version.version, this.runId, Date.now());
      });
    } catch (error) {
      // The run goes on: a value the store cannot take is computed again next time, and the log says why.
      this.log(node, item, status, `${reason}; ${CacheMessages.reasons.notStored((error as Error).message)}`, code, version.version);
      return;
    }
    this.log(node, item, status, reason, code, version.version);
  }

  /** Why a node with a default behaviour missed: what differs from the versions the store last saw for it. */
  private whatChanged(node: GraphNode, item: number | undefined, code: string, inputs: Record<string, string>): string {
    const row = this.parts.store
      .statement('SELECT code_version, inputs FROM node_versions WHERE node = ? AND item = ?')
      .get(node.name, item ?? -1) as { code_version: string; inputs: string } | undefined;
    if (!row) return CacheMessages.reasons.firstRun;
    if (row.code_version !== code) return CacheMessages.reasons.codeChanged;
    const before = JSON.parse(row.inputs) as Record<string, string>;
    const changed = [...new Set([...Object.keys(before), ...Object.keys(inputs)])].filter((name) => before[name] !== inputs[name]).sort();
    return changed.length > 0 ? CacheMessages.reasons.inputsChanged(changed) : CacheMessages.reasons.notStoredBefore;
  }

  private note(node: GraphNode, item: number | undefined, code: string, inputs: Record<string, string>): void {
    this.seen.push({ node: node.name, item: item ?? -1, code, inputs: JSON.stringify(inputs) });
  }

  private remember(value: unknown, version: string): void {
    if (typeof value === 'object' && value !== null) this.versions.set(value, version);
  }

  private log(node: GraphNode, item: number | undefined, status: CacheStatus, reason: string, codeVersion?: string, dataVersion?: string): void {
    const entry: CacheLogEntry = { runId: this.runId, node: node.name, status, reason };
    this.entries.push({
      ...entry,
      ...(item === undefined ? {} : { item }),
      ...(codeVersion === undefined ? {} : { codeVersion }),
      ...(dataVersion === undefined ? {} : { dataVersion }),
    });
  }
}
