import { expect } from 'chai';
import { applyTo, Builder, InvalidDecoratorError, mutate, pipeOutput, source, step, value } from 'hamilton-ts';

// Hamilton's tests/resources/mutate.py as a feature set: the mutators are private methods of the same class.
class Mutated {
  upstream(): string {
    return '-upstream-';
  }

  userInput(): string {
    return '-user input-';
  }

  fOfInterest(userInput: string): string {
    return `${userInput}-raw function-`;
  }

  downstreamF(fOfInterest: string): string {
    return `${fOfInterest}-downstream.`;
  }

  @mutate('fOfInterest')
  _mutate0(x: string): string {
    return `${x}-post pipe 0-`;
  }

  @mutate(applyTo('fOfInterest', { upstream: source('upstream') }).named('random'))
  _mutate1(x: string, upstream: string): string {
    return `${x}-post pipe 1 with ${upstream}-`;
  }

  @mutate(applyTo('fOfInterest', { someVal: value(1000) }))
  _mutate2(x: string, someVal: number): string {
    return `${x}-post pipe 2 with value ${someVal}-`;
  }

  chainNotUsingMutate(): string {
    return `${this._mutate2(this._mutate1(this._mutate0('-user input--raw function-'), '-upstream-'), 1000)}-downstream.`;
  }

  v(): number {
    return 10;
  }

  chain1UsingMutate(v: number): number {
    return v * 10;
  }

  chain1NotUsingMutate(v: number, input1: number, input2: number, calcC = false): number {
    const b = this._addTwo(this._addOne(v * 10));
    return this._multiplyN(this._addN(calcC ? this._addN(b, 3) : b, input1), input2);
  }

  chain2UsingMutate(v: number): number {
    return v + 10;
  }

  chain2NotUsingMutate(v: number): number {
    return this._multiplyN(this._square(v + 10), 2);
  }

  @mutate(applyTo('chain2UsingMutate').named('a'))
  _square(v: number): number {
    return v * v;
  }

  @mutate(applyTo('chain1UsingMutate').named('a'))
  _addOne(v: number): number {
    return v + 1;
  }

  @mutate(applyTo('chain1UsingMutate').named('b'))
  _addTwo(v: number): number {
    return v + 2;
  }

  @mutate(applyTo('chain1UsingMutate', { n: 3 }).named('c').when({ calcC: true }), applyTo('chain1UsingMutate', { n: source('input1') }).named('d'))
  _addN(v: number, n: number): number {
    return v + n;
  }

  @mutate(applyTo('chain1UsingMutate').named('e'), applyTo('chain2UsingMutate', { n: value(2) }).named('b'), { n: source('input2') })
  _multiplyN(v: number, n: number): number {
    return v * n;
  }
}

describe('@mutate', () => {
  // Hamilton: test_mutate_end_to_end_simple
  it("appends the method to the target's output, several mutators in the order they are declared", () => {
    const result = new Builder().withModules(Mutated).build().execute(['downstreamF', 'chainNotUsingMutate']);
    expect(result.downstreamF).to.equal(result.chainNotUsingMutate);
    expect(result.downstreamF).to.contain('-post pipe 0--post pipe 1 with -upstream---post pipe 2 with value 1000-');
  });

  // Hamilton: test_mutate_end_to_end_1 (global and per-target kwargs, .when, several targets per mutator)
  it('matches the hand-written chains, with shared bindings and per-target ones', () => {
    for (const calcC of [true, false]) {
      const result = new Builder()
        .withModules(Mutated)
        .withConfig({ calcC })
        .build()
        .execute(['chain1UsingMutate', 'chain1NotUsingMutate', 'chain2UsingMutate', 'chain2NotUsingMutate'], { inputs: { input1: 10, input2: 20 } });
      expect(result.chain1UsingMutate).to.equal(result.chain1NotUsingMutate);
      expect(result.chain2UsingMutate).to.equal(result.chain2NotUsingMutate);
    }
  });

  it('makes no node of the mutator itself, and names steps under the target', () => {
    const names = new Builder()
      .withModules(Mutated)
      .build()
      .listAvailableVariables()
      .map((v) => v.name);
    expect(names).to.include.members([
      'fOfInterest.raw',
      'fOfInterest.with_mutate0',
      'fOfInterest.random',
      'fOfInterest.with_mutate2',
      'chain1UsingMutate.e',
    ]);
    expect(names.filter((n) => n.startsWith('_'))).to.deep.equal([]);
    class Public {
      base(): number {
        return 1;
      }

      @mutate('base')
      doubled(x: number): number {
        return x * 2;
      }
    }
    const dr = new Builder().withModules(Public).build();
    expect(dr.listAvailableVariables().map((v) => v.name)).to.not.include('doubled');
    expect(dr.execute(['base'])).to.deep.equal({ base: 2 });
  });

  // Hamilton: test_mutate_local_kwargs_override_global_ones (and better: the others stay)
  it("merges a target's own bindings over the shared ones", () => {
    class Merge {
      a(): number {
        return 1;
      }

      b(): number {
        return 1;
      }

      @mutate(applyTo('a', { factor: 13 }), 'b', { factor: 17, offset: 1 })
      _scale(x: number, factor: number, offset: number): number {
        return x * factor + offset;
      }
    }
    expect(new Builder().withModules(Merge).build().execute(['a', 'b'])).to.deep.equal({ a: 14, b: 18 });
  });

  it('joins a @pipeOutput on the same method: its steps first, then the mutators', () => {
    class Both {
      @pipeOutput(step((x: number) => x + 1).named('plus1'))
      total(): number {
        return 1;
      }

      @mutate('total')
      _times10(x: number): number {
        return x * 10;
      }
    }
    const dr = new Builder().withModules(Both).build();
    expect(dr.execute(['total'])).to.deep.equal({ total: 20 });
    expect(dr.listAvailableVariables().filter((v) => v.name.endsWith('.raw'))).to.have.length(1);
  });

  describe('misuse', () => {
    // Better than Hamilton, which ignores a target that does not exist.
    it('refuses a target that is not a method of the class, or the mutator itself, when the class is defined', () => {
      expect(() => {
        class Typo {
          total(): number {
            return 1;
          }

          @mutate('totl')
          _f(x: number): number {
            return x;
          }
        }
        return Typo;
      }).to.throw(InvalidDecoratorError, /_f targets 'totl', which is not a method declared in the same class/);
      expect(() => {
        class Self {
          @mutate('_f')
          _f(x: number): number {
            return x;
          }
        }
        return Self;
      }).to.throw(InvalidDecoratorError, /names itself as a target/);
    });

    it('refuses bad targets and an onOutput naming no output', () => {
      const loose = mutate as (...args: unknown[]) => unknown;
      expect(() => loose()).to.throw(InvalidDecoratorError, /name at least one method to alter/);
      expect(() => loose(3)).to.throw(InvalidDecoratorError, /target #1 is number/);
      expect(() => (applyTo as (...args: unknown[]) => unknown)('')).to.throw(InvalidDecoratorError, /names the method to alter/);
      class Wrong {
        total(): number {
          return 1;
        }

        @mutate(applyTo('total').onOutput('nope'))
        _f(x: number): number {
          return x;
        }
      }
      expect(() => new Builder().withModules(Wrong).build()).to.throw(InvalidDecoratorError, /targets output 'nope'/);
    });
  });
});
