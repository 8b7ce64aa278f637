import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addSources, compile, freshProject, install, node, packedPackage, removeFolder, REPO_TSC, sizeOf } from './consumer-project.js';

/** What spec/package/consumer/plain/main.ts prints. */
interface Failure {
  readonly name: string;
  readonly isHamiltonError: boolean;
  readonly packageName?: string;
  readonly message: string;
}
interface Report {
  readonly loadedAtImport: readonly string[];
  readonly result: Record<string, unknown>;
  readonly dot: string;
  readonly wrongInputType: Failure | 'no error';
  readonly driverDefault: Failure | 'no error';
  readonly schemaCheck: Failure | 'no error';
  readonly svg: Failure | 'no error';
}

const OPTIONAL_PACKAGES = ['danfojs', 'class-validator', '@hpcc-js/wasm-graphviz', '@nestjs/common', 'bullmq', 'express', 'xlsx', '@tensorflow/tfjs'];
const MB = 1024 * 1024;

function report(dir: string, outDir: string): Report {
  return JSON.parse(node([path.join(dir, outDir, 'main.js')], dir).stdout) as Report;
}

function expectMissing(failure: Failure | 'no error', packageName: string): Failure {
  expect(failure, `using a feature that needs ${packageName}`).to.not.equal('no error');
  const f = failure as Failure;
  expect(f.name).to.equal('MissingPackageError');
  expect(f.isHamiltonError).to.equal(true);
  expect(f.packageName).to.equal(packageName);
  expect(f.message).to.include(`npm install ${packageName}`);
  return f;
}

// Slow by nature: packs the package and installs it into a fresh project from the registry (npm's cache
// makes repeats take seconds).
describe('package: npm install of the packed hamilton-ts alone, into a fresh project', function () {
  this.timeout(300_000);
  let dir: string | undefined;
  let nodeModulesBytes = 0;

  before(() => {
    const tarball = packedPackage();
    dir = freshProject();
    // As a user types it: no overrides, no --legacy-peer-deps, no --force.
    install(dir, [tarball]);
    nodeModulesBytes = sizeOf(path.join(dir, 'node_modules'));
    // What compiling the user's project takes, installed after the size is measured.
    install(dir, ['@types/node@20'], true);
    addSources(dir, 'plain');
  });

  after(() => removeFolder(dir));

  it('installs no optional peer (no data-frame library, no validator, no renderer, no Nest, no BullMQ)', () => {
    for (const name of OPTIONAL_PACKAGES) {
      expect(fs.existsSync(path.join(dir!, 'node_modules', name)), `node_modules/${name}`).to.equal(false);
    }
    expect(fs.existsSync(path.join(dir!, 'node_modules', 'hamilton-ts', 'dist', 'lib', 'index.js'))).to.equal(true);
  });

  it('keeps node_modules under 15 MB', () => {
    expect(nodeModulesBytes / MB).to.be.below(15);
  });

  it('ships a LICENSE, and the sources its source maps name', () => {
    const root = path.join(dir!, 'node_modules', 'hamilton-ts');
    expect(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')).to.include('The Clear BSD License');
    const mapFile = path.join(root, 'dist', 'lib', 'driver', 'builder.js.map');
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[]; sourceRoot?: string };
    for (const source of map.sources) {
      const resolved = path.resolve(path.dirname(mapFile), map.sourceRoot ?? '', source);
      expect(fs.existsSync(resolved), `${source} from ${mapFile}`).to.equal(true);
    }
  });

  it('ships every picture the README shows, at the path its absolute URL names (the npm page resolves no relative link)', () => {
    const root = path.join(dir!, 'node_modules', 'hamilton-ts');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
    expect(pictures.length).to.be.greaterThan(0);
    for (const url of pictures) {
      const shipped = /^https:\/\/unpkg\.com\/hamilton-ts\/(.+)$/.exec(url);
      expect(shipped, `${url} is an absolute URL into the published package`).to.not.equal(null);
      expect(fs.existsSync(path.join(root, shipped![1])), `${shipped![1]} is in the package`).to.equal(true);
    }
  });

  describe('a feature set compiled by tsc 5.9 with experimentalDecorators + emitDecoratorMetadata', () => {
    let result: Report;
    before(() => {
      compile(dir!, REPO_TSC, 'dist');
      result = report(dir!, 'dist');
    });

    it("runs the README's quick start as written", () => {
      const printed = node([path.join(dir!, 'dist', 'quick-start.js')], dir!).stdout;
      expect(printed).to.match(/^\{ gross: 12, rounded: 12 \}\ndigraph hamilton \{/);
      expect(printed).to.include('"gross" -> "rounded"');
    });

    it('runs through the Builder (DictResult) and draws its graph', () => {
      expect(result.result).to.deep.equal({ gross: 12, rounded: 12 });
      expect(result.dot).to.match(/^digraph/);
      expect(result.dot).to.include('"net" -> "gross"').and.to.include('"gross" -> "rounded"');
    });

    it('loads none of the optional packages when hamilton-ts is imported', () => {
      const loaded = result.loadedAtImport.map((file) => file.split(`node_modules${path.sep}`).pop()!);
      // Not vacuous: the import does load a package of its own (reflect-metadata, a dependency).
      expect(loaded.some((file) => file.startsWith(`reflect-metadata${path.sep}`))).to.equal(true);
      for (const name of OPTIONAL_PACKAGES) {
        expect(
          loaded.filter((file) => file.startsWith(`${name}${path.sep}`) || file.startsWith(`${name}/`)),
          name,
        ).to.deep.equal([]);
      }
    });

    it('checks input types against the emitted decorator metadata', () => {
      expect(result.wrongInputType).to.not.equal('no error');
      const failure = result.wrongInputType as Failure;
      expect(failure.name).to.equal('TypeMismatchError');
      expect(failure.isHamiltonError).to.equal(true);
      expect(failure.message).to.include('net');
    });

    it('new Driver(config, X) still defaults to DataFrameResult, and its execute says to install danfojs with the xlsx override', () => {
      const failure = expectMissing(result.driverDefault, 'danfojs');
      expect(failure.message).to.include('"overrides": { "xlsx": "0.18.5" }');
      expect(failure.message).to.include('DictResult');
    });

    it('a schema check without class-validator says to install it', () => {
      expectMissing(result.schemaCheck, 'class-validator');
    });

    it('an SVG picture without the Graphviz WASM renderer says to install it', () => {
      expectMissing(result.svg, '@hpcc-js/wasm-graphviz');
    });
  });

  describe("the same project compiled by TypeScript 7 (the registry's newest major)", () => {
    let result: Report;
    before(() => {
      install(dir!, ['typescript@^7'], true);
      compile(dir!, path.join(dir!, 'node_modules', 'typescript', 'bin', 'tsc'), 'dist-ts7');
      result = report(dir!, 'dist-ts7');
    });

    it('runs, with decorator metadata kept (input types are checked)', () => {
      expect(result.result).to.deep.equal({ gross: 12, rounded: 12 });
      expect(result.wrongInputType).to.not.equal('no error');
      expect((result.wrongInputType as Failure).name).to.equal('TypeMismatchError');
    });
  });
});
