import { expect } from 'chai';
import { Builder, checkOutput, DataValidationError, InvalidDecoratorError, node, type FeatureSet } from 'hamilton-ts';

const build = (module: FeatureSet) => new Builder().withModules(module).build();
type Loose = (...args: unknown[]) => unknown;

// From Hamilton's tests/test_default_data_quality.py (AllowNoneValidator, StrContainsValidator, StrDoesNotContainValidator).
describe('@checkOutput: allowNone, contains, doesNotContain', () => {
  class Texts {
    @checkOutput({ contains: ['hello', 'world'], doesNotContain: 'secret', importance: 'fail' })
    greeting(text: string): string {
      return text;
    }

    @checkOutput({ allowNone: false, importance: 'fail' })
    maybe(value: unknown): unknown {
      return value;
    }

    @checkOutput({ allowNone: true, importance: 'fail' })
    anything(value: unknown): unknown {
      return value;
    }
  }

  it('makes validator nodes N_<option>_validator', () => {
    const names = build(Texts)
      .listAvailableVariables()
      .map((v) => v.name);
    expect(names).to.include.members([
      'greeting_raw',
      'greeting_contains_validator',
      'greeting_doesNotContain_validator',
      'maybe_allowNone_validator',
    ]);
  });

  it('contains: every substring must be present; doesNotContain: none may be', () => {
    const dr = build(Texts);
    expect(dr.execute(['greeting'], { inputs: { text: 'hello big world' } })).to.deep.equal({ greeting: 'hello big world' });
    expect(() => dr.execute(['greeting'], { inputs: { text: 'hello there' } })).to.throw(
      DataValidationError,
      /contains.*does not contain \["world"\]/s,
    );
    expect(() => dr.execute(['greeting'], { inputs: { text: 'hello world secret' } })).to.throw(
      DataValidationError,
      /doesNotContain.*contains \["secret"\]/s,
    );
  });

  it('allowNone: false refuses null and undefined, and keeps 0 and empty strings; true checks nothing', () => {
    const dr = build(Texts);
    for (const value of [0, '', false, []]) expect(dr.execute(['maybe'], { inputs: { value } })).to.deep.equal({ maybe: value });
    expect(() => dr.execute(['maybe'], { inputs: { value: null } })).to.throw(DataValidationError, /allowNone/);
    expect(() => dr.execute(['maybe'], { inputs: { value: undefined } })).to.throw(DataValidationError, /allowNone/);
    expect(dr.execute(['anything'], { inputs: { value: null } })).to.deep.equal({ anything: null });
  });

  it('the validator result says what failed', () => {
    const dr = build(Texts);
    const out = dr.execute(['greeting_contains_validator'], { inputs: { text: 'hello' } }) as Record<
      string,
      { passes: boolean; diagnostics: unknown }
    >;
    expect(out.greeting_contains_validator.passes).to.equal(false);
    expect(out.greeting_contains_validator.diagnostics).to.deep.include({ offending: ['world'], data: 'hello' });
  });

  it('contains on a method declared as a number is an InvalidDecoratorError when the graph is built', () => {
    class Wrong {
      @checkOutput({ contains: 'x' })
      @node()
      n(): number {
        return 1;
      }
    }
    expect(() => build(Wrong)).to.throw(InvalidDecoratorError, /'contains' cannot check node 'n'/);
  });

  it('bad arguments fail when the decorator is applied', () => {
    expect(() => (checkOutput as Loose)({ allowNone: 'no' })).to.throw(InvalidDecoratorError, /allowNone must be true or false/);
    expect(() => checkOutput({ contains: [] })).to.throw(InvalidDecoratorError, /contains must be/);
    expect(() => checkOutput({ doesNotContain: '' })).to.throw(InvalidDecoratorError, /doesNotContain must be/);
    expect(() => (checkOutput as Loose)({ contains: ['a', 3] })).to.throw(InvalidDecoratorError, /contains must be/);
  });
});
