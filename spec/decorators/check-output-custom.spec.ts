import { expect } from 'chai';
import { DataFrame, Series } from 'danfojs';
import {
  Builder,
  checkOutput,
  checkOutputCustom,
  DataValidationError,
  InvalidDecoratorError,
  NodeExecutionError,
  setValidationLogger,
  ValidationRecorder,
  type CheckResult,
  type DataValidator,
  type FeatureSet,
} from 'hamilton-ts';

const driver = (...modules: FeatureSet[]) => new Builder().withModules(...modules).build();

function positive(importance: 'warn' | 'fail'): DataValidator<Series> {
  return {
    name: 'positive',
    importance,
    description: 'Every value is above zero.',
    appliesTo: (type) => type === Series,
    validate: (series) => {
      const bad = (series.values as number[]).filter((v) => !(v > 0)).length;
      return { passes: bad === 0, message: `${bad} values are not positive`, diagnostics: { bad } };
    },
  };
}

const ascending: DataValidator<Series> = {
  name: 'ascending',
  importance: 'fail',
  validate: (series) => {
    const values = series.values as number[];
    const passes = values.every((v, i) => i === 0 || v >= values[i - 1]);
    return { passes, message: passes ? 'values ascend' : 'values do not ascend', diagnostics: {} };
  },
};

describe('@checkOutputCustom', () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    setValidationLogger({ warn: (message) => warnings.push(message) });
  });
  afterEach(() => setValidationLogger(undefined));

  class Spend {
    @checkOutputCustom(positive('fail'), ascending)
    spend(values: Series): Series {
      return values;
    }
  }

  it('makes one N_<name>_validator node per validator, documented by its description', () => {
    const vars = driver(Spend).listAvailableVariables();
    const validator = vars.find((v) => v.name === 'spend_positive_validator')!;
    expect(validator.doc).to.equal('Every value is above zero.');
    expect(validator.tags['hamilton.data_quality.source_node']).to.equal('spend');
    expect(vars.map((v) => v.name)).to.include.members(['spend_raw', 'spend_ascending_validator', 'spend']);
  });

  it("passes the value on when the validators pass, and returns each validator's result with node and check", () => {
    const result = driver(Spend).execute(['spend', 'spend_positive_validator'], { inputs: { values: new Series([1, 2]) } });
    expect((result.spend as Series).values).to.deep.equal([1, 2]);
    expect(result.spend_positive_validator).to.deep.equal({
      node: 'spend',
      check: 'positive',
      validatorNode: 'spend_positive_validator',
      importance: 'fail',
      passes: true,
      message: '0 values are not positive',
      diagnostics: { bad: 0 },
    });
  });

  it("throws DataValidationError for a failed 'fail' validator, with every failed one", () => {
    const values = new Series([1, -2, 0]);
    const error = (() => {
      try {
        driver(Spend).execute(['spend'], { inputs: { values } });
      } catch (e) {
        return e as DataValidationError;
      }
      return expect.fail('should throw');
    })();
    expect(error).to.be.instanceOf(DataValidationError);
    expect(error.results.map((r) => [r.check, r.message])).to.deep.equal([
      ['positive', '2 values are not positive'],
      ['ascending', 'values do not ascend'],
    ]);
    expect(error.results[0].diagnostics).to.deep.equal({ bad: 2 });
  });

  it("logs a failed 'warn' validator once and lets the value flow on", () => {
    class Lenient {
      @checkOutputCustom(positive('warn'))
      spend(values: Series): Series {
        return values;
      }
    }
    const result = driver(Lenient).execute(['spend'], { inputs: { values: new Series([-1]) } });
    expect((result.spend as Series).values).to.deep.equal([-1]);
    expect(warnings).to.deep.equal(["Data validation warning for node 'spend' (the value flows on): positive: 1 values are not positive"]);
  });

  it('suffixes repeated names with _1, _2', () => {
    class Repeated {
      @checkOutputCustom(positive('warn'), positive('warn'), positive('fail'))
      spend(values: Series): Series {
        return values;
      }
    }
    const recorder = new ValidationRecorder();
    const dr = new Builder().withModules(Repeated).withAdapters(recorder).build();
    const names = dr.listAvailableVariables({ tags: { 'hamilton.data_quality.contains_dq_results': 'true' } }).map((v) => v.name);
    expect(names).to.deep.equal(['spend_positive_validator', 'spend_positive_1_validator', 'spend_positive_2_validator']);
    dr.execute(['spend'], { inputs: { values: new Series([3]) } });
    expect(recorder.results.map((r) => r.check)).to.have.members(['positive', 'positive_1', 'positive_2']);
  });

  it('combines with @checkOutput on one node; names stay unique across both', () => {
    const inRange: DataValidator<Series> = {
      name: 'range',
      importance: 'fail',
      validate: (s) => ({ passes: s.max() < 10, message: `max ${s.max()}`, diagnostics: {} }),
    };
    class Combined {
      @checkOutput({ range: [0, 100], importance: 'fail' })
      @checkOutputCustom(inRange)
      spend(values: Series): Series {
        return values;
      }
    }
    const dr = driver(Combined);
    expect(dr.listAvailableVariables().map((v) => v.name)).to.include.members([
      'spend_raw',
      'spend_range_validator',
      'spend_range_1_validator',
      'spend',
    ]);
    expect(dr.listAvailableVariables().filter((v) => v.name === 'spend_raw')).to.have.length(1);
    expect(dr.whatIsUpstreamOf('spend').map((v) => v.name)).to.include.members(['spend_range_validator', 'spend_range_1_validator']);
    expect(() => dr.execute(['spend'], { inputs: { values: new Series([50]) } })).to.throw(DataValidationError, 'range_1 [fail]: max 50');
  });

  describe('appliesTo', () => {
    it("is asked about the declared type when the graph is built (danfo's exported classes)", () => {
      class OnFrame {
        @checkOutputCustom(positive('fail'))
        frame(): DataFrame {
          return new DataFrame({ a: [1] });
        }
      }
      const seen: Function[] = [];
      const spy: DataValidator = {
        name: 'spy',
        importance: 'warn',
        appliesTo: (type) => (seen.push(type), true),
        validate: () => ({ passes: true, message: '', diagnostics: {} }),
      };
      class OnSeries {
        @checkOutputCustom(spy)
        s(): Series {
          return new Series([1]);
        }
      }
      expect(() => driver(OnFrame)).to.throw(
        InvalidDecoratorError,
        "OnFrame.frame: validator 'positive' of @checkOutputCustom does not apply to node 'frame', declared as DataFrame",
      );
      driver(OnSeries);
      expect(seen).to.deep.equal([Series]);
    });

    it('is asked about the value at run time when the declared type is unknown, failing the check if it says no', async () => {
      class Loose {
        @checkOutputCustom(positive('fail'))
        async values(): Promise<number[]> {
          return [1, 2];
        }
      }
      const dr = await new Builder().withModules(Loose).buildAsync();
      const error = await dr.execute(['values']).then(
        () => undefined,
        (e: unknown) => e as DataValidationError,
      );
      expect(error).to.be.instanceOf(DataValidationError);
      expect(error!.results[0].message).to.equal("validator 'positive' does not apply to an array (its appliesTo says no).");
    });
  });

  it('awaits an async validate under the AsyncDriver', async () => {
    const remote: DataValidator<number> = {
      name: 'remoteLimit',
      importance: 'fail',
      validate: async (n) => {
        await new Promise((resolve) => setImmediate(resolve));
        return { passes: n <= 3, message: `${n} vs limit 3`, diagnostics: { limit: 3 } };
      },
    };
    class Limited {
      @checkOutputCustom(remote)
      count(n: number): number {
        return n;
      }
    }
    const dr = await new Builder().withModules(Limited).buildAsync();
    const ok = await dr.execute(['count', 'count_remoteLimit_validator'], { inputs: { n: 2 } });
    expect(ok.count).to.equal(2);
    expect((ok.count_remoteLimit_validator as CheckResult).passes).to.equal(true);
    const error = await dr.execute(['count'], { inputs: { n: 5 } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(DataValidationError);
  });

  it('reports a validator returning something that is not a result as a failure of its node', () => {
    const broken = { name: 'broken', importance: 'fail', validate: () => 'ok' } as unknown as DataValidator;
    class Broken {
      @checkOutputCustom(broken)
      x(): number {
        return 1;
      }
    }
    expect(() => driver(Broken).execute(['x'])).to.throw(NodeExecutionError, "Validator 'broken' of node 'x' returned string 'ok'");
  });

  it('checks its arguments when the class is defined', () => {
    const define =
      (...validators: unknown[]) =>
      () => {
        class X {
          @checkOutputCustom(...(validators as DataValidator[]))
          x(): number {
            return 1;
          }
        }
        return X;
      };
    const validate = () => ({ passes: true, message: '', diagnostics: {} });
    expect(define()).to.throw(InvalidDecoratorError, '@checkOutputCustom: give at least one validator.');
    expect(define({ name: 'has space', importance: 'warn', validate })).to.throw(InvalidDecoratorError, 'validator #1: name must be an identifier');
    expect(define({ name: 'ok', importance: 'warn', validate }, { name: 'ok', importance: 'loud', validate })).to.throw(
      InvalidDecoratorError,
      "validator #2: importance must be 'warn' or 'fail', got \"loud\"",
    );
    expect(define({ name: 'ok', importance: 'warn' })).to.throw(InvalidDecoratorError, 'validator #1: validate must be a function');
    expect(define({ name: 'ok', importance: 'warn', validate, appliesTo: true })).to.throw(InvalidDecoratorError, 'appliesTo must be a function');
  });
});
