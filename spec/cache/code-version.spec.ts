import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, tag } from 'hamilton-ts';
import { moduleHelpers, normalisedSource, referencedHelpers } from '../../lib/cache/source.js';

describe('code versions', () => {
  let folder: string;
  let written = 0;
  before(() => (folder = mkdtempSync(path.join(tmpdir(), 'hamilton-code-'))));
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** Loads a module file written from `text` (a new file each time, as an edited file would be). */
  function load(text: string): Function {
    const file = path.join(folder, `flow-${written++}.cjs`);
    writeFileSync(file, `${text}\nmodule.exports = { Flow };\n`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module the test wrote, by path
    return (require(file) as { Flow: Function }).Flow;
  }

  function versions(cls: Function): Record<string, string | undefined> {
    const dr = new Builder()
      .withModules(cls)
      .withCache({ path: path.join(folder, 'store') })
      .build();
    return { scaled: dr.cache.codeVersion('scaled'), plain: dr.cache.codeVersion('plain'), dag: dr.cache.dagVersion };
  }

  const module = (helper: string, rate = '3', inner = 'return v;') => `
    function inner(v) { ${inner} }
    function helper(x) { ${helper} }
    const RATE = ${rate};
    class Flow {
      scaled(x) { return helper(x) * RATE; }
      plain(x) { return x; }
    }`;

  it('changes when a module-local helper the method calls changes, and only for the methods that call it', () => {
    const before = versions(load(module('return inner(x) * 2;')));
    const after = versions(load(module('return inner(x) * 4;')));
    expect(after.scaled).to.be.a('string').and.not.equal(before.scaled);
    expect(after.plain).to.equal(before.plain);
    expect(after.dag).not.to.equal(before.dag);
  });

  it('follows helpers through other helpers, and reads module constants as code', () => {
    const before = versions(load(module('return inner(x) * 2;')));
    expect(versions(load(module('return inner(x) * 2;', '3', 'return v + 1;'))).scaled).not.to.equal(before.scaled);
    expect(versions(load(module('return inner(x) * 2;', '4'))).scaled).not.to.equal(before.scaled);
  });

  it('does not change for comments, blank lines and indentation, in the method or its helpers', () => {
    const before = versions(load(module('return inner(x) * 2;')));
    const after = versions(load(`// a comment at the top\n${module('/* doubled */ return   inner(x)\n\n * 2; // done\n')}`));
    expect(after.scaled).to.equal(before.scaled);
    expect(after.dag).to.equal(before.dag);
  });

  it('changes with the arguments of the decorators on the method', () => {
    function make(owner: string): Function {
      class Flow {
        @tag({ owner })
        scaled(x: number): number {
          return x;
        }
        plain(x: number): number {
          return x;
        }
      }
      return Flow;
    }
    expect(versions(make('a')).scaled).to.equal(versions(make('a')).scaled);
    expect(versions(make('a')).scaled).not.to.equal(versions(make('b')).scaled);
  });

  it('has none for inputs', () => {
    const dr = new Builder()
      .withModules(load(module('return x;')))
      .withCache({ path: path.join(folder, 'store') })
      .build();
    expect(dr.cache.codeVersion('x')).to.equal(undefined);
  });

  describe('reading sources', () => {
    it('normalises tokens only: strings keep their spaces', () => {
      expect(normalisedSource('f(a)  {\n return "a  b"; // c\n}')).to.equal(normalisedSource('f(a){return "a  b"}'.replace('"}', '";}')));
      expect(normalisedSource('f() { return "a  b"; }')).not.to.equal(normalisedSource('f() { return "a b"; }'));
    });

    it('finds top-level functions and variables (TypeScript source with decorators too), not nested ones', () => {
      const file = path.join(folder, 'helpers.ts');
      writeFileSync(
        file,
        `import { node } from 'hamilton-ts';
         export function top(a: number = 1, b = {}): number { function nested() { return 1; } return a + nested(); }
         const arrow = (x: number) => x * 2;
         export class Flow { @node() m(x: number): number { return top(x) + arrow(x); } }`,
      );
      const helpers = moduleHelpers(file);
      expect([...helpers.keys()].sort()).to.deep.equal(['arrow', 'top']);
      expect(referencedHelpers(normalisedSource('m(x) { return top(x); }'), helpers)).to.deep.equal(['top']);
    });
  });
});
