import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { Series } from 'danfojs';
import { Builder, Driver, NodeExecutionError } from 'hamilton-ts';
import { WeeklyActuals } from '../../samples/spend-forecast/actuals.js';
import { parseNumericCsv, readNumericCsv } from '../../samples/spend-forecast/csv.js';
import { CalendarFeatures, SpendFeatures } from '../../samples/spend-forecast/features.js';
import { expectValues } from '../helpers.js';

describe('samples/spend-forecast', () => {
  describe('parseNumericCsv', () => {
    it('reads one number array per header column, ignoring CRLF and blank lines', () => {
      expect(parseNumericCsv('year,week\r\n2022,1\r\n\r\n2022,2\r\n')).to.deep.equal({ year: [2022, 2022], week: [1, 2] });
    });

    it('names the line and column of a cell that is not a number', () => {
      expect(() => parseNumericCsv('year,spend\n2022,12\n2022,lots')).to.throw("CSV line 3, column 'spend': 'lots' is not a number");
    });

    it('rejects a ragged row and an empty file', () => {
      expect(() => parseNumericCsv('a,b\n1')).to.throw('CSV line 2: 1 cells, header has 2');
      expect(() => parseNumericCsv('\n')).to.throw('CSV is empty');
    });
  });

  describe('features on hand-made columns', () => {
    // Five weeks spanning Thanksgiving (2022 week 47) and New Year (2023 week 1).
    const inputs = {
      year: new Series([2022, 2022, 2022, 2022, 2023]),
      week: new Series([45, 46, 47, 48, 1]),
      spend: new Series([100, 200, 600, 300, 900]),
      signups: new Series([10, 20, 30, 10, 45]),
    };
    const dr = new Driver({}, SpendFeatures, CalendarFeatures);

    it('computes the talk columns as the pandas code would', () => {
      const df = dr.execute(['avg3wkSpend', 'spendPerSignup', 'spendShift3Weeks', 'spendShift3WeeksPerSignup', 'isHoliday'], { inputs });
      expectValues(df.column('avg3wkSpend').values, [NaN, NaN, (100 + 200 + 600) / 3, (200 + 600 + 300) / 3, (600 + 300 + 900) / 3]);
      expectValues(df.column('spendPerSignup').values, [10, 10, 20, 30, 20]);
      expectValues(df.column('spendShift3Weeks').values, [NaN, NaN, NaN, 100, 200]);
      expectValues(df.column('spendShift3WeeksPerSignup').values, [NaN, NaN, NaN, 100 / 10, 200 / 45]);
      expectValues(df.column('isHoliday').values, [0, 0, 1, 0, 1]);
    });

    it('standardizes spend with the sample standard deviation', () => {
      // mean 420; squared deviations 102400 + 48400 + 32400 + 14400 + 230400 = 428000; / (5 - 1) = 107000.
      const std = Math.sqrt(107000);
      const out = new Builder().withModules(SpendFeatures).build().execute(['spendMean', 'spendStdDev', 'spendZeroMeanUnitVariance'], { inputs });
      expect(out.spendMean).to.equal(420);
      expect(out.spendStdDev).to.be.closeTo(std, 1e-9);
      expectValues(out.spendZeroMeanUnitVariance.values, [-320 / std, -220 / std, 180 / std, -120 / std, 480 / std]);
    });

    it('uses the holiday table from config instead of the default when given', () => {
      const custom = new Driver({ holidayWeeks: { 2022: [46] } }, CalendarFeatures);
      const df = custom.execute(['isHoliday'], { inputs: { year: inputs.year, week: inputs.week } });
      expectValues(df.column('isHoliday').values, [0, 1, 0, 0, 0]);
    });
  });

  describe('the whole sample on the shipped CSV', () => {
    const dr = new Driver({}, WeeklyActuals, SpendFeatures, CalendarFeatures);

    it('loads the shipped weeks and derives the columns from them', () => {
      const df = dr.execute(['year', 'week', 'spend', 'signups', 'isHoliday', 'avg3wkSpend', 'spendShift3Weeks', 'spendShift3WeeksPerSignup']);
      expect(df.shape[0]).to.be.at.least(60);
      // The first four rows of weekly-actuals.csv, by hand.
      expectValues(df.column('spend').values.slice(0, 4), [1540, 1320, 1320, 1315]);
      expectValues(df.column('signups').values.slice(0, 4), [64, 61, 61, 67]);
      expectValues(df.column('avg3wkSpend').values.slice(0, 4), [NaN, NaN, (1540 + 1320 + 1320) / 3, (1320 + 1320 + 1315) / 3]);
      expectValues(df.column('spendShift3Weeks').values.slice(0, 4), [NaN, NaN, NaN, 1540]);
      expectValues(df.column('spendShift3WeeksPerSignup').values.slice(0, 4), [NaN, NaN, NaN, 1540 / 67]);
      expectValues(df.column('isHoliday').values.slice(0, 2), [1, 0]); // 2022 week 1: New Year
    });

    it('documents every computed node', () => {
      const computed = dr.listAvailableVariables().filter((v) => !v.isExternalInput);
      expect(computed.map((v) => v.name)).to.include.members(['actuals', 'avg3wkSpend', 'isHoliday', 'spendZeroMeanUnitVariance']);
      for (const v of computed) expect(v.doc, v.name).to.not.equal('');
    });

    it('reads another CSV given as the actualsPath input, and reports one lacking a column', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'spend-forecast-'));
      try {
        const good = path.join(dir, 'good.csv');
        writeFileSync(good, 'year,week,spend,signups\n2024,1,10,2\n2024,2,30,3\n');
        expect(readNumericCsv(good).spend).to.deep.equal([10, 30]);
        const df = dr.execute(['spendPerSignup'], { inputs: { actualsPath: good } });
        expectValues(df.column('spendPerSignup').values, [5, 10]);

        const bad = path.join(dir, 'bad.csv');
        writeFileSync(bad, 'year,week,spend\n2024,1,10\n');
        expect(() => dr.execute(['spend'], { inputs: { actualsPath: bad } }))
          .to.throw(NodeExecutionError, 'lacks column(s) signups')
          .with.property('nodeName', 'actuals');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
