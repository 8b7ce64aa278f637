import { Messages } from '../constants/messages.js';
import type * as Errors from '../errors/index.js';
import { danfo, isSeries, type Series } from './danfo.js';

/** A column of numbers as a typed array (the columnar path: no danfo, no boxing). */
export type NumericArray = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * Rolling mean over `window` values (pandas' `series.rolling(window).mean()`): NaN until the window is full,
 * and NaN for any window holding a missing value (NaN, null, undefined, or ±Infinity, which pandas' rolling
 * windows treat as missing). A window of one repeated value gives that value exactly, and a window of values
 * of one sign never gives a mean of the other sign (pandas' rules, GH#42064). danfo's Series has no rolling
 * window. A typed array gives a `Float64Array`, a Series a Series on the same index.
 */
export function rollingMean(series: Series, window: number): Series;
export function rollingMean(values: NumericArray, window: number): Float64Array;
export function rollingMean(column: Series | NumericArray, window: number): Series | Float64Array {
  if (!Number.isInteger(window) || window < 1) throw badArgument(Messages.window.badWindow(shown(window)));
  if (isNumericArray(column, 'rollingMean')) return rollingMeanOf(column, window);
  return new (danfo().Series)(Array.from(rollingMeanOf(column.values as ArrayLike<unknown>, window)), { index: column.index });
}

/**
 * pandas' fixed-window mean (roll_mean in pandas/_libs/window/aggregations.pyx), so results match it to the
 * bit: a running sum with Kahan compensation, one for values entering and one for values leaving (without it,
 * a large value leaving the window leaves its rounding error in every later mean); a count of the values equal
 * to the last one entered, so a window of one value is that value; a count of negative values (sign bit set),
 * so rounding cannot flip a mean's sign. Written inline, with no helper closure: the state stays in registers.
 */
function rollingMeanOf(values: ArrayLike<unknown>, window: number): Float64Array {
  const n = values.length;
  const result = new Float64Array(n);
  // A window of 1 never overlaps the one before, and pandas starts afresh for each: the value itself.
  if (window === 1) {
    for (let i = 0; i < n; i++) result[i] = finite(values[i]) ? (values[i] as number) : NaN;
    return result;
  }
  let sum = 0;
  let addCompensation = 0;
  let removeCompensation = 0;
  let observed = 0;
  let negatives = 0;
  let sameRun = 0;
  let last = n > 0 && finite(values[0]) ? values[0] : NaN;
  for (let i = 0; i < n; i++) {
    if (i >= window) {
      const leaving = values[i - window];
      if (finite(leaving)) {
        observed--;
        const y = -leaving - removeCompensation;
        const t = sum + y;
        removeCompensation = t - sum - y;
        sum = t;
        if (leaving < 0 || (leaving === 0 && 1 / leaving < 0)) negatives--;
      }
    }
    const entering = values[i];
    if (finite(entering)) {
      observed++;
      const y = entering - addCompensation;
      const t = sum + y;
      addCompensation = t - sum - y;
      sum = t;
      if (entering < 0 || (entering === 0 && 1 / entering < 0)) negatives++;
      sameRun = entering === last ? sameRun + 1 : 1;
      last = entering;
    }
    if (observed < window) result[i] = NaN;
    else if (sameRun >= observed) result[i] = last;
    else {
      const mean = sum / observed;
      result[i] = (negatives === 0 && mean < 0) || (negatives === observed && mean > 0) ? 0 : mean;
    }
  }
  return result;
}

/** A value a window counts: a finite number (NaN, ±Infinity, null, undefined and non-numbers are missing). */
function finite(value: unknown): value is number {
  return typeof value === 'number' && value - value === 0;
}

/**
 * Values moved down by `periods` (up when negative), NaN where nothing moved in (pandas' `series.shift()`).
 * A Series keeps its index; a typed array gives a `Float64Array` (NaN needs a float).
 */
export function shift(series: Series, periods?: number): Series;
export function shift(values: NumericArray, periods?: number): Float64Array;
export function shift(column: Series | NumericArray, periods = 1): Series | Float64Array {
  if (!Number.isInteger(periods)) throw badArgument(Messages.window.badPeriods(shown(periods)));
  if (isNumericArray(column, 'shift')) {
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

/**
 * Whether a column is a typed array of numbers (else a danfo Series); anything else, as plain JavaScript may
 * pass (an array, a DataView, a BigInt64Array, nothing), is a HamiltonError saying what to give.
 */
function isNumericArray(column: unknown, helper: string): column is NumericArray {
  if (ArrayBuffer.isView(column) && !(column instanceof DataView) && !(column instanceof BigInt64Array) && !(column instanceof BigUint64Array)) {
    return true;
  }
  if (isSeries(column)) return false;
  throw badArgument(Messages.window.badColumn(helper, kindOf(column)));
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return typeof value;
  return (value as { constructor?: { name?: string } }).constructor?.name ?? 'an object';
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
