import { isArrowVector } from '../dataframe/arrow.js';
import type { DataFrame, Series } from '../dataframe/danfo.js';
import type { ValueKind } from './kinds.js';

/** A run of values with their labels (index labels of a Series, positions of an array) and danfo dtype. */
export interface Sequence {
  readonly values: readonly unknown[];
  readonly labels: readonly unknown[];
  readonly dtype?: string;
}

/** How many offending entries a result lists: enough to find the problem, never the whole data set. */
export const MAX_LISTED = 10;

/** Missing data: null, undefined or NaN (pandas' `isna`). */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/**
 * The values of a Series or an array (typed arrays and Arrow vectors included: an Arrow null is `null`) with
 * their labels; typed arrays and vectors carry the danfo dtype of their elements.
 */
export function sequenceOf(value: unknown, kind: ValueKind): Sequence {
  if (kind === 'series') {
    const series = value as Series;
    return { values: series.values, labels: series.index, dtype: series.dtype };
  }
  const values = Array.from(value as Iterable<unknown>);
  return { values, labels: values.map((_, i) => i), dtype: dtypeOf(value) };
}

// Arrow's type ids (fixed by the Arrow format): Int, Float, Utf8, Bool, LargeUtf8.
const ARROW_DTYPES = new Map<number, string>([
  [3, 'float32'],
  [5, 'string'],
  [6, 'boolean'],
  [20, 'string'],
]);
const ARROW_INT = 2;

/**
 * The danfo dtype (danfo calls any float `float32`) of a typed array's or an Arrow vector's elements;
 * `undefined` for plain arrays and 64-bit integers (bigints), which are checked element by element.
 */
function dtypeOf(value: unknown): string | undefined {
  if (value instanceof Float64Array || value instanceof Float32Array) return 'float32';
  if (ArrayBuffer.isView(value))
    return value instanceof BigInt64Array || value instanceof BigUint64Array || value instanceof DataView ? undefined : 'int32';
  if (!isArrowVector(value)) return undefined;
  const type = value.type as { typeId: number; bitWidth?: number };
  if (type.typeId === ARROW_INT) return (type.bitWidth ?? 64) <= 32 ? 'int32' : undefined;
  return ARROW_DTYPES.get(type.typeId);
}

/** Each column of a DataFrame as a sequence labelled by the frame's index. */
export function columnsOf(frame: DataFrame): { readonly name: string; readonly sequence: Sequence }[] {
  const labels = frame.index as unknown[];
  const dtypes = frame.dtypes;
  return frame.columns.map((name, i) => ({ name, sequence: { values: frame.column(name).values, labels, dtype: dtypes[i] } }));
}

/** Each row of a DataFrame as a plain object (column -> value), with its index label. */
export function rowsOf(frame: DataFrame): { readonly label: unknown; readonly row: Record<string, unknown> }[] {
  const columns = frame.columns;
  const labels = frame.index as unknown[];
  return (frame.values as unknown[][]).map((cells, i) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, c) => (row[column] = cells[c]));
    return { label: labels[i], row };
  });
}

/** The numbers of a sequence, missing values left out; `undefined` if a present value is not a number. */
export function presentNumbers(values: readonly unknown[]): number[] | undefined {
  const numbers: number[] = [];
  for (const value of values) {
    if (isMissing(value)) continue;
    if (typeof value !== 'number') return undefined;
    numbers.push(value);
  }
  return numbers;
}

/** Arithmetic mean (NaN for no values). */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? NaN : sum / values.length;
}

/** Sample standard deviation (n - 1 in the denominator, as pandas' `std()`); NaN below two values. */
export function sampleStandardDeviation(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
