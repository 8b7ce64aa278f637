import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addSources, compile, freshProject, install, node, packedPackage, removeFolder, REPO_TSC } from './consumer-project.js';

/** The override a project installing danfojs needs (danfojs names xlsx by a URL npm cannot always reach). */
export const XLSX_OVERRIDE = { overrides: { xlsx: '0.18.5' } };

// Slow by nature: installs danfojs (and TensorFlow.js with it) into a fresh project from npm's cache.
describe('package: hamilton-ts with danfojs (and the xlsx override) in a fresh project', function () {
  this.timeout(600_000);
  let dir: string | undefined;

  before(() => {
    dir = freshProject(XLSX_OVERRIDE);
    install(dir, [packedPackage(), 'danfojs@^1.2.0']);
    install(dir, ['@types/node@20'], true);
    addSources(dir, 'frames');
    compile(dir, REPO_TSC);
  });

  after(() => removeFolder(dir));

  it('installs danfojs as the peer hamilton-ts names, with xlsx from the registry', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir!, 'node_modules', 'xlsx', 'package.json'), 'utf8')) as { version: string };
    expect(manifest.version).to.equal('0.18.5');
    expect(fs.existsSync(path.join(dir!, 'node_modules', 'danfojs', 'package.json'))).to.equal(true);
  });

  it('new Driver(config, X) builds a DataFrame from Series and @extractColumns outputs', () => {
    const frame = JSON.parse(node([path.join(dir!, 'dist', 'main.js')], dir!).stdout) as { type: string; columns: string[]; rows: number[][] };
    expect(frame.type).to.equal('DataFrame');
    expect(frame.columns).to.deep.equal(['spend', 'signups', 'spendPerSignup']);
    expect(frame.rows).to.deep.equal([
      [10, 1, 10],
      [20, 4, 5],
      [30, 5, 6],
    ]);
  });
});
