import { expect } from 'chai';
import { Builder, does, InvalidDecoratorError, node } from 'hamilton-ts';

const sum = (...values: number[]) => values.reduce((a, b) => a + b, 0);
const setify = (...lists: number[][]) => new Set(lists.flat());
function sumMultiply(param0: number, param1: number, param2: number): number {
  return param0 + param1 * param2;
}

describe('@does', () => {
  // Hamilton: test_does_function_modifier
  it("computes the method's node with another function; a rest parameter takes the method's parameters in order", () => {
    class Sums {
      @does(sum)
      @node({ doc: 'This sums the inputs it gets...' })
      toModify(param1: number, param2: number): number {
        throw new Error(`replaced by @does (${param1}, ${param2})`);
      }
    }
    const dr = new Builder().withModules(Sums).build();
    expect(dr.execute(['toModify'], { inputs: { param1: 1, param2: 1 } })).to.deep.equal({ toModify: 2 });
    const variable = dr.listAvailableVariables().find((v) => v.name === 'toModify')!;
    expect(variable.doc).to.equal('This sums the inputs it gets...');
    expect(variable.type).to.equal(Number);
  });

  // Hamilton: test_does_function_modifier_complex_types
  it('keeps the parameter types of the method for its inputs', () => {
    class Sets {
      @does(setify)
      toModify(param1: number[], param2: number[]): Set<number> {
        throw new Error(`replaced (${param1.length}, ${param2.length})`);
      }
    }
    const dr = new Builder().withModules(Sets).build();
    expect([...dr.execute(['toModify'], { inputs: { param1: [1, 2, 3], param2: [4, 5, 6] } }).toModify]).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(dr.whatIsUpstreamOf('toModify').find((v) => v.name === 'param1')!.type).to.equal(Array);
  });

  // Hamilton: test_does_with_argument_mapping (defaults: the function's own, since JavaScript cannot read the method's)
  it("maps the function's parameters to the method's, optional ones staying optional", () => {
    function withDefaults(param0: number, param1 = 1, param2 = 2): number {
      return sumMultiply(param0, param1, param2);
    }
    class Mapped {
      @does(withDefaults, { param0: 'parama', param1: 'paramb', param2: 'paramc' })
      toModify(parama: number, paramb = 1, paramc = 2): number {
        throw new Error(`replaced (${parama}, ${paramb}, ${paramc})`);
      }
    }
    const dr = new Builder().withModules(Mapped).build();
    expect(dr.execute(['toModify'], { inputs: { parama: 0 } })).to.deep.equal({ toModify: 2 });
    expect(dr.execute(['toModify'], { inputs: { parama: 1, paramb: 4 } })).to.deep.equal({ toModify: 9 });
  });

  it('refuses bad arguments when the class is defined', () => {
    const loose = does as (...args: unknown[]) => unknown;
    expect(() => loose('sum')).to.throw(InvalidDecoratorError, /takes the function to apply first/);
    expect(() => loose(sum, [])).to.throw(InvalidDecoratorError, /mapping must be an object/);
    expect(() => loose(sum, { a: 3 })).to.throw(InvalidDecoratorError, /'a' must map to a method parameter name/);
    expect(() => does(sumMultiply, { param0: 'x', param1: 'x' })).to.throw(InvalidDecoratorError, /'x' is mapped to both 'param0' and 'param1'/);
  });

  // Hamilton: test_ensure_function_signatures_compatible (the cases that do not bind)
  it('refuses, when the graph is built, signatures that do not bind', () => {
    const build = (decorator: ReturnType<typeof does>) => {
      class Bad {
        @decorator
        f(a: number, b: number): number {
          return a + b;
        }
      }
      return () => new Builder().withModules(Bad).build();
    };
    const justA = (a: number) => a;
    const abc = (a: number, b: number, c: number) => a + b + c;
    expect(build(does(justA))).to.throw(InvalidDecoratorError, /'b' match.* no parameter of justA, which has no rest parameter/);
    expect(build(does(abc))).to.throw(InvalidDecoratorError, /parameter 'c' of abc is not fed/);
    expect(build(does(abc, { d: 'a' }))).to.throw(InvalidDecoratorError, /maps 'd', which abc does not have/);
    expect(build(does(abc, { c: 'z' }))).to.throw(InvalidDecoratorError, /maps to 'z', which the method does not have/);
    const swapped = (b: number, a: number) => a * 10 + b;
    expect(build(does(swapped, { a: 'b', b: 'a' }))().execute(['f'], { inputs: { a: 1, b: 2 } })).to.deep.equal({ f: 21 });
  });
});
