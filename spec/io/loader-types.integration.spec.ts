import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * TypeScript 7 (the registry's newest major, fetched by npx) on the loader-types fixture, compiled as a consumer
 * compiles against the package: the built declarations (dist/lib/index.d.ts, so `npm run build` first), the
 * README's compiler options. It must accept every right use and refuse every marked wrong one: the fixture as it
 * is compiles (an unused `@ts-expect-error` would fail it), and with its markers removed exactly the marked
 * lines fail.
 */
const projectRoot = path.resolve(__dirname, '../../..');
const fixturePath = path.join(projectRoot, 'spec/io/fixtures/loader-types.ts');
const MARKER = '// @ts-expect-error';

interface Compiled {
  readonly status: number | null;
  readonly output: string;
}

function typescript7(dir: string, file: string): Compiled {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      strict: true,
      skipLibCheck: true,
      esModuleInterop: true,
      noEmit: true,
      paths: { 'hamilton-ts': [path.join(projectRoot, 'dist/lib/index.d.ts')] },
    },
    files: [file],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const child = spawnSync(npx, ['-y', '-p', 'typescript@7', 'tsc', '-p', dir], { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.error) throw child.error;
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

describe('io/loader types under TypeScript 7', function () {
  this.timeout(300_000);
  let dir: string;
  // Inside the repository, so that the fixture's own imports (apache-arrow) resolve from its node_modules.
  before(() => (dir = fs.mkdtempSync(path.join(projectRoot, 'dist', 'loader-types-ts7-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('accepts every right use, and refuses every marked wrong use (no marker is left unused)', () => {
    const compiled = typescript7(dir, fixturePath);
    expect(compiled.output).to.match(/^\s*$/);
    expect(compiled.status).to.equal(0);
  });

  it('with the markers removed, exactly the marked lines fail', () => {
    const lines = fs.readFileSync(fixturePath, 'utf8').split('\n');
    const marked = lines.flatMap((line, i) => (line.trim().startsWith(MARKER) ? [i + 2] : []));
    const stripped = path.join(dir, 'stripped.ts');
    fs.writeFileSync(stripped, lines.map((line) => (line.trim().startsWith(MARKER) ? '' : line)).join('\n'));
    const compiled = typescript7(dir, stripped);
    expect(compiled.status).to.not.equal(0);
    const failing = [...compiled.output.matchAll(/stripped\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
    expect([...new Set(failing)].sort((a, b) => a - b)).to.deep.equal(marked);
  });
});
