import { node, rollingMean, shift } from 'hamilton-ts';
import { HOLIDAY_WEEKS } from '../spend-forecast/features.js';

/** Element by element: `a[i] op b[i]` into a new column. */
function zip(a: Float64Array, b: Float64Array, op: (x: number, y: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = op(a[i], b[i]);
  return out;
}

/** The spend features of samples/spend-forecast, the same methods over Float64Array columns instead of danfo Series. */
export class ColumnarSpendFeatures {
  @node({ doc: 'Rolling 3-week average of spend (NaN for the first two weeks).' })
  avg3wkSpend(spend: Float64Array): Float64Array {
    return rollingMean(spend, 3);
  }

  @node({ doc: 'Spend per sign-up: what one sign-up cost that week.' })
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    return zip(spend, signups, (s, n) => s / n);
  }

  @node({ doc: 'Spend three weeks earlier (NaN for the first three weeks): spend takes a while to convert.' })
  spendShift3Weeks(spend: Float64Array): Float64Array {
    return shift(spend, 3);
  }

  @node({ doc: 'Spend three weeks earlier per sign-up of this week.' })
  spendShift3WeeksPerSignup(spendShift3Weeks: Float64Array, signups: Float64Array): Float64Array {
    return zip(spendShift3Weeks, signups, (s, n) => s / n);
  }

  @node({ doc: 'Mean weekly spend over the frame.' })
  spendMean(spend: Float64Array): number {
    return spend.reduce((sum, v) => sum + v, 0) / spend.length;
  }

  @node({ doc: 'Spend minus its mean.' })
  spendZeroMean(spend: Float64Array, spendMean: number): Float64Array {
    return spend.map((v) => v - spendMean);
  }

  @node({ doc: 'Sample standard deviation of weekly spend.' })
  spendStdDev(spendZeroMean: Float64Array): number {
    return Math.sqrt(spendZeroMean.reduce((sum, d) => sum + d * d, 0) / (spendZeroMean.length - 1));
  }

  @node({ doc: 'Spend standardized: zero mean, unit variance.' })
  spendZeroMeanUnitVariance(spendZeroMean: Float64Array, spendStdDev: number): Float64Array {
    return spendZeroMean.map((d) => d / spendStdDev);
  }
}

/** Calendar features over Float64Array columns. */
export class ColumnarCalendarFeatures {
  @node({ doc: '1 for a week holding a holiday (from holidayWeeks, by year), else 0.' })
  isHoliday(year: Float64Array, week: Float64Array, holidayWeeks: Readonly<Record<number, readonly number[]>> = HOLIDAY_WEEKS): Float64Array {
    return zip(year, week, (y, w) => (holidayWeeks[y]?.includes(w) ? 1 : 0));
  }
}
