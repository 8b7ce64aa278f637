import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { BullMQExecutor, Builder } from 'hamilton-ts';
import { MarketSpend, type Columns } from './features.js';

/**
 * The spend-forecast frame at 10,000 columns (2,500 markets x 4 features, 104 weeks), computed on three
 * `hamilton-ts worker` processes through BullMQ, and again in this process to check every value and compare
 * the times. Uses the Redis at $HAMILTON_REDIS_URL, or starts a redis-server of its own on a free port.
 */
const CLI = path.resolve(__dirname, '..', '..', 'lib', 'cli', 'main.js');
const inputs = { markets: 2500, sliceSize: 125, weeks: 104 };

async function main(): Promise<void> {
  const redis = process.env.HAMILTON_REDIS_URL ?? (await startRedis());
  const queue = `spend-frame-${process.pid}`;
  const workers = await Promise.all([0, 1, 2].map(() => startWorker(redis, queue)));
  const executor = new BullMQExecutor({ connection: redis, queue });
  try {
    const distributed = await new Builder().withModules(MarketSpend).withExecutor(executor).buildAsync();
    const local = await new Builder().withModules(MarketSpend).buildAsync();
    const remoteStart = performance.now();
    const { frame } = await distributed.execute(['frame'], { inputs });
    const remoteMs = performance.now() - remoteStart;
    const localStart = performance.now();
    const { frame: expected } = await local.execute(['frame'], { inputs });
    const localMs = performance.now() - localStart;
    check(frame, expected);
    const columns = Object.keys(frame);
    console.log(`${columns.length} columns x ${inputs.weeks} weeks, from ${inputs.markets / inputs.sliceSize} tasks on 3 worker processes`);
    console.log(`first columns: ${columns.slice(0, 4).join(', ')}`);
    console.log(`m0.avg3wkSpend, weeks 3-6: ${[...frame['m0.avg3wkSpend'].slice(2, 6)].map((v) => v.toFixed(1)).join(', ')}`);
    console.log(`3 workers: ${remoteMs.toFixed(0)} ms; in process: ${localMs.toFixed(0)} ms; every value equal`);
  } finally {
    await executor.close();
    await Promise.all(workers.map(stop));
    if (!process.env.HAMILTON_REDIS_URL) await stopRedis();
  }
}

function check(frame: Columns, expected: Columns): void {
  const names = Object.keys(expected);
  if (Object.keys(frame).length !== names.length) throw new Error('the distributed frame has other columns');
  for (const name of names) {
    const [got, want] = [frame[name], expected[name]];
    if (!(got instanceof Float64Array) || got.some((v, i) => !Object.is(v, want[i]))) throw new Error(`column ${name} differs`);
  }
}

function startWorker(redis: string, queue: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const modules = path.join(__dirname, 'features.js');
    const child = spawn(process.execPath, [CLI, 'worker', '--modules', modules, '--redis', redis, '--queue', queue], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`a worker exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

let redisServer: ChildProcess | undefined;

/** A redis-server of the sample's own, on a free port (Debian's redis-server package). */
async function startRedis(): Promise<string> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  redisServer = server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', () => reject(new Error('redis-server is not installed: apt-get install redis-server, or set HAMILTON_REDIS_URL')));
    server.once('spawn', () => resolve());
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  return `redis://127.0.0.1:${port}`;
}

async function stopRedis(): Promise<void> {
  const server = redisServer;
  if (!server || server.exitCode !== null) return;
  await new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

main().catch(async (error) => {
  console.error(error);
  await stopRedis();
  process.exit(1);
});
