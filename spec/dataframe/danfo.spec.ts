import { expect } from 'chai';
import { DataFrame, Series } from 'danfojs';
import { danfo, isDataFrame, isSeries } from '../../lib/dataframe/danfo.js';

describe('dataframe/danfo: the one module that knows danfo', () => {
  it('loads danfo on first use, as the module the app imports', () => {
    expect(danfo().Series).to.equal(Series);
  });

  it('recognises both the exported classes and the root classes danfo operations return', () => {
    const series = new Series([1, 2]);
    const frame = new DataFrame({ a: [1, 2] });
    expect(isSeries(series)).to.equal(true);
    expect(isSeries(series.mul(2))).to.equal(true);
    expect(isSeries(frame)).to.equal(false);
    expect(isDataFrame(frame)).to.equal(true);
    expect(isDataFrame(frame.add(1))).to.equal(true);
    expect(isDataFrame(series)).to.equal(false);
    expect(isDataFrame({ columns: [] })).to.equal(false);
  });
});
