/**
 * `npm run bench`: prints hamilton-ts speed figures (never asserts on them).
 *   node dist/benchmarks/run.js           full: scalar DAG at 1k, 10k, 100k nodes; 1000 x 1000 dataframe workload
 *   node dist/benchmarks/run.js --quick   CI: scalar DAG at 1k, 10k; a smaller dataframe workload
 *   --only=scalar,dataframe               only those sections (import, install, scalar, decorated, lineage, dataframe, windows, io, cache, async, fanout, workers, bullmq, service)
 * Exits non-zero only when a benchmark's results are wrong (the driver disagrees with the direct code).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { runWorkload } from './dataframe-workload.js';
import { runDecoratedDag } from './decorated-dag.js';
import { runLineage } from './lineage.js';
import { fixed, median, printTable } from './report.js';
import { runScalarDag } from './scalar-dag.js';
import { runAsyncOverhead } from './async-overhead.js';
import { runFanOut } from './fan-out.js';
import { runInstall } from './install.js';

const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

/** Milliseconds of a fresh `node -e` child: the whole process, and the `require` alone (from inside it). */
function childTimes(code: string): { processMs: number; requireMs: number } {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['-e', code], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  const processMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`node -e failed: ${child.stderr}`);
  return { processMs, requireMs: Number(child.stdout.trim() || 0) };
}

function importTime(runs: number): void {
  const bare: number[] = [];
  const whole: number[] = [];
  const inside: number[] = [];
  const probe = "const t = performance.now(); require('hamilton-ts'); process.stdout.write(String(performance.now() - t));";
  for (let r = 0; r < runs; r++) {
    bare.push(childTimes('').processMs);
    const { processMs, requireMs } = childTimes(probe);
    whole.push(processMs);
    inside.push(requireMs);
  }
  printTable(
    `Import time of 'hamilton-ts' (fresh node process; median of ${runs}, ms)`,
    ["require('hamilton-ts')", 'node -e (with require)', 'node -e "" (bare)', 'process difference'],
    [[fixed(median(inside), 1), fixed(median(whole), 1), fixed(median(bare), 1), fixed(median(whole) - median(bare), 1)]],
    ['Target < 150 ms. danfojs is loaded lazily, on the first DataFrame a run builds.'],
  );
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const want = (section: string) => !only || only.includes(section);
  console.log(`hamilton-ts benchmarks (${quick ? 'quick' : 'full'}), node ${process.version}`);
  const started = performance.now();
  if (want('import')) importTime(quick ? 3 : 7);
  if (want('install')) runInstall(quick);
  if (want('scalar')) runScalarDag(quick ? [1000, 10000] : [1000, 10000, 100000]);
  if (want('decorated')) runDecoratedDag(quick ? [10000] : [10000, 100000], quick ? 3 : 7);
  if (want('lineage')) runLineage(quick ? [1000, 10000] : [1000, 10000, 100000]);
  if (want('dataframe')) {
    if (quick) runWorkload(300, 200, 9);
    else runWorkload(1000, 1000, 7);
  }
  // Loaded only here: it compares rollingMean with stdlib kernels found through STDLIB_DIR.
  if (want('windows')) (await import('./window-kernels.js')).runWindowKernels(quick);
  // Loaded only here: it needs better-sqlite3, an optional peer.
  if (want('cache')) await (await import('./cache.js')).runCache(quick);
  if (want('async')) await runAsyncOverhead(quick ? [1000, 10000] : [1000, 10000, 100000], quick ? 5 : 15);
  if (want('fanout')) await runFanOut(quick ? [1000] : [1000, 100000], quick ? 5 : 15);
  // Loaded only here: its feature sets are loaded again by the pool's threads, from its own module.
  if (want('workers')) await (await import('./worker-pool.js')).runWorkerPool(quick);
  // Loaded only here: worker processes load its feature sets from its own module.
  if (want('bullmq')) await (await import('./bullmq.js')).runBullMQ(quick);
  // Loaded only here: the service benchmark brings Nest and the sample, which the others must not carry.
  if (want('service')) await (await import('./realtime-service.js')).runRealtimeService(quick);
  // Last, and loaded only here: it needs apache-arrow, parquet-wasm and the CSV libraries (optional peers), and
  // apache-arrow switches off V8's fast Array.prototype.concat for the rest of the process.
  if (want('io')) (await import('./io.js')).runIo(quick);
  console.log(`\ndone in ${fixed((performance.now() - started) / 1000, 1)} s`);
}

// Garbage collection between timed runs needs --expose-gc: re-run this script with it when it is missing.
if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
