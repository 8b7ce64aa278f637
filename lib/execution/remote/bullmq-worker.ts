import type { Job, Worker } from 'bullmq';
import { HamiltonError } from '../../errors/index.js';
import type { FunctionGraph } from '../../graph/function-graph.js';
import { runTask } from '../run-task.js';
import { TaskNodeError, type Task, type TaskValues } from '../task.js';
import { decodeValues, encodeValues, ValueTravelError } from './codec.js';
import { connectionOptions, type RedisConnection } from './connection.js';
import { resolveFeatureSet, type WorkerFeatureSet } from './feature-sets.js';
import { encodeFailure, type GraphSetup, type TaskJob } from './job.js';
import { bullmq } from './load-bullmq.js';
import { RemoteMessages } from './messages.js';

/** Options of a hamilton-ts BullMQ worker. */
export interface BullMQWorkerOptions {
  /** Feature sets this worker can run: classes, or `{ cls, export, module }` when names alone are ambiguous. */
  readonly featureSets: readonly (Function | WorkerFeatureSet)[];
  readonly connection: RedisConnection;
  readonly queue: string;
  /** Jobs run at once by this process (default 1; async nodes benefit from more). */
  readonly concurrency?: number;
  /** Builds the graph of a job's feature sets and config (the caller's Builder, so workers match drivers). */
  readonly buildGraph: (featureSets: Function[], config: Readonly<Record<string, unknown>>, allowModuleOverrides: boolean) => FunctionGraph;
  /**
   * How long a job's lock lasts without renewal (BullMQ's default 30000 ms). A worker that dies (SIGKILL, power
   * loss) stops renewing; its job is taken again once the lock has expired and a stalled check has run.
   */
  readonly lockDuration?: number;
  /** How often this worker checks for stalled jobs, those whose worker died (BullMQ's default 30000 ms). */
  readonly stalledInterval?: number;
  /** How often one job may stall before it fails instead of being taken again (BullMQ's default 1). */
  readonly maxStalledCount?: number;
  /** Told of connection errors (the worker keeps reconnecting); default: ignored. */
  readonly onError?: (error: Error) => void;
}

/**
 * Takes the task jobs a `BullMQExecutor` queues: builds (once per feature-set list and config) the same graph
 * as the driver, runs the task's nodes with `runTask` and returns their outputs, encoded. BullMQ owns retries
 * (the job's attempts come from the nodes' `@retry`), so nodes are not retried here. A node's error fails the
 * job with the node's name, the error's name, message and stack. Returns the BullMQ worker; `close()` it to stop.
 */
export function startBullMQWorker(options: BullMQWorkerOptions): Worker {
  const { Worker: BullWorker, UnrecoverableError } = bullmq();
  const available = options.featureSets.map((f): WorkerFeatureSet => (typeof f === 'function' ? { cls: f } : f));
  const graphs = new Map<string, FunctionGraph>();
  const graphFor = (encoded: string): FunctionGraph => {
    let graph = graphs.get(encoded);
    if (graph === undefined) {
      const setup = decodeValues(encoded).setup as GraphSetup;
      const classes = setup.featureSets.map((ref) => resolveFeatureSet(ref, available));
      graph = options.buildGraph(classes, setup.config, setup.allowModuleOverrides);
      graphs.set(encoded, graph);
    }
    return graph;
  };

  const process = async (job: Job<TaskJob>): Promise<string> => {
    let graph: FunctionGraph;
    let task: Task;
    try {
      const data = job.data;
      if (data?.v !== 1) throw new HamiltonError(RemoteMessages.badTask(`format ${String(data?.v)}`));
      graph = graphFor(data.setup);
      task = { id: data.id, runId: data.runId, nodes: data.nodes, outputs: data.outputs, inputs: decodeValues(data.inputs) };
      if (data.resources !== undefined) task = { ...task, resources: decodeValues(data.resources) as Task['resources'] };
    } catch (error) {
      throw new UnrecoverableError(encodeFailure('setup', undefined, error));
    }
    let outputs: TaskValues;
    try {
      outputs = await runTask(graph, task, { retry: false });
    } catch (error) {
      if (!(error instanceof TaskNodeError)) throw new UnrecoverableError(encodeFailure('setup', undefined, error));
      const failure = encodeFailure('node', error.node, error.cause);
      // Tried again by BullMQ only while the failing node's own policy allows (not another node's of the task).
      const attempts = graph.get(error.node)?.retry?.attempts ?? 1;
      throw job.attemptsMade + 1 < attempts ? new Error(failure) : new UnrecoverableError(failure);
    }
    try {
      return encodeValues(outputs);
    } catch (error) {
      if (error instanceof ValueTravelError) throw new UnrecoverableError(encodeFailure('travel', error.node, error));
      throw new UnrecoverableError(encodeFailure('setup', undefined, error));
    }
  };

  const worker = new BullWorker(options.queue, process, {
    connection: connectionOptions(options.connection),
    concurrency: options.concurrency ?? 1,
    ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
    ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
    ...(options.maxStalledCount === undefined ? {} : { maxStalledCount: options.maxStalledCount }),
  });
  // Without an 'error' listener a lost connection would crash the worker's process.
  worker.on('error', (error) => options.onError?.(error));
  return worker;
}
