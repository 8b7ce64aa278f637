/**
 * WorkerPoolExecutor against the same graph run in this thread, in the same run:
 *   CPU-heavy DAG: 8 independent nodes (each counts primes), all requested at once, on a pool of 2 threads
 *     vs the AsyncDriver in this thread (LocalExecutor). Target: at least 1.7x on 2 cores.
 *   Per-task overhead: a trivial one-node task sent with `run(task, signal)`, one at a time (round trip) and
 *     64 in flight (throughput), against `runTask` in this thread.
 * The feature sets are exported from this module, so the pool's threads load them from here.
 */
import * as os from 'node:os';
import { Builder, collect, parallelizable, runTask, WorkerPoolExecutor, type Task } from 'hamilton-ts';
import { fixed, now, printTable } from './report.js';

function primesBelow(limit: number, offset: number): number {
  let count = 0;
  for (let n = 2 + offset; n < limit + offset; n++) {
    let prime = n > 1;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/** Eight independent CPU-bound nodes: nothing orders them, so a pool can run them side by side. */
export class HeavyEight {
  heavy0(limit: number): number { return primesBelow(limit, 0); }
  heavy1(limit: number): number { return primesBelow(limit, 1); }
  heavy2(limit: number): number { return primesBelow(limit, 2); }
  heavy3(limit: number): number { return primesBelow(limit, 3); }
  heavy4(limit: number): number { return primesBelow(limit, 4); }
  heavy5(limit: number): number { return primesBelow(limit, 5); }
  heavy6(limit: number): number { return primesBelow(limit, 6); }
  heavy7(limit: number): number { return primesBelow(limit, 7); }
}

/** One trivial node, for the cost of a task's trip to a thread and back. */
export class Trivial {
  increment(x: number): number {
    return x + 1;
  }
}

/** A fan-out of trivial items: each item is one task, so its cost is the pool's per-task cost through the driver. */
export class TrivialFanOut {
  @parallelizable()
  items(count: number): number[] {
    return Array.from({ length: count }, (_, i) => i);
  }

  incremented(items: number): number {
    return items + 1;
  }

  @collect('incremented')
  total(incremented: number[]): number {
    return incremented.reduce((a, b) => a + b, 0);
  }
}

const HEAVY = Array.from({ length: 8 }, (_, i) => `heavy${i}`);

export interface WorkerPoolFigures {
  readonly inProcessMs: number;
  readonly poolMs: number;
  readonly speedup: number;
  readonly roundTripUs: number;
  readonly pipelinedUs: number;
  readonly inThreadUs: number;
  /** Microseconds per fan-out item through the AsyncDriver: on the pool, and in this thread. */
  readonly fanOutPoolUs: number;
  readonly fanOutLocalUs: number;
}

async function heavyDag(limit: number, runs: number): Promise<Pick<WorkerPoolFigures, 'inProcessMs' | 'poolMs' | 'speedup'>> {
  const pool = new WorkerPoolExecutor({ threads: 2 });
  try {
    const local = await new Builder().withModules(HeavyEight).buildAsync();
    const onPool = await new Builder().withModules(HeavyEight).withExecutor(pool).buildAsync();
    const options = { inputs: { limit } };
    // Warm-up: the threads start and build their graph, both sides compile primesBelow.
    const expected = await local.execute(HEAVY, options);
    const got = await onPool.execute(HEAVY, options);
    for (const name of HEAVY) if (got[name] !== expected[name]) throw new Error(`worker pool: ${name} = ${String(got[name])}, in process ${String(expected[name])}`);
    let inProcessMs = Infinity;
    let poolMs = Infinity;
    // Interleaved, best of each: drift in the machine's load affects both sides alike.
    for (let r = 0; r < runs; r++) {
      let start = now();
      await local.execute(HEAVY, options);
      inProcessMs = Math.min(inProcessMs, now() - start);
      start = now();
      await onPool.execute(HEAVY, options);
      poolMs = Math.min(poolMs, now() - start);
    }
    return { inProcessMs, poolMs, speedup: inProcessMs / poolMs };
  } finally {
    await pool.close();
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
    for (let x = 0; x < tasks; x++) check((await runTask(dr.graph, task(x))) as Record<string, unknown>, x);
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
    ['in process', 'pool of 2 threads', 'speedup'],
    [[fixed(heavy.inProcessMs, 1), fixed(heavy.poolMs, 1), `${fixed(heavy.speedup, 2)}x`]],
    [
      'in process: AsyncDriver with LocalExecutor, the 8 nodes one after another. Target: speedup >= 1.7x on 2 cores.',
      `Load average when measured: ${os.loadavg().map((l) => fixed(l, 1)).join(', ')} (other processes on the cores shrink the speedup).`,
    ],
  );
  printTable(
    'Worker pool: per-task overhead (us per trivial task)',
    ['round trip (1 in flight)', 'pipelined (64 in flight)', 'runTask in this thread', 'fan-out item, pool', 'fan-out item, in process'],
    [[fixed(overhead.roundTripUs, 1), fixed(overhead.pipelinedUs, 1), fixed(overhead.inThreadUs, 2), fixed(items.fanOutPoolUs, 1), fixed(items.fanOutLocalUs, 2)]],
    [
      'round trip: await run(task) one task at a time; pipelined: 64 awaited concurrently over 2 threads.',
      'fan-out item: AsyncDriver, 1000 trivial items (one task each), best run; in process: the same with LocalExecutor.',
    ],
  );
  return { ...heavy, ...overhead, ...items };
}
