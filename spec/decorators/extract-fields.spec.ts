import { expect } from 'chai';
import { Builder, extractFields, InvalidDecoratorError, node, NodeExecutionError, TypeMismatchError } from 'hamilton-ts';

describe('@extractFields', () => {
  class Stats {
    @extractFields({ mean: Number, label: String })
    @node({ doc: 'Summary statistics.' })
    stats(values: number[]): { mean: number; label: string } {
      return { mean: values.reduce((a, b) => a + b, 0) / values.length, label: `n=${values.length}` };
    }

    @node()
    doubledMean(mean: number): number {
      return mean * 2;
    }
  }

  it('makes one typed node per field', () => {
    const dr = new Builder().withModules(Stats).build();
    expect(dr.execute(['doubledMean', 'label'], { inputs: { values: [1, 2, 3] } })).to.deep.equal({ doubledMean: 4, label: 'n=3' });
    const mean = dr.listAvailableVariables().find((v) => v.name === 'mean')!;
    expect(mean.type).to.equal(Number);
    expect(mean.doc).to.equal('Summary statistics.');
  });

  it('checks edges against the declared field types', () => {
    class WantsString {
      @node()
      shout(mean: string): string {
        return mean.toUpperCase();
      }
    }
    expect(() => new Builder().withModules(Stats, WantsString).build()).to.throw(TypeMismatchError, /'mean'/);
  });

  it('fails clearly on a missing field or a wrongly typed one, and fills when asked', () => {
    class Loose {
      @extractFields({ a: Number, b: Number })
      obj(): Record<string, unknown> {
        return { a: 'one' };
      }

      @extractFields({ c: Number }, { fillWith: 0 })
      other(): Record<string, unknown> {
        return {};
      }
    }
    const dr = new Builder().withModules(Loose).build();
    expect(() => dr.execute(['b'])).to.throw(NodeExecutionError, /No field 'b'.*Loose\.obj/);
    expect(() => dr.execute(['a'])).to.throw(NodeExecutionError, /Field 'a'.*should be number/);
    expect(dr.execute(['c'])).to.deep.equal({ c: 0 });
  });

  it('rejects bad arguments and non-object methods', () => {
    expect(() => extractFields({})).to.throw(InvalidDecoratorError, /at least one field/);
    expect(() => extractFields({ a: 'number' as unknown as NumberConstructor })).to.throw(InvalidDecoratorError, /needs a type/);
    class Scalar {
      @extractFields({ a: Number })
      n(): number {
        return 1;
      }
    }
    expect(() => new Builder().withModules(Scalar).build()).to.throw(InvalidDecoratorError, /needs the method to return an object/);
  });

  it('on an async method, the sync driver refuses instead of passing a Promise on', () => {
    class Later {
      @extractFields({ x: Number })
      async obj(): Promise<{ x: number }> {
        return { x: 5 };
      }
    }
    const dr = new Builder().withModules(Later).build();
    expect(() => dr.execute(['x'])).to.throw(/is async; .*buildAsync/);
  });
});
