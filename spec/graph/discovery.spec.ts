import { expect } from 'chai';
import { Builder, InvalidDecoratorError, node } from 'hamilton-ts';
import { discoverMethods } from '../../lib/graph/discovery.js';

const dictDriver = (...featureSets: object[]) => new Builder().withModules(...featureSets).build();
const nodeNames = (dr: ReturnType<typeof dictDriver>) =>
  dr
    .listAvailableVariables()
    .filter((v) => !v.isExternalInput)
    .map((v) => v.name)
    .sort();

describe('graph/discovery: which methods become nodes', () => {
  class Base {
    shared(x: number): number {
      return x + 1;
    }
    replaced(x: number): number {
      return x;
    }
  }

  class Features extends Base {
    static build(): Features {
      return new Features();
    }
    static staticValue = 3;
    private readonly factor = 10;
    _helper(x: number): number {
      return x * this.factor;
    }
    get computed(): number {
      return 1;
    }
    set computed(_value: number) {
      // accessors are not nodes
    }
    own(shared: number): number {
      return this._helper(shared);
    }
    override replaced(x: number): number {
      return -x;
    }
  }

  it('finds the public methods of the class and its base classes, nothing else', () => {
    const found = discoverMethods(Features).map((m) => m.name);
    expect(found.sort()).to.deep.equal(['own', 'replaced', 'shared']);
  });

  it('excludes the constructor, _names, accessors, statics and Object.prototype methods', () => {
    const found = discoverMethods(Features).map((m) => m.name);
    for (const excluded of ['constructor', '_helper', 'computed', 'build', 'staticValue', 'toString', 'hasOwnProperty']) {
      expect(found).not.to.include(excluded);
    }
  });

  it('reports the nearest declaring class, so an override replaces the base method', () => {
    const byName = new Map(discoverMethods(Features).map((m) => [m.name, m]));
    expect(byName.get('replaced')!.declaringClass).to.equal(Features);
    expect(byName.get('replaced')!.fn).to.equal(Features.prototype.replaced);
    expect(byName.get('shared')!.declaringClass).to.equal(Base);
  });

  it('an accessor in a subclass hides a base method of the same name', () => {
    class WithMethod {
      value(): number {
        return 1;
      }
    }
    class WithGetter extends WithMethod {
      // @ts-expect-error: deliberately shadowing a method with an accessor
      get value(): number {
        return 2;
      }
    }
    expect(discoverMethods(WithGetter).map((m) => m.name)).to.deep.equal([]);
  });

  it('builds a graph from those methods; inherited methods run with the instance', () => {
    const dr = dictDriver(Features);
    expect(nodeNames(dr)).to.deep.equal(['own', 'replaced', 'shared']);
    expect(dr.execute(['own', 'replaced'], { inputs: { x: 4 } })).to.deep.equal({ own: 50, replaced: -4 });
  });

  it('names a node after the method without its __suffix (cut at the last __)', () => {
    class Variants {
      surveyResults__batch(raw: number): number {
        return raw * 2;
      }
      a__b__c(raw: number): number {
        return raw + 1;
      }
    }
    const dr = dictDriver(Variants);
    expect(nodeNames(dr)).to.deep.equal(['a__b', 'surveyResults']);
    const [survey] = dr.listAvailableVariables().filter((v) => v.name === 'surveyResults');
    expect(survey.originatingFunctions).to.deep.equal(['Variants.surveyResults__batch']);
    expect(dr.execute(['surveyResults', 'a__b'], { inputs: { raw: 5 } })).to.deep.equal({ surveyResults: 10, a__b: 6 });
  });

  it('rejects a method name ending in __ with InvalidDecoratorError naming Class.method', () => {
    class Bad {
      broken__(raw: number): number {
        return raw;
      }
    }
    expect(() => dictDriver(Bad))
      .to.throw(InvalidDecoratorError)
      .with.property('message')
      .that.includes('Bad.broken__')
      .and.includes("ending in '__'");
  });

  it('a subclass override replaces the node and uses the decorators written on the override', () => {
    class Documented {
      @node({ doc: 'base doc' })
      level(x: number): number {
        return x;
      }
      @node({ doc: 'kept from the base' })
      kept(level: number): number {
        return level + 1;
      }
    }
    class Undocumented extends Documented {
      override level(x: number): number {
        return x * 100;
      }
    }
    class Redocumented extends Documented {
      @node({ doc: 'override doc' })
      override level(x: number): number {
        return x * 1000;
      }
    }
    const docOf = (dr: ReturnType<typeof dictDriver>, name: string) => dr.listAvailableVariables().find((v) => v.name === name)!;

    const base = dictDriver(Documented);
    expect(docOf(base, 'level').doc).to.equal('base doc');
    expect(docOf(base, 'level').type).to.equal(Number);

    const plain = dictDriver(Undocumented);
    expect(docOf(plain, 'level').doc).to.equal('');
    expect(docOf(plain, 'level').type, 'an undecorated override has no type metadata').to.equal(undefined);
    expect(docOf(plain, 'level').originatingFunctions).to.deep.equal(['Undocumented.level']);
    expect(docOf(plain, 'kept').doc).to.equal('kept from the base');
    expect(plain.execute(['kept'], { inputs: { x: 2 } })).to.deep.equal({ kept: 201 });

    const redone = dictDriver(Redocumented);
    expect(docOf(redone, 'level').doc).to.equal('override doc');
    expect(redone.execute(['kept'], { inputs: { x: 2 } })).to.deep.equal({ kept: 2001 });
  });

  it('an instance is used as it is: methods run with its state', () => {
    class Scaler {
      constructor(private readonly factor: number) {}
      scaled(x: number): number {
        return x * this.factor;
      }
    }
    const dr = dictDriver(new Scaler(7));
    expect(dr.execute(['scaled'], { inputs: { x: 3 } })).to.deep.equal({ scaled: 21 });
  });
});
