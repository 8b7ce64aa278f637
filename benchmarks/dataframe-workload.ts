/**
 * The seed's dataframe workload at scale: a frame of `rows` weeks with `spend` and `signups` (seeded PRNG),
 * and `columns` derived columns c0, c1, ... cycling four operations on the previous column p (`spend` for c0):
 *   rolling mean over 3, shift by 3, ratio to `signups`, and p plus its own previous column (sum).
 * The same code runs as a hamilton-ts `Driver` (DataFrameResult, the Driver's default) and written by hand
 * (same helpers, same danfo calls, same final `new DataFrame(...)`), in the same run; and over Float64Array
 * columns, as a Driver with ArrowResult and by hand (same kernels, then `new Table({ name: makeVector(column) })`).
 */
import { spawnSync } from 'node:child_process';
import type * as Arrow from 'apache-arrow';
import type { DataFrame, Series } from 'hamilton-ts';
import { ArrowResult, Builder, Driver, rollingMean, shift } from 'hamilton-ts';
import * as danfo from 'danfojs';
import { collectGarbage, count, fixed, median, printTable, promoteYoung, timed } from './report.js';

/** mulberry32: a small seeded PRNG, so every run sees the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Inputs {
  readonly spend: Series;
  readonly signups: Series;
}

export function inputsOf(rows: number): Inputs {
  const random = prng(42);
  const spend = Array.from({ length: rows }, () => Math.round((1000 + random() * 9000) * 100) / 100);
  const signups = Array.from({ length: rows }, () => 1 + Math.floor(random() * 500));
  return { spend: new danfo.Series(spend), signups: new danfo.Series(signups) };
}

export const columnName = (i: number) => `c${i}`;
const previousName = (i: number) => (i === 0 ? 'spend' : columnName(i - 1));

/** The feature set: one method per derived column, generated from source text so parameter names are real. */
export function featureSetClass(columns: number): new () => object {
  const methods: string[] = [];
  for (let i = 0; i < columns; i++) {
    const name = columnName(i);
    const p = previousName(i);
    switch (i % 4) {
      case 0:
        methods.push(`${name}(${p}) { return rollingMean(${p}, 3); }`);
        break;
      case 1:
        methods.push(`${name}(${p}) { return shift(${p}, 3); }`);
        break;
      case 2:
        methods.push(`${name}(${p}, signups) { return ${p}.div(signups); }`);
        break;
      default:
        methods.push(`${name}(${p}, ${previousName(i - 1)}) { return ${p}.add(${previousName(i - 1)}); }`);
    }
  }
  const source = `return class Workload${columns} {\n  ${methods.join('\n  ')}\n};`;
  const compile = new Function('rollingMean', 'shift', source) as (...helpers: unknown[]) => new () => object;
  return compile(rollingMean, shift);
}

/** The same computation written by hand. */
function byHand(inputs: Inputs, columns: number): DataFrame {
  const { spend, signups } = inputs;
  const derived: Series[] = [];
  for (let i = 0; i < columns; i++) {
    const p = i === 0 ? spend : derived[i - 1];
    switch (i % 4) {
      case 0:
        derived.push(rollingMean(p, 3));
        break;
      case 1:
        derived.push(shift(p, 3));
        break;
      case 2:
        derived.push(p.div(signups));
        break;
      default:
        derived.push(p.add(i === 1 ? spend : derived[i - 2]));
    }
  }
  const data: Record<string, unknown[]> = {};
  derived.forEach((series, i) => (data[columnName(i)] = series.values as unknown[]));
  return new danfo.DataFrame(data, { index: spend.index });
}

export interface WorkloadFigures {
  readonly rows: number;
  readonly columns: number;
  readonly buildMs: number;
  readonly driverMs: number;
  readonly handMs: number;
}

/** Whether two frames hold the same columns and values (NaN equal to NaN, -0 not to 0). */
export function sameFrame(a: DataFrame, b: DataFrame): boolean {
  if (a.shape.join() !== b.shape.join() || a.columns.join() !== b.columns.join()) return false;
  const [va, vb] = [a.values as unknown[][], b.values as unknown[][]];
  return va.every((row, r) => row.every((v, c) => Object.is(v, vb[r][c])));
}

/**
 * What runs between two timed runs, so neither side pays for the other's garbage: 'full', a full collection
 * (V8 then drops optimized code and clears its inline-cache stubs, which the next run re-warms, billed to
 * whichever side runs next), or 'young', two scavenges (`promoteYoung`), which leave the code warm.
 */
export type BetweenRuns = 'full' | 'young';

const settle = (between: BetweenRuns) => (between === 'full' ? collectGarbage() : promoteYoung());

/** Measures the workload; throws if the driver's frame differs from the hand-written one. */
export function measureWorkload(rows: number, columns: number, runs: number, between: BetweenRuns = 'full'): WorkloadFigures {
  const inputs = inputsOf(rows);
  const Cls = featureSetClass(columns);
  const outputs = Array.from({ length: columns }, (_, i) => columnName(i));
  const options = { inputs: { spend: inputs.spend, signups: inputs.signups } };

  new Driver({}, class Warm {}); // the first Driver loads inversify; time the graph build, not that
  const { ms: buildMs, value: dr } = timed(() => new Driver({}, Cls));
  const viaDriver = dr.execute(outputs, options); // warm-up (and plan)
  const viaHand = byHand(inputs, columns);
  if (!sameFrame(viaDriver, viaHand)) throw new Error('dataframe workload: the driver frame differs from the hand-written one');

  return {
    rows,
    columns,
    buildMs,
    ...interleaved(
      runs,
      between,
      () => dr.execute(outputs, options),
      () => byHand(inputs, columns),
    ),
  };
}

/**
 * The medians of `runs` timed runs of the Driver and of the code by hand, interleaved and alternating which side
 * goes first, so drift and GC debt affect both alike; `between` runs before each.
 */
function interleaved(runs: number, between: BetweenRuns, driver: () => unknown, hand: () => unknown): { driverMs: number; handMs: number } {
  const driverTimes: number[] = [];
  const handTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const sides = [() => driverTimes.push(timed(driver).ms), () => handTimes.push(timed(hand).ms)];
    if (r % 2) sides.reverse();
    for (const side of sides) {
      settle(between);
      side();
    }
  }
  return { driverMs: median(driverTimes), handMs: median(handTimes) };
}

// ---------------------------------------------------------------------------------------------------------------
// The columnar path: the same four operations over Float64Array columns, an Arrow table out.

export type Column = Float64Array;

/** Element-wise a / b, as a new column. */
const divide = (a: Column, b: Column): Column => {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] / b[i];
  return out;
};

/** Element-wise a + b, as a new column. */
const plus = (a: Column, b: Column): Column => {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
  return out;
};

export interface TypedInputs {
  readonly spend: Column;
  readonly signups: Column;
}

/** The same data as `inputsOf`, as Float64Array columns. */
export function typedInputsOf(rows: number): TypedInputs {
  const { spend, signups } = inputsOf(rows);
  return { spend: Float64Array.from(spend.values as number[]), signups: Float64Array.from(signups.values as number[]) };
}

/** The workload's feature set over Float64Array columns, generated from source text so parameter names are real. */
export function typedFeatureSetClass(columns: number): new () => object {
  const methods: string[] = [];
  for (let i = 0; i < columns; i++) {
    const p = previousName(i);
    const body = [`rollingMean(${p}, 3)`, `shift(${p}, 3)`, `divide(${p}, signups)`, `plus(${p}, ${previousName(i - 1)})`][i % 4];
    const parameters = [p, p, `${p}, signups`, `${p}, ${previousName(i - 1)}`][i % 4];
    methods.push(`${columnName(i)}(${parameters}) { return ${body}; }`);
  }
  const source = `return class TypedWorkload${columns} {\n  ${methods.join('\n  ')}\n};`;
  const compile = new Function('rollingMean', 'shift', 'divide', 'plus', source) as (...helpers: unknown[]) => new () => object;
  return compile(rollingMean, shift, divide, plus);
}

/** The typed columns by hand, without a table (what a cache or another result builder starts from). */
function typedColumnsByHand(inputs: TypedInputs, columns: number): Column[] {
  const { spend, signups } = inputs;
  const derived: Column[] = [];
  for (let i = 0; i < columns; i++) {
    const p = i === 0 ? spend : derived[i - 1];
    if (i % 4 === 0) derived.push(rollingMean(p, 3));
    else if (i % 4 === 1) derived.push(shift(p, 3));
    else if (i % 4 === 2) derived.push(divide(p, signups));
    else derived.push(plus(p, i === 1 ? spend : derived[i - 2]));
  }
  return derived;
}

/** apache-arrow, required on first use: loading it slows danfo for the rest of the process (README, Performance). */
function arrowModule(): typeof Arrow {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer of the package, a devDependency here
  return require('apache-arrow') as typeof Arrow;
}

/** The same computation by hand: the same kernels, then the table as Arrow's documented API makes it. */
function typedByHand(inputs: TypedInputs, columns: number): Arrow.Table {
  const a = arrowModule();
  const children: Record<string, Arrow.Vector> = {};
  typedColumnsByHand(inputs, columns).forEach((column, i) => (children[columnName(i)] = a.makeVector(column)));
  return new a.Table(children);
}

function sameTable(a: Arrow.Table, b: Arrow.Table): boolean {
  if (a.numRows !== b.numRows || a.numCols !== b.numCols) return false;
  return a.schema.fields.every((field) => {
    const [x, y] = [a.getChild(field.name)!.toArray() as Column, b.getChild(field.name)?.toArray() as Column | undefined];
    return y !== undefined && x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  });
}

/** Measures the typed workload through a Driver with ArrowResult against by hand; throws if their tables differ. */
function measureTypedWorkload(rows: number, columns: number, runs: number, between: BetweenRuns = 'full'): WorkloadFigures {
  const inputs = typedInputsOf(rows);
  const outputs = Array.from({ length: columns }, (_, i) => columnName(i));
  const Cls = typedFeatureSetClass(columns);
  new Builder().withModules(class Warm {}).build(); // the first Builder loads inversify; time the graph build, not that
  const { ms: buildMs, value: dr } = timed(() => new Builder().withModules(Cls).withResultBuilder(new ArrowResult()).build());
  const options = { inputs: { spend: inputs.spend, signups: inputs.signups } };
  if (!sameTable(dr.execute(outputs, options), typedByHand(inputs, columns))) {
    throw new Error('dataframe workload: the driver table differs from the hand-written one');
  }
  return {
    rows,
    columns,
    buildMs,
    ...interleaved(
      runs,
      between,
      () => dr.execute(outputs, options),
      () => typedByHand(inputs, columns),
    ),
  };
}

/** The typed path's figures, measured in a fresh process (see `runWorkload`). */
function typedInChild(rows: number, columns: number, runs: number): { young: WorkloadFigures; full: WorkloadFigures } {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--typed-workload', String(rows), String(columns), String(runs)], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`typed workload failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { young: WorkloadFigures; full: WorkloadFigures };
}

/**
 * Runs the workload three ways and prints their table: danfo before apache-arrow is loaded; typed arrays with
 * ArrowResult in a fresh process, so they neither run in the heap danfo's runs grew (a full collection there
 * leaves more to sweep inside the next timed run) nor load Arrow into this one too early; then danfo again once
 * this process has loaded apache-arrow. danfo runs after a full collection each (its runs leave old-generation
 * garbage); the typed path after two scavenges, and also after a full collection (see `BetweenRuns`).
 */
export function runWorkload(rows: number, columns: number, runs: number): WorkloadFigures {
  const f = measureWorkload(rows, columns, runs, 'full');
  const typed = typedInChild(rows, columns, runs * 2 + 1);
  new ArrowResult().build({ loaded: new Float64Array(1) }); // this process now has both, as an app mixing them would
  const both = measureWorkload(rows, columns, runs, 'full');
  const row = (path: string, figures: WorkloadFigures) => [
    path,
    fixed(figures.buildMs, 1),
    fixed(figures.driverMs, 1),
    fixed(figures.handMs, 1),
    fixed(figures.driverMs / figures.handMs, 3),
  ];
  printTable(
    `DataFrame workload (${count(f.rows)} rows, ${count(f.columns)} derived columns; medians, ms)`,
    ['path', 'driver build', 'Driver execute', 'by hand', 'ratio'],
    [
      row('danfo + DataFrameResult', f),
      row('Float64Array + ArrowResult', typed.young),
      row('  the same, full GC before each run', typed.full),
      row('danfo, apache-arrow loaded', both),
    ],
    [
      'Each Driver against the same code written by hand, interleaved; a full collection before each danfo run and',
      'two scavenges before each typed one (third row: a full collection, after which V8 re-warms code and inline caches',
      'in the timed run, on both sides). The typed rows run in a fresh process.',
      'Targets: danfo within 1.10x of by hand; Float64Array + ArrowResult <= 15 ms and within 1.2x of by hand.',
      "The last row runs after apache-arrow is loaded: it sets Symbol.isConcatSpreadable, which switches V8's fast",
      'Array.prototype.concat off for the process (concat then makes dictionary-mode arrays), so danfo is slower on both sides.',
    ],
  );
  return f;
}

if (process.argv[2] === '--typed-workload') {
  const [rows, columns, runs] = process.argv.slice(3, 6).map(Number);
  const young = measureTypedWorkload(rows, columns, runs, 'young');
  const full = measureTypedWorkload(rows, columns, runs, 'full');
  process.stdout.write(`\n${JSON.stringify({ young, full })}\n`);
}
