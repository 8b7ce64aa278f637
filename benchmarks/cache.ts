/**
 * The cache and the run tracker (`--only=cache`):
 * - the dataframe workload (benchmarks/dataframe-workload.ts: danfo Series, DataFrameResult) through a cached
 *   Driver: the first run computes and stores every column, a second driver on the same store takes all of them
 *   from the cache; then a driver whose class changes one method (a subclass overriding it) recomputes that
 *   column and its downstream only. What a hit costs is split into its parts, timed on the stored results;
 * - the same workload on Float64Array columns (the typed variant in dataframe-workload.ts; DictResult, so this
 *   process never loads apache-arrow, which slows danfo down);
 * - a chain of nodes that each cost what a real feature node costs (a few milliseconds);
 * - the RunTracker's cost per node on the scalar DAG, with summaries off (`capture: 'none'`) and on
 *   (`'statistics'`): on the run's path (execute alone) and with its writes (execute and `flush()`).
 * Every figure is a ratio or a difference against a baseline measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  Builder,
  DataFrameResult,
  DictResult,
  RunTracker,
  rollingMean,
  SQLiteStore,
  type Capture,
  type CacheLogEntry,
  type DataFrame,
  type DriverCache,
  type ResultBuilder,
  type Series,
} from 'hamilton-ts';
import { LOOKUP } from '../lib/cache/cache-run.js';
import { decodeValue, encodingOf } from '../lib/cache/formats.js';
import { checksumOf, hashStrings } from '../lib/cache/hash.js';
import { columnName, featureSetClass, inputsOf, sameFrame, typedFeatureSetClass, typedInputsOf, type Column } from './dataframe-workload.js';
import { collectGarbage, count, fixed, median, printTable, timed } from './report.js';
import { scalarDagClass } from './scalar-dag.js';

function statusCounts(logs: readonly CacheLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of logs) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
  return counts;
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

/** A workload for the cache: a feature set, what to request, its inputs, its result builder, how to compare results. */
interface Workload<R> {
  readonly cls: new () => object;
  readonly outputs: string[];
  readonly inputs: Record<string, unknown>;
  readonly resultBuilder: () => ResultBuilder<R>;
  readonly same: (a: R, b: R) => boolean;
}

/** What the bench uses of a driver: execute, and its cache. */
interface CachedDriver<R> {
  execute(outputs: string[], options: { inputs: Record<string, unknown> }): R;
  readonly cache: DriverCache;
}

interface RunFigures<R> {
  readonly uncachedMs: number;
  readonly firstMs: number;
  readonly hitMs: number;
  readonly expected: R;
  readonly store: SQLiteStore;
  readonly hitDriver: CachedDriver<R>;
  readonly cached: (cls: new () => object) => CachedDriver<R>;
}

/**
 * The workload with no cache (median of `runs`), through a cached driver once (storing every node), then through
 * a second driver on the same store (every node a hit; median of `runs`); every result checked against the
 * uncached one. Stores are opened in `folder` and listed in `stores` for the caller to close.
 */
function measureRuns<R>(w: Workload<R>, runs: number, folder: string, stores: SQLiteStore[]): RunFigures<R> {
  const options = { inputs: w.inputs };
  const cached = (cls: new () => object): CachedDriver<R> => {
    const store = new SQLiteStore(folder);
    stores.push(store);
    return new Builder().withModules(cls).withResultBuilder(w.resultBuilder()).withCache({ store }).build() as unknown as CachedDriver<R>;
  };
  const plain = new Builder().withModules(w.cls).withResultBuilder(w.resultBuilder()).build() as unknown as CachedDriver<R>;
  const expected = plain.execute(w.outputs, options);
  const uncachedTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    uncachedTimes.push(timed(() => plain.execute(w.outputs, options)).ms);
  }
  const first = cached(w.cls);
  collectGarbage();
  const { ms: firstMs, value: firstValue } = timed(() => first.execute(w.outputs, options));
  const nodes = first.cache.logs().length;
  const firstCounts = statusCounts(first.cache.logs());
  if (firstCounts.miss !== nodes || nodes < w.outputs.length || !w.same(firstValue, expected))
    throw new Error(`cache bench: first run ${JSON.stringify(firstCounts)}`);
  const second = cached(w.cls);
  const hitTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const { ms, value } = timed(() => second.execute(w.outputs, options));
    hitTimes.push(ms);
    const counts = statusCounts(second.cache.logs());
    if (counts.hit !== nodes || !w.same(value, expected)) throw new Error(`cache bench: second run ${JSON.stringify(counts)}`);
  }
  return {
    uncachedMs: median(uncachedTimes),
    firstMs,
    hitMs: median(hitTimes),
    expected,
    store: stores[stores.length - 1],
    hitDriver: second,
    cached,
  };
}

/** What one hit costs, part by part (microseconds per hit, over the run's stored results, each part timed alone). */
interface HitParts {
  /** The cache key's hash (node, code version, inputs' data versions). */
  readonly key: number;
  /** The one query reading the entry and its result's row (a small result's bytes come with it). */
  readonly lookup: number;
  readonly checksum: number;
  /** Bytes to value, the danfo rebuild included. */
  readonly decode: number;
  /** Of which the danfo Series constructor alone, from plain values (0 for typed arrays). */
  readonly rebuild: number;
  /** The result builder alone (ms per run), over the values read: paid with or without a cache. */
  readonly resultMs: number;
}

/** Microseconds per item of `each` over `items`: the median of several passes (one pass is at the mercy of one GC). */
function perItem<T>(items: readonly T[], each: (item: T) => unknown): number {
  for (const item of items) each(item); // warm
  const passes: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    collectGarbage();
    const start = performance.now();
    for (const item of items) each(item);
    passes.push(((performance.now() - start) * 1000) / Math.max(1, items.length));
  }
  return median(passes);
}

interface StoredRow {
  readonly format: string;
  readonly inline: Uint8Array | null;
}

type SeriesType = new (values: unknown[], options: object) => Series;

function hitParts<R>(run: RunFigures<R>, build: () => ResultBuilder<R>): HitParts {
  const logs = run.hitDriver.cache.logs();
  const lookup = run.store.statement(LOOKUP);
  const byVersion = run.store.statement('SELECT format, inline FROM results WHERE data_version = ?');
  const keys = logs.map((l) => [l.node, l.codeVersion!, `input=${l.dataVersion!}`]);
  const rows = logs.map((l) => byVersion.get(l.dataVersion!) as StoredRow).filter((row) => row.inline !== null);
  const encoding = (row: StoredRow) => encodingOf(row.format)!.encoding;
  const values = rows.map((row) => decodeValue(row.inline!, encoding(row)));
  const series = values.filter((v): v is Series => typeof v === 'object' && v !== null && 'dtypes' in v);
  const rebuilds = series.map((s) => ({
    Type: s.constructor as SeriesType,
    values: [...(s.values as unknown[])],
    options: { columns: [...s.columns], dtypes: [...s.dtypes] },
  }));
  const outputs = Object.fromEntries(logs.map((l, i) => [l.node, values[i]]));
  const builder = build();
  const resultTimes = [0, 1, 2, 3, 4].map(() => {
    collectGarbage();
    return timed(() => builder.build(outputs)).ms;
  });
  return {
    key: perItem(keys, (parts) => hashStrings(parts)),
    lookup: perItem(keys, (parts) => lookup.get(hashStrings(parts))),
    checksum: perItem(rows, (row) => checksumOf(row.inline!)),
    decode: perItem(rows, (row) => decodeValue(row.inline!, encoding(row))),
    rebuild: rebuilds.length > 0 ? perItem(rebuilds, ({ Type, values: v, options }) => new Type(v, options)) : 0,
    resultMs: median(resultTimes),
  };
}

interface CacheFigures {
  readonly uncachedMs: number;
  readonly firstMs: number;
  readonly hitMs: number;
  readonly changedMs: number;
  readonly changedColumn: number;
  readonly recomputed: number;
  readonly parts: HitParts;
}

/** The dataframe workload run twice through a cached driver, then with one method changed. */
export function measureCachedWorkload(rows: number, columns: number, runs: number): CacheFigures {
  const inputs = inputsOf(rows);
  const workload: Workload<DataFrame> = {
    cls: featureSetClass(columns),
    outputs: Array.from({ length: columns }, (_, i) => columnName(i)),
    inputs: { spend: inputs.spend, signups: inputs.signups },
    resultBuilder: () => new DataFrameResult(),
    same: sameFrame,
  };
  return withScratchStores((measure) => {
    const run = measure(workload, runs);
    const parts = hitParts(run, () => new DataFrameResult());
    const expected = run.expected;
    // A column whose values still hold numbers: each four columns add five NaN rows at the top.
    const changedColumn = Math.min(Math.floor((columns * 0.9) / 4), Math.floor((rows * 0.6) / 5)) * 4;
    const changed = run.cached(withOneMethodChanged(workload.cls, changedColumn));
    collectGarbage();
    const { ms: changedMs, value: changedFrame } = timed(() => changed.execute(workload.outputs, { inputs: workload.inputs }));
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
    return { uncachedMs: run.uncachedMs, firstMs: run.firstMs, hitMs: run.hitMs, changedMs, changedColumn, recomputed: counts.miss, parts };
  });
}

function sameColumns(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a).every((name) => {
    const [x, y] = [a[name] as Column, b[name] as Column];
    return x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  });
}

/**
 * A feature set of `nodes` nodes in a chain, each costing about what a real feature node costs: `passes` passes
 * of a rolling mean over a 1000-row column (a few milliseconds), returning a Float64Array.
 */
function heavyFeatureSet(nodes: number, passes: number): new () => object {
  const methods = Array.from({ length: nodes }, (_, i) => {
    const p = i === 0 ? 'spend' : `h${i - 1}`;
    return `h${i}(${p}) { let out = ${p}; for (let k = 0; k < ${passes}; k++) out = rollingMean(${p}, 3 + (k % 5)); return out; }`;
  });
  const compile = new Function('rollingMean', `return class Heavy${nodes} {\n  ${methods.join('\n  ')}\n};`);
  return (compile as (...helpers: unknown[]) => new () => object)(rollingMean);
}

interface SimpleFigures {
  readonly uncachedMs: number;
  readonly firstMs: number;
  readonly hitMs: number;
  readonly parts?: HitParts;
}

function measureSimple(workload: Workload<Record<string, unknown>>, runs: number, withParts: boolean): SimpleFigures {
  return withScratchStores((measure) => {
    const run = measure(workload, runs);
    return {
      uncachedMs: run.uncachedMs,
      firstMs: run.firstMs,
      hitMs: run.hitMs,
      ...(withParts ? { parts: hitParts(run, () => new DictResult()) } : {}),
    };
  });
}

/** Runs `work`, whose `measureRuns` opens its stores in a scratch folder, closed and removed once it is done. */
function withScratchStores<T>(work: (measure: <R>(w: Workload<R>, runs: number) => RunFigures<R>) => T): T {
  const folder = mkdtempSync(path.join(tmpdir(), 'hamilton-bench-cache-'));
  const stores: SQLiteStore[] = [];
  try {
    return work((w, runs) => measureRuns(w, runs, folder, stores));
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

/** Runs them all and prints their tables. */
export async function runCache(quick: boolean): Promise<void> {
  const [rows, columns, runs] = quick ? [300, 200, 3] : [1000, 1000, 5];
  const w = measureCachedWorkload(rows, columns, runs);
  const typed = measureSimple(
    {
      cls: typedFeatureSetClass(columns),
      outputs: Array.from({ length: columns }, (_, i) => columnName(i)),
      inputs: { ...typedInputsOf(rows) },
      resultBuilder: () => new DictResult(),
      same: sameColumns,
    },
    runs,
    true,
  );
  const [heavyNodes, passes] = quick ? [20, 200] : [200, 400];
  const heavy = measureSimple(
    {
      cls: heavyFeatureSet(heavyNodes, passes),
      outputs: [`h${heavyNodes - 1}`],
      inputs: { spend: typedInputsOf(rows).spend },
      resultBuilder: () => new DictResult(),
      same: sameColumns,
    },
    quick ? 2 : 3,
    false,
  );
  const ratio = (f: SimpleFigures) => `${fixed(f.firstMs / f.hitMs, 1)}x`;
  const vsPlain = (f: SimpleFigures) => `${fixed(f.uncachedMs / f.hitMs, 1)}x`;
  printTable(
    `Cache: first run (stores) and second run (all hits), ${count(rows)} rows; ms`,
    ['workload', 'no cache', 'first run', 'second run', 'first / second', 'no cache / second'],
    [
      [`danfo, ${count(columns)} columns, DataFrameResult`, fixed(w.uncachedMs, 1), fixed(w.firstMs, 1), fixed(w.hitMs, 1), ratio(w), vsPlain(w)],
      [
        `Float64Array, ${count(columns)} columns, DictResult`,
        fixed(typed.uncachedMs, 1),
        fixed(typed.firstMs, 1),
        fixed(typed.hitMs, 1),
        ratio(typed),
        vsPlain(typed),
      ],
      [
        `${count(heavyNodes)} nodes of ${fixed(heavy.uncachedMs / heavyNodes, 1)} ms each`,
        fixed(heavy.uncachedMs, 1),
        fixed(heavy.firstMs, 1),
        fixed(heavy.hitMs, 1),
        ratio(heavy),
        vsPlain(heavy),
      ],
    ],
    [
      'second run: a new driver on the same store, median of several; target first / second >= 20x.',
      'heavy: a chain of rolling means over 1000 rows, only the last node requested (every node is read on a hit all the same).',
    ],
  );
  const parts = (label: string, p: HitParts, hits: number, hitMs: number) => {
    const perHit = p.key + p.lookup + p.checksum + p.decode;
    const rest = ((hitMs - p.resultMs) * 1000) / hits - perHit;
    return [
      label,
      fixed(p.key, 1),
      fixed(p.lookup, 1),
      fixed(p.checksum, 1),
      p.rebuild > 0 ? `${fixed(p.decode, 1)} (${fixed(p.rebuild, 1)})` : fixed(p.decode, 1),
      fixed(perHit, 1),
      fixed(p.resultMs, 1),
      fixed(rest, 1),
    ];
  };
  printTable(
    'Cache: what one hit costs, part by part (us per hit; each part timed alone over the stored results)',
    [
      'workload',
      'key hash',
      'lookup (entry + row)',
      'checksum',
      'decode (of it: danfo rebuild)',
      'sum',
      'result builder (ms per run)',
      'rest per hit',
    ],
    [parts('danfo', w.parts, columns, w.hitMs), parts('Float64Array', typed.parts!, columns, typed.hitMs)],
    [
      "rest per hit: the second run less the result builder, per hit, less the parts: the scheduler, the inputs' versions (known by",
      "identity), the log line, the run's closing writes (logs, versions seen, last-use marks), and the garbage collections the",
      'values read bring about (each part alone is timed after a collection).',
    ],
  );
  printTable(
    `Cache: one method changed (dataframe workload)`,
    ['run', 'ms', 'recomputed'],
    [[`column ${columnName(w.changedColumn)} changed`, fixed(w.changedMs, 1), `${w.recomputed} of ${columns - w.changedColumn} downstream`]],
    [
      'recomputed are it and the columns reading values that changed (checked against the frames; downstream columns whose',
      'values came out the same, all NaN, are hits).',
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
