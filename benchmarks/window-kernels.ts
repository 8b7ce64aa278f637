/**
 * `--only=windows`: hamilton-ts' rolling mean (pandas' roll_mean) against stdlib-js kernels that could replace it,
 * on pandas' cases and on speed. The stdlib packages are not dependencies of hamilton-ts (none of them meets
 * pandas' semantics, see README, "Window kernels"): install them anywhere and point STDLIB_DIR at the folder
 * holding their node_modules, e.g.
 *   npm i --prefix /tmp/stdlib @stdlib/stats-strided-dmean @stdlib/blas-ext-base-dsumkbn @stdlib/stats-incr-mmean
 *   STDLIB_DIR=/tmp/stdlib node dist/benchmarks/run.js --only=windows
 */
import * as path from 'node:path';
import { rollingMean } from 'hamilton-ts';
import { fixed, median, printTable, timed } from './report.js';

type Kernel = (values: Float64Array, window: number) => Float64Array;

/** A stdlib package from STDLIB_DIR, or undefined when it is not installed there. */
function stdlib<T>(name: string): T | undefined {
  const folder = process.env.STDLIB_DIR;
  if (folder === undefined) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a candidate measured here, not a dependency
    return require(require.resolve(name, { paths: [path.resolve(folder)] })) as T;
  } catch {
    return undefined;
  }
}

type StridedMean = { ndarray: (n: number, x: Float64Array, stride: number, offset: number) => number };
type MovingMean = (window: number) => (value: number) => number;

/** Each window's own mean with a strided kernel (an offset per window), NaN until the window is full. */
const perWindow =
  (mean: (n: number, x: Float64Array, offset: number) => number): Kernel =>
  (values, window) => {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = i < window - 1 ? NaN : mean(window, values, i - window + 1);
    return out;
  };

function candidates(): Array<[string, Kernel]> {
  const found: Array<[string, Kernel]> = [['hamilton-ts rollingMean (pandas roll_mean)', (values, window) => rollingMean(values, window)]];
  const dmean = stdlib<StridedMean>('@stdlib/stats-strided-dmean');
  if (dmean) found.push(['@stdlib/stats-strided-dmean per window', perWindow((n, x, offset) => dmean.ndarray(n, x, 1, offset))]);
  const dsumkbn = stdlib<StridedMean>('@stdlib/blas-ext-base-dsumkbn');
  if (dsumkbn) found.push(['@stdlib/blas-ext-base-dsumkbn per window / n', perWindow((n, x, offset) => dsumkbn.ndarray(n, x, 1, offset) / n)]);
  const mmean = stdlib<MovingMean>('@stdlib/stats-incr-mmean');
  if (mmean) {
    found.push([
      '@stdlib/stats-incr-mmean',
      (values, window) => {
        // Fed every value; its means of partial windows are masked as pandas' NaN.
        const accumulate = mmean(window);
        const out = new Float64Array(values.length);
        for (let i = 0; i < values.length; i++) {
          const mean = accumulate(values[i]);
          out[i] = i < window - 1 ? NaN : mean;
        }
        return out;
      },
    ]);
  }
  return found;
}

/** pandas' answers, from pandas 2's rolling(window).mean() (inf is missing; one repeated value is itself). */
const PANDAS_CASES: ReadonlyArray<{ name: string; values: number[]; window: number; expected: number[] }> = [
  { name: 'exact after 1e16 leaves', values: [1e16, 1, 1, 1, 1], window: 2, expected: [NaN, 5e15, 1, 1, 1] },
  { name: '[0.1]*4, window 3', values: [0.1, 0.1, 0.1, 0.1], window: 3, expected: [NaN, NaN, 0.1, 0.1] },
  { name: 'NaN in the window', values: [1, 2, NaN, 4, 5, 6], window: 2, expected: [NaN, 1.5, NaN, NaN, 4.5, 5.5] },
  { name: 'inf is missing', values: [1, Infinity, 3, 4], window: 2, expected: [NaN, NaN, NaN, 3.5] },
];

const same = (a: ArrayLike<number>, b: readonly number[]) => a.length === b.length && b.every((v, i) => Object.is(v, a[i]) || v === a[i]);

export function runWindowKernels(quick: boolean): void {
  const kernels = candidates();
  const rows = quick ? 1000 : 100_000;
  const values = Float64Array.from({ length: rows }, (_, i) => 1000 + ((i * 7919) % 9000) / 3);
  const runs = quick ? 5 : 15;
  const windows = [3, 50];
  const medians = windows.map((window) => {
    const times = kernels.map(() => [] as number[]);
    for (let r = 0; r < runs; r++) kernels.forEach(([, kernel], k) => times[k].push(timed(() => kernel(values, window)).ms));
    return times.map(median);
  });
  printTable(
    `Rolling mean kernels (${rows} values; median of ${runs}, ms; ratio to hamilton-ts; does each pandas case match pandas?)`,
    ['kernel', ...windows.flatMap((w) => [`window ${w}`, 'ratio']), ...PANDAS_CASES.map((_, i) => `case ${i + 1}`)],
    kernels.map(([name, kernel], k) => [
      name,
      ...medians.flatMap((m) => [fixed(m[k], 2), fixed(m[k] / m[0], 2)]),
      ...PANDAS_CASES.map((c) => (same(kernel(Float64Array.from(c.values), c.window), c.expected) ? 'pandas' : 'differs')),
    ]),
    [
      `Cases: ${PANDAS_CASES.map((c, i) => `${i + 1}. ${c.name}`).join('; ')}.`,
      ...(kernels.length === 1 ? ['No stdlib candidate found: set STDLIB_DIR (see benchmarks/window-kernels.ts).'] : []),
    ],
  );
}
