import { expect } from 'chai';
import { tableFromArrays } from 'apache-arrow';
import { HamiltonError } from 'hamilton-ts';
import { arrowColumn } from '../../lib/dataframe/arrow.js';

describe('dataframe/arrow: columns of an Arrow table', () => {
  const table = tableFromArrays({ x: Float64Array.of(1, 2) });

  it('gives a column, undefined for a missing one without a fill, and the fill repeated with one', () => {
    expect(Array.from(arrowColumn(table, 'x', false, undefined, 'a spec')!.toArray() as Float64Array)).to.deep.equal([1, 2]);
    expect(arrowColumn(table, 'y', false, undefined, 'a spec')).to.equal(undefined);
    expect(Array.from(arrowColumn(table, 'y', true, 0, 'a spec')!.toArray() as Float64Array)).to.deep.equal([0, 0]);
  });

  it('a fill Arrow cannot type (from plain JavaScript) is a HamiltonError naming the column, never a TypeError', () => {
    for (const fill of [Symbol('x'), () => 1]) {
      expect(() => arrowColumn(table, 'y', true, fill, 'a spec')).to.throw(
        HamiltonError,
        /Arrow column 'y' of the fill value: apache-arrow could not type/,
      );
    }
  });
});
