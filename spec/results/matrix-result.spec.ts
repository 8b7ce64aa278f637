import { expect } from 'chai';
import { DataFrame, Series } from 'danfojs';
import { Builder, HamiltonError, MatrixResult } from 'hamilton-ts';

// From Hamilton's tests/test_base.py (NumpyMatrixResult).
describe('MatrixResult', () => {
  const build = (outputs: Record<string, unknown>) => new MatrixResult().build(outputs);

  it('makes one column per output in request order, row-major, broadcasting scalars', () => {
    const matrix = build({ a: [1, 2, 3], b: new Series([4, 5, 6]), c: 7, d: Int32Array.from([8, 9, 10]) });
    expect(matrix.columns).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(matrix.rows).to.equal(3);
    expect(matrix.data).to.be.instanceOf(Float64Array);
    expect(Array.from(matrix.data)).to.deep.equal([1, 4, 7, 8, 2, 5, 7, 9, 3, 6, 7, 10]);
  });

  it('only scalars give one row; booleans are 0/1, missing values NaN', () => {
    const matrix = build({ a: 1, b: true, c: null });
    expect(matrix.rows).to.equal(1);
    expect(Array.from(matrix.data)).to.deep.equal([1, 1, NaN]);
  });

  it('vectors of different lengths are a HamiltonError naming both', () => {
    expect(() => build({ a: [1, 2], b: [1, 2, 3] })).to.throw(HamiltonError, /Output 'b' has 3 values but 'a' has 2/);
  });

  it('what is not numeric is a HamiltonError naming the output and the value', () => {
    expect(() => build({ df: new DataFrame({ x: [1] }) })).to.throw(HamiltonError, /Output 'df' is a DataFrame/);
    expect(() => build({ s: 'text' })).to.throw(HamiltonError, /Output 's' is/);
    expect(() => build({ v: [1, 'two'] })).to.throw(HamiltonError, /Output 'v' holds .* at position 1/);
  });

  it('agrees with a plain reference on random numeric columns', () => {
    for (let trial = 0; trial < 50; trial++) {
      const rows = 1 + (trial % 7);
      const outputs: Record<string, unknown> = {};
      const width = 1 + (trial % 4);
      for (let c = 0; c < width; c++) outputs[`f${c}`] = c % 2 === 0 ? Array.from({ length: rows }, (_, r) => r * 10 + c + trial) : c + trial;
      const matrix = build(outputs);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < width; c++) {
          const value = outputs[`f${c}`];
          expect(matrix.data[r * width + c]).to.equal(Array.isArray(value) ? (value as number[])[r] : value);
        }
    }
  });

  it('serves a driver as its result builder', () => {
    class Features {
      age(): number[] {
        return [30, 40];
      }
      income(): Float64Array {
        return Float64Array.from([1.5, 2.5]);
      }
    }
    const dr = new Builder().withModules(Features).withResultBuilder(new MatrixResult()).build();
    const { columns, data } = dr.execute(['income', 'age']);
    expect(columns).to.deep.equal(['income', 'age']);
    expect(Array.from(data)).to.deep.equal([1.5, 30, 2.5, 40]);
  });
});
