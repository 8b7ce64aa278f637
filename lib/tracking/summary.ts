import { describeValue } from '../metadata/value-types.js';

/** What the tracker keeps of a node's value. */
export type Capture = 'none' | 'schema' | 'statistics';

/** Statistics of the numbers in a column (NaN counted apart). */
export interface NumericStatistics {
  readonly count: number;
  readonly mean: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly nanShare: number;
}

/** A value's summary as JSON text: its type and length, and for numbers in a list, statistics. */
export function summaryOf(value: unknown, capture: Capture): string | undefined {
  if (capture === 'none') return undefined;
  const length = lengthOf(value);
  const summary: Record<string, unknown> = { type: describeValue(value) };
  if (length !== undefined) summary.length = length;
  if (capture === 'statistics') {
    const numbers = numericValues(value);
    if (numbers) summary.statistics = statisticsOf(numbers);
  }
  return JSON.stringify(summary);
}

function lengthOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return (value as unknown as ArrayLike<unknown>).length;
  if (typeof value === 'string') return value.length;
  return undefined;
}

function numericValues(value: unknown): ArrayLike<number> | undefined {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array)) {
    return value as unknown as ArrayLike<number>;
  }
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number')) return value;
  return undefined;
}

export function statisticsOf(numbers: ArrayLike<number>): NumericStatistics {
  let count = 0;
  let nan = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    if (Number.isNaN(n)) {
      nan++;
      continue;
    }
    count++;
    sum += n;
    if (n < min) min = n;
    if (n > max) max = n;
  }
  return {
    count,
    mean: count > 0 ? sum / count : null,
    min: count > 0 ? min : null,
    max: count > 0 ? max : null,
    nanShare: numbers.length > 0 ? nan / numbers.length : 0,
  };
}
