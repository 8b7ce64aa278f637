import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { makeVector, RecordBatch, Table, tableFromArrays, tableFromIPC, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import fc from 'fast-check';
import { DataFrame, Series } from 'danfojs';
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

  it('danfo Series become columns and danfo DataFrames contribute theirs, beside typed arrays', () => {
    const frame = new DataFrame({ a: [1, 2], b: ['x', 'y'] });
    const table = build({ s: new Series([10, 20]), frame, t: Int16Array.of(7, 8) });
    expect(table.schema.fields.map((f) => f.name)).to.deep.equal(['s', 'a', 'b', 't']);
    expect(table.toArray().map((row) => ({ ...row.toJSON() }))).to.deep.equal([
      { s: 10, a: 1, b: 'x', t: 7 },
      { s: 20, a: 2, b: 'y', t: 8 },
    ]);
    expect(() => build({ a: new Series([1, 2]), frame })).to.throw(HamiltonError, /Column 'a' comes from both output 'a' and output 'frame'/);
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

  it('makes the table Arrow makes from the same values, for every typed array kind, arrays, vectors and scalars (property)', () => {
    const typedKinds = [
      Float64Array,
      Float32Array,
      Int32Array,
      Int16Array,
      Int8Array,
      Uint32Array,
      Uint16Array,
      Uint8Array,
      Uint8ClampedArray,
    ] as const;
    // Each generated column is the output and, independently, the vector Arrow's own API makes of it.
    const column = (length: number) =>
      fc.oneof(
        fc
          .tuple(fc.constantFrom(...typedKinds), fc.array(fc.integer({ min: -100, max: 100 }), { minLength: length, maxLength: length }))
          .map(([Kind, values]) => {
            const typed = Kind.from(values);
            return { output: typed, reference: () => makeVector(typed as Int32Array) as Vector };
          }),
        fc.array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { minLength: length, maxLength: length }).map((values) => {
          const typed = BigInt64Array.from(values);
          return { output: typed, reference: () => makeVector(typed) as Vector };
        }),
        fc
          .array(fc.double(), { minLength: length, maxLength: length })
          .map((values) => ({ output: values, reference: (): Vector => vectorFromArray(values) })),
        fc.array(fc.option(fc.string(), { nil: null }), { minLength: length, maxLength: length }).map((values) => ({
          output: values,
          reference: (): Vector => vectorFromArray(values),
        })),
        fc.oneof(fc.integer(), fc.string(), fc.boolean()).map((value) => ({
          output: value,
          reference: (): Vector => vectorFromArray(new Array(Math.max(length, 1)).fill(value)),
        })),
      );
    const tables = fc.integer({ min: 1, max: 6 }).chain((length) => fc.array(column(length), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(tables, (columns) => {
        if (columns.every((c) => !Array.isArray(c.output) && !ArrayBuffer.isView(c.output))) return; // only scalars: one row
        const ours = build(Object.fromEntries(columns.map((c, i) => [`c${i}`, c.output])));
        const theirs = new Table(Object.fromEntries(columns.map((c, i) => [`c${i}`, c.reference()])));
        expect(ours.schema.fields.map((f) => [f.name, String(f.type), f.nullable])).to.deep.equal(
          theirs.schema.fields.map((f) => [f.name, String(f.type), f.nullable]),
        );
        // Values and nulls column by column (two string columns never share a dictionary id, so no IPC bytes).
        for (const field of theirs.schema.fields) {
          const [mine, reference] = [ours.getChild(field.name)!, theirs.getChild(field.name)!];
          expect([mine.length, mine.nullCount]).to.deep.equal([reference.length, reference.nullCount]);
          expect(Array.from(mine as Iterable<unknown>)).to.deep.equal(Array.from(reference as Iterable<unknown>));
        }
      }),
    );
  });

  it('its one record batch behaves as one Arrow made: slice, select, concat, IPC, metadata', () => {
    const x = new Float64Array([1, 2, 3, 4]);
    const table = build({ x, y: new Int32Array([5, 6, 7, 8]), z: ['a', 'b', 'c', 'd'] });
    expect(table.batches).to.have.length(1);
    expect(table.batches[0]).to.be.instanceOf(RecordBatch);
    expect(table.batches[0].metadata).to.be.instanceOf(Map);
    expect(table.batches[0].numRows).to.equal(4);
    expect(Array.from(table.slice(1, 3).getChild('y')!.toArray() as Int32Array)).to.deep.equal([6, 7]);
    expect(table.select(['z']).getChild('z')!.toArray()).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(table.concat(table).numRows).to.equal(8);
    const back = tableFromIPC(tableToIPC(table));
    expect(back.toArray().map((row) => ({ ...row.toJSON() }))).to.deep.equal(table.toArray().map((row) => ({ ...row.toJSON() })));
    x[0] = 100; // still the caller's memory
    expect(table.get(0)!.x).to.equal(100);
  });

  it('loads neither library it does not need: typed arrays to Arrow load no danfo, a danfo frame loads no Arrow', () => {
    // In a fresh process: which of the two libraries each result builder loads (apache-arrow switches off V8's fast
    // concat for the whole process, which slows danfo; danfo takes a second to load).
    const probe = `
      const { ArrowResult, DataFrameResult } = require('hamilton-ts');
      const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/'));
      const table = new ArrowResult().build({ x: new Float64Array([1, 2]), y: [3, 4], k: 5 });
      const afterArrow = { arrow: loaded('apache-arrow'), danfo: loaded('danfojs') };
      process.stdout.write(JSON.stringify({ rows: table.numRows, afterArrow }));
    `;
    const frameProbe = `
      const { DataFrameResult } = require('hamilton-ts');
      const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/'));
      const frame = new DataFrameResult().build({ x: [1, 2], k: 5 });
      process.stdout.write(JSON.stringify({ rows: frame.shape[0], arrow: loaded('apache-arrow'), danfo: loaded('danfojs') }));
    `;
    const run = (code: string) => {
      const child = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
      expect(child.status, child.stderr).to.equal(0);
      return JSON.parse(child.stdout) as unknown;
    };
    expect(run(probe)).to.deep.equal({ rows: 2, afterArrow: { arrow: true, danfo: false } });
    expect(run(frameProbe)).to.deep.equal({ rows: 2, arrow: false, danfo: true });
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

  it('values Arrow cannot type, from plain JavaScript, are HamiltonErrors naming the column and output, never a TypeError', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ mixed: [1, 'x'] }, /column 'mixed' of output 'mixed'/],
      [{ a: [1, 2], s: Symbol('x') }, /column 's' of output 's'/],
      [{ a: [1, 2], f: () => 1 }, /column 'f' of output 'f'/],
      [{ n: [1, 2n] }, /column 'n' of output 'n'/],
    ];
    for (const [outputs, message] of cases) {
      let thrown: unknown;
      try {
        build(outputs);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(message)).to.be.instanceOf(HamiltonError);
      expect((thrown as Error).message)
        .to.match(message)
        .and.to.match(/could not type its values/);
      expect((thrown as Error).cause).to.be.instanceOf(Error);
    }
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
