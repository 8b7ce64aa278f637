import { expect } from 'chai';
import { DataFrame, Series } from 'danfojs';
import { Builder, HamiltonError, InvalidDecoratorError, NodeExecutionError, parameterizeExtractColumns, source, value } from 'hamilton-ts';

describe('@parameterizeExtractColumns', () => {
  class Combos {
    // Hamilton: test_parameterized_extract_columns
    @parameterizeExtractColumns(
      { outputs: ['outseries1a', 'outseries2a'], inputMapping: { input1: source('inseries1a'), input2: source('inseries1b'), input3: value(10) } },
      { outputs: ['outseries1b', 'outseries2b'], inputMapping: { input1: source('inseries2a'), input2: source('inseries2b'), input3: value(100) } },
    )
    fn(input1: Series, input2: Series, input3: number): DataFrame {
      return new DataFrame({ product: input1.mul(input2).mul(input3).values, sum: input1.add(input2).add(input3).values });
    }
  }
  const one = () => new Series([1]);
  const inputs = { inseries1a: one(), inseries1b: one(), inseries2a: one(), inseries2b: one() };

  it("runs the method once per mapping as '<method>__<i>', its columns renamed to the outputs and extracted", () => {
    const dr = new Builder().withModules(Combos).build();
    const result = dr.execute(['outseries1a', 'outseries2a', 'outseries1b', 'outseries2b', 'fn__0'], { inputs });
    expect((result.outseries1a as Series).values).to.deep.equal([10]);
    expect((result.outseries2a as Series).values).to.deep.equal([12]);
    expect((result.outseries1b as Series).values).to.deep.equal([100]);
    expect((result.outseries2b as Series).values).to.deep.equal([102]);
    expect((result.fn__0 as DataFrame).columns).to.deep.equal(['outseries1a', 'outseries2a']);
    const names = dr.listAvailableVariables().map((v) => v.name);
    expect(names).to.include.members(['fn__0', 'fn__1']).and.not.include('fn');
  });

  it('keeps the columns as they are with reassignColumns: false', () => {
    class Named {
      @parameterizeExtractColumns(
        { outputs: ['product', 'sum'], inputMapping: { input1: source('a'), input2: source('b') } },
        { reassignColumns: false },
      )
      f(input1: Series, input2: Series): DataFrame {
        return new DataFrame({ product: input1.mul(input2).values, sum: input1.add(input2).values });
      }
    }
    const result = new Builder()
      .withModules(Named)
      .build()
      .execute(['product', 'sum'], { inputs: { a: new Series([2]), b: new Series([3]) } });
    expect((result.product as Series).values).to.deep.equal([6]);
    expect((result.sum as Series).values).to.deep.equal([5]);
  });

  it('fails naming the node when the frame has another number of columns than outputs', () => {
    class Short {
      @parameterizeExtractColumns({ outputs: ['x', 'y', 'z'], inputMapping: { input1: source('a') } })
      f(input1: Series): DataFrame {
        return new DataFrame({ only: input1.values });
      }
    }
    let error: unknown;
    try {
      new Builder()
        .withModules(Short)
        .build()
        .execute(['x'], { inputs: { a: new Series([1]) } });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(((error as NodeExecutionError).cause as HamiltonError).message).to.match(
      /node 'f__0' returned a DataFrame with 1 column, but @parameterizeExtractColumns names 3/,
    );
  });

  it('refuses bad entries when the class is defined and a method not returning a frame when the graph is built', () => {
    const loose = parameterizeExtractColumns as (...args: unknown[]) => unknown;
    expect(() => loose()).to.throw(InvalidDecoratorError, /give at least one \{ outputs, inputMapping \} entry/);
    expect(() => loose({ outputs: [], inputMapping: {} })).to.throw(InvalidDecoratorError, /entry #1 needs outputs/);
    expect(() => loose({ outputs: ['a'] })).to.throw(InvalidDecoratorError, /entry #1 is object; each entry is/);
    expect(() => loose({ outputs: ['a'], inputMapping: { x: 1 } })).to.throw(InvalidDecoratorError, /'x' is bound to number/);
    expect(() => loose({ outputs: ['a'], inputMapping: {} }, { reassign: true })).to.throw(InvalidDecoratorError, /unknown option 'reassign'/);
    class NotFrame {
      @parameterizeExtractColumns({ outputs: ['a'], inputMapping: { x: value(1) } })
      f(x: number): number {
        return x;
      }
    }
    expect(() => new Builder().withModules(NotFrame).build()).to.throw(
      InvalidDecoratorError,
      /needs the method to return a DataFrame, but it declares number/,
    );
  });
});
