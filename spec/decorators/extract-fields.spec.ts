import { Table, tableFromArrays } from 'apache-arrow';
import { expect } from 'chai';
import { DataFrame } from 'danfojs';
import { Builder, extractFields, InvalidDecoratorError, node, NodeExecutionError, TypeMismatchError } from 'hamilton-ts';

describe('@extractFields', () => {
  class Stats {
    @extractFields({ mean: Number, label: String })
    @node({ doc: 'Summary statistics.' })
    stats(values: number[]): { mean: number; label: string } {
      return { mean: values.reduce((a, b) => a + b, 0) / values.length, label: `n=${values.length}` };
    }

    @node()
    doubledMean(mean: number): number {
      return mean * 2;
    }
  }

  it('makes one typed node per field', () => {
    const dr = new Builder().withModules(Stats).build();
    expect(dr.execute(['doubledMean', 'label'], { inputs: { values: [1, 2, 3] } })).to.deep.equal({ doubledMean: 4, label: 'n=3' });
    const mean = dr.listAvailableVariables().find((v) => v.name === 'mean')!;
    expect(mean.type).to.equal(Number);
    expect(mean.doc).to.equal('Summary statistics.');
  });

  it('checks edges against the declared field types', () => {
    class WantsString {
      @node()
      shout(mean: string): string {
        return mean.toUpperCase();
      }
    }
    expect(() => new Builder().withModules(Stats, WantsString).build()).to.throw(TypeMismatchError, /'mean'/);
  });

  it('fails clearly on a missing field or a wrongly typed one, and fills when asked', () => {
    class Loose {
      @extractFields({ a: Number, b: Number })
      obj(): Record<string, unknown> {
        return { a: 'one' };
      }

      @extractFields({ c: Number }, { fillWith: 0 })
      other(): Record<string, unknown> {
        return {};
      }
    }
    const dr = new Builder().withModules(Loose).build();
    expect(() => dr.execute(['b'])).to.throw(NodeExecutionError, /No field 'b'.*Loose\.obj/);
    expect(() => dr.execute(['a'])).to.throw(NodeExecutionError, /Field 'a'.*should be number/);
    expect(dr.execute(['c'])).to.deep.equal({ c: 0 });
  });

  it('rejects bad arguments and non-object methods', () => {
    expect(() => extractFields({})).to.throw(InvalidDecoratorError, /at least one field/);
    expect(() => extractFields({ a: 'number' as unknown as NumberConstructor })).to.throw(InvalidDecoratorError, /needs a type/);
    class Scalar {
      @extractFields({ a: Number })
      n(): number {
        return 1;
      }
    }
    expect(() => new Builder().withModules(Scalar).build()).to.throw(InvalidDecoratorError, /needs the method to return an object/);
  });

  // Hamilton's fill_with adds the missing fields to the dict the function returned.
  it('with fillWith, the object node gives a plain object with the missing fields filled, on a copy', async () => {
    const returned: object[] = [];
    class Loose {
      @extractFields({ a: Number, b: Number }, { fillWith: 0 })
      obj(): Record<string, unknown> {
        const value = { a: 1, extra: 'kept' };
        returned.push(value);
        return value;
      }

      @extractFields({ c: Number, d: Number }, { fillWith: null })
      async later(): Promise<Record<string, unknown>> {
        return { c: 3 };
      }
    }
    class Point {
      constructor(readonly x = 1) {}
    }
    class Instance {
      @extractFields({ x: Number, y: Number }, { fillWith: 9 })
      point(): Point {
        return new Point();
      }
    }
    const result = await (await new Builder().withModules(Loose, Instance).buildAsync()).execute(['obj', 'b', 'later', 'point', 'y']);
    expect(result.obj).to.deep.equal({ a: 1, extra: 'kept', b: 0 });
    expect(result.b).to.equal(0);
    expect(returned[0]).to.deep.equal({ a: 1, extra: 'kept' });
    expect(result.later).to.deep.equal({ c: 3, d: null });
    expect(result.point).to.be.instanceOf(Point).and.not.to.have.property('y');
    expect(result.y).to.equal(9);
  });

  // Hamilton's test_extract_fields_validate: field types must be types, the function must return a dict type.
  it('rejects field "types" that are functions, not classes, when the class is defined', () => {
    const notTypes: Record<string, Function> = {
      arrow: () => 1,
      parseFloat,
      asyncFn: async () => 1,
      generator: function* () {
        yield 1;
      },
      plain: function double(x: number) {
        return x * 2;
      },
      method: { m() {} }.m,
    };
    for (const [label, fn] of Object.entries(notTypes)) {
      expect(() => extractFields({ a: fn as NumberConstructor }), label).to.throw(InvalidDecoratorError, /field 'a' is the function .*not a type/);
    }
    class Point {
      constructor(readonly x = 0) {}
    }
    function LegacyPoint(this: { x: number }) {
      this.x = 0;
    }
    LegacyPoint.prototype.norm = function () {
      return 0;
    };
    for (const type of [Number, String, Boolean, Date, Float64Array, Map, Point, LegacyPoint, Point.bind(null)]) {
      expect(() => extractFields({ a: type as NumberConstructor }), type.name).not.to.throw();
    }
  });

  it('rejects a method declared to return a typed array, a DataFrame, a Map or an Arrow table, when the graph is built', () => {
    class Typed {
      @extractFields({ a: Number })
      n(): Float64Array {
        return new Float64Array(1);
      }
    }
    class Frame {
      @extractFields({ a: Number })
      n(): DataFrame {
        return new DataFrame({ a: [1] });
      }
    }
    class Mapped {
      @extractFields({ a: Number })
      n(): Map<string, number> {
        return new Map([['a', 1]]);
      }
    }
    class Arrow {
      @extractFields({ a: Number })
      n(): Table {
        return tableFromArrays({ a: [1] });
      }
    }
    for (const cls of [Typed, Frame, Mapped, Arrow]) {
      expect(() => new Builder().withModules(cls).build(), cls.name).to.throw(
        InvalidDecoratorError,
        new RegExp(`${cls.name}\\.n: @extractFields needs the method to return an object with fields`),
      );
    }
    class Row {
      constructor(readonly a = 1) {}
    }
    class Rows {
      @extractFields({ a: Number })
      n(): Row {
        return new Row();
      }
    }
    expect(new Builder().withModules(Rows).build().execute(['a'])).to.deep.equal({ a: 1 });
  });

  it('on an async method, the sync driver refuses instead of passing a Promise on', () => {
    class Later {
      @extractFields({ x: Number })
      async obj(): Promise<{ x: number }> {
        return { x: 5 };
      }
    }
    const dr = new Builder().withModules(Later).build();
    expect(() => dr.execute(['x'])).to.throw(/is async; .*buildAsync/);
  });
});
