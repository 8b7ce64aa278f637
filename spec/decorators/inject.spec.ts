import { expect } from 'chai';
import { Builder, group, inject, InvalidDecoratorError, node, parameterize, source, value } from 'hamilton-ts';

describe('@inject and group()', () => {
  // Hamilton: test_inject (parameterize with the one output the function names)
  it("binds parameters of the method's own node, unbound ones staying dependencies", () => {
    class Injected {
      @inject({ parts: group(source('a'), value(10), source('b')), scale: value(2) })
      @node({ doc: 'Scaled total.' })
      total(parts: number[], scale: number, offset: number): number {
        return scale * parts.reduce((x, y) => x + y, 0) + offset;
      }
    }
    const dr = new Builder().withModules(Injected).build();
    expect(dr.execute(['total'], { inputs: { a: 1, b: 2, offset: 100 } })).to.deep.equal({ total: 126 });
    expect(dr.listAvailableVariables().find((v) => v.name === 'total')!.doc).to.equal('Scaled total.');
    expect(dr.whatIsUpstreamOf('total').map((v) => v.name)).to.have.members(['total', 'a', 'b', 'offset']);
  });

  // Hamilton: group(**kwargs) gives a Dict[str, T]
  it('gives a record for group({ key: ref })', () => {
    class Keyed {
      @inject({ parts: group({ east: source('e'), west: value(5) }) })
      regions(parts: Record<string, number>): string {
        return Object.entries(parts)
          .map(([k, v]) => `${k}=${v}`)
          .join(',');
      }

      @parameterize({ both: { parts: group({ x: source('e'), y: source('e') }) } })
      doubled(parts: Record<string, number>): number {
        return parts.x + parts.y;
      }
    }
    expect(
      new Builder()
        .withModules(Keyed)
        .build()
        .execute(['regions', 'both'], { inputs: { e: 3 } }),
    ).to.deep.equal({ regions: 'east=3,west=5', both: 6 });
  });

  // Hamilton: test_parameterize_group_... rejects a group bound to a parameter that is not a List / Dict
  it('refuses a group bound to a parameter of another type, when the graph is built', () => {
    class NotArray {
      @inject({ n: group(source('a')) })
      f(n: number): number {
        return n;
      }
    }
    expect(() => new Builder().withModules(NotArray).build()).to.throw(
      InvalidDecoratorError,
      /binds 'n' to group\(\.\.\.\), an array, but the parameter is declared as number/,
    );
    class NotRecord {
      @inject({ n: group({ a: source('a') }) })
      f(n: number[]): number {
        return n.length;
      }
    }
    expect(() => new Builder().withModules(NotRecord).build()).to.throw(
      InvalidDecoratorError,
      /group\(\{ \.\.\. \}\), a record, but the parameter is declared as Array/,
    );
  });

  it('refuses an empty group, bad items and bad bindings when the class is defined', () => {
    const looseGroup = group as (...args: unknown[]) => unknown;
    expect(() => looseGroup()).to.throw(InvalidDecoratorError, /group\(\) needs at least one item/);
    expect(() => looseGroup({})).to.throw(InvalidDecoratorError, /group\(\) needs at least one item/);
    expect(() => looseGroup({ a: 3 })).to.throw(InvalidDecoratorError, /key 'a' is number/);
    const looseInject = inject as (...args: unknown[]) => unknown;
    expect(() => looseInject({})).to.throw(InvalidDecoratorError, /bind at least one parameter/);
    expect(() => looseInject({ x: 3 })).to.throw(InvalidDecoratorError, /'x' is bound to number; wrap it in value/);
    expect(() => looseInject(null)).to.throw(InvalidDecoratorError, /takes an object of parameter names/);
    class Unknown {
      @inject({ nope: value(1) })
      f(x: number): number {
        return x;
      }
    }
    expect(() => new Builder().withModules(Unknown).build()).to.throw(InvalidDecoratorError, /'nope', which the method does not have/);
  });
  // Hamilton's test_inject_validate_with_docstring(_replacement): inject is a one-output parameterize.
  it('templates the doc as @parameterize does: bound values, unbound names; a placeholder naming no parameter is an error', () => {
    class Documented {
      @inject({ x: value(1), y: source('base') })
      @node({ doc: '{outputName}: x={x} is injected, y from {y}, z is {z}.' })
      total(x: number, y: number, z: number): number {
        return x + y + z;
      }
    }
    const doc = new Builder()
      .withModules(Documented)
      .build()
      .listAvailableVariables()
      .find((v) => v.name === 'total')!.doc;
    expect(doc).to.equal('total: x=1 is injected, y from base, z is z.');
    class Typo {
      @inject({ x: value(1) })
      @node({ doc: 'x={xx}' })
      total(x: number): number {
        return x;
      }
    }
    expect(() => new Builder().withModules(Typo).build()).to.throw(InvalidDecoratorError, /Typo\.total.*'\{xx\}'/);
  });
});
