import type { Queue, QueueEvents } from 'bullmq';
import { runConcurrently } from '../concurrent-run.js';
import type { Executor, ExecutorSetup } from '../executor.js';
import type { RunContext } from '../run-context.js';
import { HamiltonError } from '../../errors/index.js';
import { Messages } from '../../constants/messages.js';
import { connectionOptions, type RedisConnection } from './connection.js';
import { decodeFailure, type NodeJob } from './job.js';

/** Options of `BullMQExecutor`. */
export interface BullMQExecutorOptions {
  /** The Redis server holding the queue: a `redis://` URL or BullMQ connection options. */
  readonly connection: RedisConnection;
  /** Queue name; workers started with `npx hamilton-ts worker --queue <name>` take its jobs. */
  readonly queue: string;
  /** How long to wait for one node's job before failing the run (default: no limit). */
  readonly jobTimeoutMs?: number;
}

/**
 * Runs each node as a BullMQ job on Redis, taken by worker processes anywhere (`npx hamilton-ts worker
 * --modules <file> --redis <url> --queue <name>`), which load the same feature sets and build the same graph.
 * The plan and scheduling stay here; independent nodes and fan-out items are queued together, so every
 * worker process contributes. Arguments and results travel as JSON. Use with `buildAsync()`; `close()`
 * closes the connections.
 */
export class BullMQExecutor implements Executor {
  private setup: ExecutorSetup | undefined;
  private queue: Queue | undefined;
  private events: QueueEvents | undefined;
  private readonly waiting = new Map<string, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  private nextJob = 0;

  constructor(private readonly options: BullMQExecutorOptions) {}

  prepare(setup: ExecutorSetup): void {
    this.setup = setup;
  }

  async runAsync(context: RunContext, signal?: AbortSignal): Promise<void> {
    if (!this.setup) throw new HamiltonError(Messages.executorNotPrepared(this.constructor.name));
    const { queue, events } = await this.connect();
    const base = {
      featureSets: this.setup.featureSets.map((cls) => cls.name),
      config: this.setup.config,
      allowModuleOverrides: this.setup.allowModuleOverrides,
    };
    return runConcurrently(context, signal, (node, args) => {
      const data: NodeJob = { ...base, node: node.name, args };
      const jobId = `${context.runId}-${this.nextJob++}`;
      // Listen before adding: a fast worker may finish the job before `add` returns.
      const finished = new Promise<unknown>((resolve, reject) => this.waiting.set(jobId, { resolve, reject }));
      const timeout = this.options.jobTimeoutMs;
      const timer = timeout === undefined ? undefined : setTimeout(() => this.settle(jobId, undefined, new Error(`job for '${node.name}' took over ${timeout} ms`)), timeout);
      queue.add(node.name, data, { jobId, removeOnComplete: true, removeOnFail: true }).catch((error: unknown) => this.settle(jobId, undefined, error));
      return finished.finally(() => clearTimeout(timer));
    });
  }

  private settle(jobId: string, value: unknown, error?: unknown): void {
    const waiter = this.waiting.get(jobId);
    if (!waiter) return;
    this.waiting.delete(jobId);
    if (error === undefined) waiter.resolve(value);
    else waiter.reject(error);
  }

  /** Closes the queue's connections. */
  async close(): Promise<void> {
    await Promise.all([this.queue?.close(), this.events?.close()]);
    this.queue = this.events = undefined;
  }

  private async connect(): Promise<{ queue: Queue; events: QueueEvents }> {
    if (!this.queue || !this.events) {
      // bullmq is loaded only by those who use it.
      const { Queue, QueueEvents } = require('bullmq') as typeof import('bullmq');
      const connection = connectionOptions(this.options.connection);
      this.queue = new Queue(this.options.queue, { connection });
      this.events = new QueueEvents(this.options.queue, { connection });
      this.events.on('completed', ({ jobId, returnvalue }) => this.settle(jobId, returnvalue));
      this.events.on('failed', ({ jobId, failedReason }) => this.settle(jobId, undefined, decodeFailure(failedReason)));
      await this.events.waitUntilReady();
    }
    return { queue: this.queue, events: this.events };
  }
}
