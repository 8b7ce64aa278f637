import { expect } from 'chai';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, HamiltonError, SQLiteStore } from 'hamilton-ts';
import { RunTracker } from '../../lib/tracking/run-tracker.js';
import { diffRuns } from '../../lib/ui/run-diff.js';
import { filterRuns } from '../../lib/ui/run-filter.js';
import { sourcesOf } from '../../lib/ui/sources.js';
import { CACHE_ONLY, StoreReader } from '../../lib/ui/store-reader.js';
import { shopStore, type ShopStore } from './fixture.js';
import { Squares } from '../cache/fixtures/squares.js';

describe('ui: store reader, filters, diff and sources over a real store', function () {
  this.timeout(30000);
  let shop: ShopStore;
  let reader: StoreReader;
  before(async () => {
    shop = await shopStore();
    reader = new StoreReader(shop.folder);
  });
  after(() => {
    reader?.close();
    shop?.remove();
  });

  it('lists the projects with their run counts and failures', () => {
    const projects = reader.projects().map((p) => [p.name, p.runs, p.failedRuns]);
    expect(projects).to.deep.equal([
      ['plain', 1, 0],
      ['shop', 4, 1],
    ]);
  });

  it('reads runs newest first with tags, outputs, DAG version from the cache, and the failed run’s error', () => {
    const runs = reader.runs('shop');
    expect(runs.map((r) => r.runId)).to.deep.equal([shop.runs.failed, shop.runs.edited, shop.runs.newInput, shop.runs.first]);
    expect(runs[0]).to.include({ status: 'failed' });
    expect(runs[0].error).to.match(/no order reaches the minimum/);
    expect(runs[3].tags).to.deep.equal({ env: 'dev', note: '<b>first</b>' });
    expect(runs[3].outputs).to.deep.equal(['report', 'revenue']);
    // Same code, same DAG version; the edit changes it.
    expect(runs[3].dagVersion).to.be.a('string').and.equal(runs[2].dagVersion);
    expect(runs[1].dagVersion).to.not.equal(runs[2].dagVersion);
  });

  it('merges the tracker’s node records with the cache’s logs (hit on an unchanged input, error on its node)', () => {
    const edited = reader.run(shop.runs.edited)!;
    const byName = new Map(edited.nodes.map((n) => [n.node, n]));
    expect(byName.get('rawOrders')).to.include({ status: 'success', cache: 'hit' });
    expect(byName.get('bigOrders')).to.include({ status: 'success', cache: 'miss' });
    expect(byName.get('bigOrders')!.summary).to.include({ length: 3 });
    expect(byName.get('bigOrders')!.summary!.type).to.match(/^Array/);
    expect(byName.get('bigOrders')!.summary!.statistics).to.include({ count: 3, min: 22, max: 65, mean: (22 + 40 + 65) / 3 });
    const failed = reader.run(shop.runs.failed)!;
    expect(failed.nodes.filter((n) => n.error !== undefined).map((n) => n.node)).to.deep.equal(['report']);
  });

  it('knows a tracked run’s graph from the graph the tracker stored, with or without a cache', () => {
    const graph = reader.graphOf(reader.run(shop.runs.edited)!)!;
    expect([...graph.nodes].sort()).to.deep.equal(['bigOrders', 'rawOrders', 'report', 'revenue']);
    expect(graph.inputs).to.deep.equal(['minimum', 'ordersPath']);
    expect(graph.dependencies.get('report')).to.deep.equal(['revenue', 'bigOrders']);
    const plain = reader.graphOf(reader.run(shop.runs.plain)!)!;
    expect(plain.nodes).to.deep.equal(['doubled']);
    expect(plain.inputs).to.deep.equal(['x']);
    expect(plain.dependencies.get('doubled')).to.deep.equal(['x']);
  });

  it('stores one graph per DAG version, not one per run', () => {
    const store = new SQLiteStore(shop.folder);
    try {
      const graphs = store.statement('SELECT COUNT(*) AS n FROM dag_graphs').get() as { n: number };
      const versions = store.statement('SELECT COUNT(DISTINCT dag_version) AS n FROM runs').get() as { n: number };
      const runs = store.statement('SELECT COUNT(*) AS n FROM runs').get() as { n: number };
      // ShopV1, ShopV2 and Plain: three DAG versions over five runs.
      expect(versions.n).to.equal(3);
      expect(graphs.n).to.equal(versions.n);
      expect(runs.n).to.equal(5);
    } finally {
      store.close();
    }
  });

  it('without a stored graph, knows a cached run’s graph from its cache keys only while its code is the cache’s last seen', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'hamilton-ui-copy-'));
    try {
      cpSync(shop.folder, copy, { recursive: true });
      const store = new SQLiteStore(copy);
      store.statement('DELETE FROM dag_graphs').run();
      store.close();
      const old = new StoreReader(copy);
      try {
        const graph = old.graphOf(old.run(shop.runs.edited)!)!;
        expect(graph.dependencies.get('report')).to.have.members(['revenue', 'bigOrders']);
        expect(graph.tags).to.equal(undefined);
        // The cache's edges are the edited code's: the run before the edit gets none, the untracked graph none.
        expect(old.graphOf(old.run(shop.runs.newInput)!)).to.equal(undefined);
        expect(old.graphOf(old.run(shop.runs.plain)!)).to.equal(undefined);
      } finally {
        old.close();
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('diffs two runs: an edited method is a code change and explains the values downstream of it', () => {
    const [newInput, edited] = [reader.run(shop.runs.newInput)!, reader.run(shop.runs.edited)!];
    const byCode = new Map(diffRuns(newInput, edited, reader.graphOf(edited)).map((d) => [d.node, d]));
    expect(byCode.get('rawOrders')!.change).to.equal('same');
    expect(byCode.get('bigOrders')).to.deep.include({ change: 'code', explains: ['report', 'revenue'] });
    expect(byCode.get('revenue')).to.deep.include({ change: 'data', explainedBy: ['bigOrders'] });
    expect(byCode.get('report')).to.deep.include({ change: 'data', explainedBy: ['bigOrders'] });
  });

  it('diffs two runs: with the code unchanged a value change is explained by the inputs upstream; a failed node is a status change', () => {
    const [edited, failed] = [reader.run(shop.runs.edited)!, reader.run(shop.runs.failed)!];
    const byInput = new Map(diffRuns(edited, failed, reader.graphOf(failed)).map((d) => [d.node, d]));
    expect(byInput.get('rawOrders')).to.deep.include({ change: 'data', explainedBy: ['minimum', 'ordersPath'] });
    expect(byInput.get('revenue')).to.deep.include({ change: 'data', explainedBy: ['minimum', 'ordersPath'] });
    expect(byInput.get('report')!.change).to.equal('status');
  });

  it('draws a run whose code was edited since with its own DAG version’s graph, not the edited code’s', () => {
    const [first, newInput] = [reader.run(shop.runs.first)!, reader.run(shop.runs.newInput)!];
    const graph = reader.graphOf(newInput)!;
    expect(graph.dependencies.get('bigOrders')).to.deep.equal(['rawOrders', 'minimum']);
    const diffs = diffRuns(first, newInput, graph);
    expect(diffs.find((d) => d.node === 'rawOrders')).to.deep.include({ change: 'data', explainedBy: ['minimum', 'ordersPath'] });
  });

  it('without versions (no cache) a diff says unknown, not same', () => {
    const plain = reader.run(shop.runs.plain)!;
    expect(diffRuns(plain, plain, undefined).map((d) => d.change)).to.deep.equal(['unknown']);
  });

  it('filters runs by status, tag (key or key=value) and DAG version prefix', () => {
    const runs = reader.runs('shop');
    const ids = (filter: Parameters<typeof filterRuns>[1]) => filterRuns(runs, filter).map((r) => r.runId);
    expect(ids({ status: 'failed' })).to.deep.equal([shop.runs.failed]);
    expect(ids({ tag: 'env=dev' })).to.deep.equal([shop.runs.newInput, shop.runs.first]);
    expect(ids({ tag: 'env' })).to.have.length(4);
    expect(ids({ tag: 'team' })).to.deep.equal([]);
    expect(ids({ dagVersion: runs[0].dagVersion!.slice(0, 8) })).to.deep.equal([shop.runs.failed, shop.runs.edited]);
  });

  it('names the sources of an output: the loader reading only inputs, and the inputs', () => {
    const graph = reader.graphOf(reader.run(shop.runs.edited)!)!;
    expect(sourcesOf(graph, 'report')).to.deep.equal({ inputs: ['minimum', 'ordersPath'], loaders: ['rawOrders'], loaded: new Map() });
    // The versions of what nodes read are the cache's last seen ones: the latest run's (the failed one here).
    expect(reader.readVersions(shop.runs.failed).get('minimum'))
      .to.be.a('string')
      .and.not.equal(reader.readVersions(shop.runs.failed).get('ordersPath'));
    expect(reader.readVersions(shop.runs.first).size).to.equal(0);
  });

  it('reads the run’s config and git commit when the store has those columns, and goes without them when not', () => {
    const store = new SQLiteStore(shop.folder);
    try {
      for (const column of ['config', 'git_commit']) {
        const columns = store.db.prepare('PRAGMA table_info(runs)').all() as { name: string }[];
        if (!columns.some((c) => c.name === column)) store.db.exec(`ALTER TABLE runs ADD COLUMN ${column} TEXT`);
      }
      store.db.prepare('UPDATE runs SET config = ?, git_commit = ? WHERE run_id = ?').run('{"region":"eu"}', 'abc123', shop.runs.first);
      store.db.prepare('UPDATE runs SET config = NULL, git_commit = NULL WHERE run_id = ?').run(shop.runs.newInput);
    } finally {
      store.close();
    }
    const fresh = new StoreReader(shop.folder);
    try {
      expect(fresh.run(shop.runs.first)).to.include({ config: '{"region":"eu"}', gitCommit: 'abc123' });
      expect(fresh.run(shop.runs.newInput)).to.not.have.any.keys('config', 'gitCommit');
    } finally {
      fresh.close();
    }
  });

  it('reads a run written while it is open (no stale snapshot), fan-out items one by one and the graph through them', async () => {
    const before = reader.runs('squares').length;
    const store = new SQLiteStore(shop.folder);
    const tracker = new RunTracker({ project: 'squares', store });
    try {
      const dr = new Builder().withModules(Squares).withCache({ store }).withAdapters(tracker).build();
      expect(dr.execute(['total'], { inputs: { count: 3 } })).to.deep.include({ total: 14 });
      await tracker.flush();
      const runId = dr.cache.lastRunId!;
      expect(reader.runs('squares')).to.have.length(before + 1);
      const run = reader.run(runId)!;
      expect(run.nodes.filter((n) => n.node === 'square').map((n) => n.item)).to.have.members([0, 1, 2]);
      const graph = reader.graphOf(run)!;
      expect(graph.dependencies.get('square')).to.deep.equal(['each']);
      expect(graph.dependencies.get('total')).to.deep.equal(['square']);
      expect(sourcesOf(graph, 'total')).to.deep.equal({ inputs: ['count'], loaders: ['each'], loaded: new Map() });
    } finally {
      await tracker.close();
      store.close();
    }
  });

  it('lists the runs of a cached driver without a tracker under (cache only), nodes from the cache’s logs', () => {
    const store = new SQLiteStore(shop.folder);
    let runId: string;
    try {
      const dr = new Builder().withModules(Squares).withCache({ store }).build();
      dr.execute(['total'], { inputs: { count: 2 } });
      dr.execute(['total'], { inputs: { count: 2 } });
      runId = dr.cache.lastRunId!;
    } finally {
      store.close();
    }
    expect(reader.hasProject(CACHE_ONLY)).to.equal(true);
    expect(reader.projects().find((p) => p.name === CACHE_ONLY)).to.include({ runs: 2, failedRuns: 0 });
    const runs = reader.runs(CACHE_ONLY);
    expect(runs[0]).to.include({ runId, status: 'success', project: CACHE_ONLY });
    expect(runs[0].dagVersion).to.be.a('string');
    const run = reader.run(runId)!;
    expect(run.nodes.map((n) => [n.node, n.status, n.cache])).to.deep.include.members([
      ['each', 'not tracked', 'hit'],
      ['total', 'not tracked', 'hit'],
    ]);
    expect(reader.nodeAcrossRuns(CACHE_ONLY, 'total').map((h) => h.record.cache)).to.deep.equal(['miss', 'hit']);
    // Tracked runs stay out of it.
    expect(runs.map((r) => r.runId)).to.not.include(shop.runs.first);
  });

  it('refuses a missing store or a file that is not one with a HamiltonError naming it', () => {
    const missing = path.join(shop.folder, 'nope');
    expect(() => new StoreReader(missing)).to.throw(HamiltonError, /No store at .*nope/);
    const junk = path.join(shop.folder, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all');
    expect(() => new StoreReader(junk)).to.throw(HamiltonError, /junk\.sqlite.*cannot be read/);
  });

  // Last: it damages the fixture's records.
  it('reads damaged records (text that is not JSON) as missing, never failing the page', () => {
    const store = new SQLiteStore(shop.folder);
    try {
      store.db.prepare('UPDATE node_versions SET inputs = ?').run('{not json');
      store.db.prepare('UPDATE dag_graphs SET graph = ?').run('{"nodes": [{"name": 3}]}');
      store.db.prepare('UPDATE runs SET tags = ?, outputs = ?, inputs = ? WHERE run_id = ?').run('{bad', '[oops', 'nope', shop.runs.failed);
      store.db.prepare('UPDATE node_runs SET summary = ? WHERE run_id = ?').run('<<', shop.runs.failed);
    } finally {
      store.close();
    }
    const run = reader.run(shop.runs.failed)!;
    expect(run).to.deep.include({ tags: {}, outputs: [], inputs: {} });
    expect(run.nodes.every((n) => n.summary === undefined)).to.equal(true);
    expect(reader.graphOf(run)).to.equal(undefined);
    expect(reader.readVersions(shop.runs.failed).size).to.equal(0);
  });
});
