import { expect } from 'chai';
import { Builder } from 'hamilton-ts';
import { readNumericCsv } from '../../samples/spend-forecast/csv.js';
import { RegionalSales, RegionFeatures, SHIPPED_SALES, type RegionReport } from '../../samples/regions/features.js';
import { RegionReports } from '../../samples/regions/report.js';

describe('samples/regions', () => {
  const columns = readNumericCsv(SHIPPED_SALES);

  /** The report computed by hand from the CSV: mean of the last four weeks, growth of that mean. */
  function expected(region: string, sales: number[]): RegionReport {
    const trend = sales.map((_, i) => (i < 3 ? NaN : (sales[i] + sales[i - 1] + sales[i - 2] + sales[i - 3]) / 4)).filter((v) => !Number.isNaN(v));
    return {
      region,
      lastWeek: sales[sales.length - 1],
      trend: Math.round(trend[trend.length - 1]),
      growthPercent: Math.round((trend[trend.length - 1] / trend[0] - 1) * 1000) / 10,
    };
  }

  it('computes each region with the one shared feature set', () => {
    const dr = new Builder().withModules(RegionalSales, RegionReports).build();
    const result = dr.execute(['east', 'west', 'north', 'fastestGrowing']);
    expect(result.east).to.deep.equal(expected('East', columns.eastSales));
    expect(result.west).to.deep.equal(expected('West', columns.westSales));
    expect(result.north).to.deep.equal(expected('North', columns.northSales));
    const best = (['east', 'west', 'north'] as const).map((r) => result[r] as RegionReport).sort((a, b) => b.growthPercent - a.growthPercent)[0];
    expect(result.fastestGrowing).to.equal(best.region);
  });

  it('keeps each region in its own namespace, and the feature set usable alone', () => {
    const dr = new Builder().withModules(RegionalSales, RegionReports, RegionFeatures).build();
    const names = dr.listAvailableVariables().map((v) => v.name);
    expect(names).to.include.members(['east.trend', 'west.trend', 'north.trend', 'trend', 'report']);
    const alone = dr.execute(['report'], { inputs: { sales: dr.execute(['westSales']).westSales, region: 'West' } });
    expect(alone.report).to.deep.equal(expected('West', columns.westSales));
  });
});
