import { expect } from 'chai';
import { Builder, extractFields, InvalidDecoratorError, node, pipeOutput, source, step, tag, value } from 'hamilton-ts';

// Step functions of Hamilton's tests/resources/pipe_output.py, in TypeScript.
const pipe0 = (x: string) => `${x}-post pipe 0-`;
const pipe1 = (x: string, upstream: string) => `${x}-post pipe 1 with ${upstream}-`;
const pipe2 = (x: string, someVal: number) => `${x}-post pipe 2 with value ${someVal}-`;
const addOne = (v: number) => v + 1;
const addTwo = (v: number) => v + 2;
const addN = (v: number, n: number) => v + n;
const multiplyN = (v: number, n: number) => v * n;
const square = (v: number) => v * v;

class Outputs {
  upstream(): string {
    return '-upstream-';
  }

  userInput(): string {
    return '-user input-';
  }

  @pipeOutput(step(pipe0), step(pipe1, { upstream: source('upstream') }).named('random'), step(pipe2, { someVal: value(1000) }))
  fOfInterest(userInput: string): string {
    return `${userInput}-raw function-`;
  }

  downstreamF(fOfInterest: string): string {
    return `${fOfInterest}-downstream.`;
  }

  chainNotUsingPipeOutput(): string {
    return `${pipe2(pipe1(pipe0('-user input--raw function-'), '-upstream-'), 1000)}-downstream.`;
  }

  v(): number {
    return 10;
  }

  @pipeOutput(
    step(addOne).named('a'),
    step(addTwo).named('b'),
    step(addN, { n: 3 }).named('c').when({ calcC: true }),
    step(addN, { n: source('input1') }).named('d'),
    step(multiplyN, { n: source('input2') }).named('e'),
  )
  chain1UsingPipeOutput(v: number): number {
    return v * 10;
  }

  chain1NotUsingPipeOutput(v: number, input1: number, input2: number, calcC = false): number {
    const b = addTwo(addOne(v * 10));
    return multiplyN(addN(calcC ? addN(b, 3) : b, input1), input2);
  }

  @pipeOutput(
    step(square).named('a').when({ key: 'Yes' }),
    step(multiplyN, { n: value(2) })
      .named('b')
      .when({ key: 'No' }),
    step(addN, { n: 10 }).named('c').when({ key: 'Yes' }),
    step(addN, { n: source('input3') })
      .named('d')
      .when({ key: 'No' }),
    step(addTwo).named('e').when({ key: 'Yes' }),
  )
  chain3UsingPipeOutput(v: number): number {
    return v + 10;
  }
}

describe('@pipeOutput', () => {
  // Hamilton: test_pipe_output_end_to_end_simple
  it('applies the steps to the output, so readers see the piped value', () => {
    const result = new Builder().withModules(Outputs).build().execute(['downstreamF', 'chainNotUsingPipeOutput']);
    expect(result.downstreamF).to.equal(result.chainNotUsingPipeOutput);
  });

  // Hamilton: test_pipe_output_end_to_end
  it('matches the hand-written chain with and without a step the config enables', () => {
    for (const calcC of [true, false]) {
      const result = new Builder()
        .withModules(Outputs)
        .withConfig({ calcC })
        .build()
        .execute(['chain1UsingPipeOutput', 'chain1NotUsingPipeOutput'], { inputs: { input1: 10, input2: 20 } });
      expect(result.chain1UsingPipeOutput).to.equal(result.chain1NotUsingPipeOutput);
    }
  });

  // Hamilton: test_pipe_output_end_to_end_with_config (and the short circuit when no step applies)
  it('applies only the steps the config selects; with none, the node is unchanged', () => {
    const run = (key: string) =>
      new Builder()
        .withModules(Outputs)
        .withConfig({ key })
        .build()
        .execute(['chain3UsingPipeOutput'], { inputs: { input3: 30 } }).chain3UsingPipeOutput;
    expect(run('Yes')).to.equal(addTwo(addN(square(20), 10)));
    expect(run('No')).to.equal(addN(multiplyN(20, 2), 30));
    expect(run('skip')).to.equal(20);
    const names = new Builder()
      .withModules(Outputs)
      .withConfig({ key: 'skip' })
      .build()
      .listAvailableVariables()
      .map((v) => v.name);
    expect(names).to.include('chain3UsingPipeOutput').and.not.include('chain3UsingPipeOutput.raw');
  });

  // Hamilton: test_pipe_output_decorator_no_collapse_multi_node (names: <name>.raw, <namespace>.<step>, final <name>)
  it("names the method's node '<name>.raw' and the steps '<name>.<step>', keeping tags on the final node", () => {
    const dr = new Builder().withModules(Outputs).withConfig({ calcC: true }).build();
    const names = dr.listAvailableVariables().map((v) => v.name);
    expect(names).to.include.members(['fOfInterest.raw', 'fOfInterest.with_pipe0', 'fOfInterest.random', 'fOfInterest.with_pipe2', 'fOfInterest']);
    expect(dr.whatIsUpstreamOf('fOfInterest').map((v) => v.name)).to.include.members(['fOfInterest.raw', 'upstream', 'userInput']);
    class Tagged {
      @pipeOutput(step(addOne), { namespace: null })
      @tag({ owner: 'growth' })
      total(x: number): number {
        return x;
      }
    }
    const variables = new Builder().withModules(Tagged).build().listAvailableVariables();
    expect(variables.find((v) => v.name === 'total')!.tags.owner).to.equal('growth');
    expect(variables.map((v) => v.name)).to.include.members(['total.raw', 'with_addOne']);
  });

  // Hamilton: test_pipe_output_global_on_output_string / test_pipe_output_local_on_output_list_string
  it('targets outputs by name, globally or per step, whatever order the decorators are written in', () => {
    class Fields {
      @pipeOutput(step(addOne).named('plus1').onOutput(['a', 'b']), step(multiplyN, 10).named('times10').onOutput('b'))
      @extractFields({ a: Number, b: Number, c: Number })
      parts(): Record<string, number> {
        return { a: 1, b: 2, c: 3 };
      }

      @pipeOutput(step(addTwo), { onOutput: 'y' })
      @extractFields({ y: Number, z: Number })
      others(): Record<string, number> {
        return { y: 5, z: 6 };
      }
    }
    const result = new Builder().withModules(Fields).build().execute(['a', 'b', 'c', 'y', 'z']);
    expect(result).to.deep.equal({ a: 2, b: 30, c: 3, y: 7, z: 6 });
  });

  describe('misuse', () => {
    // Hamilton: test_pipe_output_single_target_level_error, test_validate_pipe_output_fails_with_conflicting_namespace
    it('refuses targets on both levels and a namespace conflict when the class is defined', () => {
      expect(() => pipeOutput(step(addOne).onOutput('a'), { onOutput: 'b' })).to.throw(
        InvalidDecoratorError,
        /choose targets on the pipe or on the steps/,
      );
      expect(() => pipeOutput(step(addOne).named('n', 'custom'), { namespace: null })).to.throw(InvalidDecoratorError, /names its own namespace/);
      expect(() => (pipeOutput as (...a: unknown[]) => unknown)(step(addOne), { onOutput: [] })).to.throw(
        InvalidDecoratorError,
        /names an output node/,
      );
    });

    // Better than Hamilton, which ignores a target it does not find.
    it('refuses an onOutput naming a node the method does not produce, when the graph is built', () => {
      class Typo {
        @pipeOutput(step(addOne).onOutput('totl'))
        @node()
        total(x: number): number {
          return x;
        }
      }
      expect(() => new Builder().withModules(Typo).build()).to.throw(
        InvalidDecoratorError,
        /targets output 'totl', which the method does not produce \(its nodes: total\)/,
      );
    });
  });
});
