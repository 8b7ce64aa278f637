import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import * as path from 'node:path';

/** The CLI and fixture modules, from dist/spec/execution/remote/. */
export const CLI = path.resolve(__dirname, '..', '..', '..', 'lib', 'cli', 'main.js');
export const fixture = (name: string): string => path.resolve(__dirname, '..', '..', 'fixtures', 'remote', `${name}.js`);

/** A redis-server of the spec's own, on a port of 6400-6419, so a spec can stop or kill it. */
export class RedisServer {
  private child: ChildProcess | undefined;
  /** `dir`: keep data in an append-only file there (fsync'ed on every write), so a restart finds the jobs again. */
  constructor(
    readonly port: number,
    private readonly dir?: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (await listening(this.port)) throw new Error(`port ${this.port} is taken: stop whatever listens there`);
    const persistence = this.dir === undefined ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir];
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence], { stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + 10000;
    while (!(await listening(this.port))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on ${this.port} did not start`);
      await sleep(20);
    }
  }

  /** Stops the server (SIGKILL: no goodbye to clients, like a crash or a cable pulled). */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
    while (await listening(this.port)) await sleep(20);
  }
}

/** A `hamilton-ts worker` process, resolved once it says it is ready. */
export function startWorker(redisUrl: string, queue: string, modules: string[], flags: string[] = []): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'worker', '--modules', ...modules, '--redis', redisUrl, '--queue', queue, ...flags], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${stderr}`)));
  });
}

/** Stops worker processes (SIGTERM: they finish the job in hand) and waits for them to exit. */
export async function stopWorkers(workers: readonly ChildProcess[], signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  await Promise.all(
    workers.map((w) => (w.exitCode !== null || w.signalCode !== null ? Promise.resolve() : new Promise((r) => (w.once('exit', r), w.kill(signal))))),
  );
}

export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let queues = 0;
/** A queue name no other process uses. */
export function freshQueue(label: string): string {
  return `hamilton-spec-${label}-${process.pid}-${Date.now()}-${queues++}`;
}
