import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, type FeatureCatalog } from 'hamilton-ts';
import { Customers, Orders } from '../fixtures/lineage-shop.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'lib', 'cli', 'main.js');
const JS_MODULE = 'dist/spec/fixtures/lineage-shop.js';
const TS_MODULE = 'spec/fixtures/lineage-shop.ts';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a child process from the package root. */
function cli(...args: string[]): Run {
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** A failed run: exit code 2 and exactly one line on stderr, which is returned. */
function failure(run: Run): string {
  expect(run.status, run.stdout).to.equal(2);
  const lines = run.stderr.split('\n').filter((line) => line.length > 0);
  expect(lines, run.stderr).to.have.length(1);
  expect(lines[0]).to.match(/^hamilton-ts: /);
  return lines[0];
}

function success(run: Run): string {
  expect(run.status, run.stderr).to.equal(0);
  expect(run.stderr).to.equal('');
  return run.stdout;
}

/** Node names of the lineage table (first column, header skipped). */
function tableNames(stdout: string): string[] {
  return stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/)[0]);
}

describe('cli: npx hamilton-ts', function () {
  this.timeout(60000);
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hamilton-cli-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('lists its commands in --help and is the package bin', () => {
    const help = success(cli('--help'));
    for (const command of ['view', 'lineage', 'catalog', 'validate']) expect(help).to.match(new RegExp(`^  ${command} \\[options\\] <module>`, 'm'));
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; version: string };
    expect(manifest.bin['hamilton-ts']).to.equal('dist/lib/cli/main.js');
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).to.equal(true);
    const npx = spawnSync('npx', ['--no-install', 'hamilton-ts', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(npx.status, npx.stderr).to.equal(0);
    expect(npx.stdout.trim()).to.equal(manifest.version);
  });

  describe('lineage', () => {
    it('--upstream prints the nodes a node depends on, inclusive, as a table', () => {
      const out = success(cli('lineage', JS_MODULE, '--upstream', 'loyaltyScore', '--config', 'region=eu'));
      expect(out.split('\n')[0]).to.match(/^node\s+type\s+external\s+defined by$/);
      expect(tableNames(out)).to.deep.equal([
        'age',
        'ageBand',
        'averageOrderValue',
        'birthYear',
        'loyaltyScore',
        'orderCount',
        'orderTotals',
        'referenceYear',
        'spendLimit',
      ]);
      expect(out).to.match(/^spendLimit\s+number\s+no\s+Customers\.spendLimit__eu$/m);
      expect(out).to.match(/^birthYear\s+number\s+yes$/m);
    });

    it('--config selects the variant (values parsed as JSON when they can be)', () => {
      expect(tableNames(success(cli('lineage', JS_MODULE, '--upstream', 'spendLimit', '-c', 'region=us')))).to.deep.equal([
        'age',
        'birthYear',
        'creditScore',
        'referenceYear',
        'spendLimit',
      ]);
      const json = JSON.parse(success(cli('lineage', JS_MODULE, '--downstream', 'region', '--json', '-c', 'region=eu', 'limit=4')));
      expect(json).to.deep.equal([{ name: 'region', type: 'unknown', tags: {}, doc: '', isExternalInput: true, originatingFunctions: [] }]);
    });

    it('--downstream --json prints Variables with their type names', () => {
      const json = JSON.parse(success(cli('lineage', JS_MODULE, '--downstream', 'age', '--json', '-c', 'region=eu'))) as {
        name: string;
        type: string;
        tags: Record<string, string>;
      }[];
      expect(json.map((v) => v.name)).to.deep.equal(['age', 'ageBand', 'discount', 'loyaltyScore', 'spendLimit']);
      expect(json[0]).to.deep.include({ name: 'age', type: 'number', isExternalInput: false, doc: 'Age in whole years at the reference year.' });
      expect(json[0].tags).to.deep.equal({ module: 'Customers', pii: 'true', owner: 'growth' });
    });

    it('--path A B prints the nodes between; no path, two queries or an unknown node fail in one line', () => {
      expect(tableNames(success(cli('lineage', JS_MODULE, '--path', 'birthYear', 'loyaltyScore', '-c', 'region=eu')))).to.deep.equal([
        'age',
        'ageBand',
        'birthYear',
        'loyaltyScore',
        'spendLimit',
      ]);
      expect(failure(cli('lineage', JS_MODULE, '--path', 'email', 'discount'))).to.include("No path found between 'email' and 'discount'");
      expect(failure(cli('lineage', JS_MODULE, '--path', 'email'))).to.include('--path takes two node names');
      expect(failure(cli('lineage', JS_MODULE, '--upstream', 'age', '--downstream', 'age'))).to.include('exactly one of');
      expect(failure(cli('lineage', JS_MODULE))).to.include('exactly one of');
      expect(failure(cli('lineage', JS_MODULE, '--upstream', 'agee'))).to.include("'agee' (did you mean 'age'");
    });

    it('loads a TypeScript module through ts-node, with the same answer', () => {
      const fromTs = success(cli('lineage', TS_MODULE, '--downstream', 'orderTotals', '-c', 'region=eu'));
      expect(fromTs).to.equal(success(cli('lineage', JS_MODULE, '--downstream', 'orderTotals', '-c', 'region=eu')));
      expect(tableNames(fromTs)).to.deep.equal(['averageOrderValue', 'discount', 'loyaltyScore', 'orderCount', 'orderTotals']);
    });
  });

  describe('view', () => {
    const driver = () => new Builder().withConfig({ region: 'eu' }).withModules(Customers, Orders).build();

    it('--out dag.dot writes the DOT displayAllFunctions gives; --out dag.svg renders it', () => {
      const dot = path.join(folder, 'dag.dot');
      expect(success(cli('view', JS_MODULE, '-c', 'region=eu', '--out', dot))).to.equal(`Wrote ${dot}.\n`);
      expect(readFileSync(dot, 'utf8')).to.equal(driver().displayAllFunctions());
      const svg = path.join(folder, 'pictures', 'dag.svg');
      success(cli('view', TS_MODULE, '-c', 'region=eu', '--out', svg, '--orient', 'TB', '--no-legend'));
      const text = readFileSync(svg, 'utf8');
      expect(text).to.include('<svg').and.include('<title>loyaltyScore</title>');
      expect(text).not.to.include('<title>cluster_legend</title>');
    });

    it('without --out prints the DOT text on stdout (whole graph, or what --outputs runs)', () => {
      expect(success(cli('view', JS_MODULE, '-c', 'region=eu'))).to.equal(driver().displayAllFunctions());
      const execution = success(cli('view', JS_MODULE, '-c', 'region=eu', '--outputs', 'ageBand', '--orient', 'TB'));
      expect(execution).to.equal(driver().visualizeExecution(['ageBand'], { bypassValidation: true, orient: 'TB' }));
    });

    it('--out dag.png rasterises the same SVG layout (Graphviz WASM, then resvg), at 96 dpi', () => {
      const png = path.join(folder, 'pictures', 'dag.png');
      expect(success(cli('view', JS_MODULE, '-c', 'region=eu', '--out', png))).to.equal(`Wrote ${png}.\n`);
      const bytes = readFileSync(png);
      expect(bytes.subarray(0, 8).toString('hex')).to.equal('89504e470d0a1a0a');
      expect(bytes.subarray(12, 16).toString('ascii')).to.equal('IHDR');
      const svg = path.join(folder, 'pictures', 'same.svg');
      success(cli('view', JS_MODULE, '-c', 'region=eu', '--out', svg));
      const [, widthPt, heightPt] = /<svg width="(\d+)pt" height="(\d+)pt"/.exec(readFileSync(svg, 'utf8'))!;
      // Graphviz sizes SVGs in points; a PNG pixel is 3/4 of a point.
      expect(bytes.readUInt32BE(16)).to.be.closeTo((Number(widthPt) * 4) / 3, 1);
      expect(bytes.readUInt32BE(20)).to.be.closeTo((Number(heightPt) * 4) / 3, 1);
    });

    it('--out dag.png without @resvg/resvg-js (an optional peer) fails in one line naming the package', () => {
      const hide = path.join(folder, 'hide-resvg.js');
      writeFileSync(
        hide,
        `const Module = require('module'); const resolve = Module._resolveFilename;
         Module._resolveFilename = function (request, ...rest) {
           if (request === '@resvg/resvg-js') { const e = new Error("Cannot find module '@resvg/resvg-js'"); e.code = 'MODULE_NOT_FOUND'; throw e; }
           return resolve.call(this, request, ...rest);
         };`,
      );
      const child = spawnSync(process.execPath, ['-r', hide, CLI, 'view', JS_MODULE, '--out', path.join(folder, 'none.png')], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      const line = failure({ status: child.status, stdout: child.stdout, stderr: child.stderr });
      expect(line).to.include("needs the package '@resvg/resvg-js'").and.include('npm install @resvg/resvg-js');
    });

    it('--outputs draws what computing them runs, with --inputs given and the rest missing', () => {
      const inputs = path.join(folder, 'inputs.json');
      writeFileSync(inputs, JSON.stringify({ birthYear: 1990 }));
      const dot = path.join(folder, 'exec.dot');
      success(cli('view', JS_MODULE, '-c', 'region=eu', '--outputs', 'ageBand,spendLimit', '--inputs', inputs, '--out', dot));
      const expected = driver().visualizeExecution(['ageBand', 'spendLimit'], { inputs: { birthYear: 1990 }, bypassValidation: true });
      const text = readFileSync(dot, 'utf8');
      expect(text).to.equal(expected);
      expect(text).to.match(/"referenceYear" \[[^\n]*class="hamilton input missing"/);
      expect(text).to.match(/"birthYear" \[[^\n]*class="hamilton input"/);
      expect(text).not.to.include('"loyaltyScore"');
    });

    it('--out lineage.html writes the explorer page; wrong combinations fail in one line', () => {
      const html = path.join(folder, 'lineage.html');
      success(cli('view', JS_MODULE, '-c', 'region=eu', '--out', html, '--title', 'Shop'));
      const page = readFileSync(html, 'utf8');
      expect(page).to.include('<title>Shop</title>').and.include('<svg').and.include('id="lineage-data"');
      expect(failure(cli('view', JS_MODULE, '--out', html, '--outputs', 'age'))).to.include('whole graph');
      expect(failure(cli('view', JS_MODULE, '--out', path.join(folder, 'dag.jpg')))).to.include('must end in .svg, .png, .dot (or .gv) or .html');
      expect(failure(cli('view', JS_MODULE, '--out', path.join(folder, 'x.dot'), '--orient', 'XY'))).to.include("orient 'XY'");
    });
  });

  describe('catalog', () => {
    it('prints Markdown by default, with source lines', () => {
      const markdown = success(cli('catalog', JS_MODULE, '-c', 'region=eu'));
      expect(markdown.startsWith('# Feature catalog\n')).to.equal(true);
      const line =
        readFileSync(path.join(ROOT, TS_MODULE), 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('  age(birthYear')) + 1;
      expect(markdown).to.include(`| \`age\` | function | number | \`Customers.age\` (\`${TS_MODULE}:${line}\`) |`);
    });

    it('--format json prints the catalog the driver builds; --out writes it', () => {
      const json = JSON.parse(success(cli('catalog', TS_MODULE, '--format', 'json', '-c', 'region=eu'))) as FeatureCatalog;
      // The CLI loaded the TypeScript module itself: its feature sets are named by that file.
      const tsModule = TS_MODULE;
      expect(json.nodes.filter((n) => n.featureSet).every((n) => n.featureSet!.module === tsModule)).to.equal(true);
      const sameModule = (catalog: FeatureCatalog) =>
        catalog.nodes.map((n) => (n.featureSet ? { ...n, featureSet: { ...n.featureSet, module: tsModule } } : n));
      expect(sameModule(json)).to.deep.equal(JSON.parse(JSON.stringify(sameModule(driver().featureCatalog({ root: ROOT })))));
      const out = path.join(folder, 'catalog.md');
      expect(success(cli('catalog', JS_MODULE, '--out', out))).to.equal('');
      expect(readFileSync(out, 'utf8')).to.include('## `loyaltyScore`');
      expect(failure(cli('catalog', JS_MODULE, '--format', 'xml'))).to.include("--format 'xml' is not md or json");
    });

    function driver() {
      return new Builder().withConfig({ region: 'eu' }).withModules(Customers, Orders).build();
    }
  });

  describe('validate', () => {
    it('says OK when the outputs can be computed; exits 2 with the missing inputs on one line otherwise', () => {
      const inputs = path.join(folder, 'age-inputs.json');
      writeFileSync(inputs, JSON.stringify({ birthYear: 1990, referenceYear: 2024 }));
      expect(success(cli('validate', JS_MODULE, '--outputs', 'age,ageBand', '--inputs', inputs))).to.equal(
        'OK: age, ageBand can be computed with the given inputs and config.\n',
      );
      const missing = failure(cli('validate', JS_MODULE, '--outputs', 'loyaltyScore', '--inputs', inputs, '-c', 'region=eu'));
      expect(missing).to.include("1 required input is missing: 'orderTotals', needed by Orders.orderCount, Orders.averageOrderValue; Pass them");
      const overrides = path.join(folder, 'overrides.json');
      writeFileSync(overrides, JSON.stringify({ orderCount: 3, averageOrderValue: 20 }));
      success(cli('validate', JS_MODULE, '--outputs', 'loyaltyScore', '--inputs', inputs, '--overrides', overrides, '-c', 'region=eu'));
    });

    it('checks input types, and refuses an inputs file that is not a JSON object', () => {
      const wrong = path.join(folder, 'wrong.json');
      writeFileSync(wrong, JSON.stringify({ birthYear: 'x', referenceYear: 2024 }));
      expect(failure(cli('validate', JS_MODULE, '--outputs', 'age', '--inputs', wrong))).to.include("'birthYear' should be number");
      const list = path.join(folder, 'list.json');
      writeFileSync(list, '[1, 2]');
      expect(failure(cli('validate', JS_MODULE, '--outputs', 'age', '--inputs', list))).to.include('must be a JSON object: it holds an array');
      const broken = path.join(folder, 'broken.json');
      writeFileSync(broken, '{ nope');
      expect(failure(cli('validate', JS_MODULE, '--outputs', 'age', '--inputs', broken))).to.include('must be a JSON object');
      expect(failure(cli('validate', JS_MODULE))).to.include("required option '--outputs <names...>'");
    });
  });

  describe('samples/ecommerce', () => {
    const ECOMMERCE = 'dist/samples/ecommerce/features/index.js';

    it('answers where age is used, describing feature sets whose constructors need a database without running them', () => {
      expect(tableNames(success(cli('lineage', ECOMMERCE, '--downstream', 'age', '-c', 'mode=batch')))).to.deep.equal([
        'age',
        'ageMean',
        'ageNormalized',
        'ageStddev',
        'featureSetV1',
      ]);
      const realtime = JSON.parse(success(cli('lineage', ECOMMERCE, '--upstream', 'featureSetV1', '-c', 'mode=realtime', '--json'))) as {
        name: string;
        isExternalInput: boolean;
      }[];
      expect(realtime.filter((v) => v.isExternalInput).map((v) => v.name)).to.deep.equal(['executionTime', 'surveyRecord']);
    });

    it('view --highlight pii=true fills the PII nodes; the catalog points at the loader that makes age', () => {
      const dot = path.join(folder, 'ecommerce.dot');
      success(cli('view', ECOMMERCE, '-c', 'mode=batch', '--highlight', 'pii=true', '--out', dot));
      const text = readFileSync(dot, 'utf8');
      for (const name of ['age', 'gender', 'clientId']) expect(text).to.match(new RegExp(`^  "${name}" \\[[^\\n]*fillcolor="#f4a6a6"`, 'm'));
      expect(text).to.match(/^ {2}"budget" \[[^\n]*fillcolor="#b4d8e4"/m);
      expect(text).to.match(/"legend:custom" \[label=<pii=true>/);
      expect(failure(cli('view', ECOMMERCE, '--highlight', 'pii', '--out', dot))).to.include("--highlight 'pii' is not tag=value");

      const catalog = JSON.parse(success(cli('catalog', ECOMMERCE, '-c', 'mode=batch', '--format', 'json'))) as {
        nodes: { name: string; tags: Record<string, string>; source?: { file: string; line: number } }[];
      };
      const age = catalog.nodes.find((n) => n.name === 'age')!;
      expect(age.tags).to.include({ pii: 'true', source: 'db.survey_results' });
      const loader = 'samples/ecommerce/features/load-data.ts';
      const line =
        readFileSync(path.join(ROOT, loader), 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('surveyResults__batch(')) + 1;
      expect(age.source).to.deep.equal({ file: loader, line });
    });
  });

  describe('modules and errors', () => {
    it('a missing module, one without classes, or one that throws is one line and exit code 2', () => {
      expect(failure(cli('lineage', 'nope/missing.js', '--upstream', 'a'))).to.equal("hamilton-ts: Module 'nope/missing.js' does not exist.");
      const noClasses = path.join(folder, 'no-classes.js');
      writeFileSync(noClasses, 'exports.answer = 42; exports.helper = function helper() {};');
      expect(failure(cli('catalog', noClasses))).to.include('exports no class');
      const throwing = path.join(folder, 'throwing.js');
      writeFileSync(throwing, "throw new Error('cannot connect\\nto the database');");
      expect(failure(cli('catalog', throwing))).to.include('failed: Error: cannot connect; to the database');
      expect(failure(cli('catalog', JS_MODULE, '--config', 'novalue'))).to.include("--config 'novalue' is not key=value");
      expect(failure(cli('lineage', JS_MODULE, '--bogus'))).to.include("unknown option '--bogus'");
      expect(failure(cli('bogus'))).to.include("unknown command 'bogus'");
    });

    it('every exported class is a feature set, an ES module too', () => {
      const esm = path.join(folder, 'features.mjs');
      writeFileSync(
        esm,
        'export class Plain { doubled(x) { return 2 * x; } }\nexport class Other { tripled(x) { return 3 * x; } }\nexport const notAClass = () => 1;\n',
      );
      expect(tableNames(success(cli('lineage', esm, '--downstream', 'x')))).to.deep.equal(['doubled', 'tripled', 'x']);
    });
  });
});
