import { Driver } from 'hamilton-ts';
import { WeeklyActuals } from './actuals.js';
import { CalendarFeatures, OUTPUT_COLUMNS, SpendFeatures } from './features.js';

// Usage: node dist/samples/spend-forecast/run.js [actuals.csv]   (default: the CSV shipped with the sample)
const dr = new Driver({}, WeeklyActuals, SpendFeatures, CalendarFeatures);

const actualsPath = process.argv[2];
// Without a path, `actualsPath` is left out and the loader's default (the shipped CSV) applies.
const df = dr.execute(OUTPUT_COLUMNS, { inputs: actualsPath ? { actualsPath } : {} });

console.log(`${df.shape[0]} weeks; the first eight (rounded for display):`);
df.head(8).round(2).print();

console.log('\nThe graph, as listAvailableVariables() describes it:');
for (const v of dr.listAvailableVariables()) {
  const from = v.isExternalInput ? 'input' : v.originatingFunctions.join(', ');
  console.log(`  ${v.name.padEnd(27)} ${from.padEnd(42)} ${v.doc}`);
}
