import { expect } from 'chai';
import {
  checkOutput,
  collect,
  configWhen,
  extractColumns,
  extractFields,
  group,
  InvalidDecoratorError,
  node,
  parallelizable,
  parameterize,
  parameterizedSubdag,
  parameterizeSources,
  parameterizeValues,
  source,
  subdag,
  tag,
  value,
} from 'hamilton-ts';
import { thrown } from '../helpers.js';

/** Plain JavaScript passes what the compiler would refuse. */
type Loose = (...args: unknown[]) => unknown;
const loose = (fn: unknown) => fn as Loose;

class Inner {
  a(x: number): number {
    return x;
  }
}

/** The error `call` throws: an InvalidDecoratorError whose message includes every fragment. */
function refused(call: () => unknown, ...fragments: string[]): void {
  const error = thrown(call);
  expect(error, String(call)).to.be.instanceOf(InvalidDecoratorError);
  for (const fragment of fragments) expect((error as Error).message).to.include(fragment);
}

describe('decorator arguments from plain JavaScript: InvalidDecoratorError when the factory is called', () => {
  it('source() takes a non-empty node name', () => {
    refused(() => loose(source)(''), 'source() takes a node name', 'an empty string');
    refused(() => loose(source)(5), 'got number');
    refused(() => loose(source)(), 'got undefined');
    expect(source('spend')).to.deep.equal({ kind: 'source', name: 'spend' });
  });

  it('group() gathers value and source refs only, naming the bad item', () => {
    refused(() => loose(group)(null), 'group(): item #1 is null');
    refused(() => loose(group)(source('a'), 'b'), "item #2 is 'b'");
    refused(() => loose(group)(group(value(1))), 'item #1 is object');
    expect(group(source('a'), value(0)).items).to.have.length(2);
  });

  it('options objects: null, a number or an unknown key is named, with the options there are', () => {
    refused(() => loose(extractColumns)('a', null), '@extractColumns', 'got null');
    refused(() => loose(extractColumns)('a', { fill: 0 }), "unknown option 'fill'", "'fillWith'");
    refused(() => loose(extractFields)({ mean: Number }, null), '@extractFields', 'options must be an object', 'got null');
    refused(() => loose(extractFields)({ mean: Number }, 5), 'got number');
    refused(() => loose(subdag)([Inner], null), '@subdag', 'got null');
    refused(() => loose(subdag)([Inner], { input: {} }), "unknown option 'input'", "'inputs', 'config'");
    refused(() => loose(subdag)([Inner], { inputs: 5 }), 'options.inputs must be an object');
    refused(() => loose(subdag)([Inner], { config: 'batch' }), 'options.config must be an object');
    refused(() => loose(node)(null), '@node', 'got null');
    refused(() => loose(node)('Revenue in euros.'), "{ doc: 'What the node means.' }");
    refused(() => loose(node)({ doc: 5 }), 'doc must be');
    expect(() => extractFields({ mean: Number }, { fillWith: 0 })).not.to.throw();
  });

  it('parameterizedSubdag: outputs, each output and shared are objects', () => {
    refused(() => loose(parameterizedSubdag)([Inner], null), '@parameterizedSubdag', 'outputs must be an object');
    refused(() => loose(parameterizedSubdag)([Inner], { east: null }), "output 'east'");
    refused(() => loose(parameterizedSubdag)([Inner], { east: {} }, null), 'got null');
    refused(() => loose(parameterizedSubdag)([Inner], { east: { inputs: [value(1)] } }), "output 'east'.inputs must be an object");
  });

  it('the parameterize shorthands check their names and mappings', () => {
    refused(() => loose(parameterizeValues)(null, { a: 1 }), '@parameterizeValues', 'names the method parameter');
    refused(() => loose(parameterizeValues)('weeks', 5), 'outputs must be an object');
    refused(() => loose(parameterizeSources)(null), '@parameterizeSources', 'outputs must be an object');
    refused(() => loose(parameterizeSources)({ a: 5 }), "output 'a' must be an object");
    refused(() => loose(parameterizeSources)({ a: { total: 5 } }), "output 'a' maps 'total' to number");
    refused(() => loose(parameterize)(null), '@parameterize');
  });

  it('the ones that already checked keep doing so', () => {
    refused(() => loose(tag)(5), '@tag');
    refused(() => loose(configWhen)(null), '@configWhen');
    refused(() => loose(checkOutput)(7), '@checkOutput');
    refused(() => loose(collect)(3), '@collect');
    refused(() => loose(parallelizable)('x'), '@parallelizable');
  });
});

describe('decorators applied to what is not a method', () => {
  const decorator = node() as unknown as Loose;

  it('a class, a field, a getter, a parameter or nothing is an InvalidDecoratorError naming what it got', () => {
    class Target {
      get total(): number {
        return 1;
      }
    }
    refused(() => decorator(Target), "'Target', a class");
    refused(() => decorator(Target.prototype, 'field'), 'a property');
    refused(() => decorator(Target.prototype, 'total', Object.getOwnPropertyDescriptor(Target.prototype, 'total')), 'an accessor');
    refused(() => decorator(Target.prototype, 'total', 0), 'a parameter');
    refused(() => decorator(null, null), 'must be applied to a method, got null');
    refused(() => decorator(), 'got undefined');
    refused(() => decorator(5, 'x'), 'got number');
  });

  it('standard (TC39) contexts of a field, a getter or a class are refused too', () => {
    for (const kind of ['field', 'getter', 'class', 'accessor']) {
      refused(() => decorator(undefined, { kind, name: 'total', static: false, private: false }), `a ${kind}`);
    }
  });
});
