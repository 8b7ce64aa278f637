import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Messages } from '../../constants/messages.js';
import { HamiltonError } from '../../errors/index.js';
import { moduleFileExporting } from '../../metadata/module-file.js';
import { runConcurrently } from '../concurrent-run.js';
import type { Executor, ExecutorSetup } from '../executor.js';
import type { RunContext } from '../run-context.js';
import { deserializeError, type NodeTask, type TaskResult, type WorkerSetup } from './protocol.js';

/** Options of `WorkerPoolExecutor`. */
export interface WorkerPoolOptions {
  /** Worker threads (default: the machine's available parallelism). */
  readonly threads?: number;
}

interface PendingTask {
  readonly task: NodeTask;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Runs nodes on worker threads, for CPU-bound work (a fan-out's items spread over the cores). Each worker
 * loads the feature-set classes from their module files and builds the same graph; the plan and the
 * scheduling stay in the driver's thread. Values crossing threads must be structured-cloneable. Use it with
 * `buildAsync()`; `close()` stops the threads.
 *
 * @example
 * const pool = new WorkerPoolExecutor({ threads: 2 });
 * const dr = await new Builder().withModules(Pages).withExecutor(pool).buildAsync();
 * await dr.execute(['pages'], { inputs: { site } });
 * await pool.close();
 */
export class WorkerPoolExecutor implements Executor {
  private setup: WorkerSetup | undefined;
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private readonly queue: PendingTask[] = [];
  private readonly running = new Map<Worker, PendingTask>();
  private nextId = 0;
  readonly threads: number;

  constructor(options: WorkerPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? os.availableParallelism?.() ?? os.cpus().length);
  }

  prepare(setup: ExecutorSetup): void {
    const modules = setup.featureSets.map((cls) => {
      const file = moduleFileExporting(cls);
      if (file === undefined) throw new HamiltonError(Messages.notExported(this.constructor.name, cls.name));
      return { file, className: cls.name };
    });
    this.setup = { modules, config: setup.config, allowModuleOverrides: setup.allowModuleOverrides };
  }

  runAsync(context: RunContext, signal?: AbortSignal): Promise<void> {
    if (!this.setup) return Promise.reject(new HamiltonError(Messages.executorNotPrepared(this.constructor.name)));
    return runConcurrently(context, signal, (node, args) => this.call(node.name, args));
  }

  /** Stops every worker thread; a later run starts new ones. */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    this.idle = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private call(node: string, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, node, args }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.workers.length < this.threads && this.idle.length === 0 && this.queue.length > 0) this.start();
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      try {
        worker.postMessage(pending.task);
      } catch (error) {
        this.idle.push(worker);
        pending.reject(new HamiltonError(Messages.uncloneable(pending.task.node, (error as Error).message), { cause: error }));
        continue;
      }
      this.running.set(worker, pending);
    }
  }

  private start(): void {
    const worker = new Worker(path.join(__dirname, 'worker-main.js'), { workerData: this.setup });
    worker.unref();
    worker.on('message', (result: TaskResult) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (pending) {
        if (result.ok) pending.resolve(result.value);
        else pending.reject(deserializeError(result.error));
      }
      this.dispatch();
    });
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => code !== 0 && this.lose(worker, new Error(`exit code ${code}`)));
    this.workers.push(worker);
    this.idle.push(worker);
  }

  /** A worker died: fail its task, forget it, and let the next dispatch start a replacement. */
  private lose(worker: Worker, error: Error): void {
    this.workers = this.workers.filter((w) => w !== worker);
    this.idle = this.idle.filter((w) => w !== worker);
    const pending = this.running.get(worker);
    this.running.delete(worker);
    pending?.reject(new HamiltonError(Messages.workerFailed(this.constructor.name, error.message), { cause: error }));
    if (this.workers.length === 0 && this.queue.length > 0) {
      // Nothing can start (e.g. the modules fail to load): fail the queue rather than retry forever.
      for (const queued of this.queue.splice(0)) queued.reject(new HamiltonError(Messages.workerFailed(this.constructor.name, error.message), { cause: error }));
    } else this.dispatch();
  }
}
