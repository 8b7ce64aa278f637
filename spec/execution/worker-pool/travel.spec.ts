import { expect } from 'chai';
import { travelProblem } from '../../../lib/execution/worker-pool/travel.js';
import { Money, Point } from '../../fixtures/workers/faults.js';

describe('travelProblem: what cannot cross threads', () => {
  it('lets through what structured clone keeps', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const values: unknown[] = [
      1,
      NaN,
      'text',
      true,
      10n,
      undefined,
      null,
      [1, [2, [3]]],
      { a: { b: [new Date(0)] } },
      new Map([[{ k: 1 }, new Set([1])]]),
      new Float64Array(3),
      new ArrayBuffer(8),
      /re/g,
      new RangeError('x'),
      Object.create(null),
      new Point(1, 2),
      cyclic,
    ];
    values.forEach((value, i) => expect(travelProblem(value), `value ${i}`).to.equal(undefined));
  });

  it('says where a function, a symbol or an instance with methods sits', () => {
    expect(travelProblem(() => 1)).to.equal('value is a function');
    expect(travelProblem({ rows: [{}, {}, {}, { format: function format() {} }] })).to.equal('value.rows[3].format is a function (format)');
    expect(travelProblem([Symbol('s')])).to.equal('value[0] is a symbol');
    expect(travelProblem(new Map([['price', new Money(5)]]))).to.match(/^value\.get\("price"\) is an instance of Money with methods \(format\)/);
    expect(travelProblem(new Set([Symbol.iterator]))).to.equal('value<a Set entry> is a symbol');
    expect(travelProblem(Promise.resolve(1), 'config.client')).to.match(
      /^config\.client is an instance of Promise with methods \(then, catch, finally/,
    );
  });

  it('walks a deep or cyclic value without overflowing the stack', () => {
    let deep: { next?: unknown; leaf?: unknown } = { leaf: () => 0 };
    for (let i = 0; i < 200_000; i++) deep = { next: deep };
    expect(travelProblem(deep)).to.match(/^value(\.next){200000}\.leaf is a function \(leaf\)$/);
  });
});
