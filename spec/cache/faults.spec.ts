import { expect } from 'chai';
import { contentHash } from 'hamilton-ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SQLiteStore } from 'hamilton-ts';
import { collectGarbage } from '../../lib/cache/maintenance.js';
import { CHAIN_NODES, expectedTotal } from './fixtures/chain-flow.js';
import { finished, parseRuns, runChain, startChain, type ChainRun } from './fixtures/processes.js';

/** Resolves once `check` holds, looking again every few milliseconds (mocha's timeout bounds the wait). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

function count(store: SQLiteStore, sql: string, ...args: unknown[]): number {
  return (store.db.prepare(sql).get(...args) as { n: number }).n;
}

/** The store is a sound database, every entry names a stored result, and every result file is whole. */
function expectConsistent(folder: string, withFiles = true): void {
  const store = new SQLiteStore(folder);
  try {
    expect(store.db.pragma('integrity_check', { simple: true })).to.equal('ok');
    expect(count(store, 'SELECT COUNT(*) AS n FROM cache_entries WHERE data_version NOT IN (SELECT data_version FROM results)')).to.equal(0);
    const rows = store.db.prepare('SELECT checksum, file FROM results WHERE file IS NOT NULL').all() as { checksum: string; file: string }[];
    if (withFiles) expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) {
      const bytes = readFileSync(path.join(store.resultsPath!, row.file));
      expect(contentHash(bytes), row.file).to.equal(row.checksum);
    }
  } finally {
    store.close();
  }
}

function expectRightTotals(runs: readonly ChainRun[]): void {
  for (const run of runs) expect(run.total, `seed ${run.seed}`).to.equal(expectedTotal(run.seed));
}

describe('cache faults: processes sharing a store, processes killed mid-run', function () {
  this.timeout(120000);
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'hamilton-cache-faults-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('two processes running the same graph on one store at once lose no record and read no half-written result', async () => {
    const seeds = Array.from({ length: 25 }, (_, i) => i);
    const [a, b] = await Promise.all([finished(startChain(folder, seeds)), finished(startChain(folder, [...seeds].reverse()))]);
    for (const done of [a, b]) {
      expect(done.code, done.stderr).to.equal(0);
      expect(done.stderr).to.equal('');
    }
    const runs = [...parseRuns(a.stdout), ...parseRuns(b.stdout)];
    expect(runs).to.have.length(50);
    expectRightTotals(runs);
    expectConsistent(folder);
    const store = new SQLiteStore(folder);
    try {
      expect(count(store, 'SELECT COUNT(*) AS n FROM cache_runs WHERE success = 1')).to.equal(50);
      expect(count(store, "SELECT COUNT(*) AS n FROM runs WHERE status = 'success'")).to.equal(50);
      for (const run of runs) {
        expect(count(store, 'SELECT COUNT(*) AS n FROM cache_logs WHERE run_id = ?', run.runId), run.runId).to.equal(CHAIN_NODES.length);
        expect(count(store, "SELECT COUNT(*) AS n FROM node_runs WHERE run_id = ? AND status = 'success'", run.runId)).to.equal(CHAIN_NODES.length);
      }
      // One entry per node and seed, whichever process stored it first; no read ever found a damaged result.
      expect(count(store, 'SELECT COUNT(*) AS n FROM cache_entries')).to.equal(CHAIN_NODES.length * seeds.length);
      expect(count(store, "SELECT COUNT(*) AS n FROM cache_logs WHERE reason LIKE '%corrupt%' OR reason LIKE '%missing%'")).to.equal(0);
    } finally {
      store.close();
    }
    const third = runChain(folder, seeds);
    expectRightTotals(third);
    expect(third.every((run) => CHAIN_NODES.every((node) => run.statuses[node] === 'hit'))).to.equal(true);
  });

  it('processes opening one new store at the same instant all open it (WAL set up once, none refused as busy)', async () => {
    for (let round = 0; round < 5; round++) {
      const fresh = path.join(folder, `store-${round}`);
      const start = Date.now() + 400;
      const script = `
        const { SQLiteStore } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'lib', 'index.js'))});
        while (Date.now() < ${start});
        new SQLiteStore(${JSON.stringify(fresh)}).close();`;
      const opened = await Promise.all(Array.from({ length: 6 }, () => finished(spawn(process.execPath, ['-e', script]))));
      for (const done of opened) expect(done.code, done.stderr).to.equal(0);
      expectConsistent(fresh, false);
    }
  });

  it('gc evicting everything while another process runs never fails its runs nor gives a wrong value', async () => {
    const seeds = Array.from({ length: 40 }, (_, i) => i % 10);
    const child = startChain(folder, seeds);
    const done = finished(child);
    let running = true;
    void done.then(() => (running = false));
    let evicted = 0;
    let sweeps = 0;
    // The store may not exist yet when the child has only just started.
    await until(() => existsSync(path.join(folder, 'hamilton.sqlite')));
    const store = new SQLiteStore(folder);
    try {
      while (running) {
        evicted += collectGarbage(store, { maxBytes: 0 }).results;
        sweeps++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      store.close();
    }
    const { code, stderr, stdout } = await done;
    expect(code, stderr).to.equal(0);
    const runs = parseRuns(stdout);
    expect(runs).to.have.length(seeds.length);
    expectRightTotals(runs);
    expect(sweeps).to.be.greaterThan(1);
    expect(evicted).to.be.greaterThan(0);
    // The last sweep may have emptied the store; what is left is sound.
    expectConsistent(folder, false);
  });

  it('a process killed (SIGKILL) inside a node keeps what it stored, and the next run recomputes only the rest', async () => {
    const marker = path.join(folder, 'hang.marker');
    const child = startChain(folder, [7], { HAMILTON_FIXTURE_HANG: 'step5', HAMILTON_FIXTURE_MARKER: marker });
    const done = finished(child);
    await until(() => existsSync(marker));
    child.kill('SIGKILL');
    expect((await done).signal).to.equal('SIGKILL');
    expectConsistent(folder);
    const store = new SQLiteStore(folder);
    const stored = (store.db.prepare('SELECT node FROM cache_entries ORDER BY node').all() as { node: string }[]).map((row) => row.node);
    store.close();
    expect(stored).to.deep.equal(['base', 'step1', 'step2', 'step3', 'step4']);
    const [next] = runChain(folder, [7]);
    expect(next.total).to.equal(expectedTotal(7));
    expect(next.statuses).to.deep.equal({
      base: 'hit',
      step1: 'hit',
      step2: 'hit',
      step3: 'hit',
      step4: 'hit',
      step5: 'miss',
      step6: 'miss',
      total: 'miss',
    });
  });

  it('a process killed at an arbitrary point of a busy run leaves a consistent store; a rerun misses exactly what was not stored', async () => {
    const seeds = Array.from({ length: 400 }, (_, i) => i);
    const child = startChain(folder, seeds);
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const done = finished(child);
    await until(() => printed.split('\n').length > 4);
    child.kill('SIGKILL');
    expect((await done).signal).to.equal('SIGKILL');
    expectConsistent(folder);
    const completed = parseRuns(printed.slice(0, printed.lastIndexOf('\n') + 1));
    expect(completed.length).to.be.greaterThan(3).and.lessThan(seeds.length);
    const entriesBefore = countEntries(folder);
    // The seeds it finished and the one it was in, again in a new process.
    const again = runChain(folder, seeds.slice(0, completed.length + 1));
    expectRightTotals(again);
    const misses = again.flatMap((run) => CHAIN_NODES.filter((node) => run.statuses[node] === 'miss')).length;
    expect(misses).to.equal(countEntries(folder) - entriesBefore);
    for (const run of again.slice(0, completed.length)) expect(new Set(Object.values(run.statuses))).to.deep.equal(new Set(['hit']));
  });
});

function countEntries(folder: string): number {
  const store = new SQLiteStore(folder);
  try {
    return count(store, 'SELECT COUNT(*) AS n FROM cache_entries');
  } finally {
    store.close();
  }
}
