import { expect } from 'chai';
import { Container, inject, injectable } from 'inversify';
import { Builder, configWhen, DuplicateNodeError, InvalidDecoratorError, node, parameterizedSubdag, source, subdag, value } from 'hamilton-ts';

/** A small reusable feature set: reads `sales` and `factor` from outside. */
class SalesFeatures {
  @node({ doc: 'Sales scaled by a factor.' })
  scaled(sales: number[], factor: number): number[] {
    return sales.map((s) => s * factor);
  }

  total(scaled: number[]): number {
    return scaled.reduce((a, b) => a + b, 0);
  }
}

describe('@subdag', () => {
  class Report {
    @subdag([SalesFeatures], { inputs: { sales: source('eastSales'), factor: value(2) } })
    @node({ doc: 'East total, from the sub-graph.' })
    east(total: number, bonus: number): number {
      return total + bonus;
    }
  }

  it('builds the inner nodes under the method name, fed by the bindings; the method result is the node', () => {
    const dr = new Builder().withModules(Report).build();
    const result = dr.execute(['east', 'east.scaled'], { inputs: { eastSales: [1, 2, 3], bonus: 100 } });
    expect(result).to.deep.equal({ east: 112, 'east.scaled': [2, 4, 6] });
    const names = dr.listAvailableVariables().map((v) => v.name);
    expect(names).to.include.members(['east', 'east.total', 'east.scaled', 'east.sales', 'east.factor', 'eastSales', 'bonus']);
    expect(names).to.not.include('total');
    expect(dr.whatIsUpstreamOf('east').map((v) => v.name)).to.have.members([
      'east',
      'east.total',
      'east.scaled',
      'east.sales',
      'east.factor',
      'eastSales',
      'bonus',
    ]);
  });

  it('reads inner dependencies nothing inside provides from the outer graph', () => {
    class Outer {
      factor(): number {
        return 10;
      }

      @subdag([SalesFeatures], { inputs: { sales: value([1, 1]) } })
      tenfold(total: number): number {
        return total;
      }
    }
    expect(new Builder().withModules(Outer).build().execute(['tenfold'])).to.deep.equal({ tenfold: 20 });
  });

  it('uses the same classes as a sub-graph and on their own in one driver, without clashes', () => {
    const dr = new Builder().withModules(SalesFeatures, Report).build();
    const result = dr.execute(['total', 'east'], { inputs: { sales: [1], factor: 3, eastSales: [5], bonus: 0 } });
    expect(result).to.deep.equal({ total: 3, east: 10 });
  });

  it('gives the sub-graph its own config (merged over the outer one), e.g. to select variants', () => {
    class Loader {
      @configWhen({ source: 'fixed' })
      sales__fixed(): number[] {
        return [7];
      }

      @configWhen({ source: 'doubled' })
      sales__doubled(): number[] {
        return [14];
      }
    }
    class Both {
      @subdag([Loader, SalesFeatures], { config: { source: 'fixed' }, inputs: { factor: value(1) } })
      fixed(total: number): number {
        return total;
      }

      @subdag([Loader, SalesFeatures], { config: { source: 'doubled' }, inputs: { factor: value(1) } })
      doubled(total: number): number {
        return total;
      }
    }
    const dr = new Builder().withConfig({ source: 'none' }).withModules(Both).build();
    expect(dr.execute(['fixed', 'doubled'])).to.deep.equal({ fixed: 7, doubled: 14 });
  });

  it('resolves inner classes through the container (constructor injection)', () => {
    const TOKEN = Symbol('rate');
    @injectable()
    class Rated {
      constructor(@inject(TOKEN) private readonly rate: number) {}
      rated(amount: number): number {
        return amount * this.rate;
      }
    }
    class UsesRated {
      @subdag([Rated], { inputs: { amount: value(2) } })
      price(rated: number): number {
        return rated;
      }
    }
    const container = new Container();
    container.bind(TOKEN).toConstantValue(21);
    expect(new Builder().withContainer(container).withModules(UsesRated).build().execute(['price'])).to.deep.equal({ price: 42 });
  });

  it('names the subdag and the key in its errors', () => {
    class InBoth {
      @subdag([SalesFeatures], { inputs: { factor: value(1) }, config: { factor: 2 } })
      both(total: number): number {
        return total;
      }
    }
    expect(() => new Builder().withModules(InBoth).build()).to.throw(
      InvalidDecoratorError,
      /InBoth\.both \(both\).*'factor'.*both in inputs and in config/,
    );

    class UnknownInput {
      @subdag([SalesFeatures], { inputs: { salez: value([1]) } })
      typo(total: number): number {
        return total;
      }
    }
    expect(() => new Builder().withModules(UnknownInput).build()).to.throw(
      InvalidDecoratorError,
      /UnknownInput\.typo \(typo\).*'salez'.*reads: sales, factor/,
    );

    class NoOutput {
      @subdag([SalesFeatures])
      nothing(totl: number): number {
        return totl;
      }
    }
    expect(() => new Builder().withModules(NoOutput).build()).to.throw(
      InvalidDecoratorError,
      /NoOutput\.nothing.*none of the method's parameters \(totl\)/,
    );
  });

  it('reports duplicates inside the sub-graph', () => {
    class AlsoTotal {
      total(): number {
        return 0;
      }
    }
    class Dup {
      @subdag([SalesFeatures, AlsoTotal])
      dup(total: number): number {
        return total;
      }
    }
    expect(() => new Builder().withModules(Dup).build()).to.throw(DuplicateNodeError, /'total'/);
  });

  it('nests: a sub-graph inside a sub-graph gets a nested namespace', () => {
    class Inner {
      @subdag([SalesFeatures], { inputs: { factor: value(3) } })
      tripled(total: number): number {
        return total;
      }
    }
    class Outer {
      @subdag([Inner], { inputs: { sales: value([1, 2]) } })
      outer(tripled: number): number {
        return tripled + 1;
      }
    }
    const dr = new Builder().withModules(Outer).build();
    expect(dr.execute(['outer', 'outer.tripled.total'])).to.deep.equal({ outer: 10, 'outer.tripled.total': 9 });
  });
});

describe('@parameterizedSubdag', () => {
  class Regions {
    @parameterizedSubdag(
      [SalesFeatures],
      {
        east: { inputs: { sales: source('eastSales') } },
        west: { inputs: { sales: source('westSales'), factor: value(10) } },
      },
      { inputs: { factor: value(1) } },
    )
    regionTotal(total: number): number {
      return total;
    }
  }

  it('makes one namespaced sub-graph and one node per output', () => {
    const dr = new Builder().withModules(Regions).build();
    expect(dr.execute(['east', 'west'], { inputs: { eastSales: [1, 2], westSales: [3] } })).to.deep.equal({ east: 3, west: 30 });
    const names = dr.listAvailableVariables().map((v) => v.name);
    expect(names).to.include.members(['east.total', 'west.total', 'east.factor', 'west.factor']);
    expect(names).to.not.include('regionTotal');
  });

  it('rejects an empty output list when the class is defined', () => {
    expect(() => parameterizedSubdag([SalesFeatures], {})).to.throw(InvalidDecoratorError, /at least one output/);
  });
});
