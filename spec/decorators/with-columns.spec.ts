import { expect } from 'chai';
import { DataFrame, Series } from 'danfojs';
import { Builder, configWhen, HamiltonError, InvalidDecoratorError, node, NodeExecutionError, withColumns } from 'hamilton-ts';

// Hamilton's plugin_tests/h_pandas/resources/with_columns_end_to_end.py, in TypeScript.
class ColumnFunctions {
  subtract1From2(col1: Series, col2: Series): Series {
    return col2.sub(col1);
  }

  @configWhen({ factor: 5 })
  multiply3__by5(col3: Series): Series {
    return col3.mul(5);
  }

  @configWhen({ factor: 7 })
  multiply3__by7(col3: Series): Series {
    return col3.mul(7);
  }

  addOneByUserAdjustmentFactor(col1: Series, userFactor: number): Series {
    return col1.add(userFactor);
  }

  multiply2ByUpstream3(col2: Series, upstreamFactor: number): Series {
    return col2.mul(upstreamFactor);
  }
}

class Col3 {
  col3(initialDf: DataFrame): Series {
    return new Series([0, 2, 4, 6], { index: initialDf.index });
  }
}

class Frames {
  upstreamFactor(): number {
    return 3;
  }

  initialDf(): DataFrame {
    return new DataFrame({ col1: [1, 2, 3, 4], col2: [11, 12, 13, 14], col3: [1, 1, 1, 1] });
  }

  @withColumns(ColumnFunctions, {
    columnsToPass: ['col1', 'col2', 'col3'],
    select: ['subtract1From2', 'multiply3', 'addOneByUserAdjustmentFactor', 'multiply2ByUpstream3'],
    namespace: 'someSubdag',
  })
  finalDf(initialDf: DataFrame): DataFrame {
    return initialDf;
  }

  @withColumns(Col3, ColumnFunctions, { onInput: 'initialDf', select: ['col3', 'multiply3'] })
  finalDf2(initialDf: DataFrame): DataFrame {
    return initialDf;
  }
}

const asRecord = (frame: DataFrame) => Object.fromEntries(frame.columns.map((c) => [c, frame.column(c).values]));

describe('@withColumns', () => {
  // Hamilton: test_end_to_end_with_columns_automatic_extract (config 5, then 7: no state kept between graphs)
  it('appends the selected column functions to the frame, under each graph’s own config', () => {
    for (const factor of [5, 7]) {
      const dr = new Builder().withModules(Frames).withConfig({ factor }).build();
      const result = dr.execute(['finalDf'], { inputs: { userFactor: 1000 } }).finalDf;
      expect(asRecord(result)).to.deep.equal({
        col1: [1, 2, 3, 4],
        col2: [11, 12, 13, 14],
        col3: [1, 1, 1, 1],
        subtract1From2: [10, 10, 10, 10],
        multiply3: [factor, factor, factor, factor],
        addOneByUserAdjustmentFactor: [1001, 1002, 1003, 1004],
        multiply2ByUpstream3: [33, 36, 39, 42],
      });
    }
  });

  // Hamilton: test_end_to_end_with_columns_pass_dataframe (a column function replaces a column of the frame)
  it('lets column functions read the whole frame and replace a column', () => {
    const dr = new Builder().withModules(Frames).withConfig({ factor: 5 }).build();
    const result = dr.execute(['finalDf2'], { inputs: { userFactor: 1 } }).finalDf2;
    expect(asRecord(result)).to.deep.equal({ col1: [1, 2, 3, 4], col2: [11, 12, 13, 14], col3: [0, 2, 4, 6], multiply3: [0, 10, 20, 30] });
  });

  // Hamilton: test_assign_custom_namespace_with_columns
  it('names the column nodes under the namespace, with the passed columns and the append node', () => {
    const names = new Builder()
      .withModules(Frames)
      .withConfig({ factor: 5 })
      .build()
      .listAvailableVariables()
      .map((v) => v.name);
    expect(names).to.include.members(['someSubdag.subtract1From2', 'someSubdag.col1', 'someSubdag.__append', 'finalDf2.col3', 'finalDf2.__append']);
  });

  describe('misuse', () => {
    it('refuses bad arguments when the class is defined', () => {
      const loose = withColumns as (...args: unknown[]) => unknown;
      expect(() => loose()).to.throw(InvalidDecoratorError, /name at least one feature-set class/);
      expect(() => loose('x')).to.throw(InvalidDecoratorError, /argument #1 is 'x'/);
      expect(() => loose(Col3, { select: [] })).to.throw(InvalidDecoratorError, /select must be a non-empty array/);
      expect(() => loose(Col3, { pass: ['a'] })).to.throw(InvalidDecoratorError, /unknown option 'pass'/);
    });

    // Hamilton: test_no_matching_select_column_error; better: the input must be a frame
    it('refuses, when the graph is built, a selection no function makes and a parameter that is not a frame', () => {
      class Wrong {
        @withColumns(Col3, { select: ['nope'] })
        f(initialDf: DataFrame): DataFrame {
          return initialDf;
        }
      }
      expect(() => new Builder().withModules(Wrong).build()).to.throw(
        InvalidDecoratorError,
        /selects 'nope', which no column function produces \(they produce: col3\)/,
      );
      class NotFrame {
        @withColumns(Col3)
        @node()
        f(initialDf: number): number {
          return initialDf;
        }
      }
      expect(() => new Builder().withModules(NotFrame).build()).to.throw(
        InvalidDecoratorError,
        /parameter 'initialDf', which is declared as number; declare it as a DataFrame/,
      );
    });

    it('fails naming the input when it is not a frame or lacks a passed column at run time', () => {
      class Loose {
        @withColumns(ColumnFunctions, { columnsToPass: ['col1', 'col2'], select: ['subtract1From2'] })
        f(frame: unknown): unknown {
          return frame;
        }
      }
      const dr = new Builder().withModules(Loose).build();
      const failure = (inputs: Record<string, unknown>) => {
        try {
          dr.execute(['f'], { inputs });
        } catch (error) {
          expect(error).to.be.instanceOf(NodeExecutionError);
          return ((error as NodeExecutionError).cause as HamiltonError).message;
        }
        return expect.fail('expected an error');
      };
      expect(failure({ frame: 3 })).to.match(/@withColumns needs a DataFrame from 'frame', got/);
      expect(failure({ frame: new DataFrame({ col1: [1] }) })).to.match(/passes column 'col2', which the frame from 'frame' lacks \(columns: col1\)/);
    });
  });
});
