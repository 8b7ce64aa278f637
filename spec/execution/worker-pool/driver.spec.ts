import { expect } from 'chai';
import { threadId } from 'node:worker_threads';
import { Builder, HamiltonError, NodeExecutionError, WorkerPoolExecutor } from 'hamilton-ts';
import { FanOutFaults } from '../../fixtures/workers/fan-out-faults.js';
import { Faults } from '../../fixtures/workers/faults.js';
import { UsesClient } from '../../fixtures/workers/resources.js';
import { hiddenFeatureSet, Primes } from '../../fixtures/workers/features.js';

describe('WorkerPoolExecutor under the AsyncDriver', function () {
  this.timeout(60000);
  const pool = new WorkerPoolExecutor({ threads: 2 });
  after(() => pool.close());

  it('runs nodes on worker threads with the same results as in this thread, spreading fan-out items', async () => {
    const dr = await new Builder().withModules(Primes).withExecutor(pool).buildAsync();
    const local = new Builder().withModules(Primes).build();
    const inputs = { limit: 20000, chunks: 6, unit: 'primes' };
    const result = await dr.execute(['totalPrimes', 'label'], { inputs });
    const expected = local.execute(['totalPrimes', 'label'], { inputs });
    expect((result.totalPrimes as { total: number }).total)
      .to.equal(2262)
      .and.equal((expected.totalPrimes as { total: number }).total);
    expect(result.label).to.equal('2262 primes');
    const threads = (result.totalPrimes as { threads: number[] }).threads;
    expect(threads.every((t) => t !== threadId)).to.equal(true);
    expect(new Set(threads).size).to.equal(2);
  });

  it('runs async nodes in the workers and reports failures as NodeExecutionError with the worker error as cause', async () => {
    const dr = await new Builder().withModules(Primes).withExecutor(pool).buildAsync();
    expect(await dr.execute(['later'], { inputs: { limit: 1 } })).to.deep.equal({ later: 2 });
    const error = (await dr.execute(['broken'], { inputs: { limit: 7 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(error.nodeName).to.equal('broken');
    expect((error.cause as Error).name).to.equal('RangeError');
    expect((error.cause as Error).message).to.equal('limit 7 is broken');
  });

  it('refuses the synchronous build and feature sets no module exports', async () => {
    expect(() => new Builder().withModules(Primes).withExecutor(new WorkerPoolExecutor()).build()).to.throw(HamiltonError, /buildAsync/);
    const Hidden = hiddenFeatureSet();
    const error = await new Builder()
      .withModules(Hidden)
      .withExecutor(new WorkerPoolExecutor())
      .buildAsync()
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(HamiltonError);
    expect((error as Error).message).to.match(/no loaded module exports Hidden/);
  });

  it('explains a value that cannot cross threads, naming it and what can travel', async () => {
    const dr = await new Builder().withModules(Primes).withExecutor(pool).buildAsync();
    const error = (await dr
      .execute(['label'], { inputs: { unit: 'x' }, overrides: { totalPrimes: { total: 1, f: () => 1 } } })
      .catch((e: unknown) => e)) as Error;
    expect(error).to.be.instanceOf(HamiltonError);
    expect(error.message).to.match(/Task 'label' cannot be sent to a worker thread: its input 'totalPrimes' cannot travel \(value\.f is a function/);
    expect(error.message).to.match(/structured clone/);
    expect(await dr.execute(['label'], { inputs: { unit: 'x' }, overrides: { totalPrimes: { total: 1 } } })).to.deep.equal({ label: '1 x' });
  });
});

describe('WorkerPoolExecutor under the AsyncDriver: faults', function () {
  this.timeout(60000);
  const pool = new WorkerPoolExecutor({ threads: 2 });
  after(() => pool.close());
  const driver = () => new Builder().withModules(FanOutFaults, Faults).withExecutor(pool).buildAsync();
  const none = { exitAt: -1, throwAt: -1 };

  it("runs each fan-out item's whole branch as one task on one thread", async () => {
    const dr = await driver();
    const { results } = await dr.execute(['results'], { inputs: { count: 6, ...none } });
    const tagged = results as Array<{ square: number; thread: number; sameThread: boolean }>;
    expect(tagged.map((t) => t.square)).to.deep.equal([0, 1, 4, 9, 16, 25]);
    expect(tagged.map((t) => t.sameThread)).to.deep.equal([true, true, true, true, true, true]);
    expect(tagged.every((t) => t.thread !== threadId)).to.equal(true);
    expect(pool.size).to.be.at.most(2);
  });

  it('blames a node that calls process.exit(0) in an item with NodeExecutionError, and the next run is right', async () => {
    const dr = await driver();
    const error = (await dr.execute(['results'], { inputs: { count: 6, exitAt: 3, throwAt: -1 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(error.nodeName).to.equal('square');
    expect((error.cause as Error).message).to.match(/thread running 'square' died: it exited with code 0/);
    expect(pool.size).to.be.at.most(2);
    const { results } = await dr.execute(['results'], { inputs: { count: 6, ...none } });
    expect((results as Array<{ square: number }>).map((t) => t.square)).to.deep.equal([0, 1, 4, 9, 16, 25]);
  });

  it('blames a node that ends its thread outside a fan-out, and serves the next run', async () => {
    const dr = await driver();
    const error = (await dr.execute(['exitWith'], { inputs: { code: 0 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(error.nodeName).to.equal('exitWith');
    expect(await dr.execute(['plusOne'], { inputs: { x: 4 } })).to.deep.equal({ plusOne: 9 });
  });

  it('names a node that throws a non-Error, with no unhandled rejection', async () => {
    const dr = await driver();
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const error = (await dr.execute(['throwNullPrototype'], { inputs: { x: 2 } }).catch((e: unknown) => e)) as NodeExecutionError;
      expect(error).to.be.instanceOf(NodeExecutionError);
      expect(error.nodeName).to.equal('throwNullPrototype');
      expect(error.cause).to.deep.equal({ reason: 'no prototype 2' });
      const symbol = (await dr.execute(['throwSymbol'], { inputs: { x: 2 } }).catch((e: unknown) => e)) as NodeExecutionError;
      expect(symbol.nodeName).to.equal('throwSymbol');
      expect(symbol.message).to.match(/Symbol\(sym 2\)/);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(unhandled).to.deep.equal([]);
  });

  it('ends the thread of a node still running when the caller aborts: a one-thread pool serves the next run', async () => {
    const single = new WorkerPoolExecutor({ threads: 1 });
    try {
      const dr = await new Builder().withModules(FanOutFaults, Faults).withExecutor(single).buildAsync();
      expect(await dr.execute(['double'], { inputs: { x: 1 } })).to.deep.equal({ double: 2 });
      const controller = new AbortController();
      const run = dr.execute(['spin'], { inputs: { ms: 600000 }, signal: controller.signal });
      const outcome = run.catch((e: unknown) => e);
      // Queued or already spinning when the abort comes, nothing of it may keep the only thread.
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort(new Error('caller gave up'));
      expect(await outcome).to.equal(controller.signal.reason);
      expect(await dr.execute(['double'], { inputs: { x: 2 } })).to.deep.equal({ double: 4 });
      expect(single.size).to.equal(1);
    } finally {
      await single.close();
    }
  });

  it('leaves nothing of a failed fan-out working: the pool holds no more than its threads and runs the next request', async () => {
    const dr = await driver();
    const error = (await dr.execute(['results'], { inputs: { count: 40, exitAt: -1, throwAt: 1 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(error.nodeName).to.equal('square');
    expect((error.cause as Error).message).to.equal('item 1 is bad');
    expect(pool.size).to.be.at.most(2);
    const { results } = await dr.execute(['results'], { inputs: { count: 3, ...none } });
    expect((results as Array<{ square: number }>).map((t) => t.square)).to.deep.equal([0, 1, 4]);
  });
});

describe('WorkerPoolExecutor under the AsyncDriver: resources', function () {
  this.timeout(60000);
  const pool = new WorkerPoolExecutor({ threads: 2 });
  after(() => pool.close());
  type Page = { page: string; serial: number; thread: number };

  it('makes a resource once in each thread that needs it, from its upstream values, and reuses it across runs', async () => {
    const dr = await new Builder().withModules(UsesClient).withExecutor(pool).buildAsync();
    const first = (await dr.execute(['pages'], { inputs: { count: 8, url: 'db' } })).pages as Page[];
    expect(first.map((p) => p.page)).to.deep.equal(Array.from({ length: 8 }, (_, i) => `db/${i}`));
    expect(first.every((p) => p.thread !== threadId)).to.equal(true);
    // One client per thread: every page a thread served used the same client, made first in that thread.
    const serialsByThread = new Map<number, Set<number>>();
    for (const p of first) serialsByThread.set(p.thread, (serialsByThread.get(p.thread) ?? new Set()).add(p.serial));
    for (const serials of serialsByThread.values()) expect([...serials]).to.deep.equal([1]);
    const again = (await dr.execute(['pages'], { inputs: { count: 4, url: 'db' } })).pages as Page[];
    expect(again.every((p) => p.serial === 1)).to.equal(true);
    const other = (await dr.execute(['pages'], { inputs: { count: 2, url: 'cache' } })).pages as Page[];
    expect(other.map((p) => p.page)).to.deep.equal(['cache/0', 'cache/1']);
    expect(other.every((p) => p.serial === 2)).to.equal(true);
  });

  it('names the resource when making it ends the thread, and serves the next run', async () => {
    const dr = await new Builder().withModules(UsesClient).withExecutor(pool).buildAsync();
    const error = (await dr.execute(['pages'], { inputs: { count: 2, url: 'exit' } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(error).to.be.instanceOf(NodeExecutionError);
    const causes: string[] = [];
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) causes.push(cause.message);
    expect(causes.join('\n')).to.match(/thread running 'client' died: it exited with code 0/);
    const pages = (await dr.execute(['pages'], { inputs: { count: 2, url: 'db' } })).pages as Page[];
    expect(pages.map((p) => p.page)).to.deep.equal(['db/0', 'db/1']);
  });
});
