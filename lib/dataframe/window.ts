import { Messages } from '../constants/messages.js';
import type * as Errors from '../errors/index.js';
import { danfo, type Series } from './danfo.js';

/** A column of numbers as a typed array (the columnar path: no danfo, no boxing). */
export type NumericArray = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * Rolling mean over `window` values (pandas' `series.rolling(window).mean()`): NaN until the window is full,
 * and NaN for any window holding a NaN. danfo's Series has no rolling window. A typed array gives a
 * `Float64Array`, a Series a Series on the same index.
 */
export function rollingMean(series: Series, window: number): Series;
export function rollingMean(values: NumericArray, window: number): Float64Array;
export function rollingMean(column: Series | NumericArray, window: number): Series | Float64Array {
  if (!Number.isInteger(window) || window < 1) throw badArgument(Messages.window.badWindow(shown(window)));
  if (ArrayBuffer.isView(column)) return rollingMeanOf(column, window);
  return new (danfo().Series)(Array.from(rollingMeanOf(column.values as ArrayLike<number | null | undefined>, window)), { index: column.index });
}

function rollingMeanOf(values: ArrayLike<number | null | undefined>, window: number): Float64Array {
  const result = new Float64Array(values.length);
  // A Kahan-compensated running sum, as pandas keeps it: without it, a large value leaving the window leaves
  // its rounding error behind in every later mean. Written inline (no helper closure): the sum and its
  // compensation stay in registers, which makes this loop about as fast as a plain one.
  let sum = 0;
  let compensation = 0;
  let nans = 0;
  for (let i = 0; i < values.length; i++) {
    const entering = values[i];
    if (entering == null || Number.isNaN(entering)) nans++;
    else {
      const y = entering - compensation;
      const t = sum + y;
      compensation = t - sum - y;
      sum = t;
    }
    if (i >= window) {
      const leaving = values[i - window];
      if (leaving == null || Number.isNaN(leaving)) nans--;
      else {
        const y = -leaving - compensation;
        const t = sum + y;
        compensation = t - sum - y;
        sum = t;
      }
    }
    result[i] = i < window - 1 || nans > 0 ? NaN : sum / window;
  }
  return result;
}

/**
 * Values moved down by `periods` (up when negative), NaN where nothing moved in (pandas' `series.shift()`).
 * A Series keeps its index; a typed array gives a `Float64Array` (NaN needs a float).
 */
export function shift(series: Series, periods?: number): Series;
export function shift(values: NumericArray, periods?: number): Float64Array;
export function shift(column: Series | NumericArray, periods = 1): Series | Float64Array {
  if (!Number.isInteger(periods)) throw badArgument(Messages.window.badPeriods(shown(periods)));
  if (ArrayBuffer.isView(column)) {
    const n = column.length;
    const result = new Float64Array(n).fill(NaN);
    if (Math.abs(periods) < n) result.set(periods >= 0 ? column.subarray(0, n - periods) : column.subarray(-periods), Math.max(periods, 0));
    return result;
  }
  const values = column.values as unknown[];
  const n = values.length;
  const result = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const from = i - periods;
    result[i] = from >= 0 && from < n ? values[from] : NaN;
  }
  return new (danfo().Series)(result, { index: column.index });
}

function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : `${typeof value} ${JSON.stringify(value) ?? ''}`.trimEnd();
}

function badArgument(message: string): Error {
  // Required, not imported: errors -> messages -> ... -> dataframe is a load-time cycle (see danfo.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a load-time cycle, see above
  const { HamiltonError } = require('../errors/index.js') as typeof Errors;
  return new HamiltonError(message);
}
