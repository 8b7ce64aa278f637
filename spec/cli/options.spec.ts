import { expect } from 'chai';
import { CliUsageError, oneLine } from '../../lib/cli/errors.js';
import { exportedClasses } from '../../lib/cli/load-module.js';
import { parseConfig, parseNames } from '../../lib/cli/options.js';
import { HamiltonError } from 'hamilton-ts';

describe('cli: option parsing', () => {
  it('--config values are JSON when they parse, strings otherwise; the key is what precedes the first =', () => {
    expect(parseConfig(['region=eu', 'window=4', 'debug=true', 'tags=["a","b"]', 'expr=a=b', 'quoted="4"', 'empty='])).to.deep.equal({
      region: 'eu',
      window: 4,
      debug: true,
      tags: ['a', 'b'],
      expr: 'a=b',
      quoted: '4',
      empty: '',
    });
    expect(parseConfig()).to.deep.equal({});
    expect(() => parseConfig(['=x'])).to.throw(CliUsageError, "--config '=x' is not key=value");
    expect(new CliUsageError('x')).to.be.instanceOf(HamiltonError);
  });

  it('names may be comma-separated, repeated or both', () => {
    expect(parseNames(['a,b', 'c', ' d , ,e'])).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(parseNames('x')).to.deep.equal(['x']);
    expect(parseNames(undefined)).to.deep.equal([]);
  });

  it('error messages fold into one line', () => {
    expect(oneLine(new Error('2 inputs are missing:\n  a\n  b\nPass them.'))).to.equal('2 inputs are missing: a; b; Pass them.');
    expect(oneLine('plain')).to.equal('plain');
  });

  it('exported classes: each once, functions and values ignored, a class exported as the module itself too', () => {
    class A {}
    class B {}
    function notAClass() {}
    expect(exportedClasses({ A, B, again: A, notAClass, value: 3 })).to.deep.equal([A, B]);
    expect(exportedClasses(A)).to.deep.equal([A]);
    expect(exportedClasses(undefined)).to.deep.equal([]);
  });
});
