import { expect } from 'chai';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { HamiltonError } from 'hamilton-ts';
import { decodeValues, encodeValues, ValueTravelError } from '../../../lib/execution/remote/codec.js';
import { danfo } from '../../../lib/dataframe/danfo.js';
import { thrown } from '../../helpers.js';

const roundTrip = (value: unknown): unknown => decodeValues(encodeValues({ node: value })).node;

class Money {
  constructor(readonly cents: number) {}
}

describe('remote codec (values crossing to BullMQ workers)', () => {
  it('keeps what JSON loses: NaN, Infinity, -0, undefined, Date, Map, Set, BigInt, typed arrays, RegExp', () => {
    const value = {
      nan: NaN,
      inf: Infinity,
      minf: -Infinity,
      negZero: -0,
      undef: undefined,
      date: new Date(1234),
      map: new Map<unknown, unknown>([
        [1, 'one'],
        ['k', new Set([2])],
      ]),
      set: new Set(['a', 3]),
      big: -(2n ** 80n),
      f64: new Float64Array([1.5, NaN]),
      u8: new Uint8Array([0, 255]),
      i32: new Int32Array([-1]),
      regexp: /x+/g,
      nested: { list: [undefined, null, { deep: -0 }] },
      bare: Object.assign(Object.create(null) as object, { a: 1 }),
    };
    const back = roundTrip(value) as typeof value;
    expect(back).to.deep.equal(value);
    expect(back.date).to.be.instanceOf(Date);
    expect(back.map).to.be.instanceOf(Map);
    expect(back.f64).to.be.instanceOf(Float64Array);
    expect(Object.is(back.negZero, -0)).to.equal(true);
    expect('undef' in back).to.equal(true);
  });

  it('keeps shared references and cycles', () => {
    const shared = { n: 1 };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    const back = roundTrip(cyclic) as Record<string, unknown>;
    expect(back.self).to.equal(back);
    expect(back.a).to.equal(back.b);
  });

  it('round-trips arbitrary data (property)', () => {
    const data = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: false,
      withBoxedValues: true,
      withObjectString: false, // null-prototype objects arrive as plain ones
    });
    // node's comparison: chai's cannot sort Map keys that are null-prototype objects
    fc.assert(
      fc.property(data, (value) => isDeepStrictEqual(roundTrip(value), value)),
      { numRuns: 300 },
    );
  });

  it('carries danfo Series and DataFrames, also inside other values, with index, names and dtypes', () => {
    const d = danfo();
    const series = new d.Series([1.5, NaN, 3], { index: ['a', 'b', 'c'], columns: ['spend'] });
    const frame = new d.DataFrame({ x: [1, 2], label: ['p', 'q'], ok: [true, false] }, { index: [10, 20] });
    const back = roundTrip({ series, list: [frame], map: new Map([['f', frame]]) }) as {
      series: typeof series;
      list: [typeof frame];
      map: Map<string, typeof frame>;
    };
    expect(back.series).to.be.instanceOf(d.Series);
    expect(back.series.values).to.deep.equal([1.5, NaN, 3]);
    expect(back.series.index).to.deep.equal(['a', 'b', 'c']);
    expect(back.series.columns).to.deep.equal(['spend']);
    expect(back.list[0]).to.be.instanceOf(d.DataFrame);
    expect(back.list[0].values).to.deep.equal([
      [1, 'p', true],
      [2, 'q', false],
    ]);
    expect(back.list[0].index).to.deep.equal([10, 20]);
    expect(back.list[0].dtypes).to.deep.equal(frame.dtypes);
    expect(back.map.get('f')).to.equal(back.list[0]);
    expect(series.values).to.deep.equal([1.5, NaN, 3]); // the sender's value is left alone
  });

  it('carries a DataFrame of a transformed column (danfo root classes) and an empty frame', () => {
    const d = danfo();
    const doubled = new d.Series([1, 2]).mul(2);
    expect((roundTrip(doubled) as typeof doubled).values).to.deep.equal([2, 4]);
    const empty = roundTrip(new d.DataFrame([], { columns: ['a', 'b'] })) as InstanceType<typeof d.DataFrame>;
    expect(empty).to.be.instanceOf(d.DataFrame);
    expect(empty.columns).to.deep.equal(['a', 'b']);
    expect(empty.shape).to.deep.equal([0, 2]);
  });

  const refused: Array<[string, unknown, string, RegExp]> = [
    ['a function', { handler: () => 1 }, '.handler', /a function \(handler\)/],
    ['a symbol', [1, Symbol('s')], '[1]', /a symbol \(Symbol\(s\)\)/],
    ['a user class instance', { list: [new Money(5)] }, '.list[0]', /an instance of Money \(its prototype and methods would be lost\)/],
    ['a symbol key', { [Symbol('k')]: 1 }, '', /symbol key \(Symbol\(k\)\)/],
    ['a class inside a Map', new Map([['m', new Money(1)]]), '.get("m")', /an instance of Money/],
    ['a Promise', { p: Promise.resolve(1) }, '.p', /an instance of Promise/],
    ['a WeakMap', { w: new WeakMap() }, '.w', /an instance of WeakMap/],
  ];
  for (const [label, value, path, what] of refused) {
    it(`refuses ${label}, naming the node and the path inside the value`, () => {
      const error = thrown(() => encodeValues({ price: value })) as ValueTravelError;
      expect(error).to.be.instanceOf(HamiltonError).and.instanceOf(ValueTravelError);
      expect(error.node).to.equal('price');
      expect(error.path).to.equal(path);
      expect(error.message).to.include("The value of 'price' cannot travel").and.match(what);
      expect(error.message).to.include('Values that travel: numbers');
    });
  }

  it('refuses a function as a whole value', () => {
    const error = thrown(() => encodeValues({ fn: function named() {} })) as ValueTravelError;
    expect(error.message).to.include("'fn'").and.include('it is a function (named)');
  });
});
