import { Series } from 'danfojs';
import { node, rollingMean, shift } from 'hamilton-ts';

/** Weeks holding a holiday that moves sign-ups (New Year, Memorial Day, July 4, Labor Day, Thanksgiving, Christmas). */
export const HOLIDAY_WEEKS: Readonly<Record<number, readonly number[]>> = {
  2022: [1, 22, 27, 36, 47, 52],
  2023: [1, 22, 27, 36, 47, 52],
};

/** The talk's spend features: each method is a column, its parameters are the columns it reads. */
export class SpendFeatures {
  @node({ doc: 'Rolling 3-week average of spend (NaN for the first two weeks).' })
  avg3wkSpend(spend: Series): Series {
    return rollingMean(spend, 3);
  }

  @node({ doc: 'Spend per sign-up: what one sign-up cost that week.' })
  spendPerSignup(spend: Series, signups: Series): Series {
    return spend.div(signups);
  }

  @node({ doc: 'Spend three weeks earlier (NaN for the first three weeks): spend takes a while to convert.' })
  spendShift3Weeks(spend: Series): Series {
    return shift(spend, 3);
  }

  @node({ doc: 'Spend three weeks earlier per sign-up of this week.' })
  spendShift3WeeksPerSignup(spendShift3Weeks: Series, signups: Series): Series {
    return spendShift3Weeks.div(signups);
  }

  @node({ doc: 'Mean weekly spend over the frame.' })
  spendMean(spend: Series): number {
    return spend.mean();
  }

  @node({ doc: 'Spend minus its mean.' })
  spendZeroMean(spend: Series, spendMean: number): Series {
    return spend.sub(spendMean);
  }

  @node({ doc: 'Sample standard deviation of weekly spend.' })
  spendStdDev(spend: Series): number {
    return spend.std();
  }

  @node({ doc: 'Spend standardized: zero mean, unit variance.' })
  spendZeroMeanUnitVariance(spendZeroMean: Series, spendStdDev: number): Series {
    return spendZeroMean.div(spendStdDev);
  }
}

/** Calendar features, kept apart from spend so either set can be swapped on its own. */
export class CalendarFeatures {
  /**
   * `holidayWeeks` has a default, so it is an optional input: the table above applies unless the driver's
   * config or the execute inputs provide another.
   */
  @node({ doc: '1 for a week holding a holiday (from holidayWeeks, by year), else 0.' })
  isHoliday(year: Series, week: Series, holidayWeeks: Readonly<Record<number, readonly number[]>> = HOLIDAY_WEEKS): Series {
    const weeks = week.values as number[];
    const flags = (year.values as number[]).map((y, i) => (holidayWeeks[y]?.includes(weeks[i]) ? 1 : 0));
    return new Series(flags, { index: year.index });
  }
}

/** The columns the spend-forecast samples put in their frame, in order. */
export const OUTPUT_COLUMNS = [
  'year',
  'week',
  'spend',
  'signups',
  'isHoliday',
  'avg3wkSpend',
  'spendPerSignup',
  'spendShift3Weeks',
  'spendShift3WeeksPerSignup',
  'spendZeroMeanUnitVariance',
];
