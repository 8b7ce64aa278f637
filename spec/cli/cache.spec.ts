import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SQLiteStore } from 'hamilton-ts';
import { CHAIN_NODES } from '../cache/fixtures/chain-flow.js';
import { runChain, type ChainRun } from '../cache/fixtures/processes.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'lib', 'cli', 'main.js');
const DAY_MS = 24 * 60 * 60 * 1000;

interface Listing {
  readonly entries: number;
  readonly results: number;
  readonly bytes: number;
  readonly runs: number;
  readonly nodes: readonly { node: string; entries: number; bytes: number; lastStored: number }[];
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function success(...args: string[]): string {
  const run = cli(...args);
  expect(run.status, run.stderr).to.equal(0);
  expect(run.stderr).to.equal('');
  return run.stdout;
}

/** Exit code 2 and one line on stderr. */
function failure(...args: string[]): string {
  const run = cli(...args);
  expect(run.status, run.stdout).to.equal(2);
  const lines = run.stderr.split('\n').filter((line) => line.length > 0);
  expect(lines, run.stderr).to.have.length(1);
  expect(lines[0]).to.match(/^hamilton-ts: /);
  return lines[0];
}

function allStatuses(run: ChainRun): string[] {
  return [...new Set(CHAIN_NODES.map((node) => run.statuses[node]))];
}

describe('cli: hamilton-ts cache ls | clear | gc', function () {
  this.timeout(60000);
  let folder: string;
  const list = (): Listing => JSON.parse(success('cache', 'ls', '--store', folder, '--json')) as Listing;

  /** Marks the results a run stored or read as last used `ageMs` ago. */
  function age(run: ChainRun, ageMs: number): void {
    const store = new SQLiteStore(folder);
    try {
      store.db
        .prepare('UPDATE results SET used_at = ? WHERE data_version IN (SELECT data_version FROM cache_logs WHERE run_id = ?)')
        .run(Date.now() - ageMs, run.runId);
    } finally {
      store.close();
    }
  }

  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'hamilton-cache-cli-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is listed in --help with its three subcommands', () => {
    expect(success('--help')).to.match(/^ {2}cache /m);
    const help = success('cache', '--help');
    for (const sub of ['ls', 'clear', 'gc']) expect(help).to.match(new RegExp(`^  ${sub} \\[options\\]`, 'm'));
  });

  it('ls counts entries, results and runs, and lists them per node', () => {
    runChain(folder, [1, 2]);
    const listing = list();
    expect(listing).to.include({ entries: 16, results: 16, runs: 2 });
    expect(listing.nodes.map((n) => n.node)).to.deep.equal([...CHAIN_NODES].sort());
    expect(listing.nodes.every((n) => n.entries === 2)).to.equal(true);
    expect(listing.bytes).to.equal(listing.nodes.reduce((sum, n) => sum + n.bytes, 0));
    const text = success('cache', 'ls', '--store', folder);
    expect(text.split('\n')[0]).to.equal(`16 cache entries, 16 stored results (${listing.bytes} bytes), 2 cached runs`);
    expect(text).to.match(/^node\s+entries\s+bytes\s+last stored$/m);
    expect(text).to.match(/^step3\s+2\s+\d+\s+\d{4}-\d\d-\d\dT/m);
  });

  it('gc --older-than evicts the results unused for that many days, and those nodes are computed again', () => {
    const [old, recent] = runChain(folder, [1, 2]);
    age(old, 40 * DAY_MS);
    age(recent, 10 * DAY_MS);
    expect(success('cache', 'gc', '--store', folder, '--older-than', '30').trim()).to.match(
      /^Removed 8 results \(\d+ bytes\), 8 cache entries and 0 stray files\.$/,
    );
    expect(list()).to.include({ entries: 8, results: 8 });
    const [again1, again2] = runChain(folder, [1, 2]);
    expect(allStatuses(again1)).to.deep.equal(['miss']);
    expect(allStatuses(again2)).to.deep.equal(['hit']);
  });

  it('gc --max-size evicts least recently used results until the rest fit', () => {
    const [older, newer] = runChain(folder, [1, 2]);
    age(older, 2 * DAY_MS);
    age(newer, DAY_MS);
    const { bytes } = list();
    // Room for one run's results (both runs store arrays of the same size) and a few bytes more.
    const limit = bytes / 2 + 10;
    success('cache', 'gc', '--store', folder, '--max-size', String(limit / (1024 * 1024)));
    const after = list();
    expect(after.bytes).to.be.at.most(limit);
    expect(after.results).to.equal(8);
    const [again2, again1] = runChain(folder, [2, 1]);
    expect(allStatuses(again2)).to.deep.equal(['hit']);
    expect(allStatuses(again1)).to.deep.equal(['miss']);
  });

  it('gc removes results no entry uses and files no row names (a killed writer leaves those)', () => {
    runChain(folder, [1]);
    const stray = path.join(folder, 'results', 'zz');
    mkdirSync(stray, { recursive: true });
    writeFileSync(path.join(stray, 'abc.v8.123.deadbeef.tmp'), 'half-written');
    writeFileSync(path.join(stray, 'abc.v8'), 'not recorded');
    const store = new SQLiteStore(folder);
    store.db.prepare("DELETE FROM cache_entries WHERE node = 'total'").run();
    store.close();
    expect(success('cache', 'gc', '--store', folder).trim()).to.match(/^Removed 1 results \(\d+ bytes\), 0 cache entries and 2 stray files\.$/);
    expect(readdirSync(stray)).to.deep.equal([]);
    const listing = list();
    expect(listing).to.include({ entries: 7, results: 7 });
    // Every result file left is one a row names, and a run takes all of them.
    expect(allStatuses(runChain(folder, [1])[0]).sort()).to.deep.equal(['hit', 'miss']);
  });

  it("clear forgets the cache (files included) and keeps the tracker's runs", () => {
    runChain(folder, [1, 2]);
    expect(success('cache', 'clear', '--store', folder).trim()).to.equal(
      `Cleared the cache in ${path.resolve(folder)} (run records of the tracker are kept).`,
    );
    expect(list()).to.include({ entries: 0, results: 0, bytes: 0, runs: 0 });
    const files = readdirSync(path.join(folder, 'results')).flatMap((sub) => readdirSync(path.join(folder, 'results', sub)));
    expect(files).to.deep.equal([]);
    const store = new SQLiteStore(folder);
    const runs = store.db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number };
    store.close();
    expect(runs.n).to.equal(2);
    expect(allStatuses(runChain(folder, [1])[0])).to.deep.equal(['miss']);
  });

  it('refuses a folder without a store (creating none) and bad ages and sizes, in one line', () => {
    const missing = path.join(folder, 'nothing-here');
    expect(failure('cache', 'ls', '--store', missing)).to.include(`No store in ${missing}`);
    expect(existsSync(missing)).to.equal(false);
    runChain(folder, [1]);
    expect(failure('cache', 'gc', '--store', folder, '--older-than', 'soon')).to.include("--older-than takes a number of days (e.g. 30), not 'soon'");
    expect(failure('cache', 'gc', '--store', folder, '--max-size', '-5')).to.include("--max-size takes a size in megabytes (e.g. 500), not '-5'");
    expect(failure('cache', 'gc', '--store', folder, '--max-size', '')).to.include('--max-size');
    expect(failure('cache', 'prune', '--store', folder)).to.match(/unknown command 'prune'/);
    expect(list().entries).to.equal(8);
  });
});
