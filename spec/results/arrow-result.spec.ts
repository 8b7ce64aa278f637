import { expect } from 'chai';
import { makeVector, tableFromArrays } from 'apache-arrow';
import { ArrowResult, Builder, HamiltonError, node } from 'hamilton-ts';

const build = (outputs: Record<string, unknown>) => new ArrowResult().build(outputs);

describe('results/arrow-result: outputs to one Apache Arrow Table', () => {
  it('typed arrays become columns over the same memory (no copy)', () => {
    const spend = new Float64Array([1, 2, 3]);
    const table = build({ spend, weeks: new Int32Array([1, 2, 3]) });
    expect(table.getChild('spend')!.data[0].values.buffer).to.equal(spend.buffer);
    expect(table.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).to.deep.equal(['spend: Float64', 'weeks: Int32']);
  });

  it('plain arrays, Arrow vectors and tables, and broadcast scalars', () => {
    const table = build({ names: ['a', 'b'], v: makeVector(new Float32Array([1, 2])), t: tableFromArrays({ x: new Int8Array([7, 8]) }), k: 5 });
    expect(table.toArray().map((row) => ({ ...row.toJSON() }))).to.deep.equal([
      { names: 'a', v: 1, x: 7, k: 5 },
      { names: 'b', v: 2, x: 8, k: 5 },
    ]);
  });

  it('only scalars make a one-row table; one requested table comes back as it is', () => {
    expect(build({ a: 1, b: 'x' }).numRows).to.equal(1);
    const t = tableFromArrays({ x: new Int8Array([1]) });
    expect(build({ t })).to.equal(t);
  });

  it('columns of different lengths and a column given twice are HamiltonErrors naming them', () => {
    expect(() => build({ a: new Float64Array(3), b: [1, 2] })).to.throw(HamiltonError, /'b' has 2 values.*3 rows/);
    expect(() => build({ x: [1], t: tableFromArrays({ x: new Int8Array([1]) }) })).to.throw(HamiltonError, /Column 'x' comes from both/);
    expect(() => build({ m: new Map() })).to.throw(HamiltonError, /output 'm' \(Map\)/);
  });

  it('works as the result builder of a driver', () => {
    class Columns {
      @node()
      x(): Float64Array {
        return new Float64Array([1, 2]);
      }
      @node()
      y(x: Float64Array): Float64Array {
        return x.map((v) => v * 10);
      }
    }
    const table = new Builder().withModules(Columns).withResultBuilder(new ArrowResult()).build().execute(['x', 'y']);
    expect(Array.from(table.getChild('y')!.toArray() as Float64Array)).to.deep.equal([10, 20]);
  });
});
