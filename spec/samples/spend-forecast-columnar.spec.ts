import { Table } from 'apache-arrow';
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, DictResult, Driver, TypeMismatchError } from 'hamilton-ts';
import { WeeklyActuals } from '../../samples/spend-forecast/actuals.js';
import { CalendarFeatures, SpendFeatures } from '../../samples/spend-forecast/features.js';
import { ColumnarCalendarFeatures, ColumnarSpendFeatures } from '../../samples/spend-forecast-columnar/features.js';
import { columnarDriver, OUTPUT_COLUMNS, runColumnar, SHIPPED_ACTUALS } from '../../samples/spend-forecast-columnar/pipeline.js';
import { expectValues } from '../helpers.js';

describe('samples/spend-forecast-columnar', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'hamilton-columnar-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  // The danfo sample on the same CSV: the reference every columnar value is checked against.
  const reference = () => new Driver({}, WeeklyActuals, SpendFeatures, CalendarFeatures).execute(OUTPUT_COLUMNS);
  const columnValues = (table: Table, name: string) => Array.from(table.getChild(name)!.toArray() as Float64Array);

  it('computes every column of the danfo sample, as an Arrow table of float64 columns', () => {
    const danfoFrame = reference();
    const table = columnarDriver().execute(OUTPUT_COLUMNS, { inputs: { actualsPath: SHIPPED_ACTUALS } });
    expect(table).to.be.instanceOf(Table);
    expect(table.numRows).to.equal(danfoFrame.shape[0]);
    expect(table.schema.fields.map((f) => f.name)).to.deep.equal(OUTPUT_COLUMNS);
    for (const name of OUTPUT_COLUMNS) {
      expect(String(table.getChild(name)!.type), name).to.equal('Float64');
      expectValues(columnValues(table, name), danfoFrame.column(name).values as number[]);
    }
  });

  it('writes the features to Parquet through materialize and reads the same values back through a loader', () => {
    const parquetPath = path.join(dir, 'features.parquet');
    const { features, saved, readBack } = runColumnar(SHIPPED_ACTUALS, parquetPath);
    expect(saved).to.include({ operation: 'save', kind: 'parquet', rows: features.numRows });
    expect(saved.uri).to.match(/features\.parquet$/);
    expect(readBack.schema.fields.map((f) => f.name)).to.deep.equal(OUTPUT_COLUMNS);
    const danfoFrame = reference();
    for (const name of OUTPUT_COLUMNS) expectValues(columnValues(readBack, name), danfoFrame.column(name).values as number[]);
  });

  it('runs the same features on hand-made Float64Array columns as the danfo sample on Series', () => {
    const inputs = {
      year: new Float64Array([2022, 2022, 2022, 2022, 2023]),
      week: new Float64Array([45, 46, 47, 48, 1]),
      spend: new Float64Array([100, 200, 600, 300, 900]),
      signups: new Float64Array([10, 20, 30, 10, 45]),
    };
    const columns = ['avg3wkSpend', 'spendPerSignup', 'spendShift3Weeks', 'spendShift3WeeksPerSignup', 'isHoliday', 'spendZeroMeanUnitVariance'];
    const dr = new Builder().withModules(ColumnarSpendFeatures, ColumnarCalendarFeatures).withResultBuilder(new DictResult()).build();
    const out = dr.execute(columns, { inputs }) as Record<string, Float64Array>;
    const std = Math.sqrt(107000); // mean 420, squared deviations sum to 428000, / (5 - 1)
    expectValues(Array.from(out.avg3wkSpend), [NaN, NaN, 300, 1100 / 3, 600]);
    expectValues(Array.from(out.spendPerSignup), [10, 10, 20, 30, 20]);
    expectValues(Array.from(out.spendShift3WeeksPerSignup), [NaN, NaN, NaN, 10, 200 / 45]);
    expectValues(Array.from(out.isHoliday), [0, 0, 1, 0, 1]);
    expectValues(Array.from(out.spendZeroMeanUnitVariance), [-320 / std, -220 / std, 180 / std, -120 / std, 480 / std]);
  });

  it('refuses danfo Series or plain arrays where the columnar features declare Float64Array', () => {
    const dr = new Driver({}, ColumnarSpendFeatures);
    expect(() => dr.execute(['spendPerSignup'], { inputs: { spend: [1, 2], signups: new Float64Array([1, 2]) } })).to.throw(
      TypeMismatchError,
      /spend/,
    );
  });
});
