import { expect } from 'chai';
import { HamiltonError } from 'hamilton-ts';
import { checkTagQuery, tagsMatch } from '../../lib/lineage/tag-filter.js';

describe('lineage/tag-filter: Hamilton tag queries', () => {
  const tags = { team: 'growth', pii: ['email', 'phone'], module: 'Spend' };

  it('a string matches the tag value or any value of a list tag', () => {
    expect(tagsMatch(tags, { team: 'growth' })).to.equal(true);
    expect(tagsMatch(tags, { team: 'finance' })).to.equal(false);
    expect(tagsMatch(tags, { pii: 'phone' })).to.equal(true);
    expect(tagsMatch(tags, { pii: 'address' })).to.equal(false);
  });

  it('a list matches when any of its values is among the tag values', () => {
    expect(tagsMatch(tags, { team: ['finance', 'growth'] })).to.equal(true);
    expect(tagsMatch(tags, { pii: ['address', 'email'] })).to.equal(true);
    expect(tagsMatch(tags, { pii: ['address', 'ssn'] })).to.equal(false);
  });

  it('null matches when the tag exists, whatever its value', () => {
    expect(tagsMatch(tags, { pii: null })).to.equal(true);
    expect(tagsMatch(tags, { owner: null })).to.equal(false);
  });

  it('every key must match; an empty query matches everything', () => {
    expect(tagsMatch(tags, { team: 'growth', pii: 'email', module: null })).to.equal(true);
    expect(tagsMatch(tags, { team: 'growth', pii: 'ssn' })).to.equal(false);
    expect(tagsMatch(tags, {})).to.equal(true);
    expect(tagsMatch({}, { team: null })).to.equal(false);
  });

  it('rejects query values that are not a string, a non-empty list of strings, or null', () => {
    expect(() => checkTagQuery({ team: 'growth', pii: ['a'], owner: null })).not.to.throw();
    for (const bad of [3, [], ['ok', 4], { a: 1 }, undefined, true]) {
      expect(() => checkTagQuery({ team: bad as never }), JSON.stringify(bad)).to.throw(HamiltonError, /'team'/);
    }
  });
});
