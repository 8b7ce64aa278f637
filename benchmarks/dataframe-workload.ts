/**
 * The seed's dataframe workload at scale: a frame of `rows` weeks with `spend` and `signups` (seeded PRNG),
 * and `columns` derived columns c0, c1, ... cycling four operations on the previous column p (`spend` for c0):
 *   rolling mean over 3, shift by 3, ratio to `signups`, and p plus its own previous column (sum).
 * The same code runs as a hamilton-ts `Driver` (DataFrameResult, the Driver's default) and written by hand
 * (same helpers, same danfo calls, same final `new DataFrame(...)`), in the same run.
 */
import type { DataFrame, Series } from 'hamilton-ts';
import { Driver, rollingMean, shift } from 'hamilton-ts';
import * as danfo from 'danfojs';
import { collectGarbage, count, fixed, median, printTable, timed } from './report.js';

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

function sameFrame(a: DataFrame, b: DataFrame): boolean {
  if (a.shape.join() !== b.shape.join() || a.columns.join() !== b.columns.join()) return false;
  const [va, vb] = [a.values as unknown[][], b.values as unknown[][]];
  return va.every((row, r) => row.every((v, c) => Object.is(v, vb[r][c])));
}

/** Measures the workload; throws if the driver's frame differs from the hand-written one. */
export function measureWorkload(rows: number, columns: number, runs: number): WorkloadFigures {
  const inputs = inputsOf(rows);
  const Cls = featureSetClass(columns);
  const outputs = Array.from({ length: columns }, (_, i) => columnName(i));
  const options = { inputs: { spend: inputs.spend, signups: inputs.signups } };

  new Driver({}, class Warm {}); // the first Driver loads inversify; time the graph build, not that
  const { ms: buildMs, value: dr } = timed(() => new Driver({}, Cls));
  const viaDriver = dr.execute(outputs, options); // warm-up (and plan)
  const viaHand = byHand(inputs, columns);
  if (!sameFrame(viaDriver, viaHand)) throw new Error('dataframe workload: the driver frame differs from the hand-written one');

  const driverTimes: number[] = [];
  const handTimes: number[] = [];
  // Interleaved, alternating which side goes first, so drift and GC debt affect both alike.
  for (let r = 0; r < runs; r++) {
    const sides = [
      () => driverTimes.push(timed(() => dr.execute(outputs, options)).ms),
      () => handTimes.push(timed(() => byHand(inputs, columns)).ms),
    ];
    if (r % 2) sides.reverse();
    for (const side of sides) {
      collectGarbage();
      side();
    }
  }
  return { rows, columns, buildMs, driverMs: median(driverTimes), handMs: median(handTimes) };
}

/** Runs the workload and prints its table. */
export function runWorkload(rows: number, columns: number, runs: number): WorkloadFigures {
  const f = measureWorkload(rows, columns, runs);
  printTable(
    `DataFrame workload (${count(f.rows)} rows, ${count(f.columns)} derived columns; median of ${runs} runs, ms)`,
    ['driver build', 'Driver execute', 'by hand', 'ratio'],
    [[fixed(f.buildMs, 1), fixed(f.driverMs, 1), fixed(f.handMs, 1), fixed(f.driverMs / f.handMs, 3)]],
    ['Driver (DataFrameResult) against the same danfo code written by hand. Target ratio <= 1.10.'],
  );
  return f;
}
