import { expect } from 'chai';
import { UnknownNodeError } from 'hamilton-ts';
import { closeNames, unknownNodeError } from '../../lib/graph/close-names.js';

describe('graph/close-names: did-you-mean suggestions', () => {
  const known = ['avg3wkSpend', 'spendPerSignup', 'spendShift3Weeks', 'signups', 'spend'];

  it('suggests names within a small edit distance, closest first, case-insensitively', () => {
    expect(closeNames('avg3wkSpnd', known)).to.deep.equal(['avg3wkSpend']);
    expect(closeNames('SIGNUPS', known)[0]).to.equal('signups');
    expect(closeNames('spnd', known)[0]).to.equal('spend');
  });

  it('suggests names containing what was typed', () => {
    expect(closeNames('Shift3', known)).to.include('spendShift3Weeks');
  });

  it('gives at most three suggestions and none for a name unlike any', () => {
    expect(closeNames('spend', ['spend1', 'spend2', 'spend3', 'spend4']).length).to.equal(3);
    expect(closeNames('completelyUnrelated', known)).to.deep.equal([]);
  });

  it('builds one UnknownNodeError for all unknown names, each once', () => {
    const error = unknownNodeError(['spnd', 'zzzzzz', 'spnd'], known);
    expect(error).to.be.instanceOf(UnknownNodeError);
    expect(error.unknown.map((u) => u.name)).to.deep.equal(['spnd', 'zzzzzz']);
    expect(error.message).to.include("'spnd' (did you mean 'spend'");
  });
});
