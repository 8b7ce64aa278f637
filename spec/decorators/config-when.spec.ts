import { expect } from 'chai';
import { DataFrame, Series } from 'danfojs';
import {
  Builder,
  configWhen,
  configWhenIn,
  configWhenNot,
  configWhenNotIn,
  DuplicateNodeError,
  extractColumns,
  HamiltonError,
  InvalidDecoratorError,
  MissingInputError,
  node,
  parameterizeValues,
  type Config,
  type FeatureSet,
} from 'hamilton-ts';

const build = (config: Config, ...modules: FeatureSet[]) =>
  new Builder()
    .withConfig(config)
    .withModules(...modules)
    .build();
const names = (config: Config, ...modules: FeatureSet[]) =>
  build(config, ...modules)
    .listAvailableVariables()
    .filter((v) => !v.isExternalInput)
    .map((v) => v.name);

describe('@configWhen family', () => {
  class Survey {
    @configWhen({ mode: 'batch' })
    signups__batch(base: number): number {
      return base + 1;
    }

    @configWhen({ mode: 'streaming' })
    signups__streaming(base: number): number {
      return base + 2;
    }

    doubled(signups: number): number {
      return signups * 2;
    }
  }

  describe('@configWhen', () => {
    it('selects the variant whose condition matches; variants share the node name', () => {
      const batch = build({ mode: 'batch' }, Survey);
      expect(batch.execute(['doubled'], { inputs: { base: 10 } })).to.deep.equal({ doubled: 22 });
      const streaming = build({ mode: 'streaming' }, Survey);
      expect(streaming.execute(['signups', 'doubled'], { inputs: { base: 10 } })).to.deep.equal({ signups: 12, doubled: 24 });
      const signups = streaming.listAvailableVariables().find((v) => v.name === 'signups')!;
      expect(signups.originatingFunctions).to.deep.equal(['Survey.signups__streaming']);
    });

    it('makes no node when no variant matches (a missing key reads as undefined)', () => {
      expect(names({ mode: 'replay' }, Survey)).to.deep.equal(['doubled']);
      expect(names({}, Survey)).to.deep.equal(['doubled']);
      // Nothing computes `signups` now: it is an input the run must provide.
      expect(() => build({}, Survey).execute(['doubled'], { inputs: { base: 1 } })).to.throw(MissingInputError, "'signups'");
      expect(build({}, Survey).execute(['doubled'], { inputs: { signups: 4 } })).to.deep.equal({ doubled: 8 });
    });

    it('compares strictly: the string "1" is not the number 1', () => {
      class Strict {
        @configWhen({ version: 1 })
        model(): string {
          return 'v1';
        }
      }
      expect(names({ version: '1' }, Strict)).to.deep.equal([]);
      expect(names({ version: 1 }, Strict)).to.deep.equal(['model']);
    });

    it('requires every key of one condition to match', () => {
      class Both {
        @configWhen({ mode: 'batch', region: 'eu' })
        shipping(): number {
          return 1;
        }
      }
      expect(names({ mode: 'batch', region: 'eu' }, Both)).to.deep.equal(['shipping']);
      expect(names({ mode: 'batch', region: 'us' }, Both)).to.deep.equal([]);
      expect(names({ mode: 'batch' }, Both)).to.deep.equal([]);
    });
  });

  describe('@configWhenNot', () => {
    class Pricing {
      @configWhenNot({ region: 'eu' })
      tax__default(): number {
        return 0.1;
      }

      @configWhen({ region: 'eu' })
      tax__eu(): number {
        return 0.2;
      }
    }

    it('includes the method unless a key has the given value; a missing key includes it', () => {
      expect(build({ region: 'us' }, Pricing).execute(['tax'])).to.deep.equal({ tax: 0.1 });
      expect(build({}, Pricing).execute(['tax'])).to.deep.equal({ tax: 0.1 });
      expect(build({ region: 'eu' }, Pricing).execute(['tax'])).to.deep.equal({ tax: 0.2 });
    });

    it('excludes the method when any key has its value', () => {
      class Two {
        @configWhenNot({ region: 'eu', mode: 'test' })
        live(): boolean {
          return true;
        }
      }
      expect(names({ region: 'us', mode: 'prod' }, Two)).to.deep.equal(['live']);
      expect(names({ region: 'us', mode: 'test' }, Two)).to.deep.equal([]);
      expect(names({ region: 'eu', mode: 'prod' }, Two)).to.deep.equal([]);
    });
  });

  describe('@configWhenIn and @configWhenNotIn', () => {
    class Loading {
      @configWhenIn({ mode: ['batch', 'backfill'] })
      rows__offline(): string {
        return 'offline';
      }

      @configWhenNotIn({ mode: ['batch', 'backfill'] })
      rows__online(): string {
        return 'online';
      }
    }

    it('selects by membership in the listed values', () => {
      expect(build({ mode: 'batch' }, Loading).execute(['rows'])).to.deep.equal({ rows: 'offline' });
      expect(build({ mode: 'backfill' }, Loading).execute(['rows'])).to.deep.equal({ rows: 'offline' });
      expect(build({ mode: 'streaming' }, Loading).execute(['rows'])).to.deep.equal({ rows: 'online' });
      // A missing key is `undefined`, which is in no list: the NotIn variant is selected.
      expect(build({}, Loading).execute(['rows'])).to.deep.equal({ rows: 'online' });
    });

    it('can list undefined to select a variant when the key is missing', () => {
      class Defaulted {
        @configWhenIn({ mode: [undefined, 'default'] })
        setting(): number {
          return 1;
        }
      }
      expect(names({}, Defaulted)).to.deep.equal(['setting']);
      expect(names({ mode: 'default' }, Defaulted)).to.deep.equal(['setting']);
      expect(names({ mode: 'other' }, Defaulted)).to.deep.equal([]);
    });
  });

  describe('stacking', () => {
    class Stacked {
      @configWhen({ mode: 'batch' })
      @configWhenNotIn({ region: ['eu', 'uk'] })
      @configWhenNot({ dryRun: true })
      report(): string {
        return 'report';
      }
    }

    it('includes the method only when every config decorator passes', () => {
      expect(names({ mode: 'batch', region: 'us' }, Stacked)).to.deep.equal(['report']);
      expect(names({ mode: 'batch', region: 'us', dryRun: false }, Stacked)).to.deep.equal(['report']);
      expect(names({ mode: 'batch', region: 'us', dryRun: true }, Stacked)).to.deep.equal([]);
      expect(names({ mode: 'batch', region: 'uk' }, Stacked)).to.deep.equal([]);
      expect(names({ mode: 'streaming', region: 'us' }, Stacked)).to.deep.equal([]);
    });

    it("tags the nodes with the config keys used (Hamilton's hamilton.config)", () => {
      const dr = build({ mode: 'batch', region: 'us' }, Stacked, Survey);
      const tags = (name: string) => dr.listAvailableVariables().find((v) => v.name === name)!.tags;
      expect(tags('report')['hamilton.config']).to.equal('mode,region,dryRun');
      expect(tags('signups')['hamilton.config']).to.equal('mode');
      expect(tags('doubled')).to.not.have.property('hamilton.config');
      expect(dr.listAvailableVariables({ tags: { 'hamilton.config': null } }).map((v) => v.name)).to.have.members(['report', 'signups']);
    });

    it('composes with @extractColumns in any written order: the columns come from the selected variant', () => {
      class Frames {
        @extractColumns('budget', 'age')
        @configWhen({ mode: 'batch' })
        surveyResults__batch(): DataFrame {
          return new DataFrame({ budget: [100, 200], age: [30, 40] });
        }

        @configWhen({ mode: 'streaming' })
        @extractColumns('budget', 'age')
        surveyResults__streaming(): DataFrame {
          return new DataFrame({ budget: [1, 2], age: [3, 4] });
        }
      }
      const run = (mode: string) => (build({ mode }, Frames).execute(['budget']).budget as Series).values;
      expect(run('batch')).to.deep.equal([100, 200]);
      expect(run('streaming')).to.deep.equal([1, 2]);
      const dr = build({ mode: 'streaming' }, Frames);
      const age = dr.listAvailableVariables().find((v) => v.name === 'age')!;
      expect(age.originatingFunctions).to.deep.equal(['Frames.surveyResults__streaming']);
      expect(age.tags['hamilton.config']).to.equal('mode');
    });

    it('composes with @parameterizeValues: an excluded method makes none of its outputs', () => {
      class Shifts {
        @parameterizeValues('weeks', { spendShift1: 1, spendShift2: 2 })
        @configWhen({ shifts: 'on' })
        spendShift(spend: number, weeks: number): number {
          return spend * 10 + weeks;
        }
      }
      expect(build({ shifts: 'on' }, Shifts).execute(['spendShift1', 'spendShift2'], { inputs: { spend: 5 } })).to.deep.equal({
        spendShift1: 51,
        spendShift2: 52,
      });
      expect(names({ shifts: 'off' }, Shifts)).to.deep.equal([]);
    });

    it('works the same on async methods', async () => {
      class Remote {
        @configWhen({ source: 'api' })
        async price__api(): Promise<number> {
          return 42;
        }

        @configWhen({ source: 'cache' })
        async price__cache(): Promise<number> {
          return 7;
        }
      }
      const dr = await new Builder().withConfig({ source: 'cache' }).withModules(Remote).buildAsync();
      expect(await dr.execute(['price'])).to.deep.equal({ price: 7 });
    });
  });

  describe('errors', () => {
    it('two variants both selected are a DuplicateNodeError naming both', () => {
      class Overlap {
        @configWhenIn({ mode: ['batch', 'backfill'] })
        rows__offline(): number {
          return 1;
        }

        @configWhen({ mode: 'backfill' })
        rows__backfill(): number {
          return 2;
        }
      }
      expect(names({ mode: 'batch' }, Overlap)).to.deep.equal(['rows']);
      let error: unknown;
      try {
        build({ mode: 'backfill' }, Overlap);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(DuplicateNodeError);
      const duplicate = error as DuplicateNodeError;
      expect(duplicate.nodeName).to.equal('rows');
      expect(duplicate.definitions).to.have.members(['Overlap.rows__offline', 'Overlap.rows__backfill']);
      expect(duplicate.message).to.contain('Overlap.rows__offline').and.contain('Overlap.rows__backfill');
    });

    it('an excluded method is never parsed; an included one with a destructured parameter fails', () => {
      class Lazy {
        @configWhen({ legacy: true })
        oldFeature({ a }: { a: number }): number {
          return a;
        }
      }
      expect(names({ legacy: false }, Lazy)).to.deep.equal([]);
      expect(() => build({ legacy: true }, Lazy)).to.throw(HamiltonError, 'destructured');
    });

    it('a variant name ending in __ is an InvalidDecoratorError when the graph is built', () => {
      class Trailing {
        @configWhen({ mode: 'batch' })
        rows__(): number {
          return 1;
        }
      }
      expect(() => build({ mode: 'batch' }, Trailing)).to.throw(InvalidDecoratorError, "Trailing.rows__: a method name ending in '__'");
    });

    const badUses: [string, () => unknown, string][] = [
      ['configWhen(null)', () => configWhen(null as never), 'give an object'],
      ['configWhen([])', () => configWhen([] as never), 'got an array'],
      ['configWhen({})', () => configWhen({}), 'at least one config key'],
      ['configWhenNot({})', () => configWhenNot({}), '@configWhenNot: name at least one config key'],
      ['configWhenIn({ mode: "batch" })', () => configWhenIn({ mode: 'batch' as never }), "the value of 'mode' must be an array"],
      ['configWhenIn({ mode: [] })', () => configWhenIn({ mode: [] }), "'mode' is empty"],
      ['configWhenNotIn({ mode: 1 })', () => configWhenNotIn({ mode: 1 as never }), '@configWhenNotIn: the value of'],
    ];
    for (const [label, use, message] of badUses) {
      it(`${label} is an InvalidDecoratorError when the decorator is applied`, () => {
        expect(use).to.throw(InvalidDecoratorError, message);
      });
    }

    it('misuse fails when the class is defined, before any driver exists', () => {
      expect(() => {
        class Bad {
          @configWhenIn({ mode: 'batch' as never })
          rows(): number {
            return 1;
          }
        }
        return Bad;
      }).to.throw(InvalidDecoratorError);
    });

    it('the recorded condition is a copy: changing the object later changes nothing', () => {
      const condition: Record<string, string> = { mode: 'batch' };
      class Copied {
        @configWhen(condition)
        @node()
        rows(): number {
          return 1;
        }
      }
      condition.mode = 'streaming';
      expect(names({ mode: 'batch' }, Copied)).to.deep.equal(['rows']);
      expect(names({ mode: 'streaming' }, Copied)).to.deep.equal([]);
    });
  });
});
