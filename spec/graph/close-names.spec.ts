import { expect } from 'chai';
import * as fc from 'fast-check';
import { HamiltonError, UnknownNodeError } from 'hamilton-ts';
import { closeNames, nearMisses, unknownNodeError } from '../../lib/graph/close-names.js';

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

/** Plain Levenshtein distance, the reference the bounded one must agree with. */
function levenshtein(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return rows[a.length][b.length];
}

describe('graph/close-names: near misses that explain a missing input', () => {
  it('finds the node a parameter name is a typo of, and nothing for short or distant names', () => {
    expect(nearMisses('revnue', ['revenue', 'margin', 'price'])).to.deep.equal(['revenue']);
    expect(nearMisses('Revenue', ['revenue'])).to.deep.equal(['revenue']);
    expect(nearMisses('x', ['y', 'a'])).to.deep.equal([]);
    expect(nearMisses('cost', ['costPerUnit'])).to.deep.equal([]);
  });

  it('agrees with a plain Levenshtein reference: within max(1, length/4) edits, closest first, at most three', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A'), minLength: 0, maxLength: 9 });
    fc.assert(
      fc.property(word, fc.uniqueArray(word, { maxLength: 12 }), (name, known) => {
        const limit = Math.max(1, Math.floor(name.length / 4));
        const expected =
          name.length < 4
            ? []
            : known
                .map((k) => [levenshtein(name.toLowerCase(), k.toLowerCase()), k] as const)
                .filter(([d]) => d <= limit)
                .sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]))
                .slice(0, 3)
                .map(([, k]) => k);
        expect(nearMisses(name, known)).to.deep.equal(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('a name that is not a string is a HamiltonError saying so, not a failed comparison', () => {
    expect(() => unknownNodeError([5 as unknown as string], ['a'])).to.throw(HamiltonError, 'Node names are strings; got number 5');
  });
});
