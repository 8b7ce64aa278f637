/**
 * The cache and the run tracker (`--only=cache`):
 * - the dataframe workload (benchmarks/dataframe-workload.ts) through a cached Driver: the first run computes
 *   and stores every column, a second driver on the same store takes all of them from the cache; then a driver
 *   whose class changes one method (a subclass overriding it) recomputes that column and its downstream only;
 * - the RunTracker's cost per node on the scalar DAG, with summaries off (`capture: 'none'`) and on
 *   (`'statistics'`): on the run's path (execute alone) and with its writes (execute and `flush()`).
 * Every figure is a ratio or a difference against a baseline measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, DataFrameResult, RunTracker, rollingMean, SQLiteStore, type Capture, type CacheLogEntry, type DataFrame } from 'hamilton-ts';
import { columnName, featureSetClass, inputsOf } from './dataframe-workload.js';
import { collectGarbage, count, fixed, median, printTable, timed } from './report.js';
import { scalarDagClass } from './scalar-dag.js';

function statusCounts(logs: readonly CacheLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of logs) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
  return counts;
}

function sameFrame(a: DataFrame, b: DataFrame): boolean {
  if (a.shape.join() !== b.shape.join() || a.columns.join() !== b.columns.join()) return false;
  const [va, vb] = [a.values as unknown[][], b.values as unknown[][]];
  return va.every((row, r) => row.every((v, c) => Object.is(v, vb[r][c])));
}

/** Positions of the columns whose values differ between two frames of the same shape. */
function differingColumns(a: DataFrame, b: DataFrame): Set<number> {
  const [va, vb] = [a.values as unknown[][], b.values as unknown[][]];
  const differs = new Set<number>();
  va.forEach((row, r) => row.forEach((v, c) => !Object.is(v, vb[r][c]) && differs.add(c)));
  return differs;
}

/** The workload's class with column `changed` (a rolling mean over 3) now a rolling mean over 4. */
function withOneMethodChanged(Cls: new () => object, changed: number): new () => object {
  if (changed % 4 !== 0) throw new Error('the changed column must be a rolling mean (a multiple of 4)');
  const name = columnName(changed);
  const previous = columnName(changed - 1);
  const Changed = class extends Cls {};
  // A method with the previous column as its parameter, so the graph reads the same dependency.
  const compile = new Function('rollingMean', `return function ${name}(${previous}) { return rollingMean(${previous}, 4); }`) as (
    helper: typeof rollingMean,
  ) => (...args: unknown[]) => unknown;
  const method = compile(rollingMean);
  Object.defineProperty(Changed.prototype, name, { value: method, writable: true, configurable: true });
  return Changed;
}

interface CacheFigures {
  readonly uncachedMs: number;
  readonly firstMs: number;
  readonly hitMs: number;
  readonly changedMs: number;
  readonly changedColumn: number;
  readonly recomputed: number;
}

/** The dataframe workload run twice through a cached driver, then with one method changed. */
export function measureCachedWorkload(rows: number, columns: number, runs: number): CacheFigures {
  const inputs = inputsOf(rows);
  const Cls = featureSetClass(columns);
  const outputs = Array.from({ length: columns }, (_, i) => columnName(i));
  const options = { inputs: { spend: inputs.spend, signups: inputs.signups } };
  const folder = mkdtempSync(path.join(tmpdir(), 'hamilton-bench-cache-'));
  const stores: SQLiteStore[] = [];
  const cached = (cls: new () => object) => {
    const store = new SQLiteStore(folder);
    stores.push(store);
    return new Builder().withModules(cls).withResultBuilder(new DataFrameResult()).withCache({ store }).build();
  };
  try {
    const plain = new Builder().withModules(Cls).withResultBuilder(new DataFrameResult()).build();
    const expected = plain.execute(outputs, options);
    const uncachedTimes: number[] = [];
    for (let r = 0; r < runs; r++) {
      collectGarbage();
      uncachedTimes.push(timed(() => plain.execute(outputs, options)).ms);
    }

    const first = cached(Cls);
    collectGarbage();
    const { ms: firstMs, value: firstFrame } = timed(() => first.execute(outputs, options));
    const firstCounts = statusCounts(first.cache.logs());
    if (firstCounts.miss !== columns || !sameFrame(firstFrame, expected)) throw new Error(`cache bench: first run ${JSON.stringify(firstCounts)}`);

    const second = cached(Cls);
    const hitTimes: number[] = [];
    for (let r = 0; r < runs; r++) {
      collectGarbage();
      const { ms, value } = timed(() => second.execute(outputs, options));
      hitTimes.push(ms);
      const counts = statusCounts(second.cache.logs());
      if (counts.hit !== columns || !sameFrame(value, expected)) throw new Error(`cache bench: second run ${JSON.stringify(counts)}`);
    }

    // A column whose values still hold numbers: each four columns add five NaN rows at the top.
    const changedColumn = Math.min(Math.floor((columns * 0.9) / 4), Math.floor((rows * 0.6) / 5)) * 4;
    const changed = cached(withOneMethodChanged(Cls, changedColumn));
    collectGarbage();
    const { ms: changedMs, value: changedFrame } = timed(() => changed.execute(outputs, options));
    const counts = statusCounts(changed.cache.logs());
    // The reference: the changed node, and every node reading a column whose values came out different.
    const differs = differingColumns(expected, changedFrame);
    let expectedMisses = 0;
    for (let i = 0; i < columns; i++) {
      const reads = i % 4 === 3 ? [i - 1, i - 2] : [i - 1];
      if (i === changedColumn || reads.some((r) => differs.has(r))) expectedMisses++;
    }
    if (counts.miss !== expectedMisses || counts.hit !== columns - expectedMisses || expectedMisses < 2) {
      throw new Error(`cache bench: changed run ${JSON.stringify(counts)}, expected ${expectedMisses} misses`);
    }
    return { uncachedMs: median(uncachedTimes), firstMs, hitMs: median(hitTimes), changedMs, changedColumn, recomputed: counts.miss };
  } finally {
    for (const store of stores) store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

interface TrackerFigures {
  readonly n: number;
  readonly plainMs: number;
  /** A driver with an adapter whose afterNodeExecute does nothing: the cost of node hooks themselves. */
  readonly emptyHookMs: number;
  readonly pathMs: Record<Capture, number>;
  readonly writtenMs: Record<Capture, number>;
}

/** The tracker's cost on the scalar DAG: execute alone, and execute with the records written. */
export async function measureTracker(n: number, runs: number): Promise<TrackerFigures> {
  const Cls = scalarDagClass(n);
  const names = Array.from({ length: n }, (_, i) => `n${i}`);
  const options = { inputs: { x: 1 } };
  const folder = mkdtempSync(path.join(tmpdir(), 'hamilton-bench-tracker-'));
  const store = new SQLiteStore(folder);
  try {
    const plain = new Builder().withModules(Cls).build();
    const emptyHook = new Builder()
      .withModules(Cls)
      .withAdapters({ afterNodeExecute: () => undefined })
      .build();
    const captures: Capture[] = ['none', 'statistics'];
    const trackers = captures.map((capture) => new RunTracker({ project: `bench-${capture}`, store, capture }));
    const tracked = trackers.map((tracker) => new Builder().withModules(Cls).withAdapters(tracker).build());
    for (const dr of [plain, emptyHook, ...tracked]) dr.execute(names, options); // plans made, JIT warm
    await Promise.all(trackers.map((tracker) => tracker.flush()));
    const plainTimes: number[] = [];
    const emptyHookTimes: number[] = [];
    const pathTimes: number[][] = captures.map(() => []);
    const writtenTimes: number[][] = captures.map(() => []);
    // Interleaved, so drift in the machine's speed affects every side alike.
    for (let r = 0; r < runs; r++) {
      collectGarbage();
      plainTimes.push(timed(() => plain.execute(names, options)).ms);
      collectGarbage();
      emptyHookTimes.push(timed(() => emptyHook.execute(names, options)).ms);
      for (let c = 0; c < captures.length; c++) {
        collectGarbage();
        const start = performance.now();
        tracked[c].execute(names, options);
        pathTimes[c].push(performance.now() - start);
        await trackers[c].flush();
        writtenTimes[c].push(performance.now() - start);
      }
    }
    const recorded = store.db
      .prepare("SELECT COUNT(*) AS n FROM node_runs WHERE run_id IN (SELECT run_id FROM runs WHERE project = 'bench-none')")
      .get() as {
      n: number;
    };
    if (recorded.n !== n * (runs + 1)) throw new Error(`tracker bench: ${recorded.n} node records, expected ${n * (runs + 1)}`);
    const byCapture = (times: number[][]) => Object.fromEntries(captures.map((capture, c) => [capture, median(times[c])])) as Record<Capture, number>;
    return { n, plainMs: median(plainTimes), emptyHookMs: median(emptyHookTimes), pathMs: byCapture(pathTimes), writtenMs: byCapture(writtenTimes) };
  } finally {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs both and prints their tables. */
export async function runCache(quick: boolean): Promise<void> {
  const [rows, columns, runs] = quick ? [300, 200, 3] : [1000, 1000, 5];
  const w = measureCachedWorkload(rows, columns, runs);
  printTable(
    `Cache: dataframe workload (${count(rows)} rows, ${count(columns)} derived columns, DataFrameResult; ms)`,
    ['no cache', 'first run (stores)', 'second run (all hits)', 'first / second', 'one method changed', 'recomputed'],
    [
      [
        fixed(w.uncachedMs, 1),
        fixed(w.firstMs, 1),
        fixed(w.hitMs, 1),
        `${fixed(w.firstMs / w.hitMs, 1)}x`,
        fixed(w.changedMs, 1),
        `${w.recomputed} of ${columns - w.changedColumn} downstream`,
      ],
    ],
    [
      'second run: a new driver on the same store, median of several; target first / second >= 20x.',
      `one method changed: column ${columnName(w.changedColumn)} of the chain; recomputed are it and the columns reading values that changed`,
      '(checked against the frames; downstream columns whose values came out the same, all NaN, are hits).',
    ],
  );
  const n = 10000;
  const t = await measureTracker(n, quick ? 3 : 7);
  const perNode = (ms: number) => fixed(((ms - t.plainMs) * 1000) / n, 2);
  printTable(
    `RunTracker cost on the scalar DAG (${count(n)} nodes, all outputs; us per node over the untracked driver, median)`,
    ['summaries', 'on the run (execute)', 'with the writes (execute + flush)'],
    [
      ['off (none)', perNode(t.pathMs.none), perNode(t.writtenMs.none)],
      ['on (statistics)', perNode(t.pathMs.statistics), perNode(t.writtenMs.statistics)],
    ],
    [
      `untracked execute: ${fixed((t.plainMs * 1000) / n, 2)} us per node; with an empty afterNodeExecute adapter (the node hooks' own cost): ${perNode(t.emptyHookMs)} us over it.`,
      "The writes run after the run's turn, in one transaction.",
    ],
  );
}
