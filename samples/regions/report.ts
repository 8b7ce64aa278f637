import { parameterizedSubdag, source, value } from 'hamilton-ts';
import { RegionFeatures, type RegionReport } from './features.js';

/** One sub-graph per region, from one declaration; each region's node is named after it. */
export class RegionReports {
  @parameterizedSubdag([RegionFeatures], {
    east: { inputs: { sales: source('eastSales'), region: value('East') } },
    west: { inputs: { sales: source('westSales'), region: value('West') } },
    north: { inputs: { sales: source('northSales'), region: value('North') } },
  })
  regionReport(report: RegionReport): RegionReport {
    return report;
  }

  /** The region whose trend grew most. */
  fastestGrowing(east: RegionReport, west: RegionReport, north: RegionReport): string {
    return [east, west, north].sort((a, b) => b.growthPercent - a.growthPercent)[0].region;
  }
}
