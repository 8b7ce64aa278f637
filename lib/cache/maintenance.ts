import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Store } from './store.js';

/** One node's share of the cache, as `hamilton-ts cache ls` lists it. */
export interface CachedNode {
  readonly node: string;
  readonly entries: number;
  readonly bytes: number;
  /** When a result of the node was last stored (ms since the epoch). */
  readonly lastStored: number;
}

/** What a store holds. */
export interface CacheListing {
  readonly entries: number;
  readonly results: number;
  readonly bytes: number;
  readonly runs: number;
  readonly nodes: readonly CachedNode[];
}

/** What `collectGarbage` may evict, beyond results no cache entry uses and files no row names. */
export interface EvictionPolicy {
  /** Results not read or written for longer than this many milliseconds. */
  readonly olderThanMs?: number;
  /** Results least recently used first, until the stored results take at most this many bytes. */
  readonly maxBytes?: number;
  /** The clock (ms since the epoch). */
  readonly now?: number;
}

/** What was removed. */
export interface Collected {
  readonly results: number;
  readonly bytes: number;
  readonly entries: number;
  /** Files under `results/` no row named (left by a process killed between writing and recording them). */
  readonly strayFiles: number;
}

/** The store's cache, counted (the tracker's records are not part of it). */
export function listCache(store: Store): CacheListing {
  const totals = store.statement('SELECT COUNT(*) AS results, COALESCE(SUM(bytes), 0) AS bytes FROM results').get() as {
    results: number;
    bytes: number;
  };
  const entries = (store.statement('SELECT COUNT(*) AS n FROM cache_entries').get() as { n: number }).n;
  const runs = (store.statement('SELECT COUNT(*) AS n FROM cache_runs').get() as { n: number }).n;
  const nodes = store
    .statement(
      `SELECT e.node AS node, COUNT(*) AS entries, COALESCE(SUM(r.bytes), 0) AS bytes, MAX(e.created_at) AS lastStored
       FROM cache_entries e LEFT JOIN results r ON r.data_version = e.data_version GROUP BY e.node ORDER BY e.node`,
    )
    .all() as CachedNode[];
  return { entries, results: totals.results, bytes: totals.bytes, runs, nodes };
}

/** Forgets every cached result, entry, log and version seen; the run tracker's records stay. */
export function clearCache(store: Store): Collected {
  const before = listCache(store);
  const strayFiles = store.transaction(() => {
    for (const table of ['cache_entries', 'results', 'node_versions', 'cache_logs', 'cache_runs']) store.statement(`DELETE FROM ${table}`).run();
    return removeStrayFiles(store);
  });
  return { results: before.results, bytes: before.bytes, entries: before.entries, strayFiles };
}

/**
 * Evicts results by age and then by size (least recently used first), with the cache entries that point at
 * them, and removes result files no row names, all in one write transaction: writers store a result's file and
 * its row in one such transaction, so none is half-way while this runs. A run reading an evicted result at the
 * same time finds it missing and recomputes it, so eviction never makes a run fail or return a wrong value.
 */
export function collectGarbage(store: Store, policy: EvictionPolicy = {}): Collected {
  const now = policy.now ?? Date.now();
  let results = 0;
  let bytes = 0;
  let entries = 0;
  const files: string[] = [];
  const strayFiles = store.transaction(() => {
    const evict = (rows: readonly { data_version: string; bytes: number; file: string | null }[]): void => {
      const dropResult = store.statement('DELETE FROM results WHERE data_version = ?');
      const dropEntries = store.statement('DELETE FROM cache_entries WHERE data_version = ?');
      for (const row of rows) {
        dropResult.run(row.data_version);
        entries += dropEntries.run(row.data_version).changes;
        results++;
        bytes += row.bytes;
        if (row.file) files.push(row.file);
      }
    };
    // Results no entry points at are of no use to any run.
    evict(
      store
        .statement('SELECT data_version, bytes, file FROM results WHERE data_version NOT IN (SELECT data_version FROM cache_entries)')
        .all() as never,
    );
    if (policy.olderThanMs !== undefined) {
      evict(store.statement('SELECT data_version, bytes, file FROM results WHERE used_at < ?').all(now - policy.olderThanMs) as never);
    }
    if (policy.maxBytes !== undefined) {
      let total = (store.statement('SELECT COALESCE(SUM(bytes), 0) AS n FROM results').get() as { n: number }).n;
      const oldestFirst = store.statement('SELECT data_version, bytes, file FROM results ORDER BY used_at, created_at').all() as {
        data_version: string;
        bytes: number;
        file: string | null;
      }[];
      const over: typeof oldestFirst = [];
      for (const row of oldestFirst) {
        if (total <= policy.maxBytes) break;
        over.push(row);
        total -= row.bytes;
      }
      evict(over);
    }
    const folder = store.resultsPath;
    if (folder !== undefined) for (const file of files) rmSync(path.join(folder, file), { force: true });
    return removeStrayFiles(store);
  });
  return { results, bytes, entries, strayFiles };
}

/** Removes result files (and temporary files of killed writers) no row of `results` names; call it in a write transaction. */
function removeStrayFiles(store: Store): number {
  const root = store.resultsPath;
  if (root === undefined || !existsSync(root)) return 0;
  const named = new Set(
    (store.statement('SELECT file FROM results WHERE file IS NOT NULL').all() as { file: string }[]).map((row) => path.normalize(row.file)),
  );
  let removed = 0;
  for (const folder of readdirSync(root)) {
    const full = path.join(root, folder);
    if (!statSync(full).isDirectory()) continue;
    for (const name of readdirSync(full)) {
      const relative = path.join(folder, name);
      if (named.has(relative)) continue;
      rmSync(path.join(full, name), { force: true });
      removed++;
    }
  }
  return removed;
}
