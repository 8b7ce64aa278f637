/**
 * The PostgreSQL store against the SQLite one, in one run (ratios, so the machine's load counts on both sides):
 * - the RunTracker's cost per node on the scalar DAG (records written, one transaction per run);
 * - a cached run of the scalar DAG where every node is a hit, and the first run that stores every node.
 *
 * `node dist/benchmarks/postgres-store.js <postgres://...> [nodes]` (a database the bench may fill; its tables are
 * emptied first). PostgreSQL on loopback: `source .ci/services.sh && start_services` exports a URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, PostgresStore, RunTracker, SQLiteStore, type Store } from 'hamilton-ts';
import { median } from './report.js';
import { scalarDagClass } from './scalar-dag.js';

const RUNS = 5;

interface StoreFigures {
  /** Tracked run with its records written, ms. */
  readonly trackedMs: number;
  /** First cached run (every node stored), ms. */
  readonly storeMs: number;
  /** Cached run, every node a hit, ms. */
  readonly hitMs: number;
}

async function measure(open: () => Store, n: number): Promise<StoreFigures & { plainMs: number }> {
  const Cls = scalarDagClass(n);
  const names = Array.from({ length: n }, (_, i) => `n${i}`);
  const store = open();
  try {
    const plain = new Builder().withModules(Cls).build();
    const tracker = new RunTracker({ project: 'bench', store, capture: 'none' });
    const tracked = new Builder().withModules(Cls).withAdapters(tracker).build();
    const cached = new Builder().withModules(Cls).withCache({ store }).build();
    plain.execute(names, { inputs: { x: 1 } });
    tracked.execute(names, { inputs: { x: 1 } });
    await tracker.flush();
    const [plainTimes, trackedTimes, storeTimes, hitTimes]: number[][] = [[], [], [], []];
    for (let r = 0; r < RUNS; r++) {
      let start = performance.now();
      plain.execute(names, { inputs: { x: 1 } });
      plainTimes.push(performance.now() - start);
      start = performance.now();
      tracked.execute(names, { inputs: { x: 1 } });
      await tracker.flush();
      trackedTimes.push(performance.now() - start);
      // A new input each round: every node misses and is stored, then hits.
      start = performance.now();
      cached.execute(names, { inputs: { x: 100 + r } });
      storeTimes.push(performance.now() - start);
      start = performance.now();
      cached.execute(names, { inputs: { x: 100 + r } });
      hitTimes.push(performance.now() - start);
      if (!cached.cache.logs().every((entry) => entry.status === 'hit')) throw new Error('postgres-store bench: a second run missed');
    }
    await tracker.close();
    return { plainMs: median(plainTimes), trackedMs: median(trackedTimes), storeMs: median(storeTimes), hitMs: median(hitTimes) };
  } finally {
    store.close();
  }
}

async function main(): Promise<void> {
  const [url, size] = process.argv.slice(2);
  if (!url?.startsWith('postgres://')) throw new Error('usage: node dist/benchmarks/postgres-store.js <postgres://...> [nodes]');
  const n = Number(size ?? 1000);
  const cleaner = new PostgresStore(url);
  for (const table of ['results', 'cache_entries', 'node_versions', 'cache_runs', 'cache_logs', 'projects', 'runs', 'node_runs', 'dag_graphs']) {
    cleaner.statement(`DELETE FROM ${table}`).run();
  }
  cleaner.close();
  const folder = mkdtempSync(path.join(tmpdir(), 'hamilton-bench-pg-'));
  try {
    const sqlite = await measure(() => new SQLiteStore(folder), n);
    const postgres = await measure(() => new PostgresStore(url), n);
    const perNode = (ms: number, base: number) => (((ms - base) / n) * 1000).toFixed(1);
    process.stdout.write(`PostgresStore vs SQLiteStore, scalar DAG of ${n} nodes, median of ${RUNS} (us per node over the plain driver)\n`);
    process.stdout.write('| measure | SQLite | PostgreSQL | ratio |\n|---|---|---|---|\n');
    for (const [label, key] of [
      ['RunTracker, records written', 'trackedMs'],
      ['cached, first run (every node stored)', 'storeMs'],
      ['cached, every node a hit', 'hitMs'],
    ] as const) {
      const [a, b] = [sqlite[key], postgres[key]];
      process.stdout.write(`| ${label} | ${perNode(a, sqlite.plainMs)} | ${perNode(b, postgres.plainMs)} | ${(b / a).toFixed(2)} |\n`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
