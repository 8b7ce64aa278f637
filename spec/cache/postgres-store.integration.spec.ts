import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, HamiltonError, PostgresStore, RunTracker, type Store } from 'hamilton-ts';
import { clearCache, collectGarbage, listCache } from '../../lib/cache/maintenance.js';
import { StoreReader } from '../../lib/ui/store-reader.js';
import { servedByCli } from '../ui/fixture.js';
import { CHAIN_NODES, expectedTotal } from './fixtures/chain-flow.js';
import { freshDatabase, type TestDatabase } from './fixtures/postgres-database.js';
import { finished, parseRuns, runChain, startChain, type ChainRun } from './fixtures/processes.js';
import { startProxy } from './fixtures/tcp-proxy.js';
import { Squares } from './fixtures/squares.js';

class Prices {
  prices(count: number): number[] {
    return Array.from({ length: count }, (_, i) => i * 1.5);
  }
  total(prices: number[]): number {
    return prices.reduce((a, b) => a + b, 0);
  }
  report(total: number, prices: number[]): string {
    return `${prices.length} prices, ${total}`;
  }
}

function count(store: Store, sql: string, ...args: unknown[]): number {
  return (store.statement(sql).get(...args) as { n: number }).n;
}

function captureWarnings(): { readonly messages: string[]; stop(): void } {
  const messages: string[] = [];
  const onWarning = (warning: Error) => messages.push(warning.message);
  process.on('warning', onWarning);
  return { messages, stop: () => process.off('warning', onWarning) };
}

function expectRightTotals(runs: readonly ChainRun[]): void {
  for (const run of runs) expect(run.total, `seed ${run.seed}`).to.equal(expectedTotal(run.seed));
}

describe('PostgresStore (a real server): the cache, the tracker and the UI on PostgreSQL', function () {
  this.timeout(120000);
  let db: TestDatabase;
  beforeEach(async () => (db = await freshDatabase()));
  afterEach(async () => db?.drop());

  it('caches and tracks a driver as a SQLite store does: the second run all hits, the same values', async () => {
    const store = new PostgresStore(db.url);
    try {
      const tracker = new RunTracker({ project: 'prices', store, capture: 'statistics' });
      const dr = new Builder().withModules(Prices).withCache({ store }).withAdapters(tracker).build();
      const first = dr.execute(['report', 'total'], { inputs: { count: 5000 } });
      expect(dr.cache.logs().map((e) => e.status)).to.deep.equal(['miss', 'miss', 'miss']);
      const second = dr.execute(['report', 'total'], { inputs: { count: 5000 } });
      expect(second).to.deep.equal(first);
      expect(dr.cache.logs().map((e) => e.status)).to.deep.equal(['hit', 'hit', 'hit']);
      await tracker.flush();
      expect(count(store, "SELECT COUNT(*) AS n FROM runs WHERE status = 'success'")).to.equal(2);
      expect(count(store, "SELECT COUNT(*) AS n FROM node_runs WHERE cache = 'hit'")).to.equal(3);
      expect(count(store, 'SELECT COUNT(*) AS n FROM dag_graphs')).to.equal(1);
      // 5000 numbers are past the inline limit: on PostgreSQL the bytes are in the row, no machine-local file.
      expect(count(store, 'SELECT COUNT(*) AS n FROM results WHERE file IS NOT NULL')).to.equal(0);
      expect(count(store, 'SELECT COUNT(*) AS n FROM results WHERE octet_length(inline) > 16384')).to.equal(1);
      expect(store.resultsPath).to.equal(undefined);
      // A second process-wide store (another machine, as far as the data goes) reads the same results.
      const other = new PostgresStore(db.url);
      try {
        const dr2 = new Builder().withModules(Prices).withCache({ store: other }).build();
        expect(dr2.execute(['report'], { inputs: { count: 5000 } })).to.deep.equal({ report: first.report });
        expect(dr2.cache.logs().map((e) => e.status)).to.deep.equal(['hit', 'hit', 'hit']);
      } finally {
        other.close();
      }
      const listing = listCache(store);
      expect(listing).to.include({ entries: 3, results: 3, runs: 3 });
      expect(listing.nodes.map((n) => n.node)).to.deep.equal(['prices', 'report', 'total']);
      expect(listing.nodes[0].lastStored).to.be.a('number');
      expect(collectGarbage(store, { maxBytes: 0 })).to.include({ results: 3, entries: 3 });
      dr.execute(['report'], { inputs: { count: 5000 } });
      expect(dr.cache.logs().map((e) => e.status)).to.deep.equal(['miss', 'miss', 'miss']);
      expect(clearCache(store)).to.include({ entries: 3 });
      await tracker.close();
      // Clearing the cache keeps the tracker's records.
      expect(count(store, 'SELECT COUNT(*) AS n FROM runs')).to.equal(3);
    } finally {
      store.close();
    }
  });

  it('the tracker’s retention on PostgreSQL keeps the newest runs of the project and their node records', async () => {
    const store = new PostgresStore(db.url);
    try {
      const tracker = new RunTracker({ project: 'kept', store, retention: { runs: 2 } });
      const dr = new Builder().withModules(Prices).withAdapters(tracker).build();
      for (let count = 1; count <= 4; count++) {
        dr.execute(['total'], { inputs: { count } });
        await tracker.flush();
      }
      const runs = store.statement('SELECT run_id, inputs FROM runs ORDER BY started_at, rowid').all() as { run_id: string }[];
      expect(runs).to.have.length(2);
      expect(count(store, 'SELECT COUNT(*) AS n FROM node_runs')).to.equal(2 * 2);
      expect(count(store, 'SELECT COUNT(*) AS n FROM node_runs WHERE run_id NOT IN (SELECT run_id FROM runs)')).to.equal(0);
      await tracker.close();
    } finally {
      store.close();
    }
  });

  it('the AsyncDriver and a fan-out use a PostgreSQL cache too: every item a hit the second time', async () => {
    const store = new PostgresStore(db.url);
    try {
      const dr = await new Builder().withModules(Squares).withCache({ store }).buildAsync();
      expect(await dr.execute(['total'], { inputs: { count: 4 } })).to.deep.equal({ total: 30 });
      expect(await dr.execute(['total'], { inputs: { count: 4 } })).to.deep.equal({ total: 30 });
      const logs = dr.cache.logs();
      expect(logs.filter((e) => e.node === 'square').map((e) => [e.item, e.status])).to.have.deep.members([
        [0, 'hit'],
        [1, 'hit'],
        [2, 'hit'],
        [3, 'hit'],
      ]);
      expect(logs.every((e) => e.status === 'hit')).to.equal(true);
    } finally {
      store.close();
    }
  });

  it('speaks SQLite’s dialect: several rows of one key in one REPLACE keep the last, IGNORE keeps the first, rowid orders', () => {
    const store = new PostgresStore(db.url);
    try {
      store
        .statement(
          'INSERT OR REPLACE INTO node_versions (node, item, code_version, inputs, run_id) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)',
        )
        .run('a', 0, 'c1', '{}', 'r1', 'b', 0, 'c1', '{}', 'r1', 'a', 0, 'c2', '{}', 'r2');
      const rows = store.statement('SELECT node, code_version FROM node_versions ORDER BY node').all();
      expect(rows).to.deep.equal([
        { node: 'a', code_version: 'c2' },
        { node: 'b', code_version: 'c1' },
      ]);
      const ignore = store.statement('INSERT OR IGNORE INTO projects (name, created_at) VALUES (?, ?)');
      expect(ignore.run('p', 1).changes).to.equal(1);
      expect(ignore.run('p', 2).changes).to.equal(0);
      expect(store.statement('SELECT created_at FROM projects WHERE name = ?').get('p')).to.deep.equal({ created_at: 1 });
      // A nested transaction is a savepoint: its failure undoes it alone.
      store.transaction(() => {
        store.statement('INSERT OR IGNORE INTO projects (name, created_at) VALUES (?, ?)').run('q', 3);
        expect(() =>
          store.transaction(() => {
            store.statement('INSERT OR IGNORE INTO projects (name, created_at) VALUES (?, ?)').run('r', 4);
            store.statement('SELECT nope FROM projects').get();
          }),
        ).to.throw(HamiltonError, /refused a statement.*nope/);
      });
      expect(store.statement('SELECT name FROM projects ORDER BY rowid').all()).to.deep.equal([{ name: 'p' }, { name: 'q' }]);
      // A statement prepared before its table gained a column (another process upgrading the store) still runs.
      const all = store.statement('SELECT * FROM projects WHERE name = ?');
      expect(all.get('p')).to.include({ name: 'p' });
      store.statement('ALTER TABLE projects ADD COLUMN note TEXT').run();
      expect(all.get('p')).to.include({ name: 'p', note: null });
    } finally {
      store.close();
    }
  });

  it('a process that never closes its store has written no file: its large result is whole in the database', () => {
    const script = `
      const { Builder, PostgresStore } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'lib', 'index.js'))});
      class Big { values(count) { return Array.from({ length: count }, (_, i) => i * 0.5); } }
      const store = new PostgresStore(${JSON.stringify(db.url)});
      new Builder().withModules(Big).withCache({ store }).build().execute(['values'], { inputs: { count: 10000 } });
      console.log(store.resultsPath);`;
    const printed = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(printed.status, printed.stderr).to.equal(0);
    expect(printed.stdout.trim()).to.equal('undefined');
    const store = new PostgresStore(db.url);
    try {
      expect(count(store, 'SELECT COUNT(*) AS n FROM results WHERE file IS NULL AND octet_length(inline) > 16384')).to.equal(1);
    } finally {
      store.close();
    }
  });

  it('the runs UI reads a PostgreSQL store: runs, nodes and the graph of an uncached tracked run', async () => {
    const tracker = new RunTracker({ project: 'plain', store: db.url });
    const dr = new Builder().withModules(Prices).withAdapters(tracker).build();
    dr.execute(['report'], { inputs: { count: 3 } });
    await tracker.close();
    const reader = new StoreReader(db.url);
    try {
      expect(reader.file).to.match(/^postgres:\/\/.*127\.0\.0\.1:\d+\//);
      expect(reader.projects().map((p) => [p.name, p.runs])).to.deep.equal([['plain', 1]]);
      const [summary] = reader.runs('plain');
      const run = reader.run(summary.runId)!;
      expect(run.nodes.map((n) => n.status)).to.deep.equal(['success', 'success', 'success']);
      const graph = reader.graphOf(run)!;
      expect(graph.inputs).to.deep.equal(['count']);
      expect(graph.dependencies.get('report')).to.deep.equal(['total', 'prices']);
      expect(reader.nodeAcrossRuns('plain', 'total')).to.have.length(1);
    } finally {
      reader.close();
    }
  });

  it('a reader opened read-only neither creates tables nor writes; withCache({ path }) takes the URL too', () => {
    expect(() => new PostgresStore(db.url, { readonly: true }))
      .to.throw(HamiltonError)
      .with.property('message')
      .that.includes('cannot be used as a hamilton-ts store')
      .and.includes(new URL(db.url).pathname);
    expect(() => new StoreReader(db.url)).to.throw(HamiltonError, /cannot be used as a hamilton-ts store/);
    const dr = new Builder().withModules(Prices).withCache({ path: db.url }).build();
    expect(dr.execute(['total'], { inputs: { count: 3 } })).to.deep.equal({ total: 4.5 });
    expect(dr.cache.store).to.be.instanceOf(PostgresStore);
    dr.cache.close();
    const reader = new PostgresStore(db.url, { readonly: true });
    try {
      expect(count(reader, 'SELECT COUNT(*) AS n FROM cache_entries')).to.equal(2);
      expect(() => reader.statement('DELETE FROM cache_entries').run()).to.throw(HamiltonError, /read-only transaction/);
      expect(count(reader, 'SELECT COUNT(*) AS n FROM cache_entries')).to.equal(2);
    } finally {
      reader.close();
    }
  });

  it('hamilton-ts ui --store postgres://... serves the store until SIGTERM, then exits 0', async () => {
    const tracker = new RunTracker({ project: 'served', store: db.url });
    new Builder()
      .withModules(Prices)
      .withAdapters(tracker)
      .build()
      .execute(['total'], { inputs: { count: 2 } });
    await tracker.close();
    const code = await servedByCli(db.url, async (url, printed) => {
      expect(printed).to.include(`Runs UI for postgres://`);
      const home = await fetch(url).then((r) => r.text());
      expect(home).to.include('href="/projects/served"');
    });
    expect(code).to.equal(0);
  });

  it('gc evicting everything while another process runs on the PostgreSQL store never fails its runs nor gives a wrong value', async () => {
    const seeds = Array.from({ length: 30 }, (_, i) => i % 6);
    runChain(db.url, [0]);
    const child = startChain(db.url, seeds);
    const done = finished(child);
    let running = true;
    void done.then(() => (running = false));
    let evicted = 0;
    let sweeps = 0;
    const store = new PostgresStore(db.url);
    try {
      while (running) {
        evicted += collectGarbage(store, { maxBytes: 0 }).results;
        sweeps++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const { code, stderr, stdout } = await done;
      expect(code, stderr).to.equal(0);
      const runs = parseRuns(stdout);
      expect(runs).to.have.length(seeds.length);
      expectRightTotals(runs);
      expect(sweeps).to.be.greaterThan(1);
      expect(evicted).to.be.greaterThan(0);
      expect(count(store, 'SELECT COUNT(*) AS n FROM cache_entries WHERE data_version NOT IN (SELECT data_version FROM results)')).to.equal(0);
    } finally {
      store.close();
    }
  });

  it('hamilton-ts cache ls | gc | clear take a postgres:// URL', () => {
    runChain(db.url, [1]);
    const main = path.resolve(__dirname, '..', '..', 'lib', 'cli', 'main.js');
    const cli = (...args: string[]) => spawnSync(process.execPath, [main, 'cache', ...args, '--store', db.url], { encoding: 'utf8' });
    const ls = cli('ls', '--json');
    expect(ls.status, ls.stderr).to.equal(0);
    expect(JSON.parse(ls.stdout)).to.include({ entries: CHAIN_NODES.length, runs: 1 });
    expect(cli('gc').status).to.equal(0);
    const cleared = cli('clear');
    expect(cleared.status, cleared.stderr).to.equal(0);
    expect(JSON.parse(cli('ls', '--json').stdout)).to.include({ entries: 0, results: 0 });
  });

  it('two processes running the same graph on one PostgreSQL store at once lose no record', async () => {
    const seeds = Array.from({ length: 12 }, (_, i) => i);
    const [a, b] = await Promise.all([finished(startChain(db.url, seeds)), finished(startChain(db.url, [...seeds].reverse()))]);
    for (const done of [a, b]) {
      expect(done.code, done.stderr).to.equal(0);
      expect(done.stderr).to.equal('');
    }
    const runs = [...parseRuns(a.stdout), ...parseRuns(b.stdout)];
    expect(runs).to.have.length(24);
    expectRightTotals(runs);
    const store = new PostgresStore(db.url);
    try {
      expect(count(store, 'SELECT COUNT(*) AS n FROM cache_runs WHERE success = 1')).to.equal(24);
      expect(count(store, "SELECT COUNT(*) AS n FROM runs WHERE status = 'success'")).to.equal(24);
      for (const run of runs) {
        expect(count(store, 'SELECT COUNT(*) AS n FROM cache_logs WHERE run_id = ?', run.runId)).to.equal(CHAIN_NODES.length);
        expect(count(store, "SELECT COUNT(*) AS n FROM node_runs WHERE run_id = ? AND status = 'success'", run.runId)).to.equal(CHAIN_NODES.length);
      }
      expect(count(store, 'SELECT COUNT(*) AS n FROM cache_entries')).to.equal(CHAIN_NODES.length * seeds.length);
      expect(count(store, 'SELECT COUNT(*) AS n FROM cache_entries WHERE data_version NOT IN (SELECT data_version FROM results)')).to.equal(0);
      expect(count(store, "SELECT COUNT(*) AS n FROM cache_logs WHERE reason LIKE '%corrupt%' OR reason LIKE '%missing%'")).to.equal(0);
    } finally {
      store.close();
    }
    const third = runChain(db.url, seeds);
    expectRightTotals(third);
    expect(third.every((run) => CHAIN_NODES.every((node) => run.statuses[node] === 'hit'))).to.equal(true);
  });

  it('a process killed (SIGKILL) inside a node leaves the store consistent; the next run recomputes only the rest', async () => {
    const marker = path.join(tmpdir(), `hamilton-pg-hang-${process.pid}.marker`);
    const child = startChain(db.url, [7], { HAMILTON_FIXTURE_HANG: 'step5', HAMILTON_FIXTURE_MARKER: marker });
    const done = finished(child);
    while (!existsSync(marker)) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGKILL');
    expect((await done).signal).to.equal('SIGKILL');
    rmSync(marker, { force: true });
    const store = new PostgresStore(db.url);
    try {
      const stored = (store.statement('SELECT node FROM cache_entries ORDER BY node').all() as { node: string }[]).map((row) => row.node);
      expect(stored).to.deep.equal(['base', 'step1', 'step2', 'step3', 'step4']);
      expect(count(store, 'SELECT COUNT(*) AS n FROM cache_entries WHERE data_version NOT IN (SELECT data_version FROM results)')).to.equal(0);
    } finally {
      store.close();
    }
    const [next] = runChain(db.url, [7]);
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

  it('a process killed at an arbitrary point of a busy run leaves the store consistent; a rerun misses exactly what was not stored', async () => {
    const seeds = Array.from({ length: 200 }, (_, i) => i);
    const child = startChain(db.url, seeds);
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const done = finished(child);
    while (printed.split('\n').length <= 4) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGKILL');
    expect((await done).signal).to.equal('SIGKILL');
    const completed = parseRuns(printed.slice(0, printed.lastIndexOf('\n') + 1));
    expect(completed.length).to.be.greaterThan(3).and.lessThan(seeds.length);
    const entries = () => {
      const store = new PostgresStore(db.url);
      try {
        expect(count(store, 'SELECT COUNT(*) AS n FROM cache_entries WHERE data_version NOT IN (SELECT data_version FROM results)')).to.equal(0);
        return count(store, 'SELECT COUNT(*) AS n FROM cache_entries');
      } finally {
        store.close();
      }
    };
    const before = entries();
    const again = runChain(db.url, seeds.slice(0, completed.length + 1));
    expectRightTotals(again);
    const misses = again.flatMap((run) => CHAIN_NODES.filter((node) => run.statuses[node] === 'miss')).length;
    expect(misses).to.equal(entries() - before);
    for (const run of again.slice(0, completed.length)) expect(new Set(Object.values(run.statuses))).to.deep.equal(new Set(['hit']));
  });

  it('the server going away mid-run: the tracker warns once and every run goes on with the right value', async () => {
    const proxy = await startProxy(Number(new URL(db.url).port));
    const url = new URL(db.url);
    url.port = String(proxy.port);
    const warnings = captureWarnings();
    const tracker = new RunTracker({ project: 'down', store: url.toString() });
    try {
      const dr = new Builder().withModules(Prices).withAdapters(tracker).build();
      expect(dr.execute(['total'], { inputs: { count: 4 } })).to.deep.equal({ total: 9 });
      await tracker.flush();
      await proxy.cut();
      for (let i = 0; i < 3; i++) {
        expect(dr.execute(['total'], { inputs: { count: 4 } })).to.deep.equal({ total: 9 });
        await tracker.flush();
      }
      await tracker.close();
    } finally {
      warnings.stop();
      await proxy.close();
    }
    const failures = warnings.messages.filter((m) => m.includes('RunTracker'));
    expect(failures).to.have.length(1);
    expect(failures[0]).to.include(`127.0.0.1:${proxy.port}`);
    const store = new PostgresStore(db.url);
    try {
      expect(count(store, 'SELECT COUNT(*) AS n FROM runs')).to.equal(1);
    } finally {
      store.close();
    }
  });

  it('a connection broken inside a transaction: nothing of it lands, not even what comes after on a new connection', async () => {
    const proxy = await startProxy(Number(new URL(db.url).port));
    const url = new URL(db.url);
    url.port = String(proxy.port);
    const store = new PostgresStore(url.toString());
    try {
      const insert = store.statement('INSERT OR IGNORE INTO projects (name, created_at) VALUES (?, ?)');
      expect(() =>
        store.transaction(() => {
          insert.run('before', 1);
          proxy.resetNow();
          // Code that catches a failed statement and goes on inside the transaction.
          expect(() => insert.run('lost', 2)).to.throw(HamiltonError);
          insert.run('after', 3);
        }),
      ).to.throw(HamiltonError, /broke inside a transaction/);
      // The store goes on, on a new connection, with neither row written.
      insert.run('later', 4);
      expect(store.statement('SELECT name FROM projects ORDER BY name').all()).to.deep.equal([{ name: 'later' }]);
    } finally {
      store.close();
      await proxy.close();
    }
  });

  it('a cache store gone mid-run fails the run with a HamiltonError naming the server (no wrong value, no hang)', async () => {
    const proxy = await startProxy(Number(new URL(db.url).port));
    const url = new URL(db.url);
    url.port = String(proxy.port);
    const store = new PostgresStore(url.toString());
    try {
      const dr = new Builder().withModules(Prices).withCache({ store }).build();
      expect(dr.execute(['total'], { inputs: { count: 4 } })).to.deep.equal({ total: 9 });
      await proxy.cut();
      expect(() => dr.execute(['total'], { inputs: { count: 4 } }))
        .to.throw(HamiltonError)
        .with.property('message')
        .that.includes(`127.0.0.1:${proxy.port}`)
        .and.includes('cannot be reached');
    } finally {
      store.close();
      await proxy.close();
    }
  });

  it('a wrong URL is a HamiltonError naming host:port: nothing listening, or a server that never answers', async () => {
    const nothing = await freePort();
    expect(() => new PostgresStore(`postgres://u@127.0.0.1:${nothing}/x`))
      .to.throw(HamiltonError)
      .with.property('message')
      .that.includes(`127.0.0.1:${nothing}`);
    // Accepts the connection and says nothing: the connect timeout ends the wait.
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      expect(() => new PostgresStore(`postgres://u:secret@127.0.0.1:${port}/x`, { connectTimeoutMs: 300 }))
        .to.throw(HamiltonError)
        .with.property('message')
        .that.includes(`127.0.0.1:${port}`)
        .and.not.includes('secret');
    } finally {
      silent.close();
    }
    for (const bad of ['postgres://', 'not a url', 42, undefined]) {
      expect(() => new PostgresStore(bad as string), String(bad)).to.throw(HamiltonError, /new PostgresStore\(url\) takes a URL/);
    }
    expect(() => new PostgresStore(db.url, { connectTimeoutMs: -1 })).to.throw(HamiltonError, /milliseconds above 0/);
    expect(() => new RunTracker({ project: 'p', store: 'postgres://u@127.0.0.1:1/x' })).to.not.throw();
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
