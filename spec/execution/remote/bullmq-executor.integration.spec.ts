import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Queue } from 'bullmq';
import { Builder, BullMQExecutor, HamiltonError, NodeExecutionError, startBullMQWorker } from 'hamilton-ts';
import { danfo } from '../../../lib/dataframe/danfo.js';
import type { Task } from '../../../lib/execution/task.js';
import { TaskNodeError } from '../../../lib/execution/task.js';
import { RemotePrices, RemoteSquares } from '../../fixtures/remote/features.js';
import { Money, RemoteValues } from '../../fixtures/remote/values.js';
import { fixture, freshQueue, RedisServer, startWorker, stopWorkers } from './services.js';

const redis = new RedisServer(6400);

/** Exported from this spec only: the workers never loaded it. */
export class NotOnWorkers {
  unknownThere(): number {
    return 1;
  }
}
const graphOf = (classes: Function[], config: Readonly<Record<string, unknown>>) =>
  new Builder()
    .withConfig(config)
    .withModules(...classes)
    .build().graph;
const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
const task = (nodes: string[], inputs: Record<string, unknown> = {}): Task => ({
  id: nodes[0],
  runId: 'spec',
  nodes,
  inputs,
  outputs: [nodes[nodes.length - 1]],
});

describe('BullMQExecutor (real Redis, real worker processes)', function () {
  this.timeout(60000);
  const queue = freshQueue('main');
  let workers: ChildProcess[] = [];
  let executor: BullMQExecutor;

  before(async () => {
    await redis.start();
    const modules = [fixture('features'), fixture('values')];
    workers = await Promise.all([startWorker(redis.url, queue, modules), startWorker(redis.url, queue, modules)]);
    executor = new BullMQExecutor({ connection: redis.url, queue });
  });
  after(async () => {
    await executor?.close();
    await stopWorkers(workers);
    await redis.kill();
  });

  const driver = (...classes: Function[]) =>
    new Builder()
      .withModules(...classes)
      .withExecutor(executor)
      .buildAsync();

  it('spreads a fan-out over the worker processes, with the results of a local run', async () => {
    const dr = await driver(RemoteSquares);
    const inputs = { count: 8, delayMs: 100, offset: 1 };
    const result = await dr.execute(['squares', 'sumOfSquares'], { inputs });
    const local = new Builder().withModules(RemoteSquares).build().execute(['squares', 'sumOfSquares'], { inputs });
    const squares = result.squares as { values: number[]; pids: number[] };
    expect(squares.values).to.deep.equal((local.squares as { values: number[] }).values);
    expect(result.sumOfSquares).to.equal(local.sumOfSquares);
    expect(new Set(squares.pids)).to.deep.equal(new Set(workers.map((w) => w.pid)));
  });

  it('sends one job per task: a fan-out item with a two-node branch is one job', async () => {
    const own = freshQueue('count');
    const ownWorkers = [await startWorker(redis.url, own, [fixture('values')])];
    const counting = new BullMQExecutor({ connection: redis.url, queue: own });
    const inspect = new Queue(own, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      const dr = await new Builder().withModules(RemoteValues).withExecutor(counting).buildAsync();
      const result = await dr.execute(['shout'], { inputs: { text: 'a bb ccc' } });
      expect(result.shout.map((s) => s.split('@')[0])).to.deep.equal(['A', 'BB', 'CCC']);
      // 3 items (upper + tagged each) and the collect: 4 tasks; per node it would have been 7 jobs.
      expect(await inspect.getJobCountByTypes('completed')).to.equal(4);
    } finally {
      await counting.close();
      await inspect.close();
      await stopWorkers(ownWorkers);
    }
  });

  it('keeps the types of values crossing both ways: NaN, Infinity, -0, undefined, Date, Map, Set, BigInt, typed arrays', async () => {
    const dr = await driver(RemoteValues);
    const value = {
      nan: NaN,
      inf: Infinity,
      negZero: -0,
      undef: undefined,
      date: new Date(42),
      map: new Map([[1, new Set(['s'])]]),
      big: 10n ** 20n,
      f32: new Float32Array([0.5, -1]),
      nested: { deep: [undefined, NaN, { when: new Date(7) }] },
    };
    const result = await dr.execute(['echo', 'seen', 'exotic'], { inputs: { value } });
    expect(result.echo).to.deep.equal(value);
    expect(Object.is((result.echo as typeof value).negZero, -0)).to.equal(true);
    expect(result.seen).to.equal('[object Object]');
    const exotic = result.exotic as Record<string, unknown>;
    expect(exotic.nan).to.satisfy(Number.isNaN);
    expect(exotic.inf).to.equal(-Infinity);
    expect(Object.is(exotic.negZero, -0)).to.equal(true);
    expect('undef' in exotic && exotic.undef === undefined).to.equal(true);
    expect(exotic.date).to.deep.equal(new Date(86400000));
    expect(exotic.big).to.equal(2n ** 70n);
    expect(exotic.map).to.deep.equal(
      new Map<unknown, unknown>([
        ['a', 1],
        [2, { b: [3] }],
      ]),
    );
    expect(exotic.set).to.deep.equal(new Set([1, 'x']));
    expect(exotic.bytes).to.deep.equal(new Uint8Array([1, 2, 255]));
    expect(exotic.regexp).to.deep.equal(/a+b/gi);
  });

  it('carries danfo Series and DataFrames to a worker and back', async () => {
    const d = danfo();
    const dr = await driver(RemoteValues);
    const series = new d.Series([1, NaN, 3], { index: ['x', 'y', 'z'] });
    const back = (await dr.execute(['echo'], { inputs: { value: { series, frame: new d.DataFrame({ a: [1, 2] }) } } })).echo as Record<
      string,
      InstanceType<typeof d.Series>
    >;
    expect(back.series).to.be.instanceOf(d.Series);
    expect(back.series.values).to.deep.equal([1, NaN, 3]);
    expect(back.series.index).to.deep.equal(['x', 'y', 'z']);
    expect(back.frame).to.be.instanceOf(d.DataFrame);
    expect(back.frame.values).to.deep.equal([[1], [2]]);
  });

  it('refuses an input that cannot travel with a HamiltonError naming it and the path inside it, before queueing', async () => {
    const error = await rejection(executor.run(task(['echo'], { value: { list: [1, new Money(5)] } }), new AbortController().signal));
    expect(error).to.be.instanceOf(HamiltonError);
    expect((error as Error).message)
      .to.include("The value of 'value' cannot travel")
      .and.include('.list[1] is an instance of Money');
  });

  it('refuses an output that cannot travel: NodeExecutionError naming the node, the path and what travels', async () => {
    const dr = await driver(RemoteValues);
    for (const [node, what] of [
      ['returnsInstance', '.list[1] is an instance of Money'],
      ['returnsFunction', '.handler is a function'],
    ]) {
      const error = (await rejection(dr.execute([node]))) as NodeExecutionError;
      expect(error).to.be.instanceOf(NodeExecutionError);
      expect(error.nodeName).to.equal(node);
      expect((error.cause as Error).message)
        .to.include(`The value of '${node}' cannot travel`)
        .and.include(what)
        .and.include('Values that travel');
    }
  });

  it("blames a node that throws in a worker, keeping its error's name and message, and serves the next run", async () => {
    const dr = await driver(RemoteValues);
    const cases: Array<[string, string, RegExp]> = [
      ['throwsRange', 'RangeError', /^value 5 is out of range$/],
      ['rejectsLater', 'TypeError', /^async 5$/],
      ['throwsNullObject', 'Error', /not an Error was thrown: \[Object: null prototype\] \{ code: 42 \}/],
      ['throwsString', 'Error', /not an Error was thrown: 'plain text'/],
    ];
    for (const [node, name, message] of cases) {
      const error = (await rejection(dr.execute([node], { inputs: { value: 5 } }))) as NodeExecutionError;
      expect(error, node).to.be.instanceOf(NodeExecutionError);
      expect(error.nodeName).to.equal(node);
      expect((error.cause as Error).name).to.equal(name);
      expect((error.cause as Error).message).to.match(message);
    }
    expect((await dr.execute(['echo'], { inputs: { value: 'after' } })).echo).to.equal('after');
    const direct = await rejection(executor.run(task(['throwsRange'], { value: 1 }), new AbortController().signal));
    expect(direct).to.be.instanceOf(TaskNodeError);
    expect((direct as TaskNodeError).node).to.equal('throwsRange');
    expect((direct as TaskNodeError).cause).to.be.instanceOf(RangeError);
  });

  it('makes a @resource in each worker process from its upstream values, once per process across runs', async () => {
    const dr = await driver(RemotePrices);
    type Quotes = ReturnType<RemotePrices['quotes']>;
    const first = (await dr.execute(['quotes'], { inputs: { count: 6, url: 'prices://a' } })).quotes as Quotes;
    const second = (await dr.execute(['quotes'], { inputs: { count: 6, url: 'prices://a' } })).quotes as Quotes;
    for (const quotes of [first, second]) {
      expect(quotes.map((q) => q.price)).to.deep.equal([10, 20, 30, 40, 50, 60]);
      expect(quotes.every((q) => q.url === 'prices://a' && q.pid !== process.pid)).to.equal(true);
    }
    // Each process made one client for this URL, whichever items it took, in both runs.
    const madeByPid = new Map<number, Set<number>>();
    for (const q of [...first, ...second]) madeByPid.set(q.pid, (madeByPid.get(q.pid) ?? new Set()).add(q.made));
    expect([...madeByPid.values()].every((made) => made.size === 1)).to.equal(true);
  });

  it("honours a node's @retry through BullMQ's attempts, without the worker retrying as well", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hamilton-retry-'));
    const dr = await driver(RemoteValues);
    const tries = path.join(dir, 'flaky');
    expect((await dr.execute(['flakyOnce'], { inputs: { triesFile: tries } })).flakyOnce).to.equal(2);
    expect(readFileSync(tries, 'utf8')).to.equal('xx'); // 2 tries; the worker retrying too would make more
    const once = path.join(dir, 'once');
    const error = (await rejection(dr.execute(['failsCounted'], { inputs: { triesFile: once } }))) as NodeExecutionError;
    expect(error.nodeName).to.equal('failsCounted');
    expect(readFileSync(once, 'utf8')).to.equal('x');
  });

  it('keeps two drivers on one queue and one set of workers apart', async () => {
    const other = new BullMQExecutor({ connection: redis.url, queue });
    try {
      const [a, b] = await Promise.all([driver(RemoteSquares), new Builder().withModules(RemoteSquares).withExecutor(other).buildAsync()]);
      const runs = await Promise.all([
        a.execute(['sumOfSquares'], { inputs: { count: 6, delayMs: 5, offset: 0 } }),
        b.execute(['sumOfSquares'], { inputs: { count: 6, delayMs: 5, offset: 1000 } }),
        a.execute(['sumOfSquares'], { inputs: { count: 3, delayMs: 5, offset: 0 } }),
        b.execute(['sumOfSquares'], { inputs: { count: 4, delayMs: 5, offset: 0 } }),
      ]);
      expect(runs.map((r) => r.sumOfSquares)).to.deep.equal([91, 1091, 14, 30]);
    } finally {
      await other.close();
    }
  });

  it('names feature sets by module file and export, so the worker finds the class the driver means', async () => {
    const dr = await driver(RemoteValues);
    const pid = (await dr.execute(['pid'])).pid as number;
    expect(workers.map((w) => w.pid)).to.include(pid);
  });

  it('says the worker lacks a feature set the driver uses, and which module to start it with', async () => {
    const dr = await driver(NotOnWorkers);
    const error = await rejection(dr.execute(['unknownThere']));
    const text = `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ''}`;
    expect(text).to.include("hamilton-ts worker has no feature set 'NotOnWorkers'").and.include('--modules');
  });
});

describe('BullMQExecutor without a worker, or without Redis', function () {
  this.timeout(30000);
  before(() => redis.start());
  after(() => redis.kill());

  const prepared = (executor: BullMQExecutor): BullMQExecutor => {
    executor.prepare({ featureSets: [RemoteValues], config: {}, allowModuleOverrides: false, graph: graphOf([RemoteValues], {}) });
    return executor;
  };

  it('rejects within 5 s, naming host:port, when no Redis listens (ioredis alone would retry forever)', async function () {
    this.timeout(5000);
    const executor = prepared(new BullMQExecutor({ connection: 'redis://127.0.0.1:6419', queue: freshQueue('none') }));
    const error = await rejection(executor.run(task(['pid']), new AbortController().signal));
    expect(error).to.be.instanceOf(HamiltonError);
    expect((error as Error).message)
      .to.include('cannot reach Redis at 127.0.0.1:6419')
      .and.include('ECONNREFUSED');
    await executor.close();
  });

  it('rejects through the driver too, and close() returns', async function () {
    this.timeout(5000);
    const executor = new BullMQExecutor({ connection: { host: '127.0.0.1', port: 6418 }, queue: freshQueue('none') });
    const dr = await new Builder().withModules(RemoteValues).withExecutor(executor).buildAsync();
    const error = await rejection(dr.execute(['pid']));
    expect(String((error as Error).message) + String(((error as Error).cause as Error | undefined)?.message)).to.include(
      'cannot reach Redis at 127.0.0.1:6418',
    );
    await executor.close();
  });

  it('fails a task no worker takes, saying how to start one, and removes its job', async () => {
    const name = freshQueue('idle');
    const executor = prepared(new BullMQExecutor({ connection: redis.url, queue: name, pickupTimeoutMs: 500 }));
    const inspect = new Queue(name, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      const error = await rejection(executor.run(task(['pid']), new AbortController().signal));
      expect(error).to.be.instanceOf(HamiltonError);
      expect((error as Error).message)
        .to.include("no worker took the job of task 'pid' within 500 ms")
        .and.include(`npx hamilton-ts worker --modules`)
        .and.include(`--queue ${name}`);
      await new Promise((r) => setTimeout(r, 100));
      expect(await inspect.getJobCountByTypes('waiting')).to.equal(0);
    } finally {
      await executor.close();
      await inspect.close();
    }
  });

  it('drops a waiting job when the signal aborts', async () => {
    const name = freshQueue('abort');
    const executor = prepared(new BullMQExecutor({ connection: redis.url, queue: name }));
    const inspect = new Queue(name, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      const controller = new AbortController();
      const running = rejection(executor.run(task(['pid']), controller.signal));
      while ((await inspect.getJobCountByTypes('waiting')) === 0) await new Promise((r) => setTimeout(r, 10));
      controller.abort(new Error('caller gave up'));
      expect(((await running) as Error).message).to.equal('caller gave up');
      while ((await inspect.getJobCountByTypes('waiting')) > 0) await new Promise((r) => setTimeout(r, 10));
      // A worker started now finds nothing to run.
      const worker = startBullMQWorker({ featureSets: [RemoteValues], connection: redis.url, queue: name, buildGraph: graphOf });
      await worker.waitUntilReady();
      await new Promise((r) => setTimeout(r, 200));
      expect(await inspect.getJobCountByTypes('completed', 'active')).to.equal(0);
      await worker.close();
    } finally {
      await executor.close();
      await inspect.close();
    }
  });

  it('refuses bad options from plain JavaScript with a HamiltonError', () => {
    const make = (options: unknown) => () => new BullMQExecutor(options as never);
    expect(make(undefined)).to.throw(HamiltonError, /options/);
    expect(make({ connection: redis.url })).to.throw(HamiltonError, /queue/);
    expect(make({ connection: 5, queue: 'q' })).to.throw(HamiltonError, /connection/);
    expect(make({ connection: redis.url, queue: 'q', pickupTimeoutMs: -1 })).to.throw(HamiltonError, /pickupTimeoutMs/);
  });

  it('says it was not given to a driver when run before prepare', async () => {
    const error = await rejection(new BullMQExecutor({ connection: redis.url, queue: 'q' }).run(task(['pid']), new AbortController().signal));
    expect(error).to.be.instanceOf(HamiltonError);
  });
});
