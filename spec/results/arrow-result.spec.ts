import { expect } from 'chai';
import { makeVector, Table, tableFromArrays, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import fc from 'fast-check';
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

  it("makes the same table as Arrow's own new Table({ name: vector }): schema, nullability, values (property)", () => {
    const column = (length: number) =>
      fc.oneof(
        fc.array(fc.double({ noNaN: true }), { minLength: length, maxLength: length }).map((v) => Float64Array.from(v)),
        fc.array(fc.option(fc.integer(), { nil: null }), { minLength: length, maxLength: length }).map((v) => vectorFromArray(v)),
        fc.array(fc.string(), { minLength: length, maxLength: length }),
      );
    const tables = fc.integer({ min: 0, max: 6 }).chain((length) => fc.array(column(length), { minLength: 1, maxLength: 5 }));
    fc.assert(
      fc.property(tables, (columns) => {
        const outputs = Object.fromEntries(columns.map((c, i) => [`c${i}`, c]));
        const ours = build(outputs);
        const vectors: Record<string, Vector> = Object.fromEntries(Object.keys(outputs).map((name) => [name, ours.getChild(name)!]));
        const arrows = new Table(vectors);
        expect(ours.schema.fields.map((f) => [f.name, String(f.type), f.nullable])).to.deep.equal(
          arrows.schema.fields.map((f) => [f.name, String(f.type), f.nullable]),
        );
        expect(Buffer.from(tableToIPC(ours)).equals(Buffer.from(tableToIPC(arrows)))).to.equal(true);
      }),
    );
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
