import { danfo, type Series } from './danfo.js';

/**
 * Rolling mean over `window` values (pandas' `series.rolling(window).mean()`): NaN until the window is full,
 * and NaN for any window holding a NaN. danfo's Series has no rolling window.
 */
export function rollingMean(series: Series, window: number): Series {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`rollingMean: window must be a positive integer, got ${window}`);
  const values = series.values as number[];
  const result = new Array<number>(values.length);
  let sum = 0;
  // Kahan compensation, as pandas keeps it: without it, a large value leaving the window leaves its
  // rounding error behind in every later mean.
  let compensation = 0;
  const add = (value: number) => {
    const y = value - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  };
  let nans = 0;
  for (let i = 0; i < values.length; i++) {
    const entering = values[i];
    if (entering == null || Number.isNaN(entering)) nans++;
    else add(entering);
    if (i >= window) {
      const leaving = values[i - window];
      if (leaving == null || Number.isNaN(leaving)) nans--;
      else add(-leaving);
    }
    result[i] = i < window - 1 || nans > 0 ? NaN : sum / window;
  }
  return new (danfo().Series)(result, { index: series.index });
}

/**
 * Values moved down by `periods` (up when negative), NaN where nothing moved in (pandas' `series.shift()`).
 * The index stays where it is.
 */
export function shift(series: Series, periods = 1): Series {
  if (!Number.isInteger(periods)) throw new RangeError(`shift: periods must be an integer, got ${periods}`);
  const values = series.values as unknown[];
  const n = values.length;
  const result = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const from = i - periods;
    result[i] = from >= 0 && from < n ? values[from] : NaN;
  }
  return new (danfo().Series)(result, { index: series.index });
}
