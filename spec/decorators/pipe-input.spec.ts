import { expect } from 'chai';
import { Builder, InvalidDecoratorError, node, pipeInput, source, step, value } from 'hamilton-ts';

// Step functions of Hamilton's tests/resources/pipe_input.py, in TypeScript.
const addOne = (v: number) => v + 1;
const addTwo = (v: number) => v + 2;
const addN = (v: number, n: number) => v + n;
const multiplyN = (v: number, n: number) => v * n;
const square = (v: number) => v * v;
function _hidden(v: number): number {
  return -v;
}

class Chains {
  v(): number {
    return 10;
  }

  w(): number {
    return 100;
  }

  @pipeInput(
    step(addOne).named('a'),
    step(addTwo).named('b'),
    step(addN, { n: 3 }).named('c').when({ calcC: true }),
    step(addN, { n: source('input1') }).named('d'),
    step(multiplyN, { n: source('input2') }).named('e'),
  )
  chain1UsingPipe(v: number): number {
    return v * 10;
  }

  chain1NotUsingPipe(v: number, input1: number, input2: number, calcC = false): number {
    const b = addTwo(addOne(v));
    const c = calcC ? addN(b, 3) : b;
    return multiplyN(addN(c, input1), input2) * 10;
  }

  @pipeInput(
    step(square).named('a'),
    step(multiplyN, value(2)).named('b'),
    step(addN, 10).named('c').when({ calcC: true }),
    step(addN, source('input3')).named('d'),
    step(addTwo).named('e'),
  )
  chain2UsingPipe(v: number): number {
    return v + 10;
  }

  chain2NotUsingPipe(v: number, input3: number, calcC = false): number {
    const b = multiplyN(square(v), 2);
    const c = calcC ? addN(b, 10) : b;
    return addTwo(addN(c, input3)) + 10;
  }

  @pipeInput(step(addOne).named('a'), step(addN, { n: source('input1') }).named('d'), { onInput: 'w', namespace: 'global' })
  chainOnW(v: number, w: number): number {
    return v + w;
  }
}

describe('@pipeInput', () => {
  const inputs = { input1: 10, input2: 20, input3: 30 };

  // Hamilton: test_pipe_end_to_end_1 (with and without the config that enables step c)
  for (const calcC of [true, false]) {
    it(`chains the steps into the first parameter, as the hand-written chain does (calcC: ${calcC})`, () => {
      const dr = new Builder().withModules(Chains).withConfig({ calcC }).build();
      const result = dr.execute(['chain1UsingPipe', 'chain1NotUsingPipe', 'chain2UsingPipe', 'chain2NotUsingPipe'], { inputs });
      expect(result.chain1UsingPipe).to.equal(result.chain1NotUsingPipe);
      expect(result.chain2UsingPipe).to.equal(result.chain2NotUsingPipe);
      expect(result.chain1UsingPipe).to.equal((10 + 1 + 2 + (calcC ? 3 : 0) + 10) * 20 * 10);
    });
  }

  it("names step nodes '<method>.<step>', leaves out steps the config disables, and skips a step it leaves out", () => {
    const names = new Builder()
      .withModules(Chains)
      .withConfig({ calcC: false })
      .build()
      .listAvailableVariables()
      .map((v) => v.name);
    expect(names).to.include.members(['chain1UsingPipe.a', 'chain1UsingPipe.b', 'chain1UsingPipe.d', 'chain1UsingPipe.e']);
    expect(names).to.not.include('chain1UsingPipe.c');
    const dr = new Builder().withModules(Chains).withConfig({ calcC: true }).build();
    expect(dr.whatIsUpstreamOf('chain1UsingPipe').map((v) => v.name)).to.include.members(['chain1UsingPipe.c', 'v', 'input1', 'input2']);
  });

  // Hamilton: test_pipe_end_to_end_target_global (on_input + a global namespace)
  it('pipes into the parameter onInput names, under the namespace given', () => {
    const dr = new Builder().withModules(Chains).build();
    expect(dr.execute(['chainOnW'], { inputs })).to.deep.equal({ chainOnW: 10 + (100 + 1 + 10) });
    const names = dr.listAvailableVariables().map((v) => v.name);
    expect(names).to.include.members(['global.a', 'global.d']);
  });

  // Hamilton: test_pipe_decorator_positional_variable_args / test_inherits_null_namespace
  it('names steps with_<fn> by default, counts repeats, and takes namespace null as none', () => {
    class Names {
      @pipeInput(step(addOne), step(addOne), step(_hidden), { namespace: null })
      out(x: number): number {
        return x;
      }

      @pipeInput(step(addOne).named('own', null))
      other(y: number): number {
        return y;
      }
    }
    const dr = new Builder().withModules(Names).build();
    const names = dr.listAvailableVariables().map((v) => v.name);
    expect(names).to.include.members(['with_addOne', 'with_addOne_1', 'with_hidden', 'own']);
    expect(dr.execute(['out', 'other'], { inputs: { x: 1, y: 5 } })).to.deep.equal({ out: -3, other: 6 });
  });

  it('passes through async steps under the AsyncDriver', async () => {
    const later = async (v: number, n: number) => Promise.resolve(v * n);
    class Async {
      @pipeInput(step(later, 3).named('tripled'))
      async out(x: number): Promise<number> {
        return Promise.resolve(x + 1);
      }
    }
    const dr = await new Builder().withModules(Async).buildAsync();
    expect(await dr.execute(['out'], { inputs: { x: 2 } })).to.deep.equal({ out: 7 });
  });

  describe('misuse', () => {
    it('refuses what is not a step, an anonymous step, a namespace conflict and onOutput when the class is defined', () => {
      const loose = pipeInput as (...args: unknown[]) => unknown;
      expect(() => loose(addOne)).to.throw(InvalidDecoratorError, /argument #1 is function; pass steps made by step/);
      expect(() => pipeInput(step((v: number) => v))).to.throw(InvalidDecoratorError, /anonymous function/);
      expect(() => pipeInput(step(addOne).named('a', 'custom'), { namespace: null })).to.throw(InvalidDecoratorError, /names its own namespace/);
      expect(() => pipeInput(step(addOne).onOutput('x'))).to.throw(InvalidDecoratorError, /only @pipeOutput and @mutate/);
      expect(() => loose(step(addOne), { onInput: 3 })).to.throw(InvalidDecoratorError, /onInput names the parameter/);
      expect(() => loose(step(addOne), { nope: 1 })).to.throw(InvalidDecoratorError, /unknown option 'nope'/);
    });

    it('refuses bad step() arguments when the step is made', () => {
      const loose = step as (...args: unknown[]) => unknown;
      expect(() => loose('addOne')).to.throw(InvalidDecoratorError, /takes the function to apply first/);
      expect(() => step(addN).named('')).to.throw(InvalidDecoratorError, /non-empty string/);
      expect(() => step(addN).when({})).to.throw(InvalidDecoratorError, /config keys and values/);
      expect(() => step(addN).whenIn({ k: 1 } as never)).to.throw(InvalidDecoratorError, /array of allowed values/);
      expect(() => step(addN, { n: { kind: 'group', items: [value(1)] } })).to.throw(InvalidDecoratorError, /is a group\(\)/);
      expect(() => step(addN).onOutput([])).to.throw(InvalidDecoratorError, /names an output node/);
    });

    it('refuses, when the graph is built, a step whose parameters the arguments do not fit', () => {
      const build = (decorator: ReturnType<typeof pipeInput>) => {
        class Bad {
          @decorator
          @node()
          out(x: number): number {
            return x;
          }
        }
        return () => new Builder().withModules(Bad).build();
      };
      expect(build(pipeInput(step(addN, 1, 2)))).to.throw(InvalidDecoratorError, /2 positional arguments but has 1 parameter/);
      expect(build(pipeInput(step(addN, { m: 1 })))).to.throw(InvalidDecoratorError, /binds 'm', which it does not have \(its parameters: v, n\)/);
      expect(build(pipeInput(step(addN, 1, { n: 2 })))).to.throw(InvalidDecoratorError, /binds 'n' both by position and by name/);
      expect(build(pipeInput(step(addN, { v: 2 })))).to.throw(InvalidDecoratorError, /its first parameter, which receives the piped value/);
      expect(build(pipeInput(step(addN)))).to.throw(InvalidDecoratorError, /leaves parameter 'n' unbound/);
      expect(
        build(
          pipeInput(
            step(function none() {
              return 1;
            }),
          ),
        ),
      ).to.throw(InvalidDecoratorError, /has no parameters/);
      expect(build(pipeInput(step(addOne), { onInput: 'y' }))).to.throw(
        InvalidDecoratorError,
        /onInput 'y' is not a parameter of the method \(its parameters: x\)/,
      );
    });

    it('keeps an unbound step parameter with a default as an optional dependency (Hamilton keeps it)', () => {
      const addMaybe = (v: number, n = 100) => v + n;
      class Optional {
        @pipeInput(step(addMaybe))
        out(x: number): number {
          return x;
        }
      }
      const dr = new Builder().withModules(Optional).build();
      expect(dr.execute(['out'], { inputs: { x: 1 } })).to.deep.equal({ out: 101 });
      expect(dr.execute(['out'], { inputs: { x: 1, n: 2 } })).to.deep.equal({ out: 3 });
    });
  });
});
