import { expect } from 'chai';
import {
  Builder,
  config,
  configWhen,
  configWhenIn,
  hamiltonExclude,
  InvalidDecoratorError,
  MissingInputError,
  node,
  parameterizeValues,
  resolve,
  ResolveAt,
  tag,
  type Config,
  type FeatureSet,
} from 'hamilton-ts';

const build = (cfg: Config, ...modules: FeatureSet[]) =>
  new Builder()
    .withConfig(cfg)
    .withModules(...modules)
    .build();
const computed = (cfg: Config, ...modules: FeatureSet[]) =>
  build(cfg, ...modules)
    .listAvailableVariables()
    .filter((v) => !v.isExternalInput)
    .map((v) => v.name)
    .sort();
type Loose = (...args: unknown[]) => unknown;

// From Hamilton's tests/function_modifiers/test_configuration.py (config(lambda), name=, hamilton_exclude).
describe('@config(predicate)', () => {
  class Regions {
    @config((cfg) => cfg.key === 'value')
    chosen(): number {
      return 1;
    }
  }

  it('makes the node only when the predicate holds over the whole config', () => {
    expect(computed({ key: 'value' }, Regions)).to.deep.equal(['chosen']);
    expect(computed({ key: 'other' }, Regions)).to.deep.equal([]);
    expect(computed({}, Regions)).to.deep.equal([]);
  });

  it("tags the node hamilton.config '__UNKNOWN__', as Hamilton does", () => {
    const chosen = build({ key: 'value' }, Regions)
      .listAvailableVariables()
      .find((v) => v.name === 'chosen')!;
    expect(chosen.tags['hamilton.config']).to.equal('__UNKNOWN__');
  });

  it('stacked with @configWhen, both must pass', () => {
    class Both {
      @config((cfg) => typeof cfg.size === 'number' && cfg.size > 2)
      @configWhen({ mode: 'batch' })
      big(): number {
        return 1;
      }
    }
    expect(computed({ mode: 'batch', size: 3 }, Both)).to.include('big');
    expect(computed({ mode: 'batch', size: 1 }, Both)).not.to.include('big');
    expect(computed({ mode: 'stream', size: 3 }, Both)).not.to.include('big');
  });

  it('sees a frozen copy of the config: it cannot change what other methods are selected by', () => {
    class Sneaky {
      @config((cfg) => {
        (cfg as Record<string, unknown>).mode = 'batch';
        return true;
      })
      a(): number {
        return 1;
      }
    }
    expect(() => build({}, Sneaky)).to.throw(InvalidDecoratorError, /Sneaky\.a: the @config predicate threw/);
  });

  it('a predicate that returns a non-boolean (a promise) is an InvalidDecoratorError naming the method', () => {
    class Async {
      @config((() => Promise.resolve(true)) as unknown as (cfg: Config) => boolean)
      a(): number {
        return 1;
      }
    }
    expect(() => build({}, Async)).to.throw(InvalidDecoratorError, /Async\.a: the @config predicate returned object/);
  });

  it('a missing input explained by config mentions the predicate', () => {
    class Needs {
      @config(() => false)
      base(): number {
        return 1;
      }
      doubled(base: number): number {
        return base * 2;
      }
    }
    expect(() => build({}, Needs).execute(['doubled'])).to.throw(MissingInputError, /Needs\.base when its @config predicate holds/);
  });

  it('misuse from plain JavaScript fails when the decorator is applied', () => {
    expect(() => (config as Loose)({ mode: 'batch' })).to.throw(InvalidDecoratorError, /give a function of the config/);
    expect(() => (config as Loose)(() => true, { nmae: 'x' })).to.throw(InvalidDecoratorError, /nmae/);
  });
});

describe('config decorators: { name }', () => {
  class Named {
    @configWhen({ key: 'value' }, { name: 'newFunctionName' })
    configWhenFn(): number {
      return 7;
    }

    @configWhenIn({ region: ['eu', 'uk'] }, { name: 'shipping' })
    shippingEurope(): number {
      return 3;
    }

    total(newFunctionName: number, shipping: number): number {
      return newFunctionName + shipping;
    }
  }

  it('names the node instead of the method (Hamilton: config.when(name=...))', () => {
    const dr = build({ key: 'value', region: 'eu' }, Named);
    expect(dr.execute(['total'])).to.deep.equal({ total: 10 });
    const variable = dr.listAvailableVariables().find((v) => v.name === 'newFunctionName')!;
    expect(variable.originatingFunctions).to.deep.equal(['Named.configWhenFn']);
  });

  it('does not reserve a config key: a key called name is matched like any other', () => {
    class ByName {
      @configWhen({ name: 'alice' }, { name: 'greeting' })
      greetingForAlice(): string {
        return 'hi alice';
      }
    }
    expect(build({ name: 'alice' }, ByName).execute(['greeting'])).to.deep.equal({ greeting: 'hi alice' });
    expect(computed({ name: 'bob' }, ByName)).to.deep.equal([]);
  });

  it('two config decorators naming the node differently is an InvalidDecoratorError', () => {
    class Two {
      @configWhen({ a: 1 }, { name: 'x' })
      @configWhen({ b: 1 }, { name: 'y' })
      m(): number {
        return 1;
      }
    }
    expect(() => build({ a: 1, b: 1 }, Two)).to.throw(InvalidDecoratorError, /'x' and 'y'/);
  });

  it('a name that is not a non-empty string without dots is refused when applied', () => {
    expect(() => configWhen({ a: 1 }, { name: '' })).to.throw(InvalidDecoratorError, /name must be/);
    expect(() => configWhen({ a: 1 }, { name: 'a.b' })).to.throw(InvalidDecoratorError, /name must be/);
    expect(() => (configWhen as Loose)({ a: 1 }, { name: 3 })).to.throw(InvalidDecoratorError, /name must be/);
  });
});

describe('@hamiltonExclude', () => {
  class WithHelper {
    @hamiltonExclude()
    normalise(text: string): string {
      return text.trim().toLowerCase();
    }

    clean(raw: string): string {
      return this.normalise(raw);
    }
  }

  it('leaves the method out of the graph; other nodes may still call it', () => {
    const dr = build({}, WithHelper);
    expect(computed({}, WithHelper)).to.deep.equal(['clean']);
    expect(dr.execute(['clean'], { inputs: { raw: '  HeLLo ' } })).to.deep.equal({ clean: 'hello' });
    // Its parameter is not an input of the graph either.
    expect(dr.listAvailableVariables().map((v) => v.name)).not.to.include('text');
  });

  it('written without parentheses it says how to write it', () => {
    expect(() => (hamiltonExclude as Loose)(WithHelper.prototype, 'clean')).to.throw(InvalidDecoratorError, /@hamiltonExclude\(\)/);
  });
});

// From Hamilton's tests/function_modifiers/test_delayed.py.
describe('@resolve', () => {
  const POWER = { 'hamilton.enablePowerUserMode': true };

  class Sums {
    @resolve({
      when: ResolveAt.ConfigAvailable,
      decorateWith: (regions: string[], prefix = 'sales') =>
        parameterizeValues('region', Object.fromEntries(regions.map((r) => [`${prefix}_${r}`, r]))),
    })
    sales(region: string, base: number): string {
      return `${region}:${base}`;
    }
  }

  it('calls decorateWith with the config values its parameter names read, and applies the decorator it returns', () => {
    const dr = build({ ...POWER, regions: ['eu', 'us'] }, Sums);
    expect(dr.execute(['sales_eu', 'sales_us'], { inputs: { base: 2 } })).to.deep.equal({ sales_eu: 'eu:2', sales_us: 'us:2' });
    const other = build({ ...POWER, regions: ['apac'], prefix: 'rev' }, Sums);
    expect(other.execute(['rev_apac'], { inputs: { base: 1 } })).to.deep.equal({ rev_apac: 'apac:1' });
  });

  it('leaves the class untouched: each driver resolves anew from its own config', () => {
    build({ ...POWER, regions: ['eu'] }, Sums);
    const names = computed({ ...POWER, regions: ['us'] }, Sums);
    expect(names.filter((n) => n.startsWith('sales'))).to.deep.equal(['sales_us']);
  });

  it('is refused without power-user mode, as in Hamilton', () => {
    expect(() => build({ regions: ['eu'] }, Sums)).to.throw(InvalidDecoratorError, /'hamilton\.enablePowerUserMode': true/);
    expect(() => build({ regions: ['eu'], 'hamilton.enablePowerUserMode': 'yes' }, Sums)).to.throw(InvalidDecoratorError, /power-user/);
  });

  it('a required config key missing is an InvalidDecoratorError naming it', () => {
    expect(() => build(POWER, Sums)).to.throw(InvalidDecoratorError, /Sums\.sales: @resolve's decorateWith reads config key 'regions'/);
  });

  it('the made decorator may select by config, and its misuse is reported with the method', () => {
    class Chosen {
      @resolve({ when: ResolveAt.ConfigAvailable, decorateWith: (mode: string) => configWhen({ mode }) })
      @node()
      batchOnly(): number {
        return 1;
      }
      @resolve({ when: ResolveAt.ConfigAvailable, decorateWith: (owner: string) => tag({ owner }) })
      owned(): number {
        return 2;
      }
    }
    expect(computed({ ...POWER, mode: 'batch', owner: 'ds' }, Chosen)).to.include('batchOnly');
    const owned = build({ ...POWER, mode: 'x', owner: 'ds' }, Chosen)
      .listAvailableVariables()
      .find((v) => v.name === 'owned')!;
    expect(owned.tags.owner).to.equal('ds');
    expect(() => build({ ...POWER, mode: 'x', owner: '' }, Chosen)).to.throw(
      InvalidDecoratorError,
      /Chosen\.owned: @resolve's decorateWith failed: .*tag 'owner'/,
    );
  });

  it('decorateWith returning something that is not a decorator is an InvalidDecoratorError', () => {
    class Bad {
      @resolve({ when: ResolveAt.ConfigAvailable, decorateWith: (() => 42) as unknown as () => ReturnType<typeof tag> })
      m(): number {
        return 1;
      }
    }
    expect(() => build(POWER, Bad)).to.throw(InvalidDecoratorError, /returned number; it must return a decorator/);
  });

  it('misuse of the options fails when the decorator is applied', () => {
    expect(() => (resolve as Loose)({ when: 'later', decorateWith: () => tag({ a: 'b' }) })).to.throw(
      InvalidDecoratorError,
      /ResolveAt\.ConfigAvailable/,
    );
    expect(() => (resolve as Loose)({ when: ResolveAt.ConfigAvailable })).to.throw(InvalidDecoratorError, /decorateWith must be a function/);
    expect(() => (resolve as Loose)(null)).to.throw(InvalidDecoratorError);
  });
});
