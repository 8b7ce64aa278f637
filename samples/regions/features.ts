import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DataFrame, Series } from 'danfojs';
import { extractColumns, node, rollingMean } from 'hamilton-ts';
import { readNumericCsv } from '../spend-forecast/csv.js';

/** The CSV shipped with the sample, found from the source folder or from dist/ alike. */
export const SHIPPED_SALES =
  [path.join(__dirname, 'regional-sales.csv'), path.join(__dirname, '..', '..', '..', 'samples', 'regions', 'regional-sales.csv')].find((candidate) =>
    existsSync(candidate),
  ) ?? path.join(__dirname, 'regional-sales.csv');

/** Loads weekly sales of every region; each region's column is a node. */
export class RegionalSales {
  @extractColumns('week', 'eastSales', 'westSales', 'northSales')
  @node({ doc: 'Weekly sales per region.' })
  regionalSales(salesPath: string = SHIPPED_SALES): DataFrame {
    return new DataFrame(readNumericCsv(salesPath));
  }
}

/** What one region's sub-graph reports. */
export interface RegionReport {
  readonly region: string;
  readonly lastWeek: number;
  readonly trend: number;
  readonly growthPercent: number;
}

/**
 * Features of ONE region, written once: they read `sales` and `region`, which each sub-graph binds to its
 * own region. The same class could serve a single-region driver unchanged.
 */
export class RegionFeatures {
  @node({ doc: 'Four-week rolling mean of sales.' })
  trend(sales: Series): Series {
    return rollingMean(sales, 4);
  }

  @node({ doc: 'Growth of the trend over the period, in percent.' })
  growthPercent(trend: Series): number {
    const values = (trend.values as number[]).filter((v) => !Number.isNaN(v));
    return Math.round((values[values.length - 1] / values[0] - 1) * 1000) / 10;
  }

  @node({ doc: 'The region report.' })
  report(region: string, sales: Series, trend: Series, growthPercent: number): RegionReport {
    const last = (s: Series) => (s.values as number[])[s.values.length - 1];
    return { region, lastWeek: last(sales), trend: Math.round(last(trend)), growthPercent };
  }
}
