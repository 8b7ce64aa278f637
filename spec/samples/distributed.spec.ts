import { expect } from 'chai';
import { Series } from 'danfojs';
import { Builder } from 'hamilton-ts';
import { actuals, FEATURES, MarketSpend } from '../../samples/distributed/features.js';
import { SpendFeatures } from '../../samples/spend-forecast/features.js';
import { expectValues } from '../helpers.js';

describe('samples/distributed', () => {
  it("each market's columns are the spend-forecast sample's features of that market's actuals", () => {
    const weeks = 30;
    const { frame } = new Builder()
      .withModules(MarketSpend)
      .build()
      .execute(['frame'], { inputs: { markets: 7, sliceSize: 3, weeks } });
    expect(Object.keys(frame)).to.have.length(7 * FEATURES.length);
    const spendForecast = new Builder().withModules(SpendFeatures).build();
    for (const market of [0, 4, 6]) {
      const { spend, signups } = actuals(market, weeks);
      const expected = spendForecast.execute([...FEATURES], { inputs: { spend: new Series([...spend]), signups: new Series([...signups]) } });
      for (const feature of FEATURES) {
        expectValues([...frame[`m${market}.${feature}`]], expected[feature].values as number[]);
      }
    }
  });
});
