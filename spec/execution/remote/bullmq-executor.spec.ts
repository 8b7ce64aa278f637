import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { Builder, BullMQExecutor, NodeExecutionError, startBullMQWorker } from 'hamilton-ts';
import { RemoteSquares } from '../fixtures/remote/features.js';

/** The Redis server .ci/services.sh starts (`source .ci/services.sh && start_services`). */
const REDIS_URL = process.env.HAMILTON_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLI = path.resolve(__dirname, '..', '..', 'lib', 'cli', 'main.js');
const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'remote', 'features.js');

async function requireRedis(): Promise<void> {
  const { default: Redis } = (await import('ioredis')) as unknown as { default: new (url: string, o: object) => { ping(): Promise<string>; quit(): Promise<unknown> } };
  const client = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    expect(await client.ping()).to.equal('PONG');
  } catch (error) {
    throw new Error(`These tests need Redis at ${REDIS_URL} (source .ci/services.sh && start_services, which sets HAMILTON_TEST_REDIS_URL): ${(error as Error).message}`);
  } finally {
    await client.quit().catch(() => undefined);
  }
}

function graphOf(classes: Function[], config: Readonly<Record<string, unknown>>) {
  return new Builder().withConfig(config).withModules(...classes).build().graph;
}

describe('BullMQExecutor', function () {
  this.timeout(60000);
  before(requireRedis);

  it('runs every node as a job taken by a worker, with the results of a local run', async () => {
    const queue = `hamilton-spec-${process.pid}-${Date.now()}`;
    const worker = startBullMQWorker({ featureSets: [RemoteSquares], connection: REDIS_URL, queue, concurrency: 4, buildGraph: graphOf });
    const executor = new BullMQExecutor({ connection: REDIS_URL, queue });
    try {
      const dr = await new Builder().withModules(RemoteSquares).withExecutor(executor).buildAsync();
      const inputs = { count: 5, delayMs: 0, offset: 1 };
      const result = await dr.execute(['sumOfSquares', 'squares'], { inputs });
      expect(result.sumOfSquares).to.equal(56);
      expect((result.squares as { values: number[] }).values).to.deep.equal([1, 4, 9, 16, 25]);
      const error = (await dr.execute(['failing'], { inputs }).catch((e: unknown) => e)) as NodeExecutionError;
      expect(error).to.be.instanceOf(NodeExecutionError);
      expect(error.nodeName).to.equal('failing');
      expect((error.cause as Error).name).to.equal('RangeError');
      expect((error.cause as Error).message).to.equal('count 5 is out of range');
    } finally {
      await executor.close();
      await worker.close();
    }
  });

  it('spreads a fan-out over worker processes started with `hamilton-ts worker`', async () => {
    const queue = `hamilton-spec-cli-${process.pid}-${Date.now()}`;
    const start = (): Promise<ChildProcess> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, 'worker', '--modules', FIXTURE, '--redis', REDIS_URL, '--queue', queue], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', (d) => (stderr += String(d)));
        child.stdout!.once('data', () => resolve(child));
        child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${stderr}`)));
      });
    const workers = await Promise.all([start(), start()]);
    const executor = new BullMQExecutor({ connection: REDIS_URL, queue });
    try {
      const dr = await new Builder().withModules(RemoteSquares).withExecutor(executor).buildAsync();
      const result = await dr.execute(['squares'], { inputs: { count: 8, delayMs: 100 } });
      const squares = result.squares as { values: number[]; pids: number[] };
      expect(squares.values).to.deep.equal([1, 4, 9, 16, 25, 36, 49, 64]);
      const workerPids = workers.map((w) => w.pid);
      expect(squares.pids.every((pid) => workerPids.includes(pid))).to.equal(true);
      expect(new Set(squares.pids).size).to.equal(2);
    } finally {
      await executor.close();
      await Promise.all(workers.map((w) => new Promise((r) => (w.once('exit', r), w.kill('SIGTERM')))));
    }
  });
});
