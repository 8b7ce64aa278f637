import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, cache, collect, dataVersion, HamiltonError, parallelizable, RunTracker, SQLiteStore } from 'hamilton-ts';

class Shop {
  prices(n: number): number[] {
    return [n, n + 1, NaN];
  }
  revenue(prices: number[]): number {
    return prices.filter((p) => !Number.isNaN(p)).reduce((a, b) => a + b, 0);
  }
  @cache({ behavior: 'disable' })
  stamp(revenue: number): string {
    return `revenue ${revenue}`;
  }
}

class Fan {
  @parallelizable()
  item(items: number[]): number[] {
    return items;
  }
  squared(item: number): number {
    return item * item;
  }
  @collect('squared')
  sum(squared: number[]): number {
    return squared.reduce((a, b) => a + b, 0);
  }
}

interface RunRow {
  run_id: string;
  dag_version: string | null;
  git_commit: string | null;
  config: string;
  inputs: string;
}

describe('RunTracker records: versions, cache status, capture per node, retention', () => {
  let folder: string;
  let store: SQLiteStore;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hamilton-tracker-records-'));
    store = new SQLiteStore(folder);
  });
  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('stores the graph once per DAG version, with each node’s inputs and tags, and offers it again after a failed write', async () => {
    const tracker = new RunTracker({ project: 'shop', store });
    const dr = new Builder().withModules(Shop).withAdapters(tracker).build();
    // The graph's table gone: the first run's records fail (one warning), the run does not.
    store.db.exec('DROP TABLE dag_graphs');
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      expect(dr.execute(['stamp'], { inputs: { n: 1 } })).to.deep.equal({ stamp: 'revenue 3' });
      await tracker.flush();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.includes('RunTracker'))).to.have.length(1);
    store.db.exec('CREATE TABLE dag_graphs (dag_version TEXT PRIMARY KEY, graph TEXT NOT NULL, created_at INTEGER NOT NULL)');
    for (let i = 0; i < 3; i++) dr.execute(['stamp'], { inputs: { n: i } });
    await tracker.flush();
    const rows = store.statement('SELECT dag_version, graph FROM dag_graphs').all() as { dag_version: string; graph: string }[];
    expect(rows).to.have.length(1);
    const runs = store.statement('SELECT DISTINCT dag_version FROM runs').all() as { dag_version: string }[];
    expect(runs.map((r) => r.dag_version)).to.deep.equal([rows[0].dag_version]);
    const graph = JSON.parse(rows[0].graph) as { nodes: { name: string; role: string; dependencies: string[]; tags: Record<string, unknown> }[] };
    const byName = new Map(graph.nodes.map((n) => [n.name, n]));
    expect(byName.get('revenue')).to.deep.include({ role: 'function', dependencies: ['prices'] });
    expect(byName.get('n')).to.deep.include({ role: 'input', dependencies: [] });
    expect(byName.get('stamp')!.tags).to.be.an('object');
  });

  const runs = (project: string) =>
    store.db
      .prepare('SELECT run_id, dag_version, git_commit, config, inputs FROM runs WHERE project = ? ORDER BY started_at, rowid')
      .all(project) as RunRow[];
  const nodeRows = (runId: string) =>
    store.db.prepare('SELECT node, item, cache, summary FROM node_runs WHERE run_id = ? ORDER BY node, item').all(runId) as {
      node: string;
      item: number;
      cache: string | null;
      summary: string | null;
    }[];

  it("records the DAG version (the cache's), the git commit, the config and the inputs' data versions", async () => {
    const tracker = new RunTracker({ project: 'shop', store });
    const dr = new Builder().withModules(Shop).withConfig({ region: 'eu' }).withCache({ store }).withAdapters(tracker).build();
    const notVersionable = new (class Client {})();
    dr.execute(['stamp'], { inputs: { n: 2, client: notVersionable } });
    await tracker.flush();
    const [run] = runs('shop');
    expect(run.dag_version)
      .to.equal(dr.cache.dagVersion)
      .and.to.match(/^[0-9a-f]{32}$/);
    // The commit is asked once per process, so a commit landed since (another shell) may have moved HEAD past it.
    const head = headCommit();
    if (head === null) expect(run.git_commit).to.equal(null);
    else expect(isAncestorOfHead(run.git_commit), String(run.git_commit)).to.equal(true);
    expect(JSON.parse(run.config)).to.deep.equal({ region: 'eu' });
    const n = dataVersion(2);
    expect(n.ok).to.equal(true);
    expect(JSON.parse(run.inputs)).to.deep.equal({ n: n.ok ? n.version : undefined, client: null });
  });

  it('puts the cache status on each node record: miss, then hit; disable where the node is not cached', async () => {
    const tracker = new RunTracker({ project: 'shop', store });
    const dr = new Builder().withModules(Shop).withCache({ store }).withAdapters(tracker).build();
    dr.execute(['stamp'], { inputs: { n: 2 } });
    dr.execute(['stamp'], { inputs: { n: 2 } });
    await tracker.flush();
    const [first, second] = runs('shop');
    expect(nodeRows(first.run_id).map((r) => [r.node, r.cache])).to.deep.equal([
      ['prices', 'miss'],
      ['revenue', 'miss'],
      ['stamp', 'disable'],
    ]);
    expect(nodeRows(second.run_id).map((r) => [r.node, r.cache])).to.deep.equal([
      ['prices', 'hit'],
      ['revenue', 'hit'],
      ['stamp', 'disable'],
    ]);
  });

  it('fills the cache status of fan-out items under the AsyncDriver; no status without a cache', async () => {
    const tracker = new RunTracker({ project: 'fan', store });
    const dr = await new Builder().withModules(Fan).withCache({ store }).withAdapters(tracker).buildAsync();
    await dr.execute(['sum'], { inputs: { items: [1, 2] } });
    await dr.execute(['sum'], { inputs: { items: [1, 2, 3] } });
    const plainTracker = new RunTracker({ project: 'plain', store });
    await (await new Builder().withModules(Fan).withAdapters(plainTracker).buildAsync()).execute(['sum'], { inputs: { items: [1] } });
    await tracker.flush();
    await plainTracker.flush();
    const second = runs('fan')[1];
    expect(
      nodeRows(second.run_id)
        .filter((r) => r.node === 'squared')
        .map((r) => [r.item, r.cache]),
    ).to.deep.equal([
      [0, 'hit'],
      [1, 'hit'],
      [2, 'miss'],
    ]);
    expect(nodeRows(runs('plain')[0].run_id).every((r) => r.cache === null)).to.equal(true);
  });

  it('captures per node: nothing, the schema or statistics, over the default', async () => {
    const tracker = new RunTracker({ project: 'shop', store, capture: 'none', nodeCapture: { prices: 'statistics', revenue: 'schema' } });
    new Builder()
      .withModules(Shop)
      .withAdapters(tracker)
      .build()
      .execute(['stamp'], { inputs: { n: 2 } });
    await tracker.flush();
    const rows = Object.fromEntries(
      nodeRows(runs('shop')[0].run_id).map((r) => [r.node, r.summary === null ? null : (JSON.parse(r.summary) as object)]),
    );
    expect(rows.prices).to.deep.include({ length: 3, statistics: { count: 2, mean: 2.5, min: 2, max: 3, nanShare: 1 / 3 } });
    expect(rows.revenue).to.have.property('type');
    expect(rows.revenue).to.not.have.property('statistics');
    expect(rows.stamp).to.equal(null);
  });

  it('refuses a nodeCapture naming a node the graph does not have, when the driver is built', () => {
    const tracker = new RunTracker({ project: 'shop', store, nodeCapture: { revenu: 'none' } });
    expect(() => new Builder().withModules(Shop).withAdapters(tracker).build())
      .to.throw(HamiltonError)
      .with.property('message')
      .that.matches(/'revenu', which is not a node .*did you mean 'revenue'/);
  });

  it('keeps the newest N runs of its project, with their node records; other projects are left alone', async () => {
    const other = new RunTracker({ project: 'other', store });
    new Builder()
      .withModules(Shop)
      .withAdapters(other)
      .build()
      .execute(['revenue'], { inputs: { n: 1 } });
    await other.flush();
    const tracker = new RunTracker({ project: 'shop', store, retention: { runs: 2 } });
    const dr = new Builder().withModules(Shop).withAdapters(tracker).build();
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) {
      dr.execute(['revenue'], { inputs: { n } });
      await tracker.flush();
      ids.push(runs('shop').at(-1)!.run_id);
    }
    expect(runs('shop').map((r) => r.run_id)).to.deep.equal(ids.slice(2));
    const kept = store.db.prepare('SELECT DISTINCT run_id FROM node_runs WHERE run_id IN (SELECT run_id FROM runs WHERE project = ?)').all('shop');
    expect(kept).to.have.length(2);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM node_runs').get() as { n: number }).n).to.equal(3 * 2);
    expect(runs('other')).to.have.length(1);
  });

  it('deletes runs older than D days when a run ends', async () => {
    const old = Date.now() - 10 * 24 * 60 * 60 * 1000;
    store.db
      .prepare(
        "INSERT INTO runs (run_id, project, tags, outputs, inputs, status, started_at) VALUES ('old-run', 'shop', '{}', '[]', '{}', 'success', ?)",
      )
      .run(old);
    store.db.prepare("INSERT INTO node_runs (run_id, node, item, status, started_at) VALUES ('old-run', 'prices', -1, 'success', ?)").run(old);
    const tracker = new RunTracker({ project: 'shop', store, retention: { days: 5 } });
    new Builder()
      .withModules(Shop)
      .withAdapters(tracker)
      .build()
      .execute(['revenue'], { inputs: { n: 1 } });
    await tracker.flush();
    expect(runs('shop').map((r) => r.run_id)).to.not.include('old-run');
    expect(runs('shop')).to.have.length(1);
    expect(store.db.prepare("SELECT * FROM node_runs WHERE run_id = 'old-run'").all()).to.deep.equal([]);
  });

  it('refuses bad options from plain JavaScript with a HamiltonError that says what to give', () => {
    const make = (options: unknown) => () => new RunTracker(options as never);
    expect(make(undefined)).to.throw(HamiltonError, /takes an options object/);
    expect(make({ project: '', store })).to.throw(HamiltonError, /project.*non-empty string/);
    expect(make({ project: 'p', store: 42 })).to.throw(HamiltonError, /SQLiteStore or PostgresStore, a folder name or a postgres:\/\/ URL, not .*42/);
    expect(make({ project: 'p', store, capture: 'everything' })).to.throw(HamiltonError, /'none', 'schema' or 'statistics'/);
    expect(make({ project: 'p', store, nodeCapture: { a: 'all' } })).to.throw(HamiltonError, /nodeCapture/);
    expect(make({ project: 'p', store, retention: { runs: 0 } })).to.throw(HamiltonError, /retention/);
    expect(make({ project: 'p', store, retention: { days: -1 } })).to.throw(HamiltonError, /retention/);
    expect(make({ project: 'p', store, retention: {} })).to.throw(HamiltonError, /retention/);
    expect(make({ project: 'p', store, retention: { weeks: 2 } })).to.throw(HamiltonError, /retention/);
    expect(make({ project: 'p', store, queueLimit: 1.5 })).to.throw(HamiltonError, /queueLimit/);
    expect(make({ project: 'p', store, tags: { team: 1 } })).to.throw(HamiltonError, /tags/);
    expect(make({ project: 'p', store, colour: 'red' })).to.throw(HamiltonError, /does not know 'colour'/);
  });
});

/** Whether a commit is HEAD or one of its ancestors in this repository. */
function isAncestorOfHead(commit: string | null): boolean {
  if (commit === null || !/^[0-9a-f]{40}$/.test(commit)) return false;
  try {
    execFileSync('git', ['merge-base', '--is-ancestor', commit, 'HEAD'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The repository's HEAD commit, or null outside a git checkout. */
function headCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
