import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * Without decorator type metadata (TC39 decorators, emitDecoratorMetadata off, a type-stripping runner) node
 * types are unknown and edge and input types go unchecked: hamilton-ts says so once per process. Each case runs
 * in a fresh Node process, since "once per process" is the behaviour under test.
 */
const projectRoot = path.resolve(__dirname, '../../..');
const fixture = fs.readFileSync(path.join(projectRoot, 'spec/fixtures/tc39/features.ts'), 'utf8');

type Build = 'standard' | 'legacy without metadata' | 'legacy with metadata';

function compile(build: Build): string {
  return ts.transpileModule(fixture, {
    fileName: 'features.ts',
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      esModuleInterop: true,
      experimentalDecorators: build !== 'standard',
      emitDecoratorMetadata: build === 'legacy with metadata',
    },
  }).outputText;
}

/** Loads the fixture built so in a new process, builds a driver of it twice, and returns what console.warn got. */
function warningsOf(build: Build, dir: string): string[] {
  const file = path.join(dir, `${build.replace(/ /g, '-')}.js`);
  fs.writeFileSync(file, compile(build));
  const script = `
    const seen = [];
    console.warn = (...args) => seen.push(args.join(' '));
    const { Builder } = require('hamilton-ts');
    const { SurveyFeatures } = require(${JSON.stringify(file)});
    for (let i = 0; i < 2; i++) new Builder().withConfig({ mode: 'batch' }).withModules(SurveyFeatures).build();
    process.stdout.write(JSON.stringify(seen));
  `;
  const child = spawnSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8' });
  expect(child.status, child.stderr).to.equal(0);
  return JSON.parse(child.stdout) as string[];
}

describe('missing decorator type metadata is said once, with what is not checked', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(projectRoot, 'dist', 'metadata-warning-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('standard (TC39) decorators: one warning for the whole fixture, naming the unchecked edge and input types', () => {
    const warnings = warningsOf('standard', dir);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('decorator type metadata is missing');
    expect(warnings[0]).to.include('standard TC39 decorators');
    expect(warnings[0]).to.include('edge types between nodes and input value types are not checked');
    expect(warnings[0]).to.include('"emitDecoratorMetadata": true');
  });

  it('legacy decorators with emitDecoratorMetadata off (as tsx or esbuild give them): one warning, naming the method', () => {
    const warnings = warningsOf('legacy without metadata', dir);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/first seen on SurveyFeatures\.\w+: emitDecoratorMetadata is off/);
  });

  it('legacy decorators with metadata (tsc, ts-node): no warning', () => {
    expect(warningsOf('legacy with metadata', dir)).to.deep.equal([]);
  });
});
