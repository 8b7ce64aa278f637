import { Table, tableFromArrays } from 'apache-arrow';
import { expect } from 'chai';
import { DataFrame, Series } from 'danfojs';
import { Builder, extractColumns, HamiltonError, InvalidDecoratorError, node, NodeExecutionError, TypeMismatchError } from 'hamilton-ts';

describe('@extractColumns', () => {
  let frameCalls = 0;
  class Survey {
    @extractColumns('budget', ['age', 'Age in years.'])
    @node({ doc: 'The survey table.' })
    surveyResults(rows: number): DataFrame {
      frameCalls++;
      return new DataFrame({ budget: Array.from({ length: rows }, (_, i) => i * 1000), age: Array.from({ length: rows }, (_, i) => 20 + i) });
    }

    @node()
    isHighRoller(budget: Series): Series {
      return budget.gt(1500);
    }

    @node()
    ageNextYear(age: Series): Series {
      return age.add(1);
    }
  }

  beforeEach(() => (frameCalls = 0));

  it('makes one Series node per column, computing the frame once', () => {
    const dr = new Builder().withModules(Survey).build();
    const result = dr.execute(['isHighRoller', 'ageNextYear', 'surveyResults'], { inputs: { rows: 3 } });
    expect(result.isHighRoller.values).to.deep.equal([false, false, true]);
    expect(result.ageNextYear.values).to.deep.equal([21, 22, 23]);
    expect(result.surveyResults).to.be.instanceOf(DataFrame);
    expect(frameCalls).to.equal(1);
  });

  it('lists the columns as typed, documented nodes depending on the frame', () => {
    const dr = new Builder().withModules(Survey).build();
    const age = dr.listAvailableVariables().find((v) => v.name === 'age')!;
    expect(age.doc).to.equal('Age in years.');
    expect(age.type?.name).to.equal('Series');
    expect(age.originatingFunctions).to.deep.equal(['Survey.surveyResults']);
    const budget = dr.listAvailableVariables().find((v) => v.name === 'budget')!;
    expect(budget.doc).to.equal('The survey table.');
    expect(dr.whatIsUpstreamOf('age').map((v) => v.name)).to.have.members(['age', 'surveyResults', 'rows']);
  });

  it('fails clearly at run time when a column is missing, naming column and method', () => {
    class Broken {
      @extractColumns('budget', 'gender')
      survey(): DataFrame {
        return new DataFrame({ budget: [1, 2] });
      }
    }
    const dr = new Builder().withModules(Broken).build();
    expect(() => dr.execute(['gender']))
      .to.throw(NodeExecutionError)
      .that.satisfies((e: NodeExecutionError) => {
        expect(e.cause).to.be.instanceOf(HamiltonError);
        expect((e.cause as Error).message)
          .to.contain("No column 'gender'")
          .and.contain('Broken.survey');
        return true;
      });
    expect((dr.execute(['budget']).budget as Series).values).to.deep.equal([1, 2]);
  });

  it('fills a missing column with fillWith', () => {
    class Filled {
      @extractColumns('budget', 'gender', { fillWith: 'unknown' })
      survey(): DataFrame {
        return new DataFrame({ budget: [1, 2] });
      }
    }
    const result = new Builder().withModules(Filled).build().execute(['gender']);
    expect((result.gender as Series).values).to.deep.equal(['unknown', 'unknown']);
  });

  // Hamilton's fill_with adds the missing columns to the frame the function returned.
  it("with fillWith, the frame node gives the frame with the missing columns filled; the method's own frame is left as it was", () => {
    const returned: DataFrame[] = [];
    class Filled {
      @extractColumns('budget', 'gender', 'region', { fillWith: 'unknown' })
      survey(): DataFrame {
        const frame = new DataFrame({ budget: [1, 2], region: ['eu', 'us'] }, { index: ['r1', 'r2'] });
        returned.push(frame);
        return frame;
      }
    }
    const result = new Builder().withModules(Filled).build().execute(['survey', 'gender', 'region']);
    const survey = result.survey;
    expect(survey.columns).to.deep.equal(['budget', 'region', 'gender']);
    expect(survey.index).to.deep.equal(['r1', 'r2']);
    expect(survey.column('gender').values).to.deep.equal(['unknown', 'unknown']);
    expect((result.region as Series).values).to.deep.equal(['eu', 'us']); // a present column is not filled
    expect(returned[0].columns).to.deep.equal(['budget', 'region']);
  });

  it('fills the frame of an async method and of an Arrow table too; a complete frame is returned as it is', async () => {
    const complete = new DataFrame({ a: [1], b: ['f'] });
    class Later {
      @extractColumns('budget', 'gender', { fillWith: 0 })
      async survey(): Promise<DataFrame> {
        return new DataFrame({ budget: [5, 6] });
      }

      @extractColumns('x', 'y', { fillWith: 7 })
      table(): Table {
        return tableFromArrays({ x: Float64Array.from([1, 2]) });
      }

      @extractColumns('a', 'b', { fillWith: 'n/a' })
      whole(): DataFrame {
        return complete;
      }
    }
    const dr = await new Builder().withModules(Later).buildAsync();
    const result = await dr.execute(['survey', 'table', 'y', 'whole']);
    expect(result.survey.column('gender').values).to.deep.equal([0, 0]);
    const table = result.table;
    expect(table.schema.fields.map((f) => f.name)).to.deep.equal(['x', 'y']);
    expect([...table.getChild('y')!]).to.deep.equal([7, 7]);
    expect(result.whole).to.equal(complete);
  });

  it('rejects a method declared to return something else when the graph is built', () => {
    class NotAFrame {
      @extractColumns('a')
      numbers(): number {
        return 1;
      }
    }
    expect(() => new Builder().withModules(NotAFrame).build()).to.throw(InvalidDecoratorError, /needs the method to return a DataFrame/);
  });

  it('rejects bad arguments when the class is defined', () => {
    expect(() => extractColumns()).to.throw(InvalidDecoratorError, /at least one column/);
    expect(() => extractColumns(['a', 'b', 'c'] as unknown as string)).to.throw(InvalidDecoratorError, /spread a list/);
    expect(() => extractColumns('a', 'a')).to.throw(InvalidDecoratorError, /listed twice/);
  });

  it('rejects the decorator twice on one method', () => {
    class Twice {
      @extractColumns('a')
      @extractColumns('b')
      frame(): DataFrame {
        return new DataFrame({ a: [1], b: [2] });
      }
    }
    expect(() => new Builder().withModules(Twice).build()).to.throw(InvalidDecoratorError, /more than once/);
  });

  it('type-checks edges from extracted columns', () => {
    class Consumer {
      @node()
      total(budget: number): number {
        return budget;
      }
    }
    expect(() => new Builder().withModules(Survey, Consumer).build()).to.throw(TypeMismatchError, /Consumer.total/);
  });
});
