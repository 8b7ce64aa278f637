/**
 * Plain JavaScript can pass anything anywhere. Every public decorator factory, driver method and builder
 * method is called here with arbitrary values in every argument position (a few hundred calls each group),
 * and the only failures accepted are HamiltonErrors: never a TypeError from deep inside, never a hang.
 */
import { expect } from 'chai';
import * as fc from 'fast-check';
import * as hamilton from 'hamilton-ts';
import { AsyncDriver, Builder, DictResult, Driver, HamiltonError, source, value } from 'hamilton-ts';

type AnyFunction = (...args: unknown[]) => unknown;

class Shop {
  revenue(price: number, quantity: number): number {
    return price * quantity;
  }
  margin(revenue: number, cost = 1): number {
    return revenue - cost;
  }
}

class Other {
  tax(revenue: number): number {
    return revenue * 0.2;
  }
}

/** Names of the public decorator factories and ref makers: everything exported that makes a decorator. */
const DECORATORS = [
  'node',
  'extractColumns',
  'extractFields',
  'parameterize',
  'parameterizeValues',
  'parameterizeSources',
  'subdag',
  'parameterizedSubdag',
  'parallelizable',
  'collect',
  'retry',
  'runLocally',
  'configWhen',
  'configWhenNot',
  'configWhenIn',
  'configWhenNotIn',
  'tag',
  'tagOutputs',
  'checkOutput',
  'checkOutputCustom',
] as const;

const REFS = ['value', 'source', 'group'] as const;

/** Arbitrary values, plus ones shaped enough like real arguments to get past the first check. */
const plausible: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.anything(),
  fc.constantFrom<unknown>('revenue', 'price', 'a', '', 'x__y', Number, String, Shop, [Shop], value(1), source('price'), [], {}, null, undefined),
  fc.array(fc.oneof(fc.string(), fc.constantFrom<unknown>(Number, Shop, value(2), source('cost'))), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('revenue', 'price', 'a', 'inputs', 'config', 'doc', 'fillWith', 'importance', 'range', 'mode', 'tags', 'name', 'validate'),
    fc.oneof(fc.anything(), fc.constantFrom<unknown>(value(1), source('price'), 'x', ['a', 'b'], Number, { price: value(1) })),
    { maxKeys: 3 },
  ),
);

const argumentLists = fc.array(plausible, { maxLength: 4 });

/** Names where nodes, parameters, config keys or tags go: real ones, odd ones, arbitrary ones. */
const name = fc.oneof(fc.constantFrom('price', 'a', 'm', 'mode', 'price__v', 'a.b', ''), fc.string({ maxLength: 6 }));
const ref = fc.oneof(
  fc.anything(),
  fc.anything().map(value),
  name.filter((n) => n.length > 0).map(source),
  fc.constant(hamilton.group(source('price'), value(1))),
);
const record = <T>(values: fc.Arbitrary<T>) => fc.dictionary(name, values, { maxKeys: 3 });
const subdagOptions = fc.record({ inputs: record(ref), config: record(fc.anything()) }, { requiredKeys: [] });

/** Per decorator, argument lists of the documented shape whose leaves are anything: the checks past the first. */
const SHAPED_ARGUMENTS: Record<string, fc.Arbitrary<unknown[]>> = {
  subdag: fc.tuple(fc.constantFrom([Other], [Other, Shop]), subdagOptions),
  parameterizedSubdag: fc.tuple(fc.constant([Other]), record(subdagOptions), subdagOptions),
  extractColumns: fc.array(fc.oneof(name, fc.tuple(name, fc.anything()), fc.record({ fillWith: fc.anything() })), { maxLength: 4 }),
  extractFields: fc.tuple(
    record(fc.oneof(fc.constantFrom(Number, String, Shop), fc.anything())),
    fc.record({ fillWith: fc.anything() }, { requiredKeys: [] }),
  ),
  parameterize: fc.tuple(record(fc.oneof(record(ref), fc.record({ bindings: record(ref), doc: fc.anything() })))),
  parameterizeValues: fc.tuple(name, record(fc.anything())),
  parameterizeSources: fc.tuple(record(record(fc.oneof(name, fc.anything())))),
  tag: fc.tuple(record(fc.oneof(name, fc.array(name), fc.anything()))),
  tagOutputs: fc.tuple(record(record(fc.oneof(name, fc.array(name))))),
  configWhen: fc.tuple(record(fc.anything())),
  configWhenIn: fc.tuple(record(fc.oneof(fc.array(fc.anything()), fc.anything()))),
  checkOutput: fc.tuple(
    fc.record(
      {
        dataType: fc.oneof(fc.constantFrom<unknown>(Number, String, 'float32'), fc.anything()),
        range: fc.oneof(fc.tuple(fc.double(), fc.double()), fc.anything()),
        importance: fc.oneof(fc.constantFrom('warn', 'fail'), fc.anything()),
        target: fc.oneof(name, fc.array(name), fc.anything()),
        allowNans: fc.anything(),
      },
      { requiredKeys: [] },
    ),
  ),
  collect: fc.tuple(name),
  parallelizable: fc.tuple(fc.record({ concurrency: fc.anything() }, { requiredKeys: [] })),
};

/** Runs `call`; a returned promise is awaited. Success passes; a failure must be a HamiltonError. */
async function onlyHamiltonErrors(call: () => unknown, what: () => string): Promise<void> {
  let error: unknown;
  try {
    const result = call();
    if (result instanceof Promise) await result;
  } catch (caught) {
    error = caught;
  }
  if (error !== undefined && !(error instanceof HamiltonError)) {
    expect.fail(`${what()} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

/** What a run tried, for the failure message (fast-check's own shrinking gives the smallest case). */
const show = (name: string, args: readonly unknown[]) => `${name}(${fc.stringify(args)})`;

/** Any option object naming a file would make a picture method write somewhere: not in a fuzz run. */
const writesNoFile = (args: readonly unknown[]) => !args.some((a) => typeof a === 'object' && a !== null && 'file' in a);

describe('misuse fuzz: arbitrary arguments give a HamiltonError or success, never a TypeError', function () {
  this.timeout(120_000);

  it('every decorator factory and ref maker, called, applied to a method and built into a graph', async () => {
    const exports = hamilton as unknown as Record<string, AnyFunction>;
    for (const name of [...DECORATORS, ...REFS]) expect(exports[name], name).to.be.a('function');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DECORATORS, ...REFS), argumentLists, async (name, args) => {
        await onlyHamiltonErrors(
          () => {
            const made = exports[name](...args);
            if (!(REFS as readonly string[]).includes(name)) applyAndBuild(made as AnyFunction);
          },
          () => show(name, args),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('every decorator with arguments of the right shape and arbitrary leaves, built into a graph', async () => {
    const exports = hamilton as unknown as Record<string, AnyFunction>;
    const shaped = Object.entries(SHAPED_ARGUMENTS).map(([name, args]) => args.map((list) => [name, list] as const));
    await fc.assert(
      fc.asyncProperty(fc.oneof(...shaped), async ([name, args]) => {
        await onlyHamiltonErrors(
          () => applyAndBuild(exports[name](...args) as AnyFunction),
          () => show(name, args),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('a decorator applied by hand to anything (a class, a field, a getter, nothing)', async () => {
    const exports = hamilton as unknown as Record<string, AnyFunction>;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('node', 'tag', 'collect', 'configWhen'), argumentLists, async (name, args) => {
        const sample: Record<string, unknown[]> = { node: [], tag: [{ owner: 'me' }], collect: ['page'], configWhen: [{ mode: 'batch' }] };
        const decorator = exports[name](...sample[name]) as AnyFunction;
        await onlyHamiltonErrors(
          () => decorator(...args),
          () => show(`@${name}(...) applied as`, args),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('every Driver and AsyncDriver method', async () => {
    const sync = new Builder().withModules(Shop).build();
    const async = await new Builder().withModules(Shop).buildAsync();
    const methods = [
      'execute',
      'validateExecution',
      'listAvailableVariables',
      'whatIsUpstreamOf',
      'whatIsDownstreamOf',
      'whatIsThePathBetween',
      'displayAllFunctions',
      'visualizeExecution',
      'displayUpstreamOf',
      'displayDownstreamOf',
      'visualizePathBetween',
      'featureCatalog',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), fc.boolean(), argumentLists.filter(writesNoFile), async (method, isAsync, args) => {
        const driver = (isAsync ? async : sync) as unknown as Record<string, AnyFunction>;
        await onlyHamiltonErrors(
          () => driver[method](...args),
          () => show(`${isAsync ? 'AsyncDriver' : 'Driver'}.${method}`, args),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('new Driver / new AsyncDriver with anything as config and feature sets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), argumentLists, async (isAsync, args) => {
        await onlyHamiltonErrors(
          () => {
            const Make = (isAsync ? AsyncDriver : Driver) as unknown as new (...a: unknown[]) => unknown;
            return new Make(...args);
          },
          () => show(isAsync ? 'new AsyncDriver' : 'new Driver', args),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('every Builder method, then build() and execute()', async () => {
    const methods = ['withConfig', 'withModules', 'withContainer', 'withResultBuilder', 'withAdapters', 'allowModuleOverrides'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), argumentLists, async (method, args) => {
        await onlyHamiltonErrors(
          () => {
            const builder = new Builder().withModules(Shop).withResultBuilder(new DictResult()) as unknown as Record<string, AnyFunction>;
            builder[method](...args);
            const driver = (builder as unknown as Builder).build();
            return driver.execute(['margin'], { inputs: { price: 2, quantity: 3 } });
          },
          () => show(`Builder.${method}`, args),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** Applies a decorator (legacy call, as tsc emits it) to a method of a fresh class and builds a graph of it. */
function applyAndBuild(decorator: AnyFunction): void {
  class Fresh {
    m(price: number, a: number): number {
      return price + a;
    }
    page(price: number): number {
      return price;
    }
  }
  const descriptor = Object.getOwnPropertyDescriptor(Fresh.prototype, 'm')!;
  decorator(Fresh.prototype, 'm', descriptor);
  new Builder().withModules(Fresh, Other).withConfig({ mode: 'batch' }).build();
}
