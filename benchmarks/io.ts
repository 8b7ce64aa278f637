/**
 * `--only=io`: the columnar path and data in and out.
 *
 * 1. The dataframe workload (benchmarks/dataframe-workload.ts: `rows` weeks, `columns` derived columns cycling
 *    rolling mean, shift, ratio and sum) three ways through the Driver: danfo + DataFrameResult, typed arrays +
 *    ArrowResult, each against the same code written by hand, in the same run.
 * 2. Loading and saving through loader and saver nodes against the libraries called directly (benchmarks/io-cases.ts).
 */
import type * as Arrow from 'apache-arrow';
import { ArrowResult, Builder, rollingMean, shift } from 'hamilton-ts';
import { columnName, inputsOf, measureWorkload } from './dataframe-workload.js';
import { runLoadSave } from './io-cases.js';
import { collectGarbage, count, fixed, median, printTable, timed } from './report.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer of the package, a devDependency here
const arrow = require('apache-arrow') as typeof Arrow;

type Column = Float64Array;

const div = (a: Column, b: Column): Column => {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] / b[i];
  return out;
};
const add = (a: Column, b: Column): Column => {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
  return out;
};

const previousName = (i: number) => (i === 0 ? 'spend' : columnName(i - 1));

/** The workload's feature set over Float64Array columns, generated from source text so parameter names are real. */
function typedFeatureSet(columns: number): new () => object {
  const methods: string[] = [];
  for (let i = 0; i < columns; i++) {
    const p = previousName(i);
    const body = [`rollingMean(${p}, 3)`, `shift(${p}, 3)`, `div(${p}, signups)`, `add(${p}, ${previousName(i - 1)})`][i % 4];
    const parameters = [p, p, `${p}, signups`, `${p}, ${previousName(i - 1)}`][i % 4];
    methods.push(`${columnName(i)}(${parameters}) { return ${body}; }`);
  }
  const compile = new Function('rollingMean', 'shift', 'div', 'add', `return class TypedWorkload${columns} {\n  ${methods.join('\n  ')}\n};`);
  return (compile as (...helpers: unknown[]) => new () => object)(rollingMean, shift, div, add);
}

/** The same computation by hand: the same kernels, then the same Arrow table (vectors over the same memory). */
function typedByHand(spend: Column, signups: Column, columns: number): Arrow.Table {
  const derived: Column[] = [];
  for (let i = 0; i < columns; i++) {
    const p = i === 0 ? spend : derived[i - 1];
    if (i % 4 === 0) derived.push(rollingMean(p, 3));
    else if (i % 4 === 1) derived.push(shift(p, 3));
    else if (i % 4 === 2) derived.push(div(p, signups));
    else derived.push(add(p, i === 1 ? spend : derived[i - 2]));
  }
  const children: Record<string, Arrow.Vector> = {};
  derived.forEach((column, i) => (children[columnName(i)] = arrow.makeVector(column)));
  return new arrow.Table(children);
}

function sameTable(a: Arrow.Table, b: Arrow.Table): boolean {
  if (a.numRows !== b.numRows || a.numCols !== b.numCols) return false;
  return a.schema.fields.every((field) => {
    const [x, y] = [a.getChild(field.name)!.toArray() as Column, b.getChild(field.name)?.toArray() as Column | undefined];
    return y !== undefined && x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  });
}

interface TypedFigures {
  readonly driverMs: number;
  readonly handMs: number;
}

function measureTyped(rows: number, columns: number, runs: number): TypedFigures {
  const danfoInputs = inputsOf(rows);
  const spend = Float64Array.from(danfoInputs.spend.values as number[]);
  const signups = Float64Array.from(danfoInputs.signups.values as number[]);
  const outputs = Array.from({ length: columns }, (_, i) => columnName(i));
  const dr = new Builder().withModules(typedFeatureSet(columns)).withResultBuilder(new ArrowResult()).build();
  const options = { inputs: { spend, signups } };
  if (!sameTable(dr.execute(outputs, options), typedByHand(spend, signups, columns))) {
    throw new Error('io workload: the driver table differs from the hand-written one');
  }
  const driverTimes: number[] = [];
  const handTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const sides = [
      () => driverTimes.push(timed(() => dr.execute(outputs, options)).ms),
      () => handTimes.push(timed(() => typedByHand(spend, signups, columns)).ms),
    ];
    if (r % 2) sides.reverse();
    for (const side of sides) {
      collectGarbage();
      side();
    }
  }
  return { driverMs: median(driverTimes), handMs: median(handTimes) };
}

export function runWorkloads(rows: number, columns: number, runs: number): void {
  const danfoFigures = measureWorkload(rows, columns, 7); // as the dataframe section does
  const typed = measureTyped(rows, columns, runs);
  printTable(
    `Dataframe workload three ways (${count(rows)} rows, ${count(columns)} derived columns; medians, ms)`,
    ['path', 'Driver', 'by hand', 'ratio', 'vs danfo Driver'],
    [
      [
        'danfo + DataFrameResult',
        fixed(danfoFigures.driverMs, 1),
        fixed(danfoFigures.handMs, 1),
        fixed(danfoFigures.driverMs / danfoFigures.handMs, 3),
        '1.0x',
      ],
      [
        'Float64Array + ArrowResult',
        fixed(typed.driverMs, 1),
        fixed(typed.handMs, 1),
        fixed(typed.driverMs / typed.handMs, 3),
        `${fixed(danfoFigures.driverMs / typed.driverMs, 1)}x`,
      ],
    ],
    [
      'Targets: typed arrays + Arrow <= 15 ms at 1000 x 1000 and within 1.2x of by hand; danfo within 1.10x of by hand.',
      "apache-arrow is loaded in this process: it sets Symbol.isConcatSpreadable on its classes, which turns off V8's fast",
      'Array.prototype.concat for the whole process, and danfo (which concatenates) runs about 2x slower here than in --only=dataframe.',
    ],
  );
}

/** The io section of `npm run bench`. */
export function runIo(quick: boolean): void {
  if (quick) runWorkloads(300, 200, 9);
  else runWorkloads(1000, 1000, 15);
  runLoadSave(quick ? 100_000 : 1_000_000, 3);
}
