import { expect } from 'chai';
import { Builder, config, configWhen, MissingInputError, type Config } from 'hamilton-ts';
import { thrown } from '../helpers.js';

// Variants named by the config decorators' { name } option (Hamilton's `config.when(name=...)`), not by a
// `__suffix` of the method name.
class NamedLoaders {
  @configWhen({ mode: 'batch' }, { name: 'orders' })
  loadBatchOrders(warehouse: string): number[] {
    return [warehouse.length];
  }

  @config((c) => c.mode === 'live', { name: 'orders' })
  streamLiveOrders(topic: string): number[] {
    return [topic.length];
  }

  // Its suffix would say 'orders', but its name says 'returns': it cannot explain a missing 'orders'.
  @configWhen({ mode: 'archive' }, { name: 'returns' })
  orders__archive(): number[] {
    return [];
  }
}

class Counts {
  orderCount(orders: number[]): number {
    return orders.length;
  }
}

function missingOf(configuration: Config): MissingInputError {
  const dr = new Builder().withModules(NamedLoaders, Counts).withConfig(configuration).build();
  const error = thrown(() => dr.execute(['orderCount']));
  expect(error).to.be.instanceOf(MissingInputError);
  return error as MissingInputError;
}

describe('graph/missing-inputs: variants the config leaves out, by the name they give their node', () => {
  it("lists the methods whose config decorator's { name } is the missing input, and not one named otherwise", () => {
    const [orders] = missingOf({ mode: 'none' }).missing;
    expect(orders.input).to.equal('orders');
    expect(orders.excludedByConfig!.map((e) => e.origin)).to.deep.equal(['NamedLoaders.loadBatchOrders', 'NamedLoaders.streamLiveOrders']);
  });

  it('says what selects each, a predicate included, and only the keys it can know', () => {
    const message = missingOf({ mode: 'none' }).message;
    expect(message).to.include('NamedLoaders.loadBatchOrders when mode = "batch"');
    expect(message).to.include('NamedLoaders.streamLiveOrders when its @config predicate holds');
    expect(message).to.include('the config has mode = "none"');
    expect(message).not.to.include('orders__archive');
  });

  it('a variant the config selects is no explanation: the node exists and nothing is missing', () => {
    const dr = new Builder().withModules(NamedLoaders, Counts).withConfig({ mode: 'batch' }).build();
    expect(dr.execute(['orderCount'], { inputs: { warehouse: 'w1' } })).to.deep.equal({ orderCount: 1 });
  });

  it('with only a predicate variant left out, the message has no empty list of config values', () => {
    class OnlyPredicate {
      @config((c) => c.live === true, { name: 'feed' })
      liveFeed(): number {
        return 1;
      }
      doubled(feed: number): number {
        return feed * 2;
      }
    }
    const error = thrown(() => new Builder().withModules(OnlyPredicate).build().execute(['doubled']));
    expect(error).to.be.instanceOf(MissingInputError);
    const message = (error as Error).message;
    expect(message).to.include('OnlyPredicate.liveFeed when its @config predicate holds');
    expect(message).not.to.match(/the config has\s*\)/);
  });
});
