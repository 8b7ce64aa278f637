import { expect } from 'chai';
import { Builder, HamiltonError, MissingInputError, node, type LifecycleAdapter } from 'hamilton-ts';

class Spend {
  @node()
  avg3wkSpend(spend: number[]): number {
    return spend.slice(-3).reduce((a, b) => a + b, 0) / 3;
  }
  spendPlusOne(avg3wkSpend: number): number {
    return avg3wkSpend + 1;
  }
}

// From Hamilton's tests/test_hamilton_driver.py and tests/test_driver_export.py.
describe('Driver: Hamilton 1.88 parity', () => {
  const inputs = { spend: [1, 2, 3, 4] };

  it('execute takes outputs as Class.prototype.method or Variables (Hamilton: functions, Variables)', () => {
    const dr = new Builder().withModules(Spend).build();
    expect(dr.execute([Spend.prototype.avg3wkSpend, 'spendPlusOne'], { inputs })).to.deep.equal({ avg3wkSpend: 3, spendPlusOne: 4 });
    const variable = dr.listAvailableVariables().find((v) => v.name === 'spendPlusOne')!;
    expect(dr.execute([variable], { inputs })).to.deep.equal({ spendPlusOne: 4 });
  });

  it('a function of no feature set given to the driver is a HamiltonError naming it', () => {
    const dr = new Builder().withModules(Spend).build();
    function stray(): number {
      return 1;
    }
    expect(() => dr.execute([stray], { inputs })).to.throw(HamiltonError, /the function stray, which is no method of the driver's feature sets/);
    expect(() => dr.execute([42 as unknown as string], { inputs })).to.throw(HamiltonError);
  });

  it('rawExecute returns a plain object whatever the result builder (Hamilton: raw_execute)', async () => {
    const dr = new Builder()
      .withModules(Spend)
      .withResultBuilder({ build: () => 'built' })
      .build();
    expect(dr.execute(['spendPlusOne'], { inputs })).to.equal('built');
    expect(dr.rawExecute(['spendPlusOne', Spend.prototype.avg3wkSpend], { inputs })).to.deep.equal({ spendPlusOne: 4, avg3wkSpend: 3 });
    expect(() => dr.rawExecute(['spendPlusOne'])).to.throw(MissingInputError);
    const adr = await new Builder()
      .withModules(Spend)
      .withResultBuilder({ build: () => 'built' })
      .buildAsync();
    expect(await adr.rawExecute(['spendPlusOne'], { inputs })).to.deep.equal({ spendPlusOne: 4 });
  });

  it('Builder.copy() keeps every setting, and changes to the copy leave the original alone', () => {
    const base = new Builder().withConfig({ a: 1 }).withModules(Spend);
    const copy = base.copy().withConfig({ b: 2 });
    const names = (b: typeof base) =>
      b
        .build()
        .listAvailableVariables()
        .map((v) => v.name)
        .sort();
    expect(names(copy)).to.deep.equal(['a', 'avg3wkSpend', 'b', 'spend', 'spendPlusOne']);
    expect(names(base)).to.deep.equal(['a', 'avg3wkSpend', 'spend', 'spendPlusOne']);
  });

  it('exportExecution gives the nodes a run involves as JSON { nodes }, sorted by name, with source and version', () => {
    const dr = new Builder().withModules(Spend).build();
    const exported = JSON.parse(dr.exportExecution(['spendPlusOne'], { inputs })) as { nodes: Record<string, unknown>[] };
    expect(exported.nodes.map((n) => n.name)).to.deep.equal(['avg3wkSpend', 'spend', 'spendPlusOne']);
    const plusOne = exported.nodes[2];
    expect(plusOne).to.include({ outputType: 'unknown', documentation: '' });
    expect(plusOne.requiredDependencies).to.deep.equal(['avg3wkSpend']);
    expect(plusOne.source).to.match(/^spendPlusOne\(avg3wkSpend\)/);
    expect(plusOne.version).to.match(/^[0-9a-f]{64}$/);
    expect(exported.nodes[1]).to.include({ source: null, version: null });
    // Overridden: its upstream is not part of the run.
    const overridden = JSON.parse(dr.exportExecution(['spendPlusOne'], { overrides: { avg3wkSpend: 1 } })) as { nodes: { name: string }[] };
    expect(overridden.nodes.map((n) => n.name)).to.deep.equal(['avg3wkSpend', 'spendPlusOne']);
    expect(() => dr.exportExecution(['spendPlusOne'])).to.throw(MissingInputError);
  });

  describe('afterGraphConstruct', () => {
    it('is called once the graph is built, with the graph, the feature-set classes and the config', () => {
      const seen: { nodes: number; modules: readonly Function[]; config: unknown }[] = [];
      const adapter: LifecycleAdapter = {
        afterGraphConstruct: ({ graph, modules, config }) => void seen.push({ nodes: graph.nodes.length, modules, config }),
      };
      new Builder().withConfig({ a: 1 }).withModules(Spend).withAdapters(adapter).build();
      expect(seen).to.deep.equal([{ nodes: 4, modules: [Spend], config: { a: 1 } }]);
    });

    it('the sync Driver refuses a Promise from it; the AsyncDriver awaits it before building completes', async () => {
      const order: string[] = [];
      const adapter: LifecycleAdapter = {
        afterGraphConstruct: async () => {
          await new Promise((resolve) => setImmediate(resolve));
          order.push('constructed');
        },
      };
      expect(() => new Builder().withModules(Spend).withAdapters(adapter).build()).to.throw(HamiltonError, /afterGraphConstruct returned a Promise/);
      await new Builder().withModules(Spend).withAdapters(adapter).buildAsync();
      order.push('built');
      // The sync attempt's hook still ran to its end; the async build waited for its own.
      expect(order.slice(-2)).to.deep.equal(['constructed', 'built']);
    });

    it('a hook that throws fails the build, naming the adapter and the hook', () => {
      class Broken implements LifecycleAdapter {
        afterGraphConstruct(): void {
          throw new Error('boom');
        }
      }
      expect(() => new Builder().withModules(Spend).withAdapters(new Broken()).build()).to.throw(
        HamiltonError,
        /Broken\.afterGraphConstruct failed: .*boom/,
      );
    });
  });
});
