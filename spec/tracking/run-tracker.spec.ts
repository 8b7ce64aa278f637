import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Builder, SQLiteStore } from 'hamilton-ts';
import { RunTracker } from '../../lib/tracking/run-tracker.js';
import { statisticsOf } from '../../lib/tracking/summary.js';

class Flow {
  numbers(n: number): number[] {
    return [1, 2, 3, n];
  }
  total(numbers: number[]): number {
    return numbers.reduce((a, b) => a + b, 0);
  }
  broken(total: number): number {
    throw new Error(`no good: ${total}`);
  }
}

interface NodeRow {
  node: string;
  status: string;
  error: string | null;
  summary: string | null;
  duration_ms: number;
}

describe('RunTracker', () => {
  let folder: string;
  let store: SQLiteStore;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hamilton-tracker-'));
    store = new SQLiteStore(folder);
  });
  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('records the run and each node (status, duration, summary with statistics) off the run’s path', async () => {
    const tracker = new RunTracker({ project: 'demo', store, tags: { team: 'ml' }, capture: 'statistics' });
    const dr = new Builder().withModules(Flow).withAdapters(tracker).build();
    expect(dr.execute(['total'], { inputs: { n: NaN } })).to.have.property('total');
    // Nothing is written during the run: the records wait for the next turn of the event loop.
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM node_runs').get()).to.deep.equal({ n: 0 });
    await tracker.flush();
    const run = store.db.prepare('SELECT project, status, tags FROM runs').get();
    expect(run).to.deep.equal({ project: 'demo', status: 'success', tags: '{"team":"ml"}' });
    const nodes = store.db.prepare('SELECT node, status, error, summary, duration_ms FROM node_runs ORDER BY node').all() as NodeRow[];
    expect(nodes.map((n) => [n.node, n.status])).to.deep.equal([
      ['numbers', 'success'],
      ['total', 'success'],
    ]);
    const summary = JSON.parse(nodes[0].summary!) as { length: number; statistics: { count: number; nanShare: number; max: number } };
    expect(summary.length).to.equal(4);
    expect(summary.statistics).to.include({ count: 3, nanShare: 0.25, max: 3 });
    expect(nodes[0].duration_ms).to.be.at.least(0);
  });

  it('records a failed node with its error, and the run as failed', async () => {
    const tracker = new RunTracker({ project: 'demo', store });
    const dr = new Builder().withModules(Flow).withAdapters(tracker).build();
    expect(() => dr.execute(['broken'], { inputs: { n: 1 } })).to.throw(/no good/);
    await tracker.flush();
    const failed = store.db.prepare("SELECT node, error FROM node_runs WHERE status = 'failed'").get() as NodeRow;
    expect(failed.node).to.equal('broken');
    expect(failed.error).to.match(/no good: 7/);
    expect((store.db.prepare('SELECT status FROM runs').get() as { status: string }).status).to.equal('failed');
  });

  it('never fails a run when its store cannot be written: a warning, and the run goes on', async () => {
    const blocker = path.join(folder, 'not-a-folder');
    writeFileSync(blocker, 'a file where the store folder should be');
    const tracker = new RunTracker({ project: 'demo', store: blocker });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const dr = new Builder().withModules(Flow).withAdapters(tracker).build();
      expect(dr.execute(['total'], { inputs: { n: 1 } })).to.deep.equal({ total: 7 });
      await tracker.flush();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.some((w) => /RunTracker/.test(w))).to.equal(true);
  });

  it('a store that fails slowly (a server that never answers) is left alone afterwards: one wait, not one per run', async () => {
    let connections = 0;
    const silent = createServer((socket) => {
      connections++;
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const tracker = new RunTracker({ project: 'demo', store: `postgres://u@127.0.0.1:${port}/x` });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const dr = new Builder().withModules(Flow).withAdapters(tracker).build();
      for (let run = 0; run < 3; run++) {
        expect(dr.execute(['total'], { inputs: { n: 1 } })).to.deep.equal({ total: 7 });
        await tracker.flush();
      }
      // The accepts the blocked thread could not see are counted now.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', onWarning);
      silent.close();
    }
    expect(connections).to.equal(1);
    expect(warnings.filter((w) => w.includes('RunTracker'))).to.have.length(1);
    // Three runs of a start, two node records (numbers, total) and an end each: all counted as not written.
    expect(tracker.unwritten).to.equal(3 * 4);
  });

  it('drops the oldest records past its queue limit rather than growing without bound', async () => {
    const tracker = new RunTracker({ project: 'demo', store, queueLimit: 2 });
    new Builder()
      .withModules(Flow)
      .withAdapters(tracker)
      .build()
      .execute(['total'], { inputs: { n: 1 } });
    await tracker.flush();
    expect(tracker.dropped).to.equal(2);
  });

  it('computes statistics as a plain reference does (NaN apart)', () => {
    expect(statisticsOf([1, NaN, 3])).to.deep.equal({ count: 2, mean: 2, min: 1, max: 3, nanShare: 1 / 3 });
    expect(statisticsOf(new Float64Array(0))).to.deep.equal({ count: 0, mean: null, min: null, max: null, nanShare: 0 });
  });
});
