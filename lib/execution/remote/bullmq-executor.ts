import { randomUUID } from 'node:crypto';
import type { JobsOptions, Queue, QueueEvents } from 'bullmq';
import { Messages } from '../../constants/messages.js';
import { HamiltonError } from '../../errors/index.js';
import type { FunctionGraph } from '../../graph/function-graph.js';
import { describeValue } from '../../metadata/value-types.js';
import type { Executor, ExecutorSetup } from '../executor.js';
import { TaskNodeError, type Task, type TaskValues } from '../task.js';
import { decodeValues, encodeValues } from './codec.js';
import { connectionOptions, describeConnection, type RedisConnection } from './connection.js';
import { featureSetRef } from '../../metadata/module-file.js';
import { decodeFailure, errorOf, type GraphSetup, type TaskJob } from './job.js';
import { bullmq } from './load-bullmq.js';
import { RemoteMessages } from './messages.js';

/** Options of `BullMQExecutor`. */
export interface BullMQExecutorOptions {
  /** The Redis server holding the queue: a `redis://` URL or BullMQ connection options. */
  readonly connection: RedisConnection;
  /** Queue name; workers started with `npx hamilton-ts worker --queue <name>` take its jobs. */
  readonly queue: string;
  /** How long to wait for Redis when connecting before the run fails (default 3000 ms). */
  readonly connectTimeoutMs?: number;
  /** How long a lost connection is waited out before the tasks in flight fail (default 10000 ms). */
  readonly reconnectTimeoutMs?: number;
  /** How long a job may wait for a worker to take it before the run fails: no worker is running (default 30000 ms). */
  readonly pickupTimeoutMs?: number;
  /** Longest time from queueing a task to its result (default: no limit; a dead worker's job is retried anyway). */
  readonly jobTimeoutMs?: number;
  /** How long finished jobs stay in Redis, for inspection and for results read after an outage (default 300 s). */
  readonly keepFinishedSeconds?: number;
}

interface Connected {
  readonly queue: Queue;
  readonly events: QueueEvents;
}

interface Pending {
  readonly task: Task;
  readonly resolve: (values: TaskValues) => void;
  readonly reject: (error: unknown) => void;
  pickup?: NodeJS.Timeout;
  deadline?: NodeJS.Timeout;
  detach?: () => void;
}

const DEFAULTS = { connectTimeoutMs: 3000, reconnectTimeoutMs: 10000, pickupTimeoutMs: 30000, keepFinishedSeconds: 300 };

/**
 * Runs each task (one node, or a fan-out item's whole branch) as one BullMQ job on Redis, taken by worker
 * processes anywhere (`npx hamilton-ts worker --modules <file> --redis <url> --queue <name>`), which load the
 * same feature sets and build the same graph. Values travel by V8 serialisation (`codec.ts`). A node's
 * `@retry` policy becomes the job's attempts and backoff. Faults end the run with a clear error rather than a
 * hang: Redis unreachable (connectTimeoutMs), Redis gone for too long (reconnectTimeoutMs), no worker
 * (pickupTimeoutMs); a killed worker's job is taken by another worker (BullMQ's stalled-job check).
 * Use with `buildAsync()`; `close()` closes the connections, in bounded time.
 */
export class BullMQExecutor implements Executor {
  private readonly options: Required<Omit<BullMQExecutorOptions, 'jobTimeoutMs'>> & Pick<BullMQExecutorOptions, 'jobTimeoutMs'>;
  private readonly where: string;
  /** Job ids are `<this executor's uuid>-<n>`: unique across processes sharing a queue. */
  private readonly idPrefix = randomUUID();
  private nextJob = 0;
  private setup: string | undefined;
  private graph: FunctionGraph | undefined;
  private connecting: Promise<Connected> | undefined;
  private readonly pending = new Map<string, Pending>();
  private outage: { timer: NodeJS.Timeout; expired: boolean } | undefined;
  private readonly bySignal = new WeakMap<AbortSignal, Set<string>>();
  private readonly unwatch = new WeakMap<AbortSignal, () => void>();

  constructor(options: BullMQExecutorOptions) {
    if (options === null || typeof options !== 'object')
      throw new HamiltonError(RemoteMessages.badOption('options', options, 'an object { connection, queue }'));
    if (typeof options.queue !== 'string' || options.queue === '')
      throw new HamiltonError(RemoteMessages.badOption('queue', options.queue, 'a non-empty string'));
    if (typeof options.connection !== 'string' && (options.connection === null || typeof options.connection !== 'object')) {
      throw new HamiltonError(RemoteMessages.badOption('connection', options.connection, 'a redis:// URL or { host, port }'));
    }
    for (const key of ['connectTimeoutMs', 'reconnectTimeoutMs', 'pickupTimeoutMs', 'jobTimeoutMs', 'keepFinishedSeconds'] as const) {
      const value = options[key];
      if (value !== undefined && !(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
        throw new HamiltonError(RemoteMessages.badOption(key, value, 'a positive number'));
      }
    }
    this.options = { ...DEFAULTS, ...options };
    this.where = describeConnection(options.connection);
  }

  prepare(setup: ExecutorSetup): void {
    const graphSetup: GraphSetup = {
      featureSets: setup.featureSets.map(featureSetRef),
      config: setup.config,
      allowModuleOverrides: setup.allowModuleOverrides,
    };
    this.setup = encodeValues({ setup: graphSetup });
    this.graph = setup.graph;
  }

  async run(task: Task, signal: AbortSignal): Promise<TaskValues> {
    if (this.setup === undefined) throw new HamiltonError(Messages.executorNotPrepared(this.constructor.name));
    signal.throwIfAborted();
    const data: TaskJob = {
      v: 1,
      setup: this.setup,
      id: task.id,
      runId: task.runId,
      nodes: task.nodes,
      outputs: task.outputs,
      inputs: encodeValues(task.inputs),
      ...(task.resources ? { resources: encodeValues(task.resources) } : {}),
    };
    if (this.outage?.expired) throw new HamiltonError(RemoteMessages.connectionLost(this.where, this.options.reconnectTimeoutMs, 0));
    const { queue } = await this.connect();
    signal.throwIfAborted();
    const jobId = `${this.idPrefix}-${this.nextJob++}`;
    // Registered before adding: a fast worker may finish the job before `add` returns.
    const finished = new Promise<TaskValues>((resolve, reject) => this.pending.set(jobId, { task, resolve, reject }));
    const pending = this.pending.get(jobId)!;
    pending.detach = this.watch(signal, jobId, queue);
    this.armPickup(jobId);
    if (this.options.jobTimeoutMs !== undefined) {
      const ms = this.options.jobTimeoutMs;
      pending.deadline = setTimeout(() => {
        this.fail(jobId, new HamiltonError(RemoteMessages.jobTimedOut(task.id, ms)));
        void queue.remove(jobId).catch(() => undefined);
      }, ms);
    }
    try {
      queue.add(task.id, data, { jobId, ...this.retryOptions(task) }).catch((error: unknown) => this.fail(jobId, error));
    } catch (error) {
      this.fail(jobId, error);
    }
    return finished;
  }

  /**
   * On abort, fails the signal's tasks and removes their jobs that no worker holds yet. One listener per
   * signal, however many tasks share it (a fan-out of thousands of items runs under one run's signal).
   */
  private watch(signal: AbortSignal, jobId: string, queue: Queue): () => void {
    let jobs = this.bySignal.get(signal);
    if (jobs === undefined) {
      const watched = new Set<string>();
      jobs = watched;
      this.bySignal.set(signal, watched);
      const onAbort = () => {
        this.bySignal.delete(signal);
        for (const id of [...watched]) {
          this.fail(id, signal.reason);
          void queue.remove(id).catch(() => undefined); // removed only while no worker holds it
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.unwatch.set(signal, () => signal.removeEventListener('abort', onAbort));
    }
    jobs.add(jobId);
    return () => {
      jobs.delete(jobId);
      if (jobs.size > 0 || this.bySignal.get(signal) !== jobs) return;
      this.bySignal.delete(signal);
      this.unwatch.get(signal)?.();
      this.unwatch.delete(signal);
    };
  }

  /** Fails the tasks still waiting and closes the connections; returns within a few seconds even without Redis. */
  async close(): Promise<void> {
    for (const jobId of [...this.pending.keys()]) this.fail(jobId, new HamiltonError(RemoteMessages.closed));
    if (this.outage) clearTimeout(this.outage.timer);
    this.outage = undefined;
    const connecting = this.connecting;
    this.connecting = undefined;
    if (!connecting) return;
    const connected = await connecting.catch(() => undefined);
    if (connected) await closeBounded([connected.queue, connected.events]);
  }

  /** BullMQ attempts and backoff from the task's nodes' `@retry` policies (the most patient one wins). */
  private retryOptions(task: Task): JobsOptions {
    const keep = { age: this.options.keepFinishedSeconds };
    let attempts = 1;
    let backoffMs = 0;
    for (const name of task.nodes) {
      const policy = this.graph?.get(name)?.retry;
      if (policy !== undefined && policy.attempts > attempts) ({ attempts, backoffMs } = policy);
    }
    const retry: JobsOptions = attempts > 1 ? { attempts, backoff: { type: 'exponential', delay: backoffMs } } : {};
    return { ...retry, removeOnComplete: keep, removeOnFail: keep };
  }

  private connect(): Promise<Connected> {
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async open(): Promise<Connected> {
    const { Queue, QueueEvents } = bullmq();
    const connection = connectionOptions(this.options.connection);
    let lastError: unknown;
    // Every BullMQ object gets an 'error' listener: without one a connection error crashes the process.
    const queue = new Queue(this.options.queue, { connection });
    queue.on('error', (error) => (lastError = error));
    const ms = this.options.connectTimeoutMs;
    const deadline = Date.now() + ms;
    const unreachable = (error: unknown) =>
      new HamiltonError(RemoteMessages.unreachable(this.where, ms, reasonOf(error ?? lastError)), { cause: error });
    // The queue connects first, alone: a BullMQ object that never connected closes at once, but QueueEvents
    // would wait for its first connection before closing.
    try {
      await withDeadline(queue.waitUntilReady(), deadline, () => unreachable(undefined));
    } catch (error) {
      await closeBounded([queue]);
      throw error instanceof HamiltonError ? error : unreachable(error);
    }
    const events = new QueueEvents(this.options.queue, { connection, autorun: false });
    events.on('error', (error) => (lastError = error));
    try {
      await withDeadline(events.waitUntilReady(), deadline, () => unreachable(undefined));
      // Read events from the stream's current end, so no event of a job added from now on is missed.
      const client = (await queue.getBackend().client) as unknown as {
        xrevrange(key: string, end: string, start: string, count: 'COUNT', n: number): Promise<[string, string[]][]>;
      };
      const last = await withDeadline(client.xrevrange(queue.keys.events, '+', '-', 'COUNT', 1), deadline, () => unreachable(undefined));
      (events.opts as { lastEventId?: string }).lastEventId = last[0]?.[0] ?? '0-0';
    } catch (error) {
      await closeBounded([queue, events]);
      throw error instanceof HamiltonError ? error : unreachable(error);
    }
    events.on('completed', ({ jobId, returnvalue }) => this.complete(jobId, returnvalue));
    events.on('failed', ({ jobId, failedReason }) => this.failed(jobId, failedReason));
    events.on('active', ({ jobId }) => this.taken(jobId));
    events.on('waiting', ({ jobId }) => this.armPickup(jobId)); // queued again: after a stall, or a retry
    for (const emitter of [queue.getBackend(), events.getBackend()] as unknown as NodeJS.EventEmitter[]) {
      emitter.on('close', () => this.connectionDown());
      emitter.on('ready', () => this.connectionUp());
    }
    events.run().catch((error: unknown) => (lastError = error));
    return { queue, events };
  }

  private complete(jobId: string, returnvalue: unknown): void {
    const pending = this.pending.get(jobId);
    if (pending === undefined) return; // another executor's job, or a late duplicate of a settled one
    let values: TaskValues;
    try {
      values = decodeValues(String(returnvalue));
    } catch (error) {
      this.fail(jobId, new HamiltonError(RemoteMessages.badTask(reasonOf(error)), { cause: error }));
      return;
    }
    this.settle(jobId)?.resolve(values);
  }

  private failed(jobId: string, reason: string): void {
    const pending = this.pending.get(jobId);
    if (pending === undefined) return;
    const failure = decodeFailure(String(reason));
    let error: Error;
    if (failure === undefined) error = new HamiltonError(RemoteMessages.jobFailed(pending.task.id, String(reason)));
    else if (failure.kind === 'node') error = new TaskNodeError(failure.node ?? pending.task.nodes[0], errorOf(failure));
    else if (failure.kind === 'travel' && failure.node !== undefined) error = new TaskNodeError(failure.node, new HamiltonError(failure.message));
    else error = new HamiltonError(failure.message);
    this.fail(jobId, error);
  }

  private taken(jobId: string): void {
    const pending = this.pending.get(jobId);
    if (pending?.pickup === undefined) return;
    clearTimeout(pending.pickup);
    pending.pickup = undefined;
  }

  /** Fails the task if no worker takes its job in time (checked against the job's state, not only events). */
  private armPickup(jobId: string): void {
    const pending = this.pending.get(jobId);
    if (pending === undefined) return;
    clearTimeout(pending.pickup);
    const ms = this.options.pickupTimeoutMs;
    pending.pickup = setTimeout(() => {
      pending.pickup = undefined;
      void this.check(jobId, (state) => {
        if (state !== 'waiting' && state !== 'prioritized') return false;
        this.fail(jobId, new HamiltonError(RemoteMessages.noWorker(pending.task.id, ms, redisUrl(this.options.connection), this.options.queue)));
        void this.connecting?.then(({ queue }) => queue.remove(jobId)).catch(() => undefined);
        return true;
      });
    }, ms);
  }

  /**
   * Settles a job from its state in Redis (after an outage an event may have been missed, or the job lost);
   * `onOpen` decides for a job that is still queued or running.
   */
  private async check(jobId: string, onOpen?: (state: string) => boolean): Promise<void> {
    if (!this.pending.has(jobId) || this.connecting === undefined) return;
    try {
      const { queue } = await this.connecting;
      const job = await queue.getJob(jobId);
      if (!this.pending.has(jobId)) return;
      if (job === undefined) {
        this.fail(jobId, new HamiltonError(RemoteMessages.jobLost(this.pending.get(jobId)!.task.id, this.where)));
        return;
      }
      const state = await job.getState();
      if (state === 'completed') this.complete(jobId, job.returnvalue);
      else if (state === 'failed') this.failed(jobId, job.failedReason);
      else if (state === 'active') this.taken(jobId);
      else if (!(onOpen?.(state) ?? false)) this.armPickup(jobId);
    } catch {
      // Redis went away again: the outage timer decides.
      if (this.outage === undefined) this.armPickup(jobId);
    }
  }

  private connectionDown(): void {
    if (this.outage !== undefined || this.connecting === undefined) return;
    const ms = this.options.reconnectTimeoutMs;
    const outage = {
      expired: false,
      timer: setTimeout(() => {
        outage.expired = true;
        const error = new HamiltonError(RemoteMessages.connectionLost(this.where, ms, this.pending.size));
        for (const jobId of [...this.pending.keys()]) this.fail(jobId, error);
      }, ms),
    };
    this.outage = outage;
  }

  private connectionUp(): void {
    if (this.outage === undefined) return;
    clearTimeout(this.outage.timer);
    this.outage = undefined;
    for (const jobId of [...this.pending.keys()]) void this.check(jobId);
  }

  private fail(jobId: string, error: unknown): void {
    this.settle(jobId)?.reject(error);
  }

  /** Takes a task out of the waiting list (once: later events of its job are ignored) and stops its timers. */
  private settle(jobId: string): Pending | undefined {
    const pending = this.pending.get(jobId);
    if (pending === undefined) return undefined;
    this.pending.delete(jobId);
    clearTimeout(pending.pickup);
    clearTimeout(pending.deadline);
    pending.detach?.();
    return pending;
  }
}

/** Closes BullMQ objects, forcing the connections shut if a polite close takes over 2 s (Redis gone). */
async function closeBounded(closeables: readonly { close(): Promise<void>; disconnect(): Promise<void> }[]): Promise<void> {
  const polite = Promise.allSettled(closeables.map((c) => c.close()));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([polite.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), 2000)))]);
  clearTimeout(timer);
  if (!timedOut) return;
  await Promise.race([Promise.allSettled(closeables.map((c) => c.disconnect())), new Promise<void>((r) => setTimeout(r, 1000).unref())]);
}

/** The promise, or a rejection with `error()` once the deadline has passed (its timer never outlives it). */
async function withDeadline<T>(promise: Promise<T>, deadline: number, error: () => Error): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(error()), Math.max(0, deadline - Date.now())))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function reasonOf(error: unknown): string {
  if (error === undefined) return 'no answer';
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : describeValue(error);
}

function redisUrl(connection: RedisConnection): string {
  return typeof connection === 'string' ? connection.replace(/\/\/[^@/]*@/, '//') : `redis://${describeConnection(connection)}`;
}
