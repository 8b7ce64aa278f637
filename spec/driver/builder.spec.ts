import { expect } from 'chai';
import { Container, inject, injectable } from 'inversify';
import { Builder, DataFrameResult, DictResult, HamiltonError, HamiltonTokens, type ResultBuilder } from 'hamilton-ts';
import { isDataFrame } from '../../lib/dataframe/danfo.js';

const RATE = Symbol('rate');
const PREFIX = Symbol('prefix');

class Plain {
  doubled(x: number): number {
    return x * 2;
  }
}

@injectable()
class Injected {
  constructor(
    @inject(RATE) private readonly rate: number,
    @inject(PREFIX) private readonly prefix: string,
  ) {}
  scaled(x: number): number {
    return x * this.rate;
  }
  label(scaled: number): string {
    return `${this.prefix}${scaled}`;
  }
}

/** Sums the outputs: a result builder of the user's own. */
class SumResult implements ResultBuilder<number> {
  build(outputs: Record<string, unknown>): number {
    return Object.values(outputs).reduce<number>((sum, v) => sum + (v as number), 0);
  }
}

describe('driver/builder: building drivers', () => {
  it('defaults to DictResult, keys in the requested order', () => {
    const dr = new Builder().withModules(Plain, Injected).withContainer(containerWith(3, '#')).build();
    const result = dr.execute(['label', 'doubled', 'scaled'], { inputs: { x: 2 } });
    expect(result).to.deep.equal({ label: '#6', doubled: 4, scaled: 6 });
    expect(Object.keys(result)).to.deep.equal(['label', 'doubled', 'scaled']);
  });

  it('merges config over several withConfig calls, later keys winning', () => {
    const dr = new Builder().withConfig({ x: 1, y: 1 }).withConfig({ x: 5 }).withModules(Plain).build();
    expect(dr.execute(['doubled', 'y'])).to.deep.equal({ doubled: 10, y: 1 });
  });

  it('withModules may be called several times and mixes classes and instances', () => {
    class Other {
      tripled(x: number): number {
        return x * 3;
      }
    }
    const dr = new Builder().withModules(Plain).withModules(new Other()).build();
    expect(dr.execute(['doubled', 'tripled'], { inputs: { x: 1 } })).to.deep.equal({ doubled: 2, tripled: 3 });
  });

  describe('results', () => {
    it('uses a custom ResultBuilder given with withResultBuilder', () => {
      const dr = new Builder().withModules(Plain).withResultBuilder(new SumResult()).build();
      const total: number = dr.execute(['doubled', 'x'], { inputs: { x: 5 } });
      expect(total).to.equal(15);
    });

    it('DataFrameResult makes the Builder return frames', () => {
      const dr = new Builder().withModules(Plain).withResultBuilder(new DataFrameResult()).build();
      const df = dr.execute(['doubled', 'x'], { inputs: { x: [1, 2] } });
      expect(isDataFrame(df)).to.equal(true);
    });

    it('uses a ResultBuilder bound to HamiltonTokens.ResultBuilder in the container', () => {
      const container = new Container();
      container.bind(HamiltonTokens.ResultBuilder).toConstantValue(new SumResult());
      const dr = new Builder().withModules(Plain).withContainer(container).build();
      expect(dr.execute(['doubled', 'x'], { inputs: { x: 5 } })).to.equal(15);
    });

    it('an explicit withResultBuilder wins over the container binding', () => {
      const container = new Container();
      container.bind(HamiltonTokens.ResultBuilder).toConstantValue(new SumResult());
      const dr = new Builder().withModules(Plain).withContainer(container).withResultBuilder(new DictResult()).build();
      expect(dr.execute(['doubled'], { inputs: { x: 5 } })).to.deep.equal({ doubled: 10 });
    });
  });

  describe('inversify', () => {
    it('a plain class without @injectable() works as a feature set', () => {
      expect(
        new Builder()
          .withModules(Plain)
          .build()
          .execute(['doubled'], { inputs: { x: 4 } }),
      ).to.deep.equal({
        doubled: 8,
      });
    });

    it('@injectable() classes get @inject(TOKEN) constructor dependencies from the user container', () => {
      const dr = new Builder().withModules(Injected).withContainer(containerWith(10, 'n=')).build();
      expect(dr.execute(['label'], { inputs: { x: 4 } })).to.deep.equal({ label: 'n=40' });
    });

    it('uses a feature-set binding the container already has', () => {
      const container = containerWith(1, '');
      const prepared = new Injected(7, 'bound:');
      container.bind(Injected).toConstantValue(prepared);
      const dr = new Builder().withModules(Injected).withContainer(container).build();
      expect(dr.execute(['label'], { inputs: { x: 1 } })).to.deep.equal({ label: 'bound:7' });
    });

    it('an un-injectable constructor gives a clear HamiltonError naming the class', () => {
      class NeedsArgument {
        constructor(private readonly factor: number) {}
        scaled(x: number): number {
          return x * this.factor;
        }
      }
      expect(() => new Builder().withModules(NeedsArgument).build())
        .to.throw(HamiltonError)
        .with.property('message')
        .that.includes('NeedsArgument')
        .and.includes('@injectable()')
        .and.includes('withContainer');
    });

    it('an @injectable() class whose dependency is not bound gives a clear HamiltonError', () => {
      expect(() => new Builder().withModules(Injected).build())
        .to.throw(HamiltonError)
        .with.property('message')
        .that.includes('Injected');
    });

    it('instances are used as they are, without the container', () => {
      const instance = new Injected(2, 'i:');
      const dr = new Builder().withModules(instance).build();
      expect(dr.execute(['label'], { inputs: { x: 3 } })).to.deep.equal({ label: 'i:6' });
    });

    it('a value that is neither a class nor an instance of one is rejected, not read as a set without nodes', () => {
      expect(() => new Builder().withModules(42 as never).build()).to.throw(HamiltonError, /42 is not a feature set/);
      expect(() => new Builder().withModules(null as never).build()).to.throw(HamiltonError, /null is not a feature set/);
      const literal = { doubled: (x: number) => x * 2 };
      expect(() => new Builder().withModules(literal).build()).to.throw(HamiltonError, /Object is not a feature set/);
      expect(() => new Builder().withModules(Object.create(null) as object).build()).to.throw(HamiltonError, /not a feature set/);
      expect(() => new Builder().withModules([Plain] as never).build()).to.throw(HamiltonError, /Array\(1\) is not a feature set/);
    });
  });
});

function containerWith(rate: number, prefix: string): Container {
  const container = new Container();
  container.bind(RATE).toConstantValue(rate);
  container.bind(PREFIX).toConstantValue(prefix);
  return container;
}
