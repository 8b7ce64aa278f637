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
    return runConcurrently(context, signal, async (node, args) => {
      const data: NodeJob = { ...base, node: node.name, args };
      const job = await queue.add(node.name, data, { removeOnComplete: true, removeOnFail: true });
      try {
        return await job.waitUntilFinished(events, this.options.jobTimeoutMs);
      } catch (error) {
        throw decodeFailure((error as Error).message);
      }
    });
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
      await this.events.waitUntilReady();
    }
    return { queue: this.queue, events: this.events };
  }
}
