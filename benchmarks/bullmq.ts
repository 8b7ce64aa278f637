/**
 * BullMQExecutor against the same graph run in this process, in the same run, on a redis-server of its own
 * (port 6410) and `hamilton-ts worker` processes that load the feature sets from this module:
 *   Per-task overhead: a fan-out of trivial items (one task, one job per item) through the AsyncDriver, and
 *     single tasks sent one at a time with `run(task, signal)`. Target: at most 2 ms per task.
 *   Scaling: a CPU-heavy fan-out (each item counts primes) on 1, 2 and 4 worker processes, as ratios to one
 *     worker and to the AsyncDriver in this process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Builder, BullMQExecutor, collect, parallelizable, type Task } from 'hamilton-ts';
import { primesBelow, TrivialFanOut } from './workloads.js';
import { fixed, now, printTable } from './report.js';

const PORT = 6410;
const REDIS = `redis://127.0.0.1:${PORT}`;
const CLI = path.resolve(__dirname, '..', 'lib', 'cli', 'main.js');

/** CPU-heavy items: what more worker processes buy. */
export class BenchHeavyFanOut {
  @parallelizable()
  chunks(chunkCount: number): number[] {
    return Array.from({ length: chunkCount }, (_, i) => i);
  }

  primes(chunks: number, limit: number): number {
    return primesBelow(limit, chunks);
  }

  @collect('primes')
  totalPrimes(primes: number[]): number {
    return primes.reduce((a, b) => a + b, 0);
  }
}

export interface BullMQFigures {
  readonly roundTripMs: number;
  readonly fanOutItemMs: number;
  readonly localItemUs: number;
  readonly scaling: readonly { readonly workers: number; readonly ms: number }[];
  readonly inProcessMs: number;
}

function listening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port: PORT, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function startRedis(): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const deadline = Date.now() + 10000;
  while (!(await listening())) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on ${PORT}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return child;
}

function startWorkers(count: number, queue: string, concurrency: number): Promise<ChildProcess[]> {
  const one = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const args = [
        CLI,
        'worker',
        '--modules',
        __filename,
        path.join(__dirname, 'workloads.js'),
        '--redis',
        REDIS,
        '--queue',
        queue,
        '--concurrency',
        String(concurrency),
      ];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      child.stdout.once('data', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${stderr}`)));
    });
  return Promise.all(Array.from({ length: count }, one));
}

async function stop(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(children.map((c) => (c.exitCode !== null ? Promise.resolve() : new Promise((r) => (c.once('exit', r), c.kill('SIGTERM'))))));
}

async function overhead(items: number, singles: number, runs: number): Promise<Pick<BullMQFigures, 'roundTripMs' | 'fanOutItemMs' | 'localItemUs'>> {
  const queue = `bench-overhead-${process.pid}`;
  const workers = await startWorkers(2, queue, 16);
  const executor = new BullMQExecutor({ connection: REDIS, queue });
  try {
    const local = await new Builder().withModules(TrivialFanOut).buildAsync();
    const remote = await new Builder().withModules(TrivialFanOut).withExecutor(executor).buildAsync();
    const options = { inputs: { count: items } };
    const expected = (items * (items + 1)) / 2;
    const timedRun = async (dr: typeof local) => {
      const start = now();
      const { total } = await dr.execute(['total'], options);
      if (total !== expected) throw new Error(`bullmq: fan-out total ${String(total)}, expected ${expected}`);
      return now() - start;
    };
    await timedRun(local);
    await timedRun(remote); // warm-up: connections, workers' graphs
    let localMs = Infinity;
    let remoteMs = Infinity;
    for (let r = 0; r < runs; r++) {
      localMs = Math.min(localMs, await timedRun(local));
      remoteMs = Math.min(remoteMs, await timedRun(remote));
    }
    const signal = new AbortController().signal;
    const task = (x: number): Task => ({
      id: `incremented#${x}`,
      runId: 'bench',
      nodes: ['incremented'],
      inputs: { items: x },
      outputs: ['incremented'],
    });
    const start = now();
    for (let x = 0; x < singles; x++) {
      const values = await executor.run(task(x), signal);
      if (values.incremented !== x + 1) throw new Error(`bullmq: incremented(${x}) = ${String(values.incremented)}`);
    }
    const roundTripMs = (now() - start) / singles;
    return { roundTripMs, fanOutItemMs: remoteMs / items, localItemUs: (localMs * 1000) / items };
  } finally {
    await executor.close();
    await stop(workers);
  }
}

async function scaling(chunkCount: number, limit: number, runs: number): Promise<Pick<BullMQFigures, 'scaling' | 'inProcessMs'>> {
  const options = { inputs: { chunkCount, limit } };
  const local = await new Builder().withModules(BenchHeavyFanOut).buildAsync();
  const expected = (await local.execute(['totalPrimes'], options)).totalPrimes;
  let inProcessMs = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = now();
    await local.execute(['totalPrimes'], options);
    inProcessMs = Math.min(inProcessMs, now() - start);
  }
  const figures: { workers: number; ms: number }[] = [];
  for (const count of [1, 2, 4]) {
    const queue = `bench-scaling-${count}-${process.pid}`;
    const workers = await startWorkers(count, queue, 1);
    const executor = new BullMQExecutor({ connection: REDIS, queue });
    try {
      const remote = await new Builder().withModules(BenchHeavyFanOut).withExecutor(executor).buildAsync();
      let best = Infinity;
      for (let r = 0; r <= runs; r++) {
        const start = now();
        const { totalPrimes } = await remote.execute(['totalPrimes'], options);
        if (totalPrimes !== expected) throw new Error(`bullmq: ${String(totalPrimes)} primes on ${count} workers, expected ${String(expected)}`);
        if (r > 0) best = Math.min(best, now() - start); // run 0 warms the workers up
      }
      figures.push({ workers: count, ms: best });
    } finally {
      await executor.close();
      await stop(workers);
    }
  }
  return { scaling: figures, inProcessMs };
}

/** Measures BullMQ against this process and prints both tables (skipped, with a note, without redis-server). */
export async function runBullMQ(quick: boolean): Promise<BullMQFigures | undefined> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    console.log('\nBullMQ: skipped (no redis-server on the PATH).');
    return undefined;
  }
  if (await listening()) throw new Error(`bullmq benchmark: port ${PORT} is taken`);
  const redis = await startRedis();
  try {
    const cost = await overhead(quick ? 300 : 2000, quick ? 100 : 500, quick ? 3 : 5);
    const scale = await scaling(16, quick ? 400_000 : 1_200_000, quick ? 2 : 3);
    printTable(
      'BullMQ: per-task overhead (2 worker processes, concurrency 16 each; best run)',
      ['fan-out item via BullMQ (ms)', 'fan-out item in process (us)', 'overhead per task (ms)', 'round trip, 1 in flight (ms)'],
      [[fixed(cost.fanOutItemMs, 3), fixed(cost.localItemUs, 2), fixed(cost.fanOutItemMs - cost.localItemUs / 1000, 3), fixed(cost.roundTripMs, 2)]],
      [
        'fan-out item: AsyncDriver, trivial items (one task, one job each), all queued at once. Target: overhead <= 2 ms per task.',
        'round trip: await run(task) one task at a time: add, a worker takes it, its completion event comes back.',
      ],
    );
    const one = scale.scaling[0].ms;
    printTable(
      `BullMQ: CPU-heavy fan-out of 16 items on worker processes (ms, best of ${quick ? 2 : 3}; ${os.availableParallelism?.() ?? os.cpus().length} cores here)`,
      [
        'in process',
        ...scale.scaling.map((s) => `${s.workers} worker${s.workers > 1 ? 's' : ''}`),
        ...scale.scaling.slice(1).map((s) => `speedup ${s.workers} vs 1`),
      ],
      [[fixed(scale.inProcessMs, 1), ...scale.scaling.map((s) => fixed(s.ms, 1)), ...scale.scaling.slice(1).map((s) => `${fixed(one / s.ms, 2)}x`)]],
      [
        'Workers are processes on this machine (concurrency 1 each): more workers than cores cannot add speed.',
        `Load average when measured: ${os
          .loadavg()
          .map((l) => fixed(l, 1))
          .join(', ')}.`,
      ],
    );
    return { ...cost, ...scale };
  } finally {
    await new Promise((r) => (redis.once('exit', r), redis.kill('SIGKILL')));
  }
}
