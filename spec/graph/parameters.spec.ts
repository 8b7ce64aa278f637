import { expect } from 'chai';
import { Driver, InvalidDecoratorError } from 'hamilton-ts';
import { readParameters } from '../../lib/graph/parameters.js';

/** The parameters of `cls.prototype[method]` as the graph reads them. */
function paramsOf(cls: Function, method: string) {
  return readParameters((cls.prototype as Record<string, Function>)[method], `${cls.name}.${method}`);
}

const names = (specs: ReturnType<typeof readParameters>) => specs.map((p) => p.name);

describe('graph/parameters: reading dependencies from compiled methods', () => {
  it('reads plain parameters in order, all required', () => {
    class F {
      c(a: number, b: number): number {
        return a + b;
      }
    }
    expect(paramsOf(F, 'c')).to.deep.equal([
      { name: 'a', optional: false },
      { name: 'b', optional: false },
    ]);
  });

  it('reads a method without parameters as an empty list', () => {
    class F {
      constant(): number {
        return 1;
      }
    }
    expect(paramsOf(F, 'constant')).to.deep.equal([]);
  });

  it('marks parameters with default values as optional', () => {
    class F {
      scaled(x: number, factor = 2, offset: number = 0): number {
        return x * factor + offset;
      }
    }
    expect(paramsOf(F, 'scaled')).to.deep.equal([
      { name: 'x', optional: false },
      { name: 'factor', optional: true },
      { name: 'offset', optional: true },
    ]);
  });

  it('ignores comments inside the parameter list, even ones holding commas and parentheses', () => {
    class F {
      c(
        a: number /* the first, (really) */,
        // b comes second, see f(x)
        b: number,
        /* trailing ) comment */
      ): number {
        return a + b;
      }
    }
    expect(names(paramsOf(F, 'c'))).to.deep.equal(['a', 'b']);
  });

  it('reads multi-line signatures with a trailing comma', () => {
    class F {
      total(spend: number, signups: number, holidays: number): number {
        return spend + signups + holidays;
      }
    }
    expect(names(paramsOf(F, 'total'))).to.deep.equal(['spend', 'signups', 'holidays']);
  });

  it('reads async methods and generator methods', () => {
    class F {
      async fetched(url: string, retries = 3): Promise<string> {
        return `${url}${retries}`;
      }
      *items(first: number, last: number): Iterable<number> {
        for (let i = first; i <= last; i++) yield i;
      }
      async *stream(source: string): AsyncIterable<string> {
        yield source;
      }
    }
    expect(paramsOf(F, 'fetched')).to.deep.equal([
      { name: 'url', optional: false },
      { name: 'retries', optional: true },
    ]);
    expect(names(paramsOf(F, 'items'))).to.deep.equal(['first', 'last']);
    expect(names(paramsOf(F, 'stream'))).to.deep.equal(['source']);
  });

  it('skips default values holding commas, parentheses, objects, arrays, strings and template literals', () => {
    const helper = (x: number, y: number) => x + y;
    class F {
      // Written as is (the parentheses are what the parser must read past):
      // prettier-ignore
      tricky(
        a: number,
        b = helper(1, 2),
        c = { x: 1, y: [2, 3], z: { w: '(,)' } },
        d = [1, [2, 3], 4],
        e = 'a string with ) and , inside',
        f = `template ${helper(4, (5))} with ${'(' + ','} inside`,
        g = (p: number, q: number) => p + q,
        h = /[(,)]/g,
        i = helper.length > 0 ? helper(2, 3) : 4,
        j: number,
      ): number {
        return a + b + c.x + d.length + e.length + f.length + g(1, 2) + h.source.length + i + j;
      }
    }
    expect(paramsOf(F, 'tricky')).to.deep.equal([
      { name: 'a', optional: false },
      { name: 'b', optional: true },
      { name: 'c', optional: true },
      { name: 'd', optional: true },
      { name: 'e', optional: true },
      { name: 'f', optional: true },
      { name: 'g', optional: true },
      { name: 'h', optional: true },
      { name: 'i', optional: true },
      { name: 'j', optional: false },
    ]);
  });

  it('skips defaults holding functions, classes, division next to regex literals and optional chaining', () => {
    const lookup: { y?: number } | undefined = undefined;
    class F {
      defaults(
        ratio = 6 / 2 / 1,
        make = () => ({ a: 1, b: 2 }),
        Cls = class {
          m(p: number, q: number) {
            return `}${p}${q}`;
          }
        },
        fn = function (p: number, q: number) {
          return p + q;
        },
        test = /\)/.test(')'),
        chained = lookup?.y ?? 2,
        big = 1_000n,
        required: number,
      ): unknown {
        return [ratio, make, Cls, fn, test, chained, big, required];
      }
    }
    expect(paramsOf(F, 'defaults').map((p) => `${p.name}${p.optional ? '?' : ''}`)).to.deep.equal([
      'ratio?',
      'make?',
      'Cls?',
      'fn?',
      'test?',
      'chained?',
      'big?',
      'required',
    ]);
  });

  it('reads methods whose names are keywords or computed', () => {
    class F {
      delete(row: number): number {
        return row;
      }
      get(key: string): string {
        return key;
      }
      ['computed' + 'Name'](input: number): number {
        return input;
      }
    }
    expect(names(paramsOf(F, 'delete'))).to.deep.equal(['row']);
    expect(names(paramsOf(F, 'get'))).to.deep.equal(['key']);
    expect(names(paramsOf(F, 'computedName'))).to.deep.equal(['input']);
  });

  it('reads functions and arrow functions too', () => {
    function plain(a: number, b = 1) {
      return a + b;
    }
    const arrow = (x: number, y: number) => x + y;
    const single = (z: number) => z;
    expect(readParameters(plain, 'plain')).to.deep.equal([
      { name: 'a', optional: false },
      { name: 'b', optional: true },
    ]);
    expect(names(readParameters(arrow, 'arrow'))).to.deep.equal(['x', 'y']);
    expect(names(readParameters(single, 'single'))).to.deep.equal(['z']);
  });

  it('rejects a destructured object parameter, naming Class.method and what to do', () => {
    class Features {
      total({ spend, signups }: { spend: number; signups: number }): number {
        return spend + signups;
      }
    }
    expect(() => paramsOf(Features, 'total'))
      .to.throw(InvalidDecoratorError)
      .with.property('message')
      .that.includes('Features.total')
      .and.includes('destructured')
      .and.includes('Give it a name');
  });

  it('rejects a destructured array parameter', () => {
    class Features {
      pair(first: number, [x, y]: number[]): number {
        return first + x + y;
      }
    }
    expect(() => paramsOf(Features, 'pair'))
      .to.throw(InvalidDecoratorError)
      .with.property('message')
      .that.includes('Features.pair')
      .and.includes('#2');
  });

  it('rejects a rest parameter, naming it and what to do', () => {
    class Features {
      sum(first: number, ...others: number[]): number {
        return others.reduce((s, v) => s + v, first);
      }
    }
    expect(() => paramsOf(Features, 'sum'))
      .to.throw(InvalidDecoratorError)
      .with.property('message')
      .that.includes('Features.sum')
      .and.includes('...others')
      .and.includes('own parameter');
  });

  it('gives a clear error for bound (native) functions, whose names cannot be read', () => {
    function scaled(x: number) {
      return x * 2;
    }
    expect(() => readParameters(scaled.bind(null), 'Features.scaled'))
      .to.throw(InvalidDecoratorError)
      .with.property('message')
      .that.includes('Cannot read the parameter names of Features.scaled')
      .and.includes('bound');
    expect(() => readParameters(Math.max, 'Math.max')).to.throw(InvalidDecoratorError, /native/);
  });

  it('a bound function placed on a feature-set class fails the graph build, naming Class.method', () => {
    class Features {
      base(): number {
        return 1;
      }
    }
    function doubled(this: unknown, base: number) {
      return base * 2;
    }
    (Features.prototype as unknown as Record<string, unknown>).doubled = doubled.bind({});
    expect(() => new Driver({}, Features))
      .to.throw(InvalidDecoratorError)
      .with.property('message')
      .that.includes('Features.doubled');
  });

  it('destructured and rest parameters fail when the driver builds the graph', () => {
    class Features {
      total({ spend }: { spend: number }): number {
        return spend;
      }
    }
    expect(() => new Driver({}, Features)).to.throw(InvalidDecoratorError, /Features\.total/);
  });
});
