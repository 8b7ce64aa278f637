import { expect } from 'chai';
import { InvalidDecoratorError, node } from 'hamilton-ts';
import { FunctionGraph } from '../../lib/graph/function-graph.js';
import { nodeNameOf } from '../../lib/graph/resolver.js';

describe('graph/resolver: methods to node definitions', () => {
  class Spend {
    constructor(private readonly bonus = 5) {}
    @node({ doc: 'Spend plus a bonus.' })
    boosted(spend: number, rate: number = 1): number {
      return spend * rate + this.bonus;
    }
    plain(boosted: number): number {
      return boosted;
    }
  }

  // Resolved through the graph builder, which hands the resolver what it needs.
  const graph = FunctionGraph.build([{ cls: Spend, instance: new Spend(100) }], { config: {}, allowModuleOverrides: false });
  const byName = (name: string) => graph.get(name)!;

  it('makes one definition per method, with dependencies, origin, feature set and module tag', () => {
    const boosted = byName('boosted');
    expect(boosted.dependencies.map((d) => [d.name, d.optional])).to.deep.equal([
      ['spend', false],
      ['rate', true],
    ]);
    expect(boosted.originatingFunctions).to.deep.equal(['Spend.boosted']);
    expect(boosted.featureSet).to.equal('Spend');
    expect(boosted.tags).to.deep.equal({ module: 'Spend' });
    expect(boosted.doc).to.equal('Spend plus a bonus.');
  });

  it('decorated methods carry design types; undecorated ones have unknown types', () => {
    const boosted = byName('boosted');
    expect(boosted.type).to.equal(Number);
    expect(boosted.dependencies.map((d) => d.type)).to.deep.equal([Number, Number]);
    const plain = byName('plain');
    expect(plain.type).to.equal(undefined);
    expect(plain.dependencies.map((d) => d.type)).to.deep.equal([undefined]);
  });

  it('the callable runs the method on the given instance; undefined lets a default apply', () => {
    expect(byName('boosted').callable!([2, 3])).to.equal(106);
    expect(byName('boosted').callable!([2, undefined])).to.equal(102);
  });

  describe('nodeNameOf', () => {
    it('keeps a name without __', () => {
      expect(nodeNameOf('spend', 'F.spend')).to.equal('spend');
      expect(nodeNameOf('spend_rate', 'F.spend_rate')).to.equal('spend_rate');
    });

    it('cuts at the last __', () => {
      expect(nodeNameOf('survey__batch', 'F.survey__batch')).to.equal('survey');
      expect(nodeNameOf('a__b__c', 'F.a__b__c')).to.equal('a__b');
      expect(nodeNameOf('x___y', 'F.x___y')).to.equal('x_');
    });

    it('rejects a trailing __, naming the method', () => {
      expect(() => nodeNameOf('survey__', 'F.survey__')).to.throw(InvalidDecoratorError, /F\.survey__/);
      expect(() => nodeNameOf('a__b__', 'F.a__b__')).to.throw(InvalidDecoratorError);
    });
  });
});
