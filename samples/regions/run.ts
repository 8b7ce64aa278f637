import { Builder } from 'hamilton-ts';
import { RegionalSales } from './features.js';
import { RegionReports } from './report.js';

// Usage: node dist/samples/regions/run.js [regional-sales.csv]
const dr = new Builder().withModules(RegionalSales, RegionReports).build();
const salesPath = process.argv[2];
const result = dr.execute(['east', 'west', 'north', 'fastestGrowing'], { inputs: salesPath ? { salesPath } : {} });

console.log('One feature set, three regions:');
for (const region of ['east', 'west', 'north']) console.log(' ', JSON.stringify(result[region]));
console.log(`Fastest growing: ${String(result.fastestGrowing)}`);

console.log('\nWhat the east report is computed from (namespaced sub-graph nodes):');
for (const v of dr.whatIsUpstreamOf('east')) {
  console.log(`  ${v.name.padEnd(20)} ${v.isExternalInput ? 'input' : v.originatingFunctions.join(', ')}`);
}
