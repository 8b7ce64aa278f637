import { expect } from 'chai';
import { IsIn, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { DataFrame, Series } from 'danfojs';
import { BUILT_IN_CHECKS } from '../../lib/validation/checks/index.js';
import { kindOfType, kindOfValue } from '../../lib/validation/kinds.js';
import type { ValidationResult } from '../../lib/validation/types.js';
import type { NodeType } from '../../lib/metadata/value-types.js';

/** Runs a built-in check the way its validator node does. */
function check(name: string, arg: unknown, value: unknown): ValidationResult {
  return BUILT_IN_CHECKS.get(name)!.validate(value, kindOfValue(value), arg as never);
}

class Row {
  @IsInt()
  @Min(0)
  age!: number;

  @IsOptional()
  @IsIn(['f', 'm', 'x'])
  gender?: string;
}

class Address {
  @IsIn(['Paris', 'Lyon'])
  city!: string;
}

class Customer {
  @ValidateNested()
  address!: Address;
}

describe('built-in checks', () => {
  describe('kinds', () => {
    it('tells the kind of declared types (unknown stays undefined)', () => {
      expect(kindOfType(undefined)).to.equal(undefined);
      expect([Number, String, Boolean, Array, Float64Array, BigInt, Row].map((type) => kindOfType(type as NodeType))).to.deep.equal([
        'number',
        'string',
        'boolean',
        'array',
        'array',
        'other',
        'object',
      ]);
      expect(kindOfType(Series)).to.equal('series');
      expect(kindOfType(DataFrame)).to.equal('frame');
      // danfo's own operations return its root classes, which must count too.
      expect(kindOfType(new Series([1]).mul(2).constructor as NodeType)).to.equal('series');
    });

    it('tells the kind of values', () => {
      expect([1, 'a', true, null, undefined, [1], new Float32Array(2), { a: 1 }, 1n].map(kindOfValue)).to.deep.equal([
        'number',
        'string',
        'boolean',
        'missing',
        'missing',
        'array',
        'array',
        'object',
        'other',
      ]);
      expect(kindOfValue(new Series([1]).mul(2))).to.equal('series');
      expect(kindOfValue(new DataFrame({ a: [1] }))).to.equal('frame');
    });
  });

  describe('dataType', () => {
    it('compares a Series dtype (Number accepts both numeric dtypes)', () => {
      expect(check('dataType', Number, new Series([1, 2])).passes).to.equal(true);
      expect(check('dataType', Number, new Series([1.5, 2])).passes).to.equal(true);
      expect(check('dataType', 'int32', new Series([1.5, 2]))).to.deep.include({ passes: false, message: 'Expected dtype int32, got float32.' });
      expect(check('dataType', String, new Series([1])).passes).to.equal(false);
      expect(check('dataType', Boolean, new Series([true, false])).passes).to.equal(true);
    });

    it('checks each column of a DataFrame', () => {
      const frame = new DataFrame({ a: [1, 2], b: ['x', 'y'] });
      const result = check('dataType', Number, frame);
      expect(result.passes).to.equal(false);
      expect(result.diagnostics.failedColumns).to.deep.equal(['b']);
      expect(check('dataType', Number, new DataFrame({ a: [1, 2], b: [0.5, 1] })).passes).to.equal(true);
    });

    it('checks every present element of an array and single values', () => {
      expect(check('dataType', Number, [1, null, 2.5]).passes).to.equal(true);
      expect(check('dataType', 'int32', [1, 2.5, 'x'])).to.deep.include({
        passes: false,
        message: '2 of 3 values are not of type int32 (row 1: 2.5, row 2: "x").',
      });
      expect(check('dataType', Number, 3).passes).to.equal(true);
      expect(check('dataType', String, 3)).to.deep.include({ passes: false, message: 'Expected a value of type string, got 3.' });
      expect(check('dataType', Date, new Date()).passes).to.equal(true);
      expect(check('dataType', Row, { age: 1 }).passes).to.equal(false);
    });
  });

  describe('range', () => {
    it('passes a Series within the bounds (included) and leaves missing values to the NaN checks', () => {
      expect(check('range', [0, 10], new Series([0, 5, 10, NaN]))).to.deep.include({ passes: true, message: 'All 3 values are in [0, 10].' });
    });

    it('fails a Series with values outside, naming their index labels', () => {
      const result = check('range', [0, 10], new Series([1, 11, -1], { index: ['a', 'b', 'c'] }));
      expect(result.passes).to.equal(false);
      expect(result.message).to.equal('2 of 3 values are outside [0, 10] (row "b": 11, row "c": -1).');
      expect(result.diagnostics).to.deep.include({ outOfRange: 2, checked: 3 });
      expect(result.diagnostics.offenders).to.deep.equal([
        { label: 'b', value: 11 },
        { label: 'c', value: -1 },
      ]);
    });

    it('lists at most ten offenders in diagnostics, but counts them all', () => {
      const result = check(
        'range',
        [0, 1],
        Array.from({ length: 25 }, () => 5),
      );
      expect(result.diagnostics.outOfRange).to.equal(25);
      expect(result.diagnostics.offenders).to.have.length(10);
      expect(result.message).to.match(/^25 of 25 values are outside \[0, 1\] \(row 0: 5, .*, \.\.\.\)\.$/);
    });

    it('checks numbers (NaN is outside any range) and DataFrame columns', () => {
      expect(check('range', [0, 1], 1).passes).to.equal(true);
      expect(check('range', [0, 1], NaN).passes).to.equal(false);
      expect(check('range', [0, 1], new DataFrame({ a: [0.5], b: [2] })).diagnostics.failedColumns).to.deep.equal(['b']);
    });

    it('counts a present non-number as out of range, and fails on values it cannot check', () => {
      expect(check('range', [0, 1], [0.5, 'x']).passes).to.equal(false);
      expect(check('range', [0, 1], 'x')).to.deep.include({
        passes: false,
        message: 'range cannot check a string; it applies to a Series, a DataFrame, an array, a number.',
      });
      expect(check('range', [0, 1], null).message).to.equal(
        'range cannot check null or undefined; it applies to a Series, a DataFrame, an array, a number.',
      );
    });
  });

  describe('valuesIn', () => {
    it('passes and fails Series, arrays and single values', () => {
      expect(check('valuesIn', ['a', 'b'], new Series(['a', 'b', 'a'])).passes).to.equal(true);
      const result = check('valuesIn', ['a', 'b'], new Series(['a', 'c']));
      expect(result).to.deep.include({ passes: false, message: '1 of 2 values are not one of "a", "b" (row 1: "c").' });
      expect(check('valuesIn', [1, 2], [1, null, 2]).passes).to.equal(true);
      expect(check('valuesIn', [true], false).passes).to.equal(false);
      expect(check('valuesIn', ['EU', 'US'], 'EU').passes).to.equal(true);
    });

    it('checks DataFrame columns', () => {
      const result = check('valuesIn', ['f', 'm', 0, 1], new DataFrame({ gender: ['f', 'm'], flag: [0, 2] }));
      expect(result.passes).to.equal(false);
      expect(result.diagnostics.failedColumns).to.deep.equal(['flag']);
    });
  });

  describe('allowNans: false', () => {
    it('fails on NaN, null or undefined, naming where', () => {
      expect(check('allowNans', false, new Series([1, 2])).passes).to.equal(true);
      const result = check('allowNans', false, new Series([1, NaN, 3, NaN], { index: ['w1', 'w2', 'w3', 'w4'] }));
      expect(result).to.deep.include({ passes: false, message: '2 of 4 values are missing (null, undefined or NaN), at "w2", "w4".' });
      expect(check('allowNans', false, ['a', null]).passes).to.equal(false);
      expect(check('allowNans', false, [1, undefined]).passes).to.equal(false);
    });

    it('checks single numbers and every column of a DataFrame', () => {
      expect(check('allowNans', false, 1).passes).to.equal(true);
      expect(check('allowNans', false, NaN)).to.deep.include({ passes: false, message: 'The value is missing (NaN).' });
      expect(check('allowNans', false, new DataFrame({ a: [1, 2], b: ['x', null] })).diagnostics.failedColumns).to.deep.equal(['b']);
    });
  });

  describe('maxFractionNans', () => {
    it('allows up to the fraction of missing values, bound included', () => {
      expect(check('maxFractionNans', 0.25, new Series([1, NaN, 3, 4])).passes).to.equal(true);
      const result = check('maxFractionNans', 0.2, new Series([1, NaN, 3, 4]));
      expect(result).to.deep.include({ passes: false, message: '1 of 4 values are missing (25%); at most 20% was allowed.' });
      expect(result.diagnostics).to.deep.equal({ missing: 1, total: 4, fraction: 0.25, maxFraction: 0.2 });
      expect(check('maxFractionNans', 0, []).passes).to.equal(true);
    });

    it('checks each DataFrame column', () => {
      const frame = new DataFrame({ a: [1, 2, 3, 4], b: [NaN, NaN, 1, 2] });
      expect(check('maxFractionNans', 0.5, frame).passes).to.equal(true);
      expect(check('maxFractionNans', 0.4, frame).diagnostics.failedColumns).to.deep.equal(['b']);
    });
  });

  describe('maxStandardDev', () => {
    it("uses the sample standard deviation (pandas' std), skipping missing values", () => {
      // [2, 4, 4, 4, 5, 5, 7, 9]: sample std = sqrt(32 / 7) = 2.138...
      const values = new Series([2, 4, 4, 4, NaN, 5, 5, 7, 9]);
      expect(check('maxStandardDev', 2.14, values).passes).to.equal(true);
      const result = check('maxStandardDev', 2.13, values);
      expect(result).to.deep.include({ passes: false, message: 'The standard deviation is 2.13809, above the maximum 2.13.' });
      expect(result.diagnostics.standardDev).to.be.closeTo(Math.sqrt(32 / 7), 1e-12);
    });

    it('fails without two numbers, on non-numeric data, and per DataFrame column', () => {
      expect(check('maxStandardDev', 1, [5])).to.deep.include({
        passes: false,
        message: 'No standard deviation: 1 number (at least two are needed).',
      });
      expect(check('maxStandardDev', 1, ['a', 'b']).message).to.equal(
        'maxStandardDev needs numbers, but the data holds values that are not numbers.',
      );
      expect(check('maxStandardDev', 1, new DataFrame({ calm: [1, 1.5], wild: [0, 100] })).diagnostics.failedColumns).to.deep.equal(['wild']);
    });
  });

  describe('meanInRange', () => {
    it('checks the mean of present numbers against inclusive bounds', () => {
      expect(check('meanInRange', [2, 3], new Series([1, 3, NaN])).passes).to.equal(true);
      expect(check('meanInRange', [2.5, 3], [1, 3])).to.deep.include({ passes: false, message: 'The mean 2 is outside [2.5, 3].' });
      expect(check('meanInRange', [0, 1], [])).to.deep.include({ passes: false, message: 'No mean: the data holds no numbers.' });
      expect(check('meanInRange', [0, 1], new DataFrame({ a: [0, 1], b: [5, 6] })).diagnostics.failedColumns).to.deep.equal(['b']);
    });
  });

  describe('schema', () => {
    it('validates each DataFrame row, naming rows by index label and properties', () => {
      const frame = new DataFrame({ age: [30, -1, 2.5], gender: ['f', 'f', 'z'] }, { index: [10, 11, 12] });
      const result = check('schema', Row, frame);
      expect(result.passes).to.equal(false);
      expect(result.message).to.equal(
        '2 of 3 rows break Row: row 11: age must not be less than 0; row 12: age must be an integer number, ' +
          'gender must be one of the following values: f, m, x.',
      );
      expect(result.diagnostics).to.deep.include({ schema: 'Row', rows: 3, failedRows: 2, failedRowLabels: [11, 12] });
      expect(check('schema', Row, new DataFrame({ age: [1, 2] })).passes).to.equal(true);
    });

    it('validates each element of an array of objects (positions as labels)', () => {
      const result = check('schema', Row, [{ age: 1 }, { age: -3 }, 'not a row']);
      expect(result.diagnostics.failedRowLabels).to.deep.equal([1, 2]);
      expect(result.message).to.include('row 2: expected an object to check against Row');
    });

    it('validates a single object, with nested property paths', () => {
      expect(check('schema', Row, { age: 4, gender: 'x' })).to.deep.include({ passes: true, message: 'The object satisfies Row.' });
      const nested = Object.assign(new Customer(), { address: Object.assign(new Address(), { city: 'Rome' }) });
      const result = check('schema', Customer, nested);
      expect(result.passes).to.equal(false);
      expect((result.diagnostics.failures as { property: string }[]).map((f) => f.property)).to.deep.equal(['address.city']);
    });

    it('does not apply to a Series or a number', () => {
      expect(check('schema', Row, new Series([1])).message).to.equal('schema cannot check a Series; it applies to a DataFrame, an array, an object.');
      expect(check('schema', Row, 4).passes).to.equal(false);
    });
  });
});
