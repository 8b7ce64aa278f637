import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HamiltonError } from '../../lib/errors/index.js';
import { isNotInstalled, MissingPackageError, requireOptional } from '../../lib/errors/optional-package.js';
import { thrown } from '../helpers.js';

describe('errors/optional-package: optional peers loaded on first use', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamilton-ts-optional-'));
    fs.writeFileSync(path.join(dir, 'throws.js'), "throw new Error('boom at load');\n");
    fs.writeFileSync(path.join(dir, 'needs-missing.js'), "require('hamilton-ts-no-such-inner-package');\n");
    fs.writeFileSync(path.join(dir, 'fine.js'), 'module.exports = { answer: 42 };\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a package that is not installed is a MissingPackageError naming it, what needs it and how to install it', () => {
    const error = thrown(() => requireOptional('hamilton-ts-no-such-package', 'Doing X'));
    expect(error).to.be.instanceOf(MissingPackageError).and.instanceOf(HamiltonError);
    const e = error as MissingPackageError;
    expect(e.packageName).to.equal('hamilton-ts-no-such-package');
    expect(e.message).to.include('Doing X needs').and.include('npm install hamilton-ts-no-such-package');
    expect((e.cause as NodeJS.ErrnoException).code).to.equal('MODULE_NOT_FOUND');
  });

  it('an installed package is returned as it is', () => {
    expect(requireOptional<{ answer: number }>(path.join(dir, 'fine.js'), 'Doing X')).to.deep.equal({ answer: 42 });
  });

  it('a package that fails for another reason is not reported as missing', () => {
    expect(() => requireOptional(path.join(dir, 'throws.js'), 'Doing X')).to.throw(Error, 'boom at load');
    const inner = thrown(() => requireOptional(path.join(dir, 'needs-missing.js'), 'Doing X'));
    expect(inner).to.not.be.instanceOf(MissingPackageError);
    expect((inner as Error).message).to.include('hamilton-ts-no-such-inner-package');
  });

  it("recognises CommonJS's and ESM's not-found errors for the package itself only", () => {
    const cjs = Object.assign(new Error("Cannot find module 'danfojs'\nRequire stack: ..."), { code: 'MODULE_NOT_FOUND' });
    const esm = Object.assign(new Error("Cannot find package '@hpcc-js/wasm-graphviz' imported from /x.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(isNotInstalled(cjs, 'danfojs')).to.equal(true);
    expect(isNotInstalled(esm, '@hpcc-js/wasm-graphviz')).to.equal(true);
    expect(isNotInstalled(cjs, 'xlsx')).to.equal(false);
    expect(isNotInstalled(new Error("Cannot find module 'danfojs'"), 'danfojs')).to.equal(false);
    expect(isNotInstalled(null, 'danfojs')).to.equal(false);
    expect(isNotInstalled('text', 'danfojs')).to.equal(false);
  });
});
