import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

describe('hamilton-ts package import', () => {
  it('importing hamilton-ts and running a DictResult graph loads no heavy library (danfo, class-validator)', () => {
    // A fresh process (this one has loaded them already); each takes hundreds of milliseconds to import,
    // and the issue wants `import 'hamilton-ts'` fast for graphs that never build a frame or check a schema.
    const script = `
      const { Builder } = require('hamilton-ts');
      class F { b(a) { return a + 1; } }
      const result = new Builder().withModules(F).build().execute(['b'], { inputs: { a: 1 } });
      const heavy = ['danfojs', 'class-validator'].filter((name) =>
        Object.keys(require.cache).some((k) => k.includes('node_modules/' + name + '/')));
      console.log(JSON.stringify({ result, heavy }));`;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' });
    expect(JSON.parse(output.trim())).to.deep.equal({ result: { b: 2 }, heavy: [] });
  });
});
