import { expect } from 'chai';
import { Builder, configWhen, configWhenIn, configWhenNot, MissingInputError, type Config } from 'hamilton-ts';
import { thrown } from '../helpers.js';

class Sales {
  revenue(price: number, quantity: number): number {
    return price * quantity;
  }
  /** A typo in a parameter name reads an input nobody provides. */
  report(revnue: number): string {
    return `revenue: ${revnue}`;
  }
}

class Loaders {
  @configWhen({ mode: 'batch' })
  orders__batch(warehouse: string): number[] {
    return [warehouse.length];
  }
  @configWhenIn({ mode: ['streaming', 'live'] })
  @configWhenNot({ region: 'eu' })
  orders__stream(topic: string): number[] {
    return [topic.length];
  }
}

class Totals {
  orderCount(orders: number[]): number {
    return orders.length;
  }
}

function missingOf(config: Config, outputs: string[], inputs: Record<string, unknown>): MissingInputError {
  const dr = new Builder().withModules(Sales, Loaders, Totals).withConfig(config).build();
  const error = thrown(() => dr.execute(outputs, { inputs }));
  expect(error).to.be.instanceOf(MissingInputError);
  return error as MissingInputError;
}

describe('missing inputs a newcomer meets: explained', () => {
  it("a near miss of a node name says 'did you mean'", () => {
    const error = missingOf({}, ['report'], { price: 2, quantity: 3 });
    expect(error.missing).to.deep.equal([{ input: 'revnue', neededBy: ['Sales.report'], suggestions: ['revenue'] }]);
    expect(error.message).to.include("'revnue', needed by Sales.report (did you mean 'revenue'?)");
  });

  it('a name close to nothing gets no guess, and another missing name is no guess either', () => {
    const error = missingOf({ mode: 'batch' }, ['revenue', 'orderCount'], {});
    expect(error.missing.map((m) => [m.input, m.suggestions])).to.deep.equal([
      ['price', undefined],
      ['quantity', undefined],
      ['warehouse', undefined],
    ]);
    expect(error.message).not.to.include('did you mean');
  });

  it('a node defined only by variants the config leaves out names each variant and the config that selects it', () => {
    const error = missingOf({}, ['orderCount'], {});
    const [orders] = error.missing;
    expect(orders.input).to.equal('orders');
    expect(orders.excludedByConfig).to.deep.equal([
      { origin: 'Loaders.orders__batch', conditions: [{ form: 'configWhen', condition: { mode: 'batch' } }] },
      {
        origin: 'Loaders.orders__stream',
        conditions: [
          { form: 'configWhenIn', condition: { mode: ['streaming', 'live'] } },
          { form: 'configWhenNot', condition: { region: 'eu' } },
        ],
      },
    ]);
    expect(error.message).to.include('Loaders.orders__batch when mode = "batch"');
    expect(error.message).to.include('Loaders.orders__stream when mode in ["streaming", "live"] and region != "eu"');
    expect(error.message).to.include('the config has mode = unset, region = unset');
  });

  it('shows the values the config has for those keys', () => {
    const error = missingOf({ mode: 'live', region: 'eu' }, ['orderCount'], {});
    expect(error.message).to.include('the config has mode = "live", region = "eu"');
    expect(error.missing[0].excludedByConfig!.map((e) => e.origin)).to.deep.equal(['Loaders.orders__batch', 'Loaders.orders__stream']);
  });

  it('once the config selects a variant, what is missing is that variant’s own input, unexplained by config', () => {
    const error = missingOf({ mode: 'batch' }, ['orderCount'], {});
    expect(error.missing).to.deep.equal([{ input: 'warehouse', neededBy: ['Loaders.orders__batch'] }]);
    const selected = new Builder().withModules(Loaders, Totals).withConfig({ mode: 'streaming' }).build();
    expect(selected.execute(['orderCount'], { inputs: { topic: 'orders-v2' } })).to.deep.equal({ orderCount: 1 });
  });

  it('the AsyncDriver rejects with the same explanation', async () => {
    const dr = await new Builder().withModules(Sales, Loaders, Totals).buildAsync();
    const error = await dr.execute(['orderCount']).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(MissingInputError);
    expect((error as MissingInputError).message).to.include('Loaders.orders__batch when mode = "batch"');
  });
});
