import { Builder, DataQualityTags, DataValidationError, setValidationLogger, ValidationRecorder, type CheckResult } from 'hamilton-ts';
import { HeightFeatures, shippedCsv, SurveyData } from './features.js';

// Usage: node dist/samples/data-quality/run.js
// Run 1 reads a clean survey and passes; run 2 reads one with typos and must fail loudly. The script exits 0
// when both behave so, and 1 if the bad survey got through.

const recorder = new ValidationRecorder();
const dr = new Builder().withModules(SurveyData, HeightFeatures).withAdapters(recorder).build();
// Warnings go to stdout here, so they print in order with the rest (the default is console.warn).
setValidationLogger({ warn: (message) => console.log(`[warn] ${message}`) });

const outputs = ['heightZeroMeanUnitVariance', 'age', 'gender'];

function printChecks(results: readonly CheckResult[]): void {
  for (const r of results) console.log(`  ${r.passes ? 'pass' : 'FAIL'}  ${`${r.node}.${r.check}`.padEnd(38)} [${r.importance}] ${r.message}`);
}

console.log('Validator nodes (listed by tag):');
for (const v of dr.listAvailableVariables({ tags: { [DataQualityTags.containsResults]: 'true' } })) console.log(`  ${v.name.padEnd(48)} ${v.doc}`);

console.log('\n== Run 1: survey-2023.csv ==');
const good = dr.execute(outputs, { inputs: { surveyPath: shippedCsv('survey-2023.csv') } });
const normalized = good.heightZeroMeanUnitVariance as { values: number[] };
console.log(
  `${normalized.values.length} respondents; normalized heights from ${Math.min(...normalized.values).toFixed(2)} to ${Math.max(...normalized.values).toFixed(2)}`,
);
printChecks(recorder.results);

console.log('\n== Run 2: survey-2024.csv (a height typed as 1781 cm, an empty height, age -1, gender "unknown") ==');
let failed = false;
try {
  dr.execute(outputs, { inputs: { surveyPath: shippedCsv('survey-2024.csv') } });
} catch (error) {
  if (!(error instanceof DataValidationError)) throw error;
  failed = true;
  console.log(`${error.name}: ${error.message}`);
}
console.log('Every check of run 2, from the ValidationRecorder:');
printChecks(recorder.results);

if (!failed) {
  console.error('\nsurvey-2024.csv passed every check, but it should have failed: the checks are broken.');
  process.exitCode = 1;
}
