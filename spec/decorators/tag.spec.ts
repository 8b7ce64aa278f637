import { expect } from 'chai';
import { DataFrame, Series } from 'danfojs';
import {
  Builder,
  configWhen,
  extractColumns,
  extractFields,
  HamiltonError,
  InvalidDecoratorError,
  node,
  parameterize,
  source,
  tag,
  tagOutputs,
  value,
  type FeatureSet,
  type TagQuery,
} from 'hamilton-ts';

const driver = (...modules: FeatureSet[]) => new Builder().withModules(...modules).build();
const tagsOf = (modules: FeatureSet[], name: string) =>
  driver(...modules)
    .listAvailableVariables()
    .find((v) => v.name === name)!.tags;
const matching = (modules: FeatureSet[], tags: TagQuery) =>
  driver(...modules)
    .listAvailableVariables({ tags })
    .map((v) => v.name)
    .sort();

describe('@tag and @tagOutputs', () => {
  class Customers {
    @tag({ owner: 'data-science', pii: 'false' })
    ageMean(age: number[]): number {
      return age.reduce((a, b) => a + b, 0) / age.length;
    }

    @tag({ owner: 'growth', pii: 'true', 'data.sources': ['crm', 'web'] })
    email(raw: string): string {
      return raw.trim();
    }

    @node()
    plain(ageMean: number): number {
      return ageMean;
    }
  }

  describe('@tag', () => {
    it('adds the tags to the node, next to the module tag, without changing what it computes', () => {
      expect(tagsOf([Customers], 'ageMean')).to.deep.equal({ module: 'Customers', owner: 'data-science', pii: 'false' });
      expect(tagsOf([Customers], 'plain')).to.deep.equal({ module: 'Customers' });
      expect(driver(Customers).execute(['plain'], { inputs: { age: [20, 40] } })).to.deep.equal({ plain: 30 });
    });

    it('several @tag decorators merge; repeating a key with the same value is fine', () => {
      class Merged {
        @tag({ owner: 'ds' })
        @tag({ pii: 'false', owner: 'ds' })
        @tag({ team: ['a', 'b'] })
        feature(): number {
          return 1;
        }
      }
      expect(tagsOf([Merged], 'feature')).to.deep.equal({ module: 'Merged', owner: 'ds', pii: 'false', team: ['a', 'b'] });
    });

    it('one key given two different values by two @tag decorators is an InvalidDecoratorError', () => {
      class Conflict {
        @tag({ owner: 'ds' })
        @tag({ owner: 'growth' })
        feature(): number {
          return 1;
        }
      }
      expect(() => driver(Conflict)).to.throw(
        InvalidDecoratorError,
        "Conflict.feature: tag 'owner' of node 'feature' is set to 'ds' and to 'growth'",
      );
    });

    it('stacked with @extractColumns, tags go to the extracted columns, not the frame', () => {
      class Survey {
        @tag({ pii: 'true' })
        @extractColumns('email', 'budget')
        surveyResults(): DataFrame {
          return new DataFrame({ email: ['a@x', 'b@y'], budget: [1, 2] });
        }
      }
      expect(tagsOf([Survey], 'email')).to.deep.equal({ module: 'Survey', pii: 'true' });
      expect(tagsOf([Survey], 'budget')).to.deep.equal({ module: 'Survey', pii: 'true' });
      expect(tagsOf([Survey], 'surveyResults')).to.deep.equal({ module: 'Survey' });
      expect(matching([Survey], { pii: 'true' })).to.deep.equal(['budget', 'email']);
      expect((driver(Survey).execute(['budget']).budget as Series).values).to.deep.equal([1, 2]);
    });

    it('stacked with @extractFields, tags go to the fields, whatever the written order', () => {
      class Stats {
        @extractFields({ low: Number, high: Number })
        @tag({ owner: 'stats' })
        range(values: number[]): { low: number; high: number } {
          return { low: Math.min(...values), high: Math.max(...values) };
        }
      }
      expect(matching([Stats], { owner: 'stats' })).to.deep.equal(['high', 'low']);
      expect(driver(Stats).execute(['low', 'high'], { inputs: { values: [3, 1, 2] } })).to.deep.equal({ low: 1, high: 3 });
    });

    it('stacked with @parameterize, every output is tagged and the method itself makes no node', () => {
      class Shifted {
        @tag({ kind: 'shift' })
        @parameterize({ shift1: { by: value(1) }, shiftBase: { by: source('base') } })
        shifted(x: number, by: number): number {
          return x + by;
        }
      }
      expect(matching([Shifted], { kind: 'shift' })).to.deep.equal(['shift1', 'shiftBase']);
      expect(driver(Shifted).execute(['shift1', 'shiftBase'], { inputs: { x: 1, base: 10 } })).to.deep.equal({ shift1: 2, shiftBase: 11 });
    });

    it('stacked with @configWhen, the selected variant carries both user and config tags', () => {
      class Variants {
        @tag({ owner: 'batch-team' })
        @configWhen({ mode: 'batch' })
        rows__batch(): number {
          return 1;
        }

        @configWhen({ mode: 'streaming' })
        @tag({ owner: 'streaming-team' })
        rows__streaming(): number {
          return 2;
        }
      }
      const dr = new Builder().withConfig({ mode: 'streaming' }).withModules(Variants).build();
      expect(dr.listAvailableVariables({ tags: { owner: 'streaming-team' } }).map((v) => v.name)).to.deep.equal(['rows']);
      expect(dr.listAvailableVariables().find((v) => v.name === 'rows')!.tags).to.deep.equal({
        module: 'Variants',
        owner: 'streaming-team',
        'hamilton.config': 'mode',
      });
      expect(dr.listAvailableVariables({ tags: { owner: 'batch-team' } })).to.deep.equal([]);
    });
  });

  describe('@tagOutputs', () => {
    class Survey {
      @tagOutputs({ email: { pii: 'true' }, budget: { pii: 'false', unit: 'usd' } })
      @tag({ owner: 'data-science', pii: 'unknown' })
      @extractColumns('email', 'budget', 'age')
      surveyResults(): DataFrame {
        return new DataFrame({ email: ['a@x'], budget: [1], age: [30] });
      }
    }

    it('tags the named produced nodes; on them it refines what @tag sets', () => {
      expect(tagsOf([Survey], 'email')).to.deep.equal({ module: 'Survey', owner: 'data-science', pii: 'true' });
      expect(tagsOf([Survey], 'budget')).to.deep.equal({ module: 'Survey', owner: 'data-science', pii: 'false', unit: 'usd' });
      expect(tagsOf([Survey], 'age')).to.deep.equal({ module: 'Survey', owner: 'data-science', pii: 'unknown' });
    });

    it('refines @tag whichever is written first', () => {
      class Reversed {
        @tag({ pii: 'unknown' })
        @tagOutputs({ email: { pii: 'true' } })
        @extractColumns('email', 'age')
        surveyResults(): DataFrame {
          return new DataFrame({ email: ['a@x'], age: [30] });
        }
      }
      expect(tagsOf([Reversed], 'email').pii).to.equal('true');
      expect(tagsOf([Reversed], 'age').pii).to.equal('unknown');
    });

    it('can tag a node @tag does not reach, such as the frame of an extract', () => {
      class Frame {
        @tagOutputs({ surveyResults: { stage: 'raw' } })
        @extractColumns('age')
        surveyResults(): DataFrame {
          return new DataFrame({ age: [30] });
        }
      }
      expect(tagsOf([Frame], 'surveyResults').stage).to.equal('raw');
      expect(tagsOf([Frame], 'age')).to.not.have.property('stage');
    });

    it('naming a node the method does not produce is an InvalidDecoratorError at graph build', () => {
      class Typo {
        @tagOutputs({ emial: { pii: 'true' } })
        @extractColumns('email')
        surveyResults(): DataFrame {
          return new DataFrame({ email: ['a@x'] });
        }
      }
      expect(() => driver(Typo))
        .to.throw(InvalidDecoratorError, "Typo.surveyResults: @tagOutputs names 'emial'")
        .and.match(/surveyResults, email/);
    });
  });

  describe('listAvailableVariables({ tags }) with these tags', () => {
    it('every key must match; a list matches any of its values; null means the tag exists', () => {
      expect(matching([Customers], { owner: 'growth' })).to.deep.equal(['email']);
      expect(matching([Customers], { owner: ['growth', 'data-science'] })).to.deep.equal(['ageMean', 'email']);
      expect(matching([Customers], { owner: 'data-science', pii: 'true' })).to.deep.equal([]);
      expect(matching([Customers], { pii: null })).to.deep.equal(['ageMean', 'email']);
      expect(matching([Customers], { 'data.sources': 'web' })).to.deep.equal(['email']);
      expect(matching([Customers], { 'data.sources': ['mobile', 'crm'] })).to.deep.equal(['email']);
      expect(matching([Customers], { 'data.sources': 'mobile' })).to.deep.equal([]);
      expect(matching([Customers], { module: 'Customers' })).to.deep.equal(['ageMean', 'email', 'plain']);
    });

    it('a malformed query fails loudly', () => {
      expect(() => driver(Customers).listAvailableVariables({ tags: { owner: 3 as never } })).to.throw(HamiltonError, "'owner'");
    });
  });

  describe('validation when the decorator is applied', () => {
    const bad: [string, () => unknown, string][] = [
      ['a reserved namespace', () => tag({ 'hamilton.owner': 'x' }), "uses the reserved namespace 'hamilton'"],
      ['the module namespace', () => tag({ module: 'x' }), "reserved namespace 'module'"],
      ['the gdpr namespace', () => tag({ 'gdpr.scope': 'x' }), "reserved namespace 'gdpr'"],
      ['a key that is not an identifier', () => tag({ 'owner-name': 'x' }), "tag key 'owner-name' must be identifiers joined by dots"],
      ['an empty key segment', () => tag({ 'data..owner': 'x' }), "tag key 'data..owner'"],
      ['an empty key', () => tag({ '': 'x' }), "tag key ''"],
      ['a key starting with a digit', () => tag({ '1st': 'x' }), "tag key '1st'"],
      ['an empty value', () => tag({ owner: '' }), "tag 'owner' must be a non-empty string"],
      ['an empty list', () => tag({ owner: [] }), 'got an empty array'],
      ['a list with a non-string', () => tag({ owner: ['a', 1 as never] }), "tag 'owner' must be"],
      ['a list with duplicates', () => tag({ owner: ['a', 'a'] }), "the values of tag 'owner' must be unique"],
      ['a number value', () => tag({ owner: 3 as never }), 'got number'],
      ['no tags', () => tag({}), 'give at least one tag'],
      ['no object', () => tag(null as never), 'give an object'],
      ['@tagOutputs without nodes', () => tagOutputs({}), '@tagOutputs: name at least one node'],
      ['@tagOutputs with a bad tag', () => tagOutputs({ email: { 'gdpr.x': 'y' } }), "@tagOutputs: for node 'email': tag key 'gdpr.x'"],
      ['@tagOutputs with a non-object', () => tagOutputs({ email: 'pii' as never }), "for node 'email': give an object"],
    ];
    for (const [label, use, message] of bad) {
      it(`rejects ${label}`, () => {
        expect(use).to.throw(InvalidDecoratorError, message);
      });
    }

    it('accepts dotted identifiers and unique lists', () => {
      expect(() => tag({ 'data.owner': 'x', _private: 'y', team: ['a', 'b'], hamiltonian: 'z' })).to.not.throw();
    });

    it('fails when the class is defined', () => {
      expect(() => {
        class Bad {
          @tag({ 'dag.x': 'y' })
          feature(): number {
            return 1;
          }
        }
        return Bad;
      }).to.throw(InvalidDecoratorError, '@tag:');
    });
  });
});
