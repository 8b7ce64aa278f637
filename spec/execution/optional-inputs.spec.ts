import { expect } from 'chai';
import fc from 'fast-check';
import { Builder, MissingInputError } from 'hamilton-ts';

// Hamilton's tests/resources/optional_dependencies, reduced: `a` and `b` are only ever optional, `f` too,
// `h` is required by `i`.
class Optionals {
  c(b = 3, a = 2): number {
    return a + b;
  }
  i(h: number, f = 7): number {
    return h + f;
  }
}

type Given = Partial<Record<'a' | 'b' | 'f' | 'h', number>>;

/** What Hamilton's driver gives for these outputs and inputs: the values, or 'missing'. */
function reference(outputs: readonly string[], given: Given): Record<string, unknown> | 'missing' {
  if ((outputs.includes('i') || outputs.includes('h')) && given.h === undefined) return 'missing';
  const values: Record<string, unknown> = {
    a: given.a,
    b: given.b,
    f: given.f,
    h: given.h,
    c: (given.a ?? 2) + (given.b ?? 3),
    i: (given.h ?? 0) + (given.f ?? 7),
  };
  return Object.fromEntries(outputs.map((name) => [name, values[name]]));
}

describe('requested optional inputs (Hamilton test_optional_input_behavior)', () => {
  const dr = new Builder().withModules(Optionals).build();

  it('gives undefined for an optional input nothing provides, whether its reader runs or not', () => {
    const alone = dr.execute(['b', 'a']);
    expect(alone).to.have.all.keys('b', 'a');
    expect(alone).to.deep.equal({ b: undefined, a: undefined });
    expect(dr.execute(['c', 'a'])).to.deep.equal({ c: 5, a: undefined });
    expect(dr.execute(['a', 'c'], { inputs: { a: 10 } })).to.deep.equal({ a: 10, c: 13 });
  });

  it('gives the value of an optional input passed in inputs, config or overrides', () => {
    expect(dr.execute(['b', 'a'], { inputs: { a: 10 } })).to.deep.equal({ b: undefined, a: 10 });
    expect(dr.execute(['b', 'a'], { overrides: { a: 10 } })).to.deep.equal({ b: undefined, a: 10 });
    const configured = new Builder().withConfig({ a: 10 }).withModules(Optionals).build();
    expect(configured.execute(['b', 'a'])).to.deep.equal({ b: undefined, a: 10 });
  });

  it('still fails for a required input nothing provides, requested or needed, in any order', () => {
    for (const order of [['f', 'h', 'i'], ['i', 'h', 'f'], ['h'], ['i']]) {
      expect(() => dr.execute(order), order.join()).to.throw(MissingInputError, /'h'/);
    }
  });

  it('takes a required input given through config, in any order', () => {
    const configured = new Builder().withConfig({ h: 10 }).withModules(Optionals).build();
    for (const order of [
      ['f', 'h', 'i'],
      ['i', 'f', 'h'],
      ['h', 'i', 'f'],
    ]) {
      const result = configured.execute(order);
      expect(result).to.deep.equal({ f: undefined, h: 10, i: 17 });
      expect(Object.keys(result)).to.deep.equal(order);
    }
  });

  it('the AsyncDriver gives the same', async () => {
    const async = await new Builder().withModules(Optionals).buildAsync();
    expect(await async.execute(['c', 'a', 'f'])).to.deep.equal({ c: 5, a: undefined, f: undefined });
    let error: unknown;
    await async.execute(['h']).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(MissingInputError);
  });

  it('agrees with the reference model for any outputs and inputs given (fast-check)', () => {
    const names = ['a', 'b', 'c', 'f', 'h', 'i'];
    const given = fc.record({ a: fc.integer(), b: fc.integer(), f: fc.integer(), h: fc.integer() }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.shuffledSubarray(names, { minLength: 1 }), given, (outputs, inputs) => {
        const expected = reference(outputs, inputs);
        if (expected === 'missing') {
          expect(() => dr.execute(outputs, { inputs })).to.throw(MissingInputError);
          return;
        }
        const actual = dr.execute(outputs, { inputs });
        expect(actual).to.deep.equal(expected);
        expect(Object.keys(actual)).to.deep.equal(outputs);
      }),
      { numRuns: 200 },
    );
  });
});
