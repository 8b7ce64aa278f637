import { expect } from 'chai';
import { Builder, HamiltonError, UnknownNodeError, node, type Variable } from 'hamilton-ts';

class Spend {
  @node({ doc: 'Spend doubled.' })
  doubled(spend: number): number {
    return spend * 2;
  }
  perSignup(doubled: number, signups: number): number {
    return doubled / signups;
  }
  report(perSignup: number, region: string): string {
    return `${region}:${perSignup}`;
  }
}

class Other {
  isolated(unrelatedInput: number): number {
    return unrelatedInput;
  }
}

const driver = () => new Builder().withConfig({ region: 'eu', verbose: true }).withModules(Spend, Other).build();
const names = (variables: Variable[]) => variables.map((v) => v.name).sort();

describe('lineage: variables and queries', () => {
  describe('listAvailableVariables', () => {
    it('lists every node, functions and external inputs and config, in the documented shape', () => {
      const variables = driver().listAvailableVariables();
      expect(names(variables)).to.deep.equal(
        ['doubled', 'isolated', 'perSignup', 'region', 'report', 'signups', 'spend', 'unrelatedInput', 'verbose'].sort(),
      );
      const doubled = variables.find((v) => v.name === 'doubled')!;
      expect(doubled).to.deep.equal({
        name: 'doubled',
        type: Number,
        tags: { module: 'Spend' },
        doc: 'Spend doubled.',
        isExternalInput: false,
        originatingFunctions: ['Spend.doubled'],
        origin: { class: 'Spend', method: 'doubled' },
      });
      const spend = variables.find((v) => v.name === 'spend')!;
      expect(spend).to.deep.equal({
        name: 'spend',
        type: Number,
        tags: {},
        doc: '',
        isExternalInput: true,
        originatingFunctions: ['Spend.doubled'],
      });
      const region = variables.find((v) => v.name === 'region')!;
      expect(region.isExternalInput).to.equal(true);
      expect(variables.find((v) => v.name === 'perSignup')!.type).to.equal(undefined);
    });

    // Hamilton gives an external node the functions that declare it (graph.add_dependency).
    it("an external input's or config value's originatingFunctions are the methods reading it; it has no origin", () => {
      class Shared {
        half(spend: number): number {
          return spend / 2;
        }
        withRegion(spend: number, region: string, extra = 0): string {
          return `${region}${spend + extra}`;
        }
      }
      const variables = new Builder().withConfig({ region: 'eu', verbose: true }).withModules(Spend, Shared).build().listAvailableVariables();
      const of = (name: string) => variables.find((v) => v.name === name)!;
      expect(of('spend').originatingFunctions).to.deep.equal(['Spend.doubled', 'Shared.half', 'Shared.withRegion']);
      expect(of('region').originatingFunctions).to.deep.equal(['Spend.report', 'Shared.withRegion']);
      expect(of('extra').originatingFunctions).to.deep.equal(['Shared.withRegion']);
      expect(of('verbose').originatingFunctions).to.deep.equal([]);
      for (const name of ['spend', 'region', 'extra', 'verbose']) expect(of(name)).not.to.have.property('origin');
      expect(of('half').originatingFunctions).to.deep.equal(['Shared.half']);
    });

    it('filters by tags: every key must match, a list matches any value, null means the tag exists', () => {
      const dr = driver();
      expect(names(dr.listAvailableVariables({ tags: { module: 'Spend' } }))).to.deep.equal(['doubled', 'perSignup', 'report']);
      expect(names(dr.listAvailableVariables({ tags: { module: ['Other', 'Nope'] } }))).to.deep.equal(['isolated']);
      expect(names(dr.listAvailableVariables({ tags: { module: null } }))).to.deep.equal(['doubled', 'isolated', 'perSignup', 'report']);
      expect(dr.listAvailableVariables({ tags: { module: 'Spend', team: null } })).to.deep.equal([]);
      expect(dr.listAvailableVariables({ tags: { module: 'Missing' } })).to.deep.equal([]);
      expect(dr.listAvailableVariables({ tags: {} })).to.have.length(9);
    });

    it('a bad query value is an error, not an empty answer', () => {
      const dr = driver();
      expect(() => dr.listAvailableVariables({ tags: { module: 3 as never } })).to.throw(HamiltonError, /'module'/);
      expect(() => dr.listAvailableVariables({ tags: { module: [] } })).to.throw(HamiltonError, /non-empty/);
      expect(() => dr.listAvailableVariables({ tags: { module: ['a', 1 as never] } })).to.throw(HamiltonError);
      expect(() => dr.listAvailableVariables({ tags: { module: undefined as never } })).to.throw(HamiltonError);
    });
  });

  describe('upstream, downstream and paths', () => {
    it('whatIsUpstreamOf is inclusive and follows every dependency, external inputs too', () => {
      expect(names(driver().whatIsUpstreamOf('perSignup'))).to.deep.equal(['doubled', 'perSignup', 'signups', 'spend']);
      expect(names(driver().whatIsUpstreamOf('doubled', 'isolated'))).to.deep.equal(['doubled', 'isolated', 'spend', 'unrelatedInput']);
      expect(names(driver().whatIsUpstreamOf('spend'))).to.deep.equal(['spend']);
    });

    it('whatIsDownstreamOf is inclusive and follows every dependent', () => {
      expect(names(driver().whatIsDownstreamOf('spend'))).to.deep.equal(['doubled', 'perSignup', 'report', 'spend']);
      expect(names(driver().whatIsDownstreamOf('region'))).to.deep.equal(['region', 'report']);
      expect(names(driver().whatIsDownstreamOf('report'))).to.deep.equal(['report']);
    });

    it('returns each node once, as a Variable', () => {
      const up = driver().whatIsUpstreamOf('report', 'perSignup');
      expect(up.length).to.equal(new Set(up.map((v) => v.name)).size);
      expect(up.find((v) => v.name === 'report')!.originatingFunctions).to.deep.equal(['Spend.report']);
    });

    it('whatIsThePathBetween gives the nodes on the paths, inclusive; empty without a path', () => {
      expect(names(driver().whatIsThePathBetween('spend', 'report'))).to.deep.equal(['doubled', 'perSignup', 'report', 'spend']);
      expect(names(driver().whatIsThePathBetween('signups', 'report'))).to.deep.equal(['perSignup', 'report', 'signups']);
      expect(driver().whatIsThePathBetween('report', 'spend')).to.deep.equal([]);
      expect(driver().whatIsThePathBetween('spend', 'isolated')).to.deep.equal([]);
    });

    it('unknown names are UnknownNodeErrors listing each, with close names', () => {
      const dr = driver();
      expect(() => dr.whatIsUpstreamOf('dubled', 'nothingLikeIt'))
        .to.throw(UnknownNodeError)
        .with.property('unknown')
        .that.deep.equals([
          { name: 'dubled', suggestions: ['doubled'] },
          { name: 'nothingLikeIt', suggestions: [] },
        ]);
      expect(() => dr.whatIsDownstreamOf('reprt')).to.throw(UnknownNodeError, /'report'/);
      expect(() => dr.whatIsThePathBetween('spend', 'nope')).to.throw(UnknownNodeError, /'nope'/);
      expect(() => dr.whatIsThePathBetween('nope', 'spend')).to.throw(UnknownNodeError, /'nope'/);
    });

    it('asking about no names at all is an error', () => {
      expect(() => driver().whatIsUpstreamOf()).to.throw(HamiltonError, /at least one/);
    });
  });
});
