import { expect } from 'chai';
import fc from 'fast-check';
import { Series } from 'danfojs';
import { HamiltonError, rollingMean, shift } from 'hamilton-ts';
import { isSeries } from '../../lib/dataframe/danfo.js';
import { expectValues } from '../helpers.js';

describe('dataframe/window: pandas rolling(n).mean() and shift(n) for danfo Series', () => {
  describe('rollingMean', () => {
    it('is NaN until the window is full, then the mean of the last n values', () => {
      // pd.Series([1, 2, 3, 4, 5, 6]).rolling(3).mean()
      expectValues(rollingMean(new Series([1, 2, 3, 4, 5, 6]), 3), [NaN, NaN, 2, 3, 4, 5]);
    });

    it('is NaN for any window that holds a NaN, and recovers once it has left', () => {
      // pd.Series([1, 2, nan, 4, 5, 6, 7]).rolling(3).mean()
      expectValues(rollingMean(new Series([1, 2, NaN, 4, 5, 6, 7]), 3), [NaN, NaN, NaN, NaN, NaN, 5, 6]);
      // pd.Series([nan, 1, 2, 3]).rolling(2).mean()
      expectValues(rollingMean(new Series([NaN, 1, 2, 3]), 2), [NaN, NaN, 1.5, 2.5]);
    });

    it('treats null and undefined as missing values (NaN), as pandas treats None', () => {
      // pd.Series([1, None, 3, None, 5, 6]).rolling(2).mean()
      const series = new Series([1, undefined, 3, null, 5, 6] as number[]);
      expectValues(rollingMean(series, 2), [NaN, NaN, NaN, NaN, NaN, 5.5]);
    });

    it('handles fractions, negatives and a window of 1', () => {
      // pd.Series([0.1, 0.2, -0.3, 1.5]).rolling(2).mean()
      expectValues(rollingMean(new Series([0.1, 0.2, -0.3, 1.5]), 2), [NaN, 0.15, -0.05, 0.6]);
      expectValues(rollingMean(new Series([4, NaN, 6]), 1), [4, NaN, 6]);
    });

    it('is all NaN when the window is longer than the series', () => {
      expectValues(rollingMean(new Series([1, 2]), 3), [NaN, NaN]);
    });

    it('stays exact after a huge value has left the window', () => {
      // pd.Series([1e16, 1, 1, 1, 1]).rolling(2).mean() -> [nan, 5e15, 1, 1, 1]
      expectValues(rollingMean(new Series([1e16, 1, 1, 1, 1]), 2), [NaN, 5e15, 1, 1, 1]);
    });

    it('treats ±Infinity as missing, as pandas rolling windows do (inf becomes NaN before the window)', () => {
      // pd.Series([1, np.inf, 3, 4, -np.inf, 6, 7]).rolling(2).mean()
      expectValues(rollingMean(new Series([1, Infinity, 3, 4, -Infinity, 6, 7]), 2), [NaN, NaN, NaN, 3.5, NaN, NaN, 6.5]);
      expectValues(Array.from(rollingMean(Float64Array.of(Infinity, 1, 1), 1)), [NaN, 1, 1]);
    });

    it('gives a window of one repeated value exactly that value (pandas GH#42064)', () => {
      // pd.Series([0.1] * 4).rolling(3).mean() -> [nan, nan, 0.1, 0.1]; a plain sum / 3 gives 0.10000000000000002
      const means = Array.from(rollingMean(Float64Array.of(0.1, 0.1, 0.1, 0.1), 3));
      expect(means.slice(2)).to.deep.equal([0.1, 0.1]);
      expect(Object.is(rollingMean(Float64Array.of(0, -0), 2)[1], -0)).to.equal(true);
    });

    it('keeps the index and returns a Series', () => {
      const result = rollingMean(new Series([1, 2, 3], { index: ['w1', 'w2', 'w3'] }), 2);
      expect(isSeries(result)).to.equal(true);
      expect(result.index).to.deep.equal(['w1', 'w2', 'w3']);
    });

    it('accepts the Series that danfo operations return', () => {
      expectValues(rollingMean(new Series([1, 2, 3]).mul(2), 2), [NaN, 3, 5]);
    });

    it('rejects a window that is not a positive integer', () => {
      expect(() => rollingMean(new Series([1]), 0)).to.throw(HamiltonError, /window must be a positive integer.*got 0\./);
      expect(() => rollingMean(new Series([1]), 1.5)).to.throw(HamiltonError, /got 1\.5\./);
      // From plain JavaScript: a string is refused, not read as a number.
      expect(() => rollingMean(new Float64Array(2), '2' as unknown as number)).to.throw(HamiltonError, /got string "2"/);
    });
  });

  describe('shift', () => {
    it('moves values down by n, NaN where nothing moved in', () => {
      // pd.Series([1, 2, 3, 4, 5]).shift(3)
      expectValues(shift(new Series([1, 2, 3, 4, 5]), 3), [NaN, NaN, NaN, 1, 2]);
    });

    it('shifts by 1 by default, up for negative periods, not at all for 0', () => {
      expectValues(shift(new Series([1, 2, 3])), [NaN, 1, 2]);
      expectValues(shift(new Series([1, 2, 3]), -1), [2, 3, NaN]);
      expectValues(shift(new Series([1, 2, 3]), 0), [1, 2, 3]);
    });

    it('is all NaN when shifted past the end', () => {
      expectValues(shift(new Series([1, 2]), 5), [NaN, NaN]);
      expectValues(shift(new Series([1, 2]), -5), [NaN, NaN]);
    });

    it('carries NaN values along', () => {
      expectValues(shift(new Series([NaN, 2, 3]), 1), [NaN, NaN, 2]);
    });

    it('keeps the index where it is (values move, labels stay)', () => {
      const result = shift(new Series([10, 20, 30], { index: ['a', 'b', 'c'] }), 1);
      expect(isSeries(result)).to.equal(true);
      expect(result.index).to.deep.equal(['a', 'b', 'c']);
      expectValues(result, [NaN, 10, 20]);
    });

    it('rejects fractional periods', () => {
      expect(() => shift(new Series([1]), 0.5)).to.throw(HamiltonError, /periods must be an integer.*got 0\.5/);
      expect(() => shift(new Float64Array(2), NaN)).to.throw(HamiltonError, /got NaN/);
    });
  });

  describe('on typed arrays (the columnar path)', () => {
    const column = fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), { maxLength: 40 });

    it('rollingMean of a Float64Array is the Series result as a Float64Array (property)', () => {
      fc.assert(
        fc.property(column, fc.integer({ min: 1, max: 8 }), (values, window) => {
          const typed = rollingMean(Float64Array.from(values), window);
          expect(typed).to.be.instanceOf(Float64Array);
          expectValues(Array.from(typed), rollingMean(new Series(values.length === 0 ? [] : values), window).values as number[]);
        }),
      );
    });

    it('shift of a typed array is the Series result as a Float64Array, any period (property)', () => {
      fc.assert(
        fc.property(column, fc.integer({ min: -45, max: 45 }), (values, periods) => {
          const typed = shift(Float64Array.from(values), periods);
          expect(typed).to.be.instanceOf(Float64Array);
          const reference = values.map((_, i) => (i - periods >= 0 && i - periods < values.length ? values[i - periods] : NaN));
          expectValues(Array.from(typed), reference);
        }),
      );
    });

    it('gives integer columns a float result, so NaN can mark what nothing moved into', () => {
      expectValues(Array.from(shift(new Int32Array([1, 2, 3]), 1)), [NaN, 1, 2]);
      expectValues(Array.from(rollingMean(new Uint8Array([2, 4, 6]), 2)), [NaN, 3, 5]);
    });
  });

  it('refuse, from plain JavaScript, a column that is neither a Series nor a typed array of numbers, saying what to give', () => {
    const columns: Array<[unknown, string]> = [
      [undefined, 'undefined'],
      [null, 'null'],
      [[1, 2, 3], 'an array'],
      ['123', 'string'],
      [new DataView(new ArrayBuffer(8)), 'DataView'],
      [new BigInt64Array(2), 'BigInt64Array'],
    ];
    for (const [column, kind] of columns) {
      for (const helper of [rollingMean, shift] as Array<(column: unknown, n: number) => unknown>) {
        expect(() => helper(column, 2), `${helper.name}(${kind})`).to.throw(
          HamiltonError,
          new RegExp(`${helper.name}: give a danfo Series.*got ${kind};`),
        );
      }
    }
  });

  describe('against a window-by-window reference model (property)', () => {
    const EPSILON = Number.EPSILON;
    const missing = (value: unknown) => typeof value !== 'number' || !Number.isFinite(value);
    const signBit = (value: number) => value < 0 || Object.is(value, -0);
    // Values that make the rules matter: repeats (constant windows), signed zeros, missing values of each kind.
    const number = fc.oneof(
      { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
      { weight: 3, arbitrary: fc.constantFrom(0, -0, 0.1, 1 / 3, -2.5, 7) },
      { weight: 2, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
    );

    /**
     * pandas' rolling(window).mean() read window by window: NaN unless the window holds `window` finite values;
     * one repeated value is that value (the last one); otherwise the mean, within the rounding a running sum
     * may carry (bounded by the largest magnitude seen so far), and never of the other sign than all its values.
     */
    function expectRollingMean(values: readonly unknown[], window: number, means: ArrayLike<number>): void {
      expect(means.length).to.equal(values.length);
      let largest = 0;
      values.forEach((value, i) => {
        if (!missing(value)) largest = Math.max(largest, Math.abs(value as number));
        const got = means[i];
        const held = values.slice(Math.max(0, i - window + 1), i + 1);
        if (i < window - 1 || held.some(missing)) return void expect(got, `position ${i}`).to.satisfy(Number.isNaN);
        const numbers = held as number[];
        const last = numbers[numbers.length - 1];
        if (numbers.every((v) => v === last)) return void expect(Object.is(got, last), `position ${i}: ${got} is not ${last}`).to.equal(true);
        const mean = numbers.reduce((a, b) => a + b, 0) / window;
        expect(got, `position ${i}`).to.be.closeTo(mean, (window + 8) * EPSILON * largest);
        if (numbers.every((v) => !signBit(v))) expect(got, `position ${i}`).to.be.at.least(0);
        if (numbers.every(signBit)) expect(got, `position ${i}`).to.be.at.most(0);
      });
    }

    it('rollingMean of a Float64Array', () => {
      fc.assert(
        fc.property(fc.array(number, { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (values, window) => {
          expectRollingMean(values, window, rollingMean(Float64Array.from(values), window));
        }),
      );
    });

    it('rollingMean of integer typed arrays', () => {
      const kinds = fc.constantFrom(Int32Array, Int16Array, Int8Array, Uint32Array, Uint16Array, Uint8Array);
      fc.assert(
        fc.property(kinds, fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (Kind, ints, window) => {
          const typed = Kind.from(ints);
          expectRollingMean(Array.from(typed), window, rollingMean(typed, window));
        }),
      );
    });

    it('rollingMean of a danfo Series, with null and undefined as missing values', () => {
      const value = fc.oneof({ weight: 8, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) });
      // danfo refuses a Series whose first value is null or undefined ("File format not supported"), so one starts with a number.
      const columns = fc.tuple(number, fc.array(value, { maxLength: 30 })).map(([first, rest]) => [first, ...rest]);
      fc.assert(
        fc.property(columns, fc.integer({ min: 1, max: 8 }), (values, window) => {
          const series = new Series(values);
          const result = rollingMean(series, window);
          expect(result.index).to.deep.equal(series.index);
          expectRollingMean(series.values, window, result.values as number[]);
        }),
      );
    });

    it('shift of every typed array kind and of a Series: each value moved by periods, NaN where nothing moved in', () => {
      const kinds = fc.constantFrom(Float64Array, Float32Array, Int32Array, Int16Array, Int8Array, Uint32Array, Uint16Array, Uint8Array);
      const moved = (values: readonly number[], periods: number) =>
        values.map((_, i) => (i - periods >= 0 && i - periods < values.length ? values[i - periods] : NaN));
      fc.assert(
        fc.property(
          kinds,
          fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 30 }),
          fc.integer({ min: -35, max: 35 }),
          (Kind, ints, periods) => {
            const typed = Kind.from(ints);
            const result = shift(typed, periods);
            expect(result).to.be.instanceOf(Float64Array);
            expect(Array.from(result)).to.deep.equal(moved(Array.from(typed), periods));
          },
        ),
      );
      fc.assert(
        fc.property(fc.array(number, { minLength: 1, maxLength: 30 }), fc.integer({ min: -35, max: 35 }), (values, periods) => {
          const series = new Series(values);
          const result = shift(series, periods);
          expect(result.index).to.deep.equal(series.index);
          expect(result.values).to.deep.equal(moved(series.values as number[], periods));
        }),
      );
    });
  });
});
