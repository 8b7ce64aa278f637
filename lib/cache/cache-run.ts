import type { NodeCallCache } from '../execution/node-call-cache.js';
import { HamiltonError } from '../errors/index.js';
import { MissingPackageError } from '../errors/optional-package.js';
import { then } from '../execution/maybe.js';
import type { GraphNode } from '../graph/node.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import { describeValue } from '../metadata/value-types.js';
import type { CodeVersions } from './code-version.js';
import { dataVersion, type DataVersion } from './data-version.js';
import { hashStrings } from './hash.js';
import { CacheMessages } from './messages.js';
import type { FormerNames } from './former-names.js';
import { unfitReason, type CacheFormat } from './formats.js';
import type { Behaviors } from './options.js';
import { RESULT_COLUMNS, type ResultRow, type ResultStore, type Saved } from './results.js';
import { FILL_NODE_CACHE_STATUS } from './schema.js';
import { chunks, placeholders, repeated } from './sql-lists.js';
import type { Store } from './store.js';

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
  readonly store: Store;
  readonly results: ResultStore;
  readonly codeVersions: CodeVersions;
  readonly behaviors: Behaviors;
  readonly formerNames: FormerNames;
}

/** A cache entry with its result's row, read in one query. */
type EntryRow = { readonly data_version: string } & Partial<ResultRow>;

/** The cache's one lookup query: a cache entry and its result's row, by cache key. */
export const LOOKUP = `SELECT e.data_version, ${RESULT_COLUMNS} FROM cache_entries e LEFT JOIN results r ON r.data_version = e.data_version WHERE e.cache_key = ?`;
const INSERT_ENTRY =
  'INSERT OR REPLACE INTO cache_entries (cache_key, node, code_version, data_version, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?)';
/** Rows written per statement when a run ends. */
const ROWS_PER_STATEMENT = 100;

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
    const { behaviors, codeVersions } = this.parts;
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
    const inputList = Object.entries(inputs.versions).map(([name, version]) => `${name}=${version}`);
    const key = hashStrings([node.name, code.version, ...inputList]);
    let reason: string | undefined;
    if (behavior === 'default') {
      const found = this.lookUp(node, item, key, code.version, inputList, inputs.versions);
      if (found.ok) return found.value;
      reason = found.reason;
    }
    reason ??= behavior === 'recompute' ? CacheMessages.reasons.recompute : this.whatChanged(node, item, code.version, inputs.versions);
    const format = behaviors.formatOf(node);
    this.note(node, item, code.version, inputs.versions);
    return then(compute(), (result) => {
      this.save(node, item, key, code.version, result, behavior === 'recompute' ? 'recompute' : 'miss', reason, format);
      return result;
    });
  }

  /**
   * The node's stored result: under its own key, else under the key of a former name (same code, ignoring the
   * method's own name, and same inputs), which is then recorded under the new name too. One query per key reads
   * the entry and its result's row; the value read is not hashed again (it was checked when stored).
   */
  private lookUp(
    node: GraphNode,
    item: number | undefined,
    key: string,
    code: string,
    inputList: readonly string[],
    inputs: Record<string, string>,
  ): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string | undefined } {
    const { store, results, formerNames } = this.parts;
    const lookup = store.statement(LOOKUP);
    let entry = lookup.get(key) as EntryRow | undefined;
    let from: string | undefined;
    if (!entry) {
      for (const former of formerNames.of(node)) {
        entry = lookup.get(hashStrings([former, code, ...inputList])) as EntryRow | undefined;
        if (entry) {
          from = former;
          break;
        }
      }
    }
    if (!entry) return { ok: false, reason: undefined };
    const loaded = results.read(entry.data_version, entry as EntryRow & ResultRow);
    if (!loaded.ok) return loaded;
    const version = entry.data_version;
    this.remember(loaded.value, version);
    this.used.add(version);
    this.note(node, item, code, inputs);
    if (from !== undefined) {
      // Stored under the new name as well, so the next run finds it directly (best effort: a hit is a hit).
      try {
        store.statement(INSERT_ENTRY).run(key, node.name, code, version, this.runId, Date.now());
      } catch {
        /* a store that refuses the write still served the read */
      }
    }
    this.log(node, item, 'hit', from === undefined ? CacheMessages.reasons.hit : CacheMessages.reasons.hitFormerName(from), code, version);
    return { ok: true, value: loaded.value };
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
    const logRows = this.entries.map((e, seq) => [
      this.runId,
      seq,
      e.node,
      e.item ?? null,
      e.status,
      e.reason,
      e.codeVersion ?? null,
      e.dataVersion ?? null,
    ]);
    // One row per node and item (the last seen): a statement may not name a key twice (PostgreSQL's ON CONFLICT refuses it).
    const lastSeen = new Map(this.seen.map((s) => [`${s.item}:${s.node}`, s]));
    const seenRows = [...lastSeen.values()].map((s) => [s.node, s.item, s.code, s.inputs, this.runId]);
    store.transaction(() => {
      insertRows(store, 'cache_logs (run_id, seq, node, item, status, reason, code_version, data_version)', logRows);
      insertRows(store, 'node_versions (node, item, code_version, inputs, run_id)', seenRows);
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

  private save(
    node: GraphNode,
    item: number | undefined,
    key: string,
    code: string,
    result: unknown,
    status: CacheStatus,
    reason: string,
    format: CacheFormat | undefined,
  ): void {
    // A format asked for that can never hold this type of value is the code's mistake: said at once, not hidden.
    const unfit = format === undefined ? undefined : unfitReason(result, format);
    if (unfit !== undefined) throw new HamiltonError(CacheMessages.formats.unfit(node.name, format!, describeValue(result), unfit));
    const version = this.versionOf(result);
    if (!version.ok) {
      this.log(node, item, status, `${reason}; ${CacheMessages.reasons.uncacheableResult(version.reason)}`, code);
      return;
    }
    const { store, results } = this.parts;
    let saved: Saved;
    try {
      saved = store.transaction(() => {
        const stored = results.save(version.version, result, format);
        if (stored.ok) store.statement(INSERT_ENTRY).run(key, node.name, code, version.version, this.runId, Date.now());
        return stored;
      });
    } catch (error) {
      if (error instanceof MissingPackageError) throw error;
      // The run goes on: a value the store cannot take is computed again next time, and the log says why.
      this.log(node, item, status, `${reason}; ${CacheMessages.reasons.notStored((error as Error).message)}`, code, version.version);
      return;
    }
    this.log(node, item, status, saved.ok ? reason : `${reason}; ${CacheMessages.reasons.notStored(saved.reason)}`, code, version.version);
  }

  /** Why a node with a default behaviour missed: what differs from the versions the store last saw for it. */
  private whatChanged(node: GraphNode, item: number | undefined, code: string, inputs: Record<string, string>): string {
    const query = this.parts.store.statement('SELECT code_version, inputs FROM node_versions WHERE node = ? AND item = ?');
    let row = query.get(node.name, item ?? -1) as { code_version: string; inputs: string } | undefined;
    let former: string | undefined;
    for (const name of row ? [] : this.parts.formerNames.of(node)) {
      row = query.get(name, item ?? -1) as typeof row;
      if (row) {
        former = name;
        break;
      }
    }
    if (!row) return CacheMessages.reasons.firstRun;
    const because = (what: string) => (former === undefined ? what : CacheMessages.reasons.sinceFormerName(former, what));
    if (row.code_version !== code) return because(CacheMessages.reasons.codeChanged);
    const before = JSON.parse(row.inputs) as Record<string, string>;
    const changed = [...new Set([...Object.keys(before), ...Object.keys(inputs)])].filter((name) => before[name] !== inputs[name]).sort();
    return because(changed.length > 0 ? CacheMessages.reasons.inputsChanged(changed) : CacheMessages.reasons.notStoredBefore);
  }

  private note(node: GraphNode, item: number | undefined, code: string, inputs: Record<string, string>): void {
    this.seen.push({ node: node.name, item: item ?? -1, code, inputs: JSON.stringify(inputs) });
  }

  private remember(value: unknown, version: string): void {
    if (typeof value === 'object' && value !== null) this.versions.set(value, version);
  }

  private log(node: GraphNode, item: number | undefined, status: CacheStatus, reason: string, codeVersion?: string, dataVersion?: string): void {
    // Built field by field (no spreads): a run of hits makes one per node.
    const entry: { -readonly [K in keyof CacheLogEntry]: CacheLogEntry[K] } = { runId: this.runId, node: node.name, status, reason };
    if (item !== undefined) entry.item = item;
    if (codeVersion !== undefined) entry.codeVersion = codeVersion;
    if (dataVersion !== undefined) entry.dataVersion = dataVersion;
    this.entries.push(entry);
  }
}

/** Inserts (or replaces) rows a chunk at a time: one statement per hundred rows, not one per row. */
function insertRows(store: Store, into: string, rows: readonly (readonly unknown[])[]): void {
  if (rows.length === 0) return;
  const width = rows[0].length;
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) store.statement(insertSql(into, width, chunk.length)).run(...chunk.flat());
}

/** The text of an insert of `rows` rows, made once: a fresh 4 KB string per chunk cost more to make and look up than to run. */
const insertSqls = new Map<string, string[]>();
function insertSql(into: string, width: number, rows: number): string {
  let byRows = insertSqls.get(into);
  if (!byRows) insertSqls.set(into, (byRows = []));
  return (byRows[rows] ??= `INSERT OR REPLACE INTO ${into} VALUES ${repeated(`(${placeholders(width)})`, rows)}`);
}
