import { collect, node, parallelizable } from 'hamilton-ts';

/** One item of the fan-out: a slice of the markets, worked as one task on one worker. */
export interface MarketSlice {
  readonly first: number;
  readonly count: number;
}

/** Columns by name, each a week-by-week Float64Array. */
export type Columns = Record<string, Float64Array>;

/** The spend features per market, as in the talk's frame: four columns per market. */
export const FEATURES = ['avg3wkSpend', 'spendPerSignup', 'spendShift3Weeks', 'spendZeroMeanUnitVariance'] as const;

/**
 * The spend-forecast frame of `samples/spend-forecast`, for many markets at once: the same four spend features
 * per market, so 2,500 markets make a frame of 10,000 columns. The markets are split into slices; each slice
 * is one fan-out item, so one task (one BullMQ job) computes a whole slice where a worker takes it.
 */
export class MarketSpend {
  @parallelizable()
  slices(markets: number, sliceSize: number): MarketSlice[] {
    const slices: MarketSlice[] = [];
    for (let first = 0; first < markets; first += sliceSize) slices.push({ first, count: Math.min(sliceSize, markets - first) });
    return slices;
  }

  @node({ doc: 'The four spend features of every market of a slice, from its weekly spend and sign-ups.' })
  sliceFeatures(slices: MarketSlice, weeks: number): Columns {
    const columns: Columns = {};
    for (let market = slices.first; market < slices.first + slices.count; market++) {
      const { spend, signups } = actuals(market, weeks);
      const mean = spend.reduce((a, b) => a + b, 0) / weeks;
      const std = Math.sqrt(spend.reduce((a, b) => a + (b - mean) ** 2, 0) / (weeks - 1));
      const avg3wk = new Float64Array(weeks);
      const perSignup = new Float64Array(weeks);
      const shift3 = new Float64Array(weeks);
      const standardised = new Float64Array(weeks);
      for (let w = 0; w < weeks; w++) {
        avg3wk[w] = w < 2 ? NaN : (spend[w] + spend[w - 1] + spend[w - 2]) / 3;
        perSignup[w] = spend[w] / signups[w];
        shift3[w] = w < 3 ? NaN : spend[w - 3];
        standardised[w] = (spend[w] - mean) / std;
      }
      const name = `m${market}`;
      columns[`${name}.avg3wkSpend`] = avg3wk;
      columns[`${name}.spendPerSignup`] = perSignup;
      columns[`${name}.spendShift3Weeks`] = shift3;
      columns[`${name}.spendZeroMeanUnitVariance`] = standardised;
    }
    return columns;
  }

  @collect('sliceFeatures')
  frame(sliceFeatures: Columns[]): Columns {
    return Object.assign({}, ...sliceFeatures) as Columns;
  }
}

/** A market's weekly spend and sign-ups: deterministic, so every worker and the check agree. */
export function actuals(market: number, weeks: number): { spend: Float64Array; signups: Float64Array } {
  const spend = new Float64Array(weeks);
  const signups = new Float64Array(weeks);
  let seed = market * 7919 + 17;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let w = 0; w < weeks; w++) {
    spend[w] = 1000 + 400 * Math.sin((w + market) / 8) + 200 * random();
    signups[w] = 40 + 10 * Math.cos(w / 6) + 5 * random();
  }
  return { spend, signups };
}
