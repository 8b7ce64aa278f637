/**
 * WorkerPoolExecutor against the same graph run in this thread, in the same run:
 *   CPU-heavy DAG: 8 independent nodes (each counts primes), all requested at once, on a pool of 2 threads
 *     vs the AsyncDriver in this thread (LocalExecutor). Target: at least 1.7x on 2 cores. Two bare worker
 *     threads doing the same work show what speedup the machine allows at that moment.
 *   Per-task overhead: a trivial one-node task sent with `run(task, signal)`, one at a time (round trip) and
 *     64 in flight (throughput), against `runTask` in this thread.
 * The feature sets are exported from this module, so the pool's threads load them from here.
 */
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { Builder, runTask, WorkerPoolExecutor, type Task } from 'hamilton-ts';
import { primesBelow, TrivialFanOut } from './workloads.js';
import { fixed, now, printTable } from './report.js';

/** Eight independent CPU-bound nodes: nothing orders them, so a pool can run them side by side. */
export class HeavyEight {
  heavy0(limit: number): number {
    return primesBelow(limit, 0);
  }
  heavy1(limit: number): number {
    return primesBelow(limit, 1);
  }
  heavy2(limit: number): number {
    return primesBelow(limit, 2);
  }
  heavy3(limit: number): number {
    return primesBelow(limit, 3);
  }
  heavy4(limit: number): number {
    return primesBelow(limit, 4);
  }
  heavy5(limit: number): number {
    return primesBelow(limit, 5);
  }
  heavy6(limit: number): number {
    return primesBelow(limit, 6);
  }
  heavy7(limit: number): number {
    return primesBelow(limit, 7);
  }
}

/** One trivial node, for the cost of a task's trip to a thread and back. */
export class Trivial {
  increment(x: number): number {
    return x + 1;
  }
}

const HEAVY = Array.from({ length: 8 }, (_, i) => `heavy${i}`);

export interface WorkerPoolFigures {
  readonly inProcessMs: number;
  readonly poolMs: number;
  readonly speedup: number;
  /** The same 8 computations on 2 hand-written worker threads: what the machine allows right now. */
  readonly handWrittenMs: number;
  readonly roundTripUs: number;
  readonly pipelinedUs: number;
  readonly inThreadUs: number;
  /** Microseconds per fan-out item through the AsyncDriver: on the pool, and in this thread. */
  readonly fanOutPoolUs: number;
  readonly fanOutLocalUs: number;
}

/** Two bare worker threads computing the same primes, four calls each: the machine's own parallel speedup. */
function handWrittenThreads(): { run(limit: number): Promise<number[]>; close(): Promise<unknown> } {
  const source = `const { parentPort } = require('node:worker_threads');
    ${primesBelow.toString()}
    parentPort.on('message', ({ limit, offset }) => parentPort.postMessage(primesBelow(limit, offset)));`;
  const threads = [new Worker(source, { eval: true }), new Worker(source, { eval: true })];
  const call = (thread: Worker, limit: number, offset: number) =>
    new Promise<number>((resolve) => {
      thread.once('message', resolve);
      thread.postMessage({ limit, offset });
    });
  return {
    run: async (limit) => {
      const counts = new Array<number>(8);
      await Promise.all(
        threads.map(async (thread, t) => {
          for (let offset = t; offset < 8; offset += threads.length) counts[offset] = await call(thread, limit, offset);
        }),
      );
      return counts;
    },
    close: () => Promise.all(threads.map((t) => t.terminate())),
  };
}

async function heavyDag(limit: number, runs: number): Promise<Pick<WorkerPoolFigures, 'inProcessMs' | 'poolMs' | 'speedup' | 'handWrittenMs'>> {
  const pool = new WorkerPoolExecutor({ threads: 2 });
  const bare = handWrittenThreads();
  try {
    const local = await new Builder().withModules(HeavyEight).buildAsync();
    const onPool = await new Builder().withModules(HeavyEight).withExecutor(pool).buildAsync();
    const options = { inputs: { limit } };
    // Warm-up: the threads start and build their graph, every side compiles primesBelow.
    const expected = await local.execute(HEAVY, options);
    const got = await onPool.execute(HEAVY, options);
    const bareCounts = await bare.run(limit);
    HEAVY.forEach((name, i) => {
      if (got[name] !== expected[name] || bareCounts[i] !== expected[name]) {
        throw new Error(`worker pool: ${name} = ${String(got[name])}, hand-written ${bareCounts[i]}, in process ${String(expected[name])}`);
      }
    });
    let inProcessMs = Infinity;
    let poolMs = Infinity;
    let handWrittenMs = Infinity;
    const time = async (fn: () => Promise<unknown>) => {
      const start = now();
      await fn();
      return now() - start;
    };
    // Interleaved, best of each: drift in the machine's load affects all sides alike.
    for (let r = 0; r < runs; r++) {
      inProcessMs = Math.min(inProcessMs, await time(() => local.execute(HEAVY, options)));
      poolMs = Math.min(poolMs, await time(() => onPool.execute(HEAVY, options)));
      handWrittenMs = Math.min(handWrittenMs, await time(() => bare.run(limit)));
    }
    return { inProcessMs, poolMs, speedup: inProcessMs / poolMs, handWrittenMs };
  } finally {
    await Promise.all([pool.close(), bare.close()]);
  }
}

async function perTask(tasks: number): Promise<Pick<WorkerPoolFigures, 'roundTripUs' | 'pipelinedUs' | 'inThreadUs'>> {
  const pool = new WorkerPoolExecutor({ threads: 2 });
  try {
    const dr = await new Builder().withModules(Trivial).withExecutor(pool).buildAsync();
    const signal = new AbortController().signal;
    const task = (x: number): Task => ({ id: `increment#${x}`, runId: 'bench', nodes: ['increment'], inputs: { x }, outputs: ['increment'] });
    const check = (values: Record<string, unknown>, x: number) => {
      if (values.increment !== x + 1) throw new Error(`worker pool: increment(${x}) = ${String(values.increment)}`);
    };
    // Warm-up: both threads started, the message paths compiled.
    await Promise.all(Array.from({ length: 200 }, (_, x) => pool.run(task(x), signal).then((v) => check(v, x))));

    let start = now();
    for (let x = 0; x < tasks; x++) check(await pool.run(task(x), signal), x);
    const roundTripUs = ((now() - start) * 1000) / tasks;

    start = now();
    const inFlight = 64;
    let next = 0;
    const lane = async () => {
      while (next < tasks) {
        const x = next++;
        check(await pool.run(task(x), signal), x);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, lane));
    const pipelinedUs = ((now() - start) * 1000) / tasks;

    start = now();
    for (let x = 0; x < tasks; x++) check(await runTask(dr.graph, task(x)), x);
    const inThreadUs = ((now() - start) * 1000) / tasks;
    return { roundTripUs, pipelinedUs, inThreadUs };
  } finally {
    await pool.close();
  }
}

async function fanOut(items: number, runs: number): Promise<Pick<WorkerPoolFigures, 'fanOutPoolUs' | 'fanOutLocalUs'>> {
  const pool = new WorkerPoolExecutor({ threads: 2 });
  try {
    const local = await new Builder().withModules(TrivialFanOut).buildAsync();
    const onPool = await new Builder().withModules(TrivialFanOut).withExecutor(pool).buildAsync();
    const options = { inputs: { count: items } };
    const expected = (items * (items + 1)) / 2;
    const timedRun = async (dr: typeof local) => {
      const start = now();
      const { total } = await dr.execute(['total'], options);
      if (total !== expected) throw new Error(`worker pool: fan-out total ${String(total)}, expected ${expected}`);
      return now() - start;
    };
    await timedRun(local);
    await timedRun(onPool);
    let localMs = Infinity;
    let poolMs = Infinity;
    for (let r = 0; r < runs; r++) {
      localMs = Math.min(localMs, await timedRun(local));
      poolMs = Math.min(poolMs, await timedRun(onPool));
    }
    return { fanOutPoolUs: (poolMs * 1000) / items, fanOutLocalUs: (localMs * 1000) / items };
  } finally {
    await pool.close();
  }
}

/** Measures the pool against this thread and prints both tables. */
export async function runWorkerPool(quick: boolean): Promise<WorkerPoolFigures> {
  const heavy = await heavyDag(quick ? 150_000 : 400_000, quick ? 3 : 5);
  const overhead = await perTask(quick ? 2000 : 10000);
  const items = await fanOut(1000, quick ? 3 : 7);
  printTable(
    `Worker pool: CPU-heavy DAG of 8 independent nodes (ms, best of ${quick ? 3 : 5}; ${os.availableParallelism?.() ?? os.cpus().length} cores here)`,
    ['in process', 'pool of 2 threads', 'speedup', '2 hand-written threads', 'their speedup'],
    [
      [
        fixed(heavy.inProcessMs, 1),
        fixed(heavy.poolMs, 1),
        `${fixed(heavy.speedup, 2)}x`,
        fixed(heavy.handWrittenMs, 1),
        `${fixed(heavy.inProcessMs / heavy.handWrittenMs, 2)}x`,
      ],
    ],
    [
      'in process: AsyncDriver with LocalExecutor, the 8 nodes one after another. Target: speedup >= 1.7x on 2 cores.',
      'hand-written threads: bare worker_threads computing the same 8 counts, the most the machine gives right now.',
      `Load average when measured: ${os
        .loadavg()
        .map((l) => fixed(l, 1))
        .join(', ')} (other processes on the cores shrink both speedups).`,
    ],
  );
  printTable(
    'Worker pool: per-task overhead (us per trivial task)',
    ['round trip (1 in flight)', 'pipelined (64 in flight)', 'runTask in this thread', 'fan-out item, pool', 'fan-out item, in process'],
    [
      [
        fixed(overhead.roundTripUs, 1),
        fixed(overhead.pipelinedUs, 1),
        fixed(overhead.inThreadUs, 2),
        fixed(items.fanOutPoolUs, 1),
        fixed(items.fanOutLocalUs, 2),
      ],
    ],
    [
      'round trip: await run(task) one task at a time; pipelined: 64 awaited concurrently over 2 threads.',
      'fan-out item: AsyncDriver, 1000 trivial items (one task each), best run; in process: the same with LocalExecutor.',
    ],
  );
  return { ...heavy, ...overhead, ...items };
}
