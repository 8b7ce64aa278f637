import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { DATABASE_FILE, isPostgresUrl, PostgresStore, SQLiteStore, type Store, type StoreStatement } from '../cache/store.js';
import { HamiltonError } from '../errors/index.js';
import type { Tags } from '../graph/node.js';
import type { StoredGraph } from '../tracking/graph-record.js';
import { UiMessages } from './messages.js';
import type { NodeRecord, ProjectSummary, RunGraph, RunRecord, RunSummary, ValueSummary } from './records.js';

type Row = Record<string, unknown>;

/**
 * Reads the store the cache and the RunTracker write (a SQLite file, read-only, or a PostgreSQL database) and turns
 * its rows into the UI's records. It asks the database which columns exist, so columns the tracker adds later (a
 * run's DAG version, a node's cache status) are used when present and read from the cache's tables when not.
 */
export class StoreReader {
  /** The SQLite file, or the PostgreSQL URL without its password. */
  readonly file: string;
  private readonly store: Store;
  private readonly columns = new Map<string, Set<string>>();

  constructor(store: string) {
    if (isPostgresUrl(store)) {
      this.store = new PostgresStore(store, { readonly: true });
      this.file = this.store.path;
      return;
    }
    this.file = databaseFile(store);
    try {
      this.store = new SQLiteStore(this.file, { readonly: true });
    } catch (error) {
      throw new HamiltonError(UiMessages.storeUnreadable(this.file, describeError(error)), { cause: error });
    }
  }

  close(): void {
    this.store.close();
  }

  private sql(text: string): StoreStatement {
    return this.store.statement(text);
  }

  projects(): ProjectSummary[] {
    const rows = this.sql(
      `SELECT p.name AS name, p.created_at AS created, COUNT(r.run_id) AS runs, MAX(r.started_at) AS last,
                SUM(CASE WHEN r.status = 'failed' THEN 1 ELSE 0 END) AS failed
         FROM projects p LEFT JOIN runs r ON r.project = p.name GROUP BY p.name ORDER BY p.name`,
    ).all() as Row[];
    const untracked = this.sql(
      `SELECT COUNT(*) AS runs, MIN(started_at) AS created, MAX(started_at) AS last, SUM(CASE WHEN success = 0 THEN 1 ELSE 0 END) AS failed ${UNTRACKED}`,
    ).get() as Row;
    if (Number(untracked.runs) > 0) rows.push({ ...untracked, name: CACHE_ONLY });
    return rows.map((r) => ({
      name: String(r.name),
      createdAt: Number(r.created),
      runs: Number(r.runs),
      failedRuns: Number(r.failed ?? 0),
      ...(r.last === null ? {} : { lastRunAt: Number(r.last) }),
    }));
  }

  hasProject(name: string): boolean {
    if (name === CACHE_ONLY) return this.sql(`SELECT 1 ${UNTRACKED} LIMIT 1`).get() !== undefined;
    return this.sql('SELECT 1 FROM projects WHERE name = ?').get(name) !== undefined;
  }

  /** The project's runs, newest first. */
  runs(project: string): RunSummary[] {
    if (project === CACHE_ONLY) {
      const untracked = this.sql(`SELECT * ${UNTRACKED} ORDER BY started_at DESC, c.rowid DESC`).all() as Row[];
      return untracked.map(cacheRunOf);
    }
    const rows = this.sql(`SELECT ${this.runColumns()} FROM runs r WHERE r.project = ? ORDER BY r.started_at DESC, r.rowid DESC`).all(
      project,
    ) as Row[];
    return rows.map((row) => this.runOf(row));
  }

  run(runId: string): RunRecord | undefined {
    const row = this.sql(`SELECT ${this.runColumns()} FROM runs r WHERE r.run_id = ?`).get(runId) as Row | undefined;
    if (row) return { ...this.runOf(row), nodes: this.nodesOf(runId) };
    const cached = this.sql(`SELECT * ${UNTRACKED} AND c.run_id = ?`).get(runId) as Row | undefined;
    return cached ? { ...cacheRunOf(cached), nodes: this.nodesOf(runId) } : undefined;
  }

  /** Every record of one node in the project's runs, oldest first. */
  nodeAcrossRuns(project: string, node: string): { run: RunSummary; record: NodeRecord }[] {
    // Two queries for the whole project (not two per run): the node's records and log lines, grouped by run.
    // The project is bound as a parameter either way (the cache-only query only checks it is there).
    const runIds =
      project === CACHE_ONLY ? `SELECT c.run_id ${UNTRACKED} AND CAST(? AS TEXT) IS NOT NULL` : 'SELECT run_id FROM runs WHERE project = ?';
    const inProject = `run_id IN (${runIds}) AND node = ?`;
    const tracked = groupByRun(
      this.sql(`SELECT run_id, ${this.nodeColumns()} FROM node_runs WHERE ${inProject} ORDER BY started_at, item`).all(project, node) as Row[],
    );
    const logs = groupByRun(this.sql(`SELECT run_id, ${LOG_COLUMNS} FROM cache_logs WHERE ${inProject} ORDER BY seq`).all(project, node) as Row[]);
    return this.runs(project)
      .reverse()
      .flatMap((run) => merged(tracked.get(run.runId) ?? [], logs.get(run.runId) ?? []).map((record) => ({ run, record })));
  }

  /**
   * The run's graph: the one the tracker stored for the run's DAG version when there is one (with every node's
   * tags), else as far as the cache knows it (below). The run's computed nodes, the inputs they read, their edges.
   */
  graphOf(run: RunRecord): RunGraph | undefined {
    return this.storedGraphOf(run) ?? this.cacheGraphOf(run);
  }

  /** The graph the tracker stored under the run's DAG version, cut to the nodes the run computed. */
  private storedGraphOf(run: RunRecord): RunGraph | undefined {
    if (run.dagVersion === undefined || !this.columnsOf('dag_graphs').has('graph')) return undefined;
    const row = this.sql('SELECT graph FROM dag_graphs WHERE dag_version = ?').get(run.dagVersion) as { graph: unknown } | undefined;
    const stored = storedGraph(parse(row?.graph));
    if (!stored) return undefined;
    const byName = new Map(stored.nodes.map((node) => [node.name, node]));
    const names = [...new Set(run.nodes.map((n) => n.node))].filter((name) => byName.get(name)?.role === 'function');
    if (names.length === 0) return undefined;
    const dependencies = new Map(names.map((name) => [name, [...byName.get(name)!.dependencies]]));
    const inputs = [...new Set([...dependencies.values()].flat().filter((d) => !dependencies.has(d)))].sort();
    const tags = new Map<string, Tags>([...names, ...inputs].flatMap((name) => (byName.has(name) ? [[name, byName.get(name)!.tags] as const] : [])));
    return { nodes: names, inputs, dependencies, tags };
  }

  /**
   * The run's graph as far as the cache knows it: a node's inputs are the names its cache key was made of
   * (`node_versions.inputs`), trusted when this run wrote them or while the code version seen there is the one this
   * run used (the same code reads the same parameters). Undefined when any computed node's inputs are unknown.
   */
  private cacheGraphOf(run: RunRecord): RunGraph | undefined {
    const names = [...new Set(run.nodes.map((n) => n.node))];
    if (names.length === 0) return undefined;
    const versions = this.sql('SELECT code_version AS code, inputs, run_id AS run FROM node_versions WHERE node = ? ORDER BY item LIMIT 1');
    const dependencies = new Map<string, string[]>();
    for (const name of names) {
      const code = run.nodes.find((n) => n.node === name && n.codeVersion !== undefined)?.codeVersion;
      const row = versions.get(name) as { code: string; inputs: string; run: string } | undefined;
      if (!row || (row.run !== run.runId && (code === undefined || row.code !== code))) return undefined;
      const inputs = parse(row.inputs);
      if (typeof inputs !== 'object' || inputs === null) return undefined;
      dependencies.set(name, Object.keys(inputs));
    }
    const inputs = [...new Set([...dependencies.values()].flat().filter((d) => !dependencies.has(d)))].sort();
    return { nodes: names, inputs, dependencies };
  }

  /** Data versions of what the run's nodes read, as the cache last saw them in this run (external inputs included). */
  readVersions(runId: string): Map<string, string> {
    const rows = this.sql('SELECT inputs FROM node_versions WHERE run_id = ?').all(runId) as { inputs: string }[];
    const versions = new Map<string, string>();
    for (const row of rows) {
      const inputs = parse(row.inputs);
      if (typeof inputs !== 'object' || inputs === null) continue;
      for (const [name, v] of Object.entries(inputs)) if (typeof v === 'string') versions.set(name, v);
    }
    return versions;
  }

  private runColumns(): string {
    const own = this.columnsOf('runs');
    const fromCache = '(SELECT c.dag_version FROM cache_runs c WHERE c.run_id = r.run_id)';
    const dag = own.has('dag_version') ? `COALESCE(r.dag_version, ${fromCache})` : fromCache;
    return `r.run_id AS run_id, r.project AS project, r.tags AS tags, r.outputs AS outputs, r.inputs AS inputs, r.status AS status,
      r.error AS error, r.started_at AS started_at, r.ended_at AS ended_at, ${dag} AS dag_version,
      ${own.has('config') ? 'r.config' : 'NULL'} AS config, ${own.has('git_commit') ? 'r.git_commit' : 'NULL'} AS git_commit`;
  }

  private runOf(row: Row): RunSummary {
    return {
      runId: String(row.run_id),
      project: String(row.project),
      status: String(row.status),
      tags: stringRecord(row.tags),
      outputs: stringList(row.outputs),
      inputs: inputsOf(row.inputs),
      startedAt: Number(row.started_at),
      ...(row.ended_at === null || row.ended_at === undefined ? {} : { endedAt: Number(row.ended_at) }),
      ...(typeof row.error === 'string' ? { error: row.error } : {}),
      ...(typeof row.dag_version === 'string' ? { dagVersion: row.dag_version } : {}),
      ...(typeof row.git_commit === 'string' ? { gitCommit: row.git_commit } : {}),
      ...(typeof row.config === 'string' && row.config !== '{}' ? { config: row.config } : {}),
    };
  }

  /** The tracker's node records merged with the cache's logs of the same run (either may be missing). */
  private nodesOf(runId: string): NodeRecord[] {
    const tracked = this.sql(`SELECT ${this.nodeColumns()} FROM node_runs WHERE run_id = ? ORDER BY started_at, node, item`).all(runId) as Row[];
    const logs = this.sql(`SELECT ${LOG_COLUMNS} FROM cache_logs WHERE run_id = ? ORDER BY seq`).all(runId) as Row[];
    return merged(tracked, logs);
  }

  private nodeColumns(): string {
    const cache = this.columnsOf('node_runs').has('cache') ? 'cache' : 'NULL AS cache';
    return `node, item, status, error, ${cache}, started_at, ended_at, duration_ms, summary`;
  }

  private columnsOf(table: string): Set<string> {
    let found = this.columns.get(table);
    if (!found) {
      found = new Set(this.store.columnsOf(table));
      this.columns.set(table, found);
    }
    return found;
  }
}

const LOG_COLUMNS = 'node, item, status, reason, code_version, data_version';

/** The project under which runs of a cached driver without a RunTracker are listed. */
export const CACHE_ONLY = '(cache only)';
/** Runs the cache logged that the tracker did not record. */
const UNTRACKED = 'FROM cache_runs c WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.run_id = c.run_id)';

/** A run known only from the cache's own record: its DAG version, times and outcome. */
function cacheRunOf(row: Row): RunSummary {
  const status = row.success === null || row.success === undefined ? 'running' : Number(row.success) === 1 ? 'success' : 'failed';
  return {
    runId: String(row.run_id),
    project: CACHE_ONLY,
    status,
    tags: {},
    outputs: [],
    inputs: {},
    startedAt: Number(row.started_at),
    ...(typeof row.ended_at === 'number' ? { endedAt: row.ended_at } : {}),
    ...(typeof row.dag_version === 'string' ? { dagVersion: row.dag_version } : {}),
  };
}

/** Tracker records paired with the cache's log line of the same call; calls only the cache logged come last. */
function merged(tracked: readonly Row[], logs: readonly Row[]): NodeRecord[] {
  const byKey = new Map<string, Row>();
  for (const log of logs) byKey.set(keyOf(log.node, log.item), log);
  const records: NodeRecord[] = tracked.map((row) => {
    const key = keyOf(row.node, row.item);
    const log = byKey.get(key);
    byKey.delete(key);
    return recordOf(row, log);
  });
  for (const log of byKey.values()) records.push(recordOf(undefined, log));
  return records;
}

function groupByRun(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const id = String(row.run_id);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

/** The SQLite file of a store given as its folder or as the file itself. */
export function databaseFile(store: string): string {
  const resolved = path.resolve(store);
  if (!existsSync(resolved)) throw new HamiltonError(UiMessages.storeMissing(resolved));
  const file = statSync(resolved).isDirectory() ? path.join(resolved, DATABASE_FILE) : resolved;
  if (!existsSync(file)) throw new HamiltonError(UiMessages.storeMissing(file));
  return file;
}

function keyOf(node: unknown, item: unknown): string {
  const index = item === null || item === undefined ? -1 : Number(item);
  return `${String(node)}\0${index}`;
}

function recordOf(row: Row | undefined, log: Row | undefined): NodeRecord {
  const source = (row ?? log)!;
  const item = source.item === null || source.item === undefined || Number(source.item) < 0 ? undefined : Number(source.item);
  const cache = typeof row?.cache === 'string' ? row.cache : typeof log?.status === 'string' ? log.status : undefined;
  return {
    node: String(source.node),
    status: row ? String(row.status) : 'not tracked',
    ...(item === undefined ? {} : { item }),
    ...(typeof row?.error === 'string' ? { error: row.error } : {}),
    ...(cache === undefined ? {} : { cache }),
    ...(typeof log?.reason === 'string' ? { cacheReason: log.reason } : {}),
    ...(typeof log?.code_version === 'string' ? { codeVersion: log.code_version } : {}),
    ...(typeof log?.data_version === 'string' ? { dataVersion: log.data_version } : {}),
    ...(typeof row?.started_at === 'number' ? { startedAt: row.started_at } : {}),
    ...(typeof row?.duration_ms === 'number' ? { durationMs: row.duration_ms } : {}),
    ...(typeof row?.summary === 'string' ? { summary: summaryOf(row.summary) } : {}),
  };
}

/** A stored graph read back, or undefined when the row is damaged (the page then falls back to the cache's edges). */
function storedGraph(value: unknown): StoredGraph | undefined {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { nodes?: unknown }).nodes)) return undefined;
  const nodes = (value as { nodes: unknown[] }).nodes;
  const valid = nodes.every((n) => {
    const node = n as Partial<Record<keyof StoredGraph['nodes'][number], unknown>> | null;
    return (
      typeof node === 'object' &&
      node !== null &&
      typeof node.name === 'string' &&
      typeof node.role === 'string' &&
      Array.isArray(node.dependencies) &&
      node.dependencies.every((d) => typeof d === 'string') &&
      typeof node.tags === 'object' &&
      node.tags !== null
    );
  });
  return valid ? (value as StoredGraph) : undefined;
}

/** The reason under a store's own error (the store wraps the database's words in its advice for writers). */
function describeError(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof Error ? cause.message : (error as Error).message;
}

function parse(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function stringRecord(text: unknown): Record<string, string> {
  const value = parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

function stringList(text: unknown): string[] {
  const value = parse(text);
  return Array.isArray(value) ? value.map(String) : [];
}

/** A run's inputs: names (the tracker's list) or names with their data versions (an object), whichever is stored. */
function inputsOf(text: unknown): Record<string, string | undefined> {
  const value = parse(text);
  if (Array.isArray(value)) return Object.fromEntries(value.map((name) => [String(name), undefined]));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
  }
  return {};
}

function summaryOf(text: string): ValueSummary | undefined {
  const value = parse(text);
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const stats = v.statistics as Record<string, unknown> | undefined;
  const num = (x: unknown) => (typeof x === 'number' ? x : null);
  return {
    type: typeof v.type === 'string' ? v.type : 'unknown',
    ...(typeof v.length === 'number' ? { length: v.length } : {}),
    ...(stats && typeof stats === 'object'
      ? {
          statistics: {
            count: Number(stats.count ?? 0),
            mean: num(stats.mean),
            min: num(stats.min),
            max: num(stats.max),
            nanShare: Number(stats.nanShare ?? 0),
          },
        }
      : {}),
  };
}
