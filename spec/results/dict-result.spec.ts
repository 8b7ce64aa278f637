import { expect } from 'chai';
import { DictResult } from 'hamilton-ts';

describe('results/dict-result', () => {
  it('returns the outputs as a plain object, keys in the given order, values untouched', () => {
    const value = { nested: [1, 2] };
    const result = new DictResult().build({ z: 1, a: value, m: undefined });
    expect(Object.keys(result)).to.deep.equal(['z', 'a', 'm']);
    expect(result.a).to.equal(value);
    expect(result.m).to.equal(undefined);
  });
});
