import { expect } from 'chai';
import { DataFrame } from 'danfojs';
import { Builder, InvalidDecoratorError, NodeExecutionError, node, schemaOutput, type FeatureSet } from 'hamilton-ts';

const build = (module: FeatureSet) => new Builder().withModules(module).build();
type Loose = (...args: unknown[]) => unknown;

// From Hamilton's tests/function_modifiers/test_metadata.py (schema.output).
describe('@schemaOutput', () => {
  class Users {
    @schemaOutput(['foo', 'int'], ['bar', 'float'], ['baz', 'str'])
    users(rows: Record<string, unknown>[]): DataFrame {
      return new DataFrame(rows);
    }
  }

  it("tags the node hamilton.internal.schema_output 'col=type,...' as Hamilton does", () => {
    const variable = build(Users)
      .listAvailableVariables()
      .find((v) => v.name === 'users')!;
    expect(variable.tags['hamilton.internal.schema_output']).to.equal('foo=int,bar=float,baz=str');
  });

  it('shows the schema in the feature catalog', () => {
    const entry = build(Users)
      .featureCatalog()
      .nodes.find((n) => n.name === 'users')!;
    expect(entry.schema).to.deep.equal([
      { column: 'foo', type: 'int' },
      { column: 'bar', type: 'float' },
      { column: 'baz', type: 'str' },
    ]);
  });

  it('passes a frame with the declared columns and dtypes (extra columns allowed)', () => {
    const rows = [{ foo: 1, bar: 2.5, baz: 'x', extra: true }];
    const out = build(Users).execute(['users'], { inputs: { rows } }) as { users: DataFrame };
    expect(out.users.columns).to.deep.equal(['foo', 'bar', 'baz', 'extra']);
  });

  it('fails the node when a declared column is missing or of another dtype, naming each', () => {
    const dr = build(Users);
    expect(() => dr.execute(['users'], { inputs: { rows: [{ foo: 1, bar: 2.5 }] } })).to.throw(NodeExecutionError, /column 'baz' is missing/);
    expect(() => dr.execute(['users'], { inputs: { rows: [{ foo: 'a', bar: 2.5, baz: 'x' }] } })).to.throw(
      NodeExecutionError,
      /column 'foo' is declared int but has dtype string/,
    );
  });

  it('on a method not declared to return a DataFrame it is an InvalidDecoratorError (Hamilton: int has no columns)', () => {
    class Wrong {
      @schemaOutput(['foo', 'int'])
      @node()
      foo(): number {
        return 10;
      }
    }
    expect(() => build(Wrong)).to.throw(InvalidDecoratorError, /Wrong\.foo: @schemaOutput declares columns, but node 'foo' is declared as number/);
  });

  it('bad fields fail when the decorator is applied', () => {
    expect(() => schemaOutput()).to.throw(InvalidDecoratorError, /at least one column/);
    expect(() => (schemaOutput as Loose)(['a'])).to.throw(InvalidDecoratorError, /field #1/);
    expect(() => (schemaOutput as Loose)('a', 'int')).to.throw(InvalidDecoratorError, /field #1/);
    expect(() => schemaOutput(['a', 'int'], ['a', 'float'])).to.throw(InvalidDecoratorError, /declared twice/);
    expect(() => schemaOutput(['a=b', 'int'])).to.throw(InvalidDecoratorError, /'='/);
  });
});
