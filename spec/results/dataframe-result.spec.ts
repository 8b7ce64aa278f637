import { expect } from 'chai';
import fc from 'fast-check';
import { DataFrame, Series } from 'danfojs';
import { Builder, DataFrameResult, Driver, HamiltonError, node } from 'hamilton-ts';
import { isDataFrame } from '../../lib/dataframe/danfo.js';

const build = (outputs: Record<string, unknown>) => new DataFrameResult().build(outputs);
const columnsOf = (df: DataFrame) => Object.fromEntries(df.columns.map((c) => [c, df.column(c).values]));

// chai's deep equal treats NaN as equal to NaN, so expected columns can spell out the gaps.
describe('results/dataframe-result: outputs to one danfo DataFrame', () => {
  it('Series with the same index become columns in output order, index kept', () => {
    const df = build({
      b: new Series([1, 2, 3], { index: ['x', 'y', 'z'] }),
      a: new Series([4, 5, 6], { index: ['x', 'y', 'z'] }),
    });
    expect(df.columns).to.deep.equal(['b', 'a']);
    expect(df.index).to.deep.equal(['x', 'y', 'z']);
    expect(columnsOf(df)).to.deep.equal({ b: [1, 2, 3], a: [4, 5, 6] });
  });

  it('Series with different indexes are aligned on the union of labels, NaN where missing', () => {
    const df = build({
      first: new Series([1, 2, 3], { index: ['a', 'b', 'c'] }),
      second: new Series([30, 10], { index: ['c', 'a'] }),
      third: new Series([4], { index: ['d'] }),
    });
    expect(df.index).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(columnsOf(df)).to.deep.equal({
      first: [1, 2, 3, NaN],
      second: [10, NaN, 30, NaN],
      third: [NaN, NaN, NaN, 4],
    });
  });

  it('Series of different lengths on default indexes are aligned too (pandas outer join)', () => {
    const df = build({ long: new Series([1, 2, 3]), short: new Series([7]) });
    expect(df.index).to.deep.equal([0, 1, 2]);
    expect(columnsOf(df)).to.deep.equal({ long: [1, 2, 3], short: [7, NaN, NaN] });
  });

  it('scalars are broadcast to every row', () => {
    const df = build({ s: new Series([1, 2], { index: ['p', 'q'] }), rate: 0.5, label: 'x' });
    expect(df.index).to.deep.equal(['p', 'q']);
    expect(columnsOf(df)).to.deep.equal({ s: [1, 2], rate: [0.5, 0.5], label: ['x', 'x'] });
  });

  it('only scalars make a one-row frame', () => {
    const df = build({ count: 3, name: 'n', flag: true });
    expect(df.shape).to.deep.equal([1, 3]);
    expect(columnsOf(df)).to.deep.equal({ count: [3], name: ['n'], flag: [true] });
  });

  it('no outputs make an empty frame', () => {
    const df = build({});
    expect(isDataFrame(df)).to.equal(true);
    expect(df.shape).to.deep.equal([0, 0]);
  });

  it('arrays become columns and must match the frame length', () => {
    const df = build({ s: new Series([1, 2, 3]), arr: [4, 5, 6], typed: Float64Array.from([7, 8, 9]) });
    expect(columnsOf(df)).to.deep.equal({ s: [1, 2, 3], arr: [4, 5, 6], typed: [7, 8, 9] });
    expect(() => build({ s: new Series([1, 2, 3]), arr: [4, 5] }))
      .to.throw(HamiltonError)
      .with.property('message')
      .that.includes("'arr'")
      .and.includes('2 values')
      .and.includes('3 rows');
    expect(() => build({ one: [1, 2, 3], two: [1, 2] })).to.throw(HamiltonError, /'two'/);
  });

  it('arrays take the index of the Series beside them', () => {
    const df = build({ s: new Series([1, 2], { index: ['p', 'q'] }), arr: [3, 4] });
    expect(df.index).to.deep.equal(['p', 'q']);
    expect(columnsOf(df)).to.deep.equal({ s: [1, 2], arr: [3, 4] });
  });

  it('DataFrame outputs contribute their columns, aligned on their index', () => {
    const frame = new DataFrame({ x: [1, 2], y: [3, 4] }, { index: ['r1', 'r2'] });
    const df = build({ frame, z: new Series([5, 6], { index: ['r2', 'r1'] }), k: 0 });
    expect(df.columns).to.deep.equal(['x', 'y', 'z', 'k']);
    expect(df.index).to.deep.equal(['r1', 'r2']);
    expect(columnsOf(df)).to.deep.equal({ x: [1, 2], y: [3, 4], z: [6, 5], k: [0, 0] });
  });

  it('a column-name collision is a clear error naming both outputs', () => {
    const frame = new DataFrame({ x: [1, 2] });
    expect(() => build({ frame, x: new Series([3, 4]) }))
      .to.throw(HamiltonError)
      .with.property('message')
      .that.includes("'x'")
      .and.includes("output 'frame'")
      .and.includes("output 'x'");
    expect(() => build({ one: frame, two: new DataFrame({ x: [5, 6] }) })).to.throw(HamiltonError, /'one'.*'two'/s);
  });

  it('a single DataFrame output is returned as it is', () => {
    const frame = new DataFrame({ x: [1, 2] });
    expect(build({ frame })).to.equal(frame);
    const derived = frame.add(1);
    expect(build({ derived })).to.equal(derived);
  });

  it('accepts Series and frames produced by danfo operations (root classes)', () => {
    const s = new Series([1, 2]).mul(3) as Series;
    const df = build({ s, t: new Series([1, 1]) });
    expect(columnsOf(df)).to.deep.equal({ s: [3, 6], t: [1, 1] });
  });

  it('an object it cannot turn into a column is a clear error', () => {
    expect(() => build({ s: new Series([1]), config: { a: 1 } }))
      .to.throw(HamiltonError)
      .with.property('message')
      .that.includes("'config'")
      .and.includes('DictResult');
  });

  it('an unsupported output is named by its kind, even when its class has no name', () => {
    const message = (value: unknown) => {
      try {
        build({ s: new Series([1]), odd: value });
      } catch (error) {
        expect(error).to.be.instanceOf(HamiltonError);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    class Widget {}
    expect(message(new Widget())).to.include("Output 'odd' is a Widget,");
    expect(message(new Map())).to.include('is a Map,');
    expect(message(new (class {})())).to.include('is an instance of an anonymous class,');
    expect(message(Object.create(null))).to.include('is an object without a prototype');
    expect(message({ constructor: 3 })).to.include('is an instance of an anonymous class,');
  });

  // pandas: DataFrame({...Series}) keeps a common index as it is, otherwise sorts the union of the labels.
  describe('outer joins order the index as pandas does', () => {
    it('sorts the union of numeric labels by value and of string labels by code point', () => {
      const numeric = build({ a: new Series([30, 10], { index: [3, 1] }), b: new Series([2, 20], { index: [2, 10] }) });
      expect(numeric.index).to.deep.equal([1, 2, 3, 10]);
      expect(columnsOf(numeric)).to.deep.equal({ a: [10, NaN, 30, NaN], b: [NaN, 2, NaN, 20] });
      // '\uFF01' sorts before the emoji by code point, after it by UTF-16 unit (a surrogate, 0xD83D).
      const strings = build({ a: new Series([1, 2], { index: ['b', 'B'] }), b: new Series([3, 4], { index: ['\u{1F600}', '\uFF01'] }) });
      expect(strings.index).to.deep.equal(['B', 'b', '\uFF01', '\u{1F600}']);
    });

    it('keeps a common index in its own order, and labels of mixed kinds in order of first appearance', () => {
      expect(build({ a: new Series([1, 2], { index: ['z', 'x'] }), b: new Series([3, 4], { index: ['z', 'x'] }) }).index).to.deep.equal(['z', 'x']);
      const mixed = build({ a: new Series([1, 2], { index: ['b', 1] as string[] }), b: new Series([3], { index: [0] }) });
      expect(mixed.index).to.deep.equal(['b', 1, 0]);
    });

    it('agrees with a reference outer join for any labelled Series (fast-check)', () => {
      const labels = fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9\u00e9\uFF01\u{1F600}]{1,3}$/u), { minLength: 1, maxLength: 6 });
      fc.assert(
        fc.property(fc.array(labels, { minLength: 1, maxLength: 4 }), (indexes) => {
          const outputs = Object.fromEntries(
            indexes.map((index, i) => [
              `s${i}`,
              new Series(
                index.map((_, j) => i * 100 + j),
                { index },
              ),
            ]),
          );
          const df = build(outputs);
          // UTF-8 byte order is code point order: an independent reference for Python's string sort.
          const same = indexes.every((index) => index.join('\0') === indexes[0].join('\0'));
          const union = [...new Set(indexes.flat())];
          const expected = same ? indexes[0] : union.sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
          expect(df.index).to.deep.equal(expected);
          indexes.forEach((index, i) => {
            const column = df.column(`s${i}`).values;
            (df.index as string[]).forEach((label, row) => {
              const at = index.indexOf(label);
              expect(column[row]).to.deep.equal(at < 0 ? NaN : i * 100 + at);
            });
          });
        }),
        { numRuns: 100 },
      );
    });
  });

  it('aligns alike when columns share one index array, hold equal copies, or differ (fast-check)', () => {
    // Each index array is compared once (a window keeps its input's index array; danfo operations copy it).
    const labels = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 4 });
    const picks = fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(labels, { minLength: 1, maxLength: 3 }), picks, (pool, chosen) => {
        const indexes = chosen.map(([at, copy]) => (copy ? [...pool[at % pool.length]] : pool[at % pool.length]));
        const outputs = Object.fromEntries(
          indexes.map((index, i) => [
            `s${i}`,
            new Series(
              index.map((_, j) => i * 100 + j),
              { index },
            ),
          ]),
        );
        const df = build(outputs);
        const same = indexes.every((index) => index.join('\0') === indexes[0].join('\0'));
        const expected = same ? indexes[0] : [...new Set(indexes.flat())].sort();
        expect(df.index).to.deep.equal(expected);
        indexes.forEach((index, i) => {
          const column = df.column(`s${i}`).values;
          (df.index as string[]).forEach((label, row) => {
            const at = index.indexOf(label);
            expect(column[row]).to.deep.equal(at < 0 ? NaN : i * 100 + at);
          });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('is what new Driver returns, and can be chosen on the Builder', () => {
    class Spend {
      @node()
      doubled(spend: Series): Series {
        return spend.mul(2);
      }
      @node()
      total(spend: Series): number {
        return spend.sum();
      }
    }
    const spend = new Series([1, 2, 3], { index: ['w1', 'w2', 'w3'] });
    const df = new Driver({}, Spend).execute(['doubled', 'total', 'spend'], { inputs: { spend } });
    expect(isDataFrame(df)).to.equal(true);
    expect(df.index).to.deep.equal(['w1', 'w2', 'w3']);
    expect(columnsOf(df)).to.deep.equal({ doubled: [2, 4, 6], total: [6, 6, 6], spend: [1, 2, 3] });
    const viaBuilder = new Builder().withModules(Spend).withResultBuilder(new DataFrameResult()).build();
    expect(columnsOf(viaBuilder.execute(['total'], { inputs: { spend } }))).to.deep.equal({ total: [6] });
  });
});
