import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, BullMQExecutor, HamiltonError } from 'hamilton-ts';
import { RemoteValues } from '../../fixtures/remote/values.js';
import { fixture, freshQueue, RedisServer, sleep, startWorker, stopWorkers } from './services.js';

const MODULES = [fixture('values')];
/** Short locks, so a killed worker's job is taken again within about two seconds (BullMQ's default: a minute). */
const FAST_STALLS = ['--lock-duration', '1000', '--stalled-interval', '500', '--max-stalled-count', '10'];
const squaresUpTo = (n: number) => (n * (n + 1) * (2 * n + 1)) / 6;
const messages = (error: unknown): string => (error instanceof Error ? `${error.message} | ${messages(error.cause)}` : '');
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'hamilton-faults-'));

describe('BullMQExecutor under faults (real Redis, real worker processes)', function () {
  this.timeout(60000);
  let workers: ChildProcess[] = [];
  afterEach(() => stopWorkers(workers, 'SIGKILL'));

  it('fails a run clearly when Redis dies during it, fails the next run at once, and close() returns', async () => {
    const redis = new RedisServer(6401);
    await redis.start();
    const queue = freshQueue('redis-dies');
    workers = await Promise.all([startWorker(redis.url, queue, MODULES), startWorker(redis.url, queue, MODULES)]);
    const executor = new BullMQExecutor({ connection: redis.url, queue, reconnectTimeoutMs: 1000 });
    try {
      const dr = await new Builder().withModules(RemoteValues).withExecutor(executor).buildAsync();
      const inputs = { itemCount: 8, itemMs: 400, logFile: '' };
      const running = dr.execute(['slowSum'], { inputs }).then(
        () => expect.fail('the run cannot succeed without Redis'),
        (e: unknown) => e,
      );
      await sleep(300);
      await redis.kill();
      const error = await running;
      expect(error).to.be.instanceOf(HamiltonError);
      expect(messages(error)).to.include('lost the connection to Redis at 127.0.0.1:6401');
      const next = await dr.execute(['slowSum'], { inputs }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(messages(next)).to.include('lost the connection to Redis at 127.0.0.1:6401');
    } finally {
      await executor.close();
      await redis.kill();
    }
  });

  it('resumes a run with the right result when Redis comes back quickly with its data', async () => {
    const redis = new RedisServer(6402, tempDir());
    await redis.start();
    const queue = freshQueue('redis-returns');
    workers = await Promise.all([startWorker(redis.url, queue, MODULES, FAST_STALLS), startWorker(redis.url, queue, MODULES, FAST_STALLS)]);
    const executor = new BullMQExecutor({ connection: redis.url, queue, reconnectTimeoutMs: 15000 });
    try {
      const dr = await new Builder().withModules(RemoteValues).withExecutor(executor).buildAsync();
      const running = dr.execute(['slowSum'], { inputs: { itemCount: 8, itemMs: 300, logFile: '' } });
      await sleep(400);
      await redis.kill();
      await sleep(300);
      await redis.start();
      expect((await running).slowSum).to.deep.equal({ total: squaresUpTo(8), count: 8 });
    } finally {
      await executor.close();
      await redis.kill();
    }
  });

  it('fails a run clearly when Redis comes back without the jobs (restarted empty)', async () => {
    const redis = new RedisServer(6403);
    await redis.start();
    const queue = freshQueue('redis-empty');
    workers = [await startWorker(redis.url, queue, MODULES)];
    const executor = new BullMQExecutor({ connection: redis.url, queue, reconnectTimeoutMs: 15000 });
    try {
      const dr = await new Builder().withModules(RemoteValues).withExecutor(executor).buildAsync();
      const running = dr.execute(['slowSum'], { inputs: { itemCount: 6, itemMs: 400, logFile: '' } }).then(
        () => expect.fail('jobs were lost'),
        (e: unknown) => e,
      );
      await sleep(300);
      await redis.kill();
      await redis.start();
      const error = await running;
      expect(error).to.be.instanceOf(HamiltonError);
      expect(messages(error)).to.match(/is gone from Redis at 127\.0\.0\.1:6403|no worker took the job/);
    } finally {
      await executor.close();
      await redis.kill();
    }
  });

  it('finishes with the right result when workers are SIGKILLed mid-job, again and again; another worker takes each job within 10 s', async () => {
    const redis = new RedisServer(6404);
    await redis.start();
    const queue = freshQueue('sigkill');
    const log = path.join(tempDir(), 'items.log');
    workers = await Promise.all([1, 2, 3].map(() => startWorker(redis.url, queue, MODULES, FAST_STALLS)));
    const executor = new BullMQExecutor({ connection: redis.url, queue });
    const kills: Array<{ pid: number; at: number }> = [];
    try {
      const dr = await new Builder().withModules(RemoteValues).withExecutor(executor).buildAsync();
      const running = dr.execute(['slowSum'], { inputs: { itemCount: 12, itemMs: 500, logFile: log } });
      for (let k = 0; k < 3; k++) {
        await sleep(700);
        const victim = workers.find((w) => w.exitCode === null && w.signalCode === null)!;
        kills.push({ pid: victim.pid!, at: Date.now() });
        await stopWorkers([victim], 'SIGKILL');
        workers.push(await startWorker(redis.url, queue, MODULES, FAST_STALLS));
      }
      // Each item counted once, whatever ran twice.
      expect((await running).slowSum).to.deep.equal({ total: squaresUpTo(12), count: 12 });
    } finally {
      await executor.close();
      await redis.kill();
    }
    const starts = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ').map(Number));
    expect(new Set(starts.map(([, item]) => item))).to.deep.equal(new Set(Array.from({ length: 12 }, (_, i) => i + 1)));
    // An item a killed worker was running was started again by another worker, soon after the kill.
    const rerun = kills.flatMap(({ pid, at }) => {
      const interrupted = starts.filter(([p, , t]) => p === pid && t <= at).at(-1);
      const again = interrupted && starts.find(([p, item, t]) => item === interrupted[1] && p !== pid && t > at);
      return again ? [again[2] - at] : [];
    });
    expect(rerun.length).to.be.greaterThan(0);
    for (const delay of rerun) expect(delay).to.be.lessThan(10000);
  });
});
