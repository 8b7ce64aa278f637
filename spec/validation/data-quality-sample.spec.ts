import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { expect } from 'chai';
import { Builder, DataValidationError, setValidationLogger, ValidationRecorder } from 'hamilton-ts';
import { parseCsv } from '../../samples/data-quality/csv.js';
import { HeightFeatures, shippedCsv, SurveyData } from '../../samples/data-quality/features.js';

describe('samples/data-quality', () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    setValidationLogger({ warn: (message) => warnings.push(message) });
  });
  afterEach(() => setValidationLogger(undefined));

  const build = (recorder: ValidationRecorder) => new Builder().withModules(SurveyData, HeightFeatures).withAdapters(recorder).build();

  it('parses numeric columns with empty cells as NaN and text columns with empty cells as null', () => {
    const columns = parseCsv('id,height,gender\n1,170.5,f\n2,,\n');
    expect(columns.id).to.deep.equal([1, 2]);
    expect(columns.height[0]).to.equal(170.5);
    expect(columns.height[1]).to.satisfy(Number.isNaN);
    expect(columns.gender).to.deep.equal(['f', null]);
  });

  it('passes every check on the clean survey, normalizing height to zero mean and unit variance', () => {
    const recorder = new ValidationRecorder();
    const result = build(recorder).execute(['heightZeroMeanUnitVariance'], { inputs: { surveyPath: shippedCsv('survey-2023.csv') } });
    const normalized = result.heightZeroMeanUnitVariance;
    expect(normalized.values).to.have.length(40);
    expect(normalized.mean()).to.be.closeTo(0, 1e-9);
    expect(normalized.std()).to.be.closeTo(1, 1e-9);
    expect(recorder.results.map((r) => `${r.node}.${r.check}:${r.passes}`)).to.deep.equal([
      'surveyResults.schema:true',
      'heightZeroMeanUnitVariance.dataType:true',
      'heightZeroMeanUnitVariance.range:true',
      'heightZeroMeanUnitVariance.allowNans:true',
    ]);
    expect(warnings).to.deep.equal([]);
  });

  it('fails the bad survey on range and NaN, and warns about the rows breaking the schema, by respondent', () => {
    const recorder = new ValidationRecorder();
    let error: unknown;
    try {
      build(recorder).execute(['heightZeroMeanUnitVariance'], { inputs: { surveyPath: shippedCsv('survey-2024.csv') } });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(DataValidationError);
    const failed = (error as DataValidationError).results;
    expect(failed.map((r) => r.check)).to.deep.equal(['range', 'allowNans']);
    // Respondent 7's height was typed as 1781 cm: about six standard deviations out.
    const offenders = failed[0].diagnostics.offenders as { label: number; value: number }[];
    expect(offenders.map((o) => o.label)).to.deep.equal([7]);
    expect(offenders[0].value).to.be.closeTo(6.08, 0.01);
    expect(failed[1].diagnostics.at).to.deep.equal([14]);
    const schema = recorder.resultsFor('surveyResults')[0];
    expect(schema.diagnostics.failedRowLabels).to.deep.equal([7, 14, 22, 31]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('row 22: age must not be less than 18').and.include('row 31: gender must be one of the following values: f, m, x');
  });

  it('run.ts exits 0, printing the DataValidationError of the failing run', () => {
    const script = path.join(__dirname, '..', '..', 'samples', 'data-quality', 'run.js');
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.include('All 40 values are in [-5, 5].');
    expect(run.stdout).to.include("DataValidationError: Data validation failed for node 'heightZeroMeanUnitVariance': 2 checks failed");
    expect(run.stdout).to.include("[warn] Data validation warning for node 'surveyResults'");
  });
});
