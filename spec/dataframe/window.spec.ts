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
});
