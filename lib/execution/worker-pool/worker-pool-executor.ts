import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { TYPE_METADATA_WARNED_ENV, typeMetadataWarned } from '../../decorators/type-metadata-warning.js';
import { describeCause, HamiltonError } from '../../errors/index.js';
import type { Executor, ExecutorSetup } from '../executor.js';
import { TaskNodeError, type Task, type TaskValues } from '../task.js';
import { threadFeatureSet } from './feature-set-ref.js';
import { WorkerPoolMessages } from './messages.js';
import { callableNodesOf, type TaskMessage, type WorkerData, type WorkerMessage, type WorkerSetup } from './protocol.js';
import { receiveThrown } from './thrown.js';
import { travelProblem } from './travel.js';

const WORKER_MAIN = path.join(__dirname, 'worker-main.js');

/** Options of `WorkerPoolExecutor`. */
export interface WorkerPoolOptions {
  /** Worker threads at most (default: the machine's available parallelism). */
  readonly threads?: number;
  /** Heap and stack limits of each thread (node's `ResourceLimits`): a thread over them dies, failing its task, and is replaced. */
  readonly resourceLimits?: ResourceLimits;
}

/** A task waiting for a thread, or running on one. */
interface Pending {
  readonly task: Task;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (values: TaskValues) => void;
  readonly reject: (error: unknown) => void;
  slot: Slot | undefined;
  settled: boolean;
}

/** One worker thread, from its start until its 'exit' event (until then it counts against `threads`). */
interface Slot {
  readonly worker: Worker;
  readonly progress: Int32Array;
  /** The graph is built: a death from now on is the running task's fault, not a failed start. */
  ready: boolean;
  /** Takes no more tasks: it died, or the pool is ending it. */
  retiring: boolean;
  running: Pending | undefined;
  /** The id of the message `running` was sent with; an answer with another id is stale. */
  messageId: number;
}

/**
 * Runs tasks on worker threads, for CPU-bound work (a fan-out's items spread over the cores). Each thread
 * loads the feature sets from their module files (`{ module, export }`), builds the same graph and runs the tasks
 * it is sent with `runTask`, one at a time; the driver's scheduler keeps the plan, the order and the hooks.
 * Values crossing threads must survive structured clone. A thread that dies (`process.exit`, an exception
 * outside a promise, out of memory) fails only the task it ran, naming the node, and is replaced; aborting a
 * run drops its queued tasks and ends the threads running its tasks, so nothing of it keeps a slot.
 * Use it with `buildAsync()`; `close()` stops the threads (a later run starts new ones).
 *
 * @example
 * const pool = new WorkerPoolExecutor({ threads: 2 });
 * const dr = await new Builder().withModules(Pages).withExecutor(pool).buildAsync();
 * await dr.execute(['pages'], { inputs: { site } });
 * await pool.close();
 */
export class WorkerPoolExecutor implements Executor {
  readonly threads: number;
  private readonly resourceLimits: ResourceLimits | undefined;
  private setup: WorkerSetup | undefined;
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private queue: Pending[] = [];
  /** One abort listener per signal, however many of its tasks wait (a fan-out may queue thousands). */
  private readonly watched = new Map<AbortSignal, { readonly pending: Set<Pending>; readonly listener: () => void }>();
  private lastMessageId = 0;

  constructor(options: WorkerPoolOptions = {}) {
    const threads = options.threads ?? os.availableParallelism?.() ?? os.cpus().length;
    if (!Number.isInteger(threads) || threads < 1) throw new HamiltonError(WorkerPoolMessages.badThreads(options.threads));
    this.threads = threads;
    this.resourceLimits = options.resourceLimits;
  }

  /** Worker threads alive now (started and not yet exited): never more than `threads`. */
  get size(): number {
    return this.slots.size;
  }

  /** Learns the driver's feature sets and config; a pool serves one setup, since its threads hold that graph. */
  prepare(setup: ExecutorSetup): void {
    const next: WorkerSetup = {
      featureSets: setup.featureSets.map((cls) => threadFeatureSet(cls)),
      config: { ...setup.config },
      allowModuleOverrides: setup.allowModuleOverrides,
    };
    const problem = travelProblem(next.config, 'config');
    if (problem) throw new HamiltonError(WorkerPoolMessages.configCannotTravel(problem));
    if (this.setup && !isDeepStrictEqual(this.setup, next)) throw new HamiltonError(WorkerPoolMessages.otherSetup());
    this.setup = next;
  }

  run(task: Task, signal?: AbortSignal): Promise<TaskValues> {
    if (!this.setup) return Promise.reject(new HamiltonError(WorkerPoolMessages.notPrepared()));
    const malformed = malformedTask(task, signal);
    if (malformed) return Promise.reject(new HamiltonError(WorkerPoolMessages.badTask(malformed)));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const problem = sendProblem(task);
    if (problem) return Promise.reject(new HamiltonError(problem));
    return new Promise<TaskValues>((resolve, reject) => {
      const pending: Pending = { task, signal, resolve, reject, slot: undefined, settled: false };
      if (signal) this.watch(pending, signal);
      this.queue.push(pending);
      this.dispatch();
    });
  }

  /** Fails what waits or runs, and stops every thread; the pool may be used again afterwards. */
  async close(): Promise<void> {
    const closed = new HamiltonError(WorkerPoolMessages.closed());
    for (const pending of this.queue.splice(0)) this.fail(pending, closed);
    const exits = [...this.slots].map((slot) => {
      const running = slot.running;
      this.end(slot);
      if (running) this.fail(running, closed);
      return slot.worker.terminate();
    });
    await Promise.all(exits);
  }

  /** Gives queued tasks to idle threads, starting threads while there are fewer than `threads`. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.idle.pop();
      if (slot === undefined && this.slots.size < this.threads) {
        try {
          slot = this.start();
        } catch (error) {
          return this.failQueue(new HamiltonError(WorkerPoolMessages.startFailed(describeCause(error)), { cause: error }));
        }
      }
      if (slot === undefined) return;
      this.send(slot, this.queue.shift()!);
    }
  }

  private send(slot: Slot, pending: Pending): void {
    const id = ++this.lastMessageId;
    const { task } = pending;
    Atomics.store(slot.progress, 0, 0);
    try {
      // Only the task's own fields travel, whatever else the object carries.
      const { id: taskId, runId, nodes, inputs, outputs, resources } = task;
      const message: TaskMessage = { id, task: { id: taskId, runId, nodes, inputs, outputs, ...(resources && { resources }) } };
      slot.worker.postMessage(message);
    } catch (error) {
      // travelProblem passed it, but the clone failed anyway (a host object): still one clear answer.
      this.idle.push(slot);
      return this.fail(
        pending,
        new HamiltonError(WorkerPoolMessages.inputCannotTravel(task.id, Object.keys(task.inputs).join("', '"), describeCause(error)), {
          cause: error,
        }),
      );
    }
    slot.messageId = id;
    slot.running = pending;
    pending.slot = slot;
    // A running task keeps the process alive (an idle thread does not): `await dr.execute(...)` must not end early.
    slot.worker.ref();
  }

  private start(): Slot {
    const progress = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const workerData: WorkerData = { ...this.setup!, progress };
    // A thread rebuilds the driver's graph: a warning the driver gave about it would only be said again.
    const env = typeMetadataWarned() ? { ...process.env, [TYPE_METADATA_WARNED_ENV]: '1' } : process.env;
    const worker = new Worker(WORKER_MAIN, { workerData, resourceLimits: this.resourceLimits, env });
    worker.unref();
    const slot: Slot = { worker, progress, ready: false, retiring: false, running: undefined, messageId: 0 };
    this.slots.add(slot);
    worker.on('message', (message: WorkerMessage) => this.receive(slot, message));
    worker.on('error', (error) => this.retire(slot, describeCause(error), error));
    worker.on('messageerror', (error) => {
      this.retire(slot, describeCause(error), error);
      worker.terminate().catch(() => undefined);
    });
    worker.on('exit', (code) => {
      this.retire(slot, WorkerPoolMessages.exited(code));
      this.slots.delete(slot);
      this.dispatch();
    });
    return slot;
  }

  private receive(slot: Slot, message: WorkerMessage): void {
    // A node may post on the thread's port itself: only the pool's own answers count.
    if (typeof message !== 'object' || message === null) return;
    if (message.kind === 'ready') {
      slot.ready = true;
      return;
    }
    if (message.kind === 'unhandled') {
      process.emitWarning(WorkerPoolMessages.unhandledInThread(message.reason), 'HamiltonWarning');
      return;
    }
    const pending = slot.running;
    if (pending === undefined || message.id !== slot.messageId) return;
    slot.running = undefined;
    if (!slot.retiring) {
      slot.worker.unref();
      this.idle.push(slot);
    }
    if (message.kind === 'done') this.succeed(pending, message.values);
    else {
      const thrown = receiveThrown(message.error);
      this.fail(pending, message.node === undefined ? thrown : new TaskNodeError(message.node, thrown));
    }
    this.dispatch();
  }

  /**
   * A thread is dying (first sign only: 'error' comes before 'exit'). Its task fails naming the node it was
   * in; a thread that dies before its graph is built fails the queue too, rather than being restarted forever.
   */
  private retire(slot: Slot, reason: string, cause?: Error): void {
    if (slot.retiring) return;
    slot.retiring = true;
    this.forgetIdle(slot);
    const pending = slot.running;
    slot.running = undefined;
    if (!slot.ready) {
      const failed = new HamiltonError(WorkerPoolMessages.startFailed(reason), { cause });
      if (pending) this.fail(pending, failed);
      return this.failQueue(failed);
    }
    if (pending === undefined) return;
    const node = callableNodesOf(pending.task)[Atomics.load(slot.progress, 0)] ?? pending.task.nodes[0];
    this.fail(pending, new TaskNodeError(node, new HamiltonError(WorkerPoolMessages.workerDied(node, reason), { cause })));
  }

  /** Ends a thread whose task nobody waits for any more; its 'exit' frees the slot. */
  private end(slot: Slot): void {
    slot.retiring = true;
    slot.running = undefined;
    this.forgetIdle(slot);
    slot.worker.terminate().catch(() => undefined);
  }

  private forgetIdle(slot: Slot): void {
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
  }

  private failQueue(error: unknown): void {
    for (const pending of this.queue.splice(0)) this.fail(pending, error);
  }

  /** The run no longer needs its tasks: drop the queued ones, end the threads running the others. */
  private abort(signal: AbortSignal): void {
    const entry = this.watched.get(signal);
    if (entry === undefined) return;
    for (const pending of [...entry.pending]) {
      if (pending.slot !== undefined && pending.slot.running === pending) this.end(pending.slot);
      this.fail(pending, signal.reason);
    }
    this.queue = this.queue.filter((pending) => !pending.settled);
  }

  private watch(pending: Pending, signal: AbortSignal): void {
    let entry = this.watched.get(signal);
    if (entry === undefined) {
      const listener = () => this.abort(signal);
      entry = { pending: new Set(), listener };
      this.watched.set(signal, entry);
      signal.addEventListener('abort', listener, { once: true });
    }
    entry.pending.add(pending);
  }

  private unwatch(pending: Pending): void {
    const signal = pending.signal;
    const entry = signal && this.watched.get(signal);
    if (!signal || !entry) return;
    entry.pending.delete(pending);
    if (entry.pending.size > 0) return;
    this.watched.delete(signal);
    signal.removeEventListener('abort', entry.listener);
  }

  private succeed(pending: Pending, values: TaskValues): void {
    if (pending.settled) return;
    pending.settled = true;
    this.unwatch(pending);
    pending.resolve(values);
  }

  private fail(pending: Pending, error: unknown): void {
    if (pending.settled) return;
    pending.settled = true;
    this.unwatch(pending);
    pending.reject(error);
  }
}

/**
 * Why a task cannot be sent, if it cannot: an input, or a resource's upstream value (the resource itself never
 * travels), that cannot travel; a value that throws when read cannot either.
 */
function sendProblem(task: Task): string | undefined {
  const check = (value: unknown): string | undefined => {
    try {
      return travelProblem(value);
    } catch (error) {
      return `reading it threw: ${describeCause(error)}`;
    }
  };
  for (const input of Object.keys(task.inputs)) {
    const problem = check(task.inputs[input]);
    if (problem) return WorkerPoolMessages.inputCannotTravel(task.id, input, problem);
  }
  for (const [resource, upstream] of Object.entries(task.resources ?? {})) {
    for (const parameter of Object.keys(upstream)) {
      const problem = check(upstream[parameter]);
      if (problem) return WorkerPoolMessages.resourceUpstreamCannotTravel(task.id, resource, parameter, problem);
    }
  }
  return undefined;
}

/** What is wrong with a task or signal passed from plain JavaScript, or `undefined`. */
function malformedTask(task: Task, signal: AbortSignal | undefined): string | undefined {
  if (typeof task !== 'object' || task === null) return `got ${task === null ? 'null' : typeof task}`;
  const names = (list: unknown) => Array.isArray(list) && list.every((name) => typeof name === 'string');
  if (!names(task.nodes) || task.nodes.length === 0) return 'nodes must be a non-empty array of node names';
  if (!names(task.outputs)) return 'outputs must be an array of node names';
  if (typeof task.inputs !== 'object' || task.inputs === null) return 'inputs must be an object of values by name';
  if (typeof task.id !== 'string') return 'id must be a string';
  const { resources } = task as { resources?: unknown };
  const isRecord = (value: unknown) => typeof value === 'object' && value !== null;
  if (resources !== undefined && (!isRecord(resources) || !Object.values(resources).every(isRecord))) {
    return "resources, when given, must be an object of each resource's upstream values by parameter";
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) return 'signal must be an AbortSignal (or left out)';
  return undefined;
}
