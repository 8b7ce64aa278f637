import { expect } from 'chai';
import { IsIn, IsInt, IsString, Min } from 'class-validator';
import { DataFrame, Series } from 'danfojs';
import {
  Builder,
  checkOutput,
  DataQualityTags,
  DataValidationError,
  extractColumns,
  extractFields,
  InvalidDecoratorError,
  node,
  NodeExecutionError,
  parameterizeValues,
  setValidationLogger,
  tag,
  ValidationRecorder,
  type CheckResult,
  type FeatureSet,
} from 'hamilton-ts';
import { thrown } from '../helpers.js';

const driver = (...modules: FeatureSet[]) => new Builder().withModules(...modules).build();

/** Captures `warn`-level reports instead of printing them. */
function captureWarnings(): string[] {
  const warnings: string[] = [];
  setValidationLogger({ warn: (message) => warnings.push(message) });
  return warnings;
}

class Row {
  @IsInt()
  @Min(0)
  age!: number;

  @IsIn(['f', 'm', 'x'])
  gender!: string;
}

class Person {
  @IsString()
  name!: string;

  @IsInt()
  @Min(0)
  age!: number;
}

describe('@checkOutput', () => {
  let warnings: string[];
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => setValidationLogger(undefined));

  describe('node shape (as in Hamilton)', () => {
    class Heights {
      @checkOutput({ range: [-5, 5], allowNans: false, importance: 'fail' })
      heightZeroMeanUnitVariance(height: Series): Series {
        return height.sub(height.mean()).div(height.std());
      }

      @node()
      tallest(heightZeroMeanUnitVariance: Series): number {
        return heightZeroMeanUnitVariance.max();
      }
    }

    it('turns N into N_raw, one N_<check>_validator per check, and N', () => {
      const names = driver(Heights)
        .listAvailableVariables()
        .map((v) => v.name);
      expect(names).to.include.members([
        'heightZeroMeanUnitVariance_raw',
        'heightZeroMeanUnitVariance_range_validator',
        'heightZeroMeanUnitVariance_allowNans_validator',
        'heightZeroMeanUnitVariance',
        'tallest',
      ]);
    });

    it('makes the validators dependencies of N, reading N_raw, so they run whenever N runs', () => {
      const dr = driver(Heights);
      expect(dr.whatIsUpstreamOf('tallest').map((v) => v.name)).to.have.members([
        'tallest',
        'heightZeroMeanUnitVariance',
        'heightZeroMeanUnitVariance_raw',
        'heightZeroMeanUnitVariance_range_validator',
        'heightZeroMeanUnitVariance_allowNans_validator',
        'height',
      ]);
      expect(dr.whatIsUpstreamOf('heightZeroMeanUnitVariance_range_validator').map((v) => v.name)).to.have.members([
        'heightZeroMeanUnitVariance_range_validator',
        'heightZeroMeanUnitVariance_raw',
        'height',
      ]);
    });

    it("tags validator nodes with Hamilton's data-quality tags, so lineage lists them", () => {
      const dr = driver(Heights);
      const validators = dr.listAvailableVariables({ tags: { [DataQualityTags.containsResults]: 'true' } });
      expect(validators.map((v) => v.name)).to.have.members([
        'heightZeroMeanUnitVariance_range_validator',
        'heightZeroMeanUnitVariance_allowNans_validator',
      ]);
      expect(validators[0].tags['hamilton.data_quality.source_node']).to.equal('heightZeroMeanUnitVariance');
      expect(validators[0].originatingFunctions).to.deep.equal(['Heights.heightZeroMeanUnitVariance']);
      expect(validators[0].doc).to.equal('Checks that the data is in [-5, 5] (bounds included).');
      const bySource = dr.listAvailableVariables({ tags: { 'hamilton.data_quality.source_node': 'heightZeroMeanUnitVariance' } });
      expect(bySource).to.have.length(2);
    });

    it('keeps the declared type on N and N_raw, so edges are still type-checked', () => {
      const vars = driver(Heights).listAvailableVariables();
      expect(vars.find((v) => v.name === 'heightZeroMeanUnitVariance')!.type?.name).to.equal('Series');
      expect(vars.find((v) => v.name === 'heightZeroMeanUnitVariance_raw')!.type?.name).to.equal('Series');
    });

    it('returns the raw value from N when the checks pass, and each result from its validator node', () => {
      const dr = driver(Heights);
      const result = dr.execute(['heightZeroMeanUnitVariance', 'heightZeroMeanUnitVariance_range_validator', 'tallest'], {
        inputs: { height: new Series([150, 160, 170, 180]) },
      });
      expect((result.heightZeroMeanUnitVariance as Series).values.map((v) => Math.round((v as number) * 1000))).to.deep.equal([
        -1162, -387, 387, 1162,
      ]);
      expect(result.heightZeroMeanUnitVariance_range_validator).to.deep.include({
        node: 'heightZeroMeanUnitVariance',
        check: 'range',
        validatorNode: 'heightZeroMeanUnitVariance_range_validator',
        importance: 'fail',
        passes: true,
        message: 'All 4 values are in [-5, 5].',
      });
      expect(result.tallest).to.be.closeTo(1.162, 1e-3);
      expect(warnings).to.deep.equal([]);
    });

    it('calls the method once however many checks read it', () => {
      let calls = 0;
      class Counted {
        @checkOutput({ range: [0, 10], valuesIn: [1, 2, 3], dataType: Number })
        n(): number {
          calls++;
          return 2;
        }
      }
      expect(driver(Counted).execute(['n']).n).to.equal(2);
      expect(calls).to.equal(1);
    });
  });

  describe("importance 'fail'", () => {
    class Strict {
      @checkOutput({ range: [0, 1], allowNans: false, dataType: 'float32', importance: 'fail' })
      share(values: Series): Series {
        return values;
      }

      @node()
      downstream(share: Series): number {
        return share.sum();
      }
    }

    it('throws DataValidationError listing every failed check of the node, with node and detail', () => {
      const error = thrown(() => driver(Strict).execute(['downstream'], { inputs: { values: new Series([0.5, 1.5, NaN, -2]) } }));
      expect(error).to.be.instanceOf(DataValidationError);
      const dv = error as DataValidationError;
      expect(dv.node).to.equal('share');
      expect(dv.results.map((r) => r.check)).to.deep.equal(['range', 'allowNans']);
      expect(dv.results[0]).to.deep.include({ node: 'share', importance: 'fail', passes: false });
      expect(dv.results[0].diagnostics).to.deep.include({ outOfRange: 2, checked: 3 });
      expect(dv.message).to.include("Data validation failed for node 'share': 2 checks failed");
      expect(dv.message).to.include('range [fail]: 2 of 3 values are outside [0, 1] (row 1: 1.5, row 3: -2)');
      expect(dv.message).to.include('allowNans [fail]: 1 of 4 values are missing (null, undefined or NaN), at 2');
    });

    it('stops the run before anything downstream runs', () => {
      let ran = false;
      class Downstream {
        @node()
        total(share: Series): number {
          ran = true;
          return share.sum();
        }
      }
      class Only {
        @checkOutput({ range: [0, 1], importance: 'fail' })
        share(values: Series): Series {
          return values;
        }
      }
      expect(() => driver(Only, Downstream).execute(['total'], { inputs: { values: new Series([3]) } })).to.throw(DataValidationError);
      expect(ran).to.equal(false);
    });

    it('lets the value through when every check passes', () => {
      const result = driver(Strict).execute(['downstream'], { inputs: { values: new Series([0.25, 0.75]) } });
      expect(result.downstream).to.equal(1);
    });
  });

  describe("importance 'warn' (the default)", () => {
    class Lenient {
      @checkOutput({ range: [0, 1], maxFractionNans: 0.1 })
      share(values: Series): Series {
        return values;
      }
    }

    it('logs once per node, listing the failed checks, and the value flows on', () => {
      const result = driver(Lenient).execute(['share'], { inputs: { values: new Series([0.5, 2, NaN]) } });
      expect((result.share as Series).values).to.have.length(3);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include("Data validation warning for node 'share'");
      expect(warnings[0]).to.include('range: 1 of 2 values are outside [0, 1]');
      expect(warnings[0]).to.include('maxFractionNans: 1 of 3 values are missing (33.33%)');
    });

    it('logs nothing when the checks pass', () => {
      driver(Lenient).execute(['share'], { inputs: { values: new Series([0.5, 0.7]) } });
      expect(warnings).to.deep.equal([]);
    });

    it('goes to console.warn when no logger is set', () => {
      setValidationLogger(undefined);
      const original = console.warn;
      const seen: unknown[] = [];
      console.warn = (message: unknown) => seen.push(message);
      try {
        driver(Lenient).execute(['share'], { inputs: { values: new Series([5]) } });
      } finally {
        console.warn = original;
      }
      expect(seen).to.have.length(1);
      expect(String(seen[0])).to.include("node 'share'");
    });

    it("reports warn failures in the error too when a 'fail' check of the same node fails", () => {
      class Both {
        @checkOutput({ range: [0, 1] })
        @checkOutput({ allowNans: false, importance: 'fail' })
        share(values: Series): Series {
          return values;
        }
      }
      const error = thrown(() => driver(Both).execute(['share'], { inputs: { values: new Series([5, NaN]) } })) as DataValidationError;
      // In the order the decorators are written.
      expect(error.results.map((r) => [r.check, r.importance])).to.deep.equal([
        ['range', 'warn'],
        ['allowNans', 'fail'],
      ]);
      expect(warnings).to.deep.equal([]);
    });
  });

  describe('plain values', () => {
    class Plain {
      @checkOutput({ range: [0, 120], dataType: Number, importance: 'fail' })
      age(rawAge: number): number {
        return rawAge;
      }

      @checkOutput({ valuesIn: ['EU', 'US'], dataType: String, importance: 'fail' })
      region(rawRegion: string): string {
        return rawRegion;
      }

      @checkOutput({ schema: Person, importance: 'fail' })
      person(rawPerson: Person): Person {
        return rawPerson;
      }
    }

    it('checks numbers, strings and objects', () => {
      const dr = driver(Plain);
      const ok = dr.execute(['age', 'region', 'person'], {
        inputs: { rawAge: 42, rawRegion: 'EU', rawPerson: Object.assign(new Person(), { name: 'Ada', age: 36 }) },
      });
      expect(ok).to.deep.include({ age: 42, region: 'EU' });
      const age = thrown(() => dr.execute(['age'], { inputs: { rawAge: 130 } })) as DataValidationError;
      expect(age.results[0].message).to.equal('130 is outside [0, 120].');
      const region = thrown(() => dr.execute(['region'], { inputs: { rawRegion: 'APAC' } })) as DataValidationError;
      expect(region.results[0].message).to.equal('"APAC" is not one of "EU", "US".');
    });

    it('validates an object against a class-validator schema, naming the properties', () => {
      const dr = driver(Plain);
      const error = thrown(() =>
        dr.execute(['person'], { inputs: { rawPerson: Object.assign(new Person(), { name: 7, age: -1 }) } }),
      ) as DataValidationError;
      const failures = error.results[0].diagnostics.failures as { property: string; constraints: Record<string, string> }[];
      expect(failures.map((f) => f.property)).to.deep.equal(['name', 'age']);
      expect(failures[1].constraints).to.deep.equal({ min: 'age must not be less than 0' });
      expect(error.results[0].message).to.equal('The object breaks Person: name must be a string; age must not be less than 0.');
    });

    it('validates a plain object (declared through an interface) against a schema', () => {
      interface PersonLike {
        name: string;
        age: number;
      }
      class Loose {
        @checkOutput({ schema: Person, importance: 'fail' })
        person(): PersonLike {
          return { name: 'Bo', age: 1.5 };
        }
      }
      const error = thrown(() => driver(Loose).execute(['person'])) as DataValidationError;
      expect(error.results[0].message).to.equal('The object breaks Person: age must be an integer number.');
    });
  });

  describe('DataFrames', () => {
    const survey = () => new DataFrame({ age: [34, -2, 51, 29.5], gender: ['f', 'm', 'q', 'x'] }, { index: ['alice', 'bob', 'carol', 'dan'] });

    it('validates every row against a schema; failures name rows (index labels) and properties', () => {
      class Survey {
        @checkOutput({ schema: Row, importance: 'fail' })
        surveyResults(): DataFrame {
          return survey();
        }
      }
      const error = thrown(() => driver(Survey).execute(['surveyResults'])) as DataValidationError;
      const result = error.results[0];
      expect(result.check).to.equal('schema');
      expect(result.diagnostics).to.deep.include({ rows: 4, failedRows: 3, failedRowLabels: ['bob', 'carol', 'dan'] });
      const failures = result.diagnostics.failures as { row: string; property: string; value: unknown }[];
      expect(failures.map((f) => [f.row, f.property, f.value])).to.deep.equal([
        ['bob', 'age', -2],
        ['carol', 'gender', 'q'],
        ['dan', 'age', 29.5],
      ]);
      expect(result.message).to.equal(
        '3 of 4 rows break Row: row "bob": age must not be less than 0; row "carol": gender must be one of the following values: f, m, x; ' +
          'row "dan": age must be an integer number.',
      );
    });

    it('applies Series checks column by column, naming the failing columns', () => {
      class Frame {
        @checkOutput({ range: [0, 100], allowNans: false })
        scores(): DataFrame {
          return new DataFrame({ math: [10, 20, 30], art: [50, 150, NaN] });
        }
      }
      const result = driver(Frame).execute(['scores_range_validator', 'scores_allowNans_validator']);
      const range = result.scores_range_validator as CheckResult;
      expect(range.passes).to.equal(false);
      expect(range.message).to.equal("1 of 2 columns fail: column 'art': 1 of 2 values are outside [0, 100] (row 1: 150).");
      expect(range.diagnostics.failedColumns).to.deep.equal(['art']);
      expect((result.scores_allowNans_validator as CheckResult).passes).to.equal(false);
      expect(warnings).to.have.length(0); // validators were requested, not the checked node: nothing concluded
    });
  });

  describe('stacked with extract decorators', () => {
    class Survey {
      @checkOutput({ range: [0, 120], importance: 'fail' })
      @extractColumns('age', 'budget')
      surveyResults(): DataFrame {
        return new DataFrame({ age: [30, 140], budget: [10, 20] });
      }
    }

    it('checks the final (extracted) nodes, whatever order the decorators are written in', () => {
      class Reversed {
        @extractColumns('age', 'budget')
        @checkOutput({ range: [0, 120], importance: 'fail' })
        surveyResults(): DataFrame {
          return new DataFrame({ age: [30, 140], budget: [10, 20] });
        }
      }
      for (const module of [Survey, Reversed]) {
        const dr = driver(module);
        const names = dr.listAvailableVariables().map((v) => v.name);
        expect(names).to.include.members([
          'age_raw',
          'age_range_validator',
          'age',
          'budget_raw',
          'budget_range_validator',
          'budget',
          'surveyResults',
        ]);
        expect(names).to.not.include('surveyResults_raw');
        expect((dr.execute(['budget']).budget as Series).values).to.deep.equal([10, 20]);
        const error = thrown(() => dr.execute(['age'])) as DataValidationError;
        expect(error.node).to.equal('age');
      }
    });

    it('checks the method node itself when named as the target', () => {
      class Targeted {
        @checkOutput({ schema: Row, target: 'surveyResults', importance: 'fail' })
        @extractColumns('age', 'gender')
        surveyResults(): DataFrame {
          return new DataFrame({ age: [30, 40], gender: ['f', 'z'] });
        }
      }
      const dr = driver(Targeted);
      expect(dr.listAvailableVariables().map((v) => v.name)).to.include.members(['surveyResults_raw', 'surveyResults_schema_validator']);
      // The columns read the checked frame, so a bad row stops them too.
      expect(dr.whatIsUpstreamOf('age').map((v) => v.name)).to.include('surveyResults_schema_validator');
      expect(() => dr.execute(['age'])).to.throw(DataValidationError, 'row 1: gender must be one of the following values: f, m, x');
    });

    it('rejects a target the method does not produce', () => {
      class Wrong {
        @checkOutput({ range: [0, 1], target: 'nope' })
        @extractColumns('a')
        frame(): DataFrame {
          return new DataFrame({ a: [1] });
        }
      }
      expect(() => driver(Wrong)).to.throw(InvalidDecoratorError, "Wrong.frame: @checkOutput targets 'nope', which the method does not produce");
    });

    it('checks typed fields of @extractFields', () => {
      class Stats {
        @checkOutput({ range: [0, 1], importance: 'fail' })
        @extractFields({ ratio: Number, label: String }, {})
        stats(): { ratio: number; label: string } {
          return { ratio: 2, label: 'x' };
        }
      }
      expect(() => driver(Stats)).to.throw(InvalidDecoratorError, "option 'range' cannot check node 'label', declared as string");
    });

    it('lets @tag land on the final node only', () => {
      class Tagged {
        @tag({ owner: 'data' })
        @checkOutput({ range: [0, 1] })
        share(): number {
          return 0.5;
        }
      }
      const vars = driver(Tagged).listAvailableVariables({ tags: { owner: 'data' } });
      expect(vars.map((v) => v.name)).to.deep.equal(['share']);
    });

    it('checks every output of @parameterizeValues', () => {
      class Scaled {
        @checkOutput({ range: [0, 10], importance: 'fail' })
        @parameterizeValues('factor', { double: 2, triple: 3 })
        scaled(x: number, factor: number): number {
          return x * factor;
        }
      }
      const dr = driver(Scaled);
      expect(dr.execute(['double'], { inputs: { x: 4 } }).double).to.equal(8);
      expect(() => dr.execute(['triple'], { inputs: { x: 4 } })).to.throw(DataValidationError, "node 'triple'");
    });
  });

  describe('checks that cannot apply', () => {
    it("is an InvalidDecoratorError when the graph is built, for the method's declared type", () => {
      class Bad {
        @checkOutput({ range: [0, 1] })
        label(): string {
          return 'x';
        }
      }
      expect(() => driver(Bad)).to.throw(
        InvalidDecoratorError,
        "Bad.label: @checkOutput option 'range' cannot check node 'label', declared as string; it applies to a Series, a DataFrame, an array, a number.",
      );
    });

    it('rejects a schema on a Series and NaN checks on objects', () => {
      class SchemaOnSeries {
        @checkOutput({ schema: Row })
        s(): Series {
          return new Series([1]);
        }
      }
      class NansOnObject {
        @checkOutput({ maxFractionNans: 0.5 })
        p(): Person {
          return new Person();
        }
      }
      expect(() => driver(SchemaOnSeries)).to.throw(InvalidDecoratorError, "option 'schema' cannot check node 's', declared as Series");
      expect(() => driver(NansOnObject)).to.throw(InvalidDecoratorError, "option 'maxFractionNans' cannot check node 'p', declared as Person");
    });

    it('is decided at run time, as a failed check, when the declared type is unknown', () => {
      class Unknown {
        @checkOutput({ range: [0, 1], importance: 'fail' })
        async label(): Promise<string> {
          return 'x';
        }
      }
      return new Builder()
        .withModules(Unknown)
        .buildAsync()
        .then((dr) => dr.execute(['label']))
        .then(
          () => expect.fail('should fail'),
          (error: unknown) => {
            expect(error).to.be.instanceOf(DataValidationError);
            expect((error as DataValidationError).results[0].message).to.equal(
              'range cannot check a string; it applies to a Series, a DataFrame, an array, a number.',
            );
          },
        );
    });
  });

  describe('decorator arguments (checked when the class is defined)', () => {
    const define = (options: object) => () => {
      class X {
        @checkOutput(options)
        x(): number {
          return 1;
        }
      }
      return X;
    };

    it('rejects unknown options, missing checks and bad values', () => {
      expect(define({ rnage: [0, 1] })).to.throw(InvalidDecoratorError, "@checkOutput: unknown option 'rnage'");
      expect(define({ importance: 'fail' })).to.throw(InvalidDecoratorError, '@checkOutput: give at least one check');
      expect(define({ range: [2, 1] })).to.throw(InvalidDecoratorError, 'range must be [low, high]');
      expect(define({ range: [0, NaN] })).to.throw(InvalidDecoratorError, 'range must be [low, high]');
      expect(define({ meanInRange: 3 })).to.throw(InvalidDecoratorError, 'meanInRange must be [low, high]');
      expect(define({ valuesIn: [] })).to.throw(InvalidDecoratorError, 'valuesIn must be a non-empty array');
      expect(define({ allowNans: true })).to.throw(InvalidDecoratorError, 'allowNans: true checks nothing');
      expect(define({ maxFractionNans: 1.5 })).to.throw(InvalidDecoratorError, 'maxFractionNans must be a number from 0 to 1, got 1.5');
      expect(define({ maxStandardDev: -1 })).to.throw(InvalidDecoratorError, 'maxStandardDev must be a number >= 0');
      expect(define({ dataType: 'float64' })).to.throw(InvalidDecoratorError, 'dataType must be a constructor');
      expect(define({ range: [0, 1], importance: 'error' })).to.throw(InvalidDecoratorError, "importance must be 'warn' or 'fail'");
      expect(define({ range: [0, 1], target: [] })).to.throw(InvalidDecoratorError, 'target must be a node name');
    });

    it('rejects a schema class without class-validator rules', () => {
      class NoRules {
        age!: number;
      }
      expect(define({ schema: NoRules })).to.throw(InvalidDecoratorError, 'schema NoRules has no class-validator rules');
      expect(define({ schema: 'Row' })).to.throw(InvalidDecoratorError, 'schema must be a class');
    });
  });

  describe('ValidationRecorder', () => {
    class Checked {
      @checkOutput({ range: [0, 1], allowNans: false, importance: 'fail' })
      share(values: Series): Series {
        return values;
      }

      @checkOutput({ valuesIn: ['a', 'b'] })
      letter(): string {
        return 'c';
      }
    }

    it('collects every check result by node, passed or not', () => {
      const recorder = new ValidationRecorder();
      const dr = new Builder().withModules(Checked).withAdapters(recorder).build();
      dr.execute(['share', 'letter'], { inputs: { values: new Series([0.1, 0.2]) } });
      expect(recorder.results.map((r) => `${r.node}:${r.check}:${r.passes}`)).to.have.members([
        'share:range:true',
        'share:allowNans:true',
        'letter:valuesIn:false',
      ]);
      expect(recorder.failures.map((r) => r.validatorNode)).to.deep.equal(['letter_valuesIn_validator']);
      expect(recorder.resultsFor('share')).to.have.length(2);
      expect(Object.keys(recorder.byNode())).to.have.members(['share', 'letter']);
      expect(warnings).to.have.length(1);
    });

    it('keeps the results of a run that a fail check stopped, and starts afresh on the next run', () => {
      const recorder = new ValidationRecorder();
      const dr = new Builder().withModules(Checked).withAdapters(recorder).build();
      expect(() => dr.execute(['share'], { inputs: { values: new Series([7]) } })).to.throw(DataValidationError);
      expect(recorder.failures.map((r) => r.check)).to.deep.equal(['range']);
      expect(recorder.failures[0].diagnostics).to.deep.include({ outOfRange: 1 });
      dr.execute(['share'], { inputs: { values: new Series([0.5]) } });
      expect(recorder.results).to.have.length(2);
      expect(recorder.failures).to.have.length(0);
      recorder.clear();
      expect(recorder.results).to.have.length(0);
    });
  });

  describe('under the AsyncDriver', () => {
    class AsyncHeights {
      @checkOutput({ range: [100, 250], allowNans: false, importance: 'fail' })
      async height(rawHeight: number[]): Promise<number[]> {
        await new Promise((resolve) => setImmediate(resolve));
        return rawHeight;
      }

      @node()
      count(height: number[]): number {
        return height.length;
      }
    }

    it('checks the resolved value of an async method', async () => {
      const recorder = new ValidationRecorder();
      const dr = await new Builder().withModules(AsyncHeights).withAdapters(recorder).buildAsync();
      expect((await dr.execute(['count'], { inputs: { rawHeight: [150, 180] } })).count).to.equal(2);
      expect(recorder.results.map((r) => r.passes)).to.deep.equal([true, true]);
      const error = await dr.execute(['count'], { inputs: { rawHeight: [150, 300, NaN] } }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DataValidationError);
      expect((error as DataValidationError).results.map((r) => r.check)).to.deep.equal(['range', 'allowNans']);
      expect(recorder.failures).to.have.length(2);
    });
  });

  it('is not a NodeExecutionError: the data failed, not the code', () => {
    class C {
      @checkOutput({ range: [0, 1], importance: 'fail' })
      x(): number {
        return 2;
      }
    }
    const error = thrown(() => driver(C).execute(['x']));
    expect(error).to.be.instanceOf(DataValidationError);
    expect(error).to.not.be.instanceOf(NodeExecutionError);
  });
});
