import type { Job, Worker } from 'bullmq';
import type { FunctionGraph } from '../../graph/function-graph.js';
import { connectionOptions, type RedisConnection } from './connection.js';
import { encodeFailure, type NodeJob } from './job.js';

/** Options of a hamilton-ts BullMQ worker. */
export interface BullMQWorkerOptions {
  /** Feature-set classes this worker can run (from the `--modules` files). */
  readonly featureSets: readonly Function[];
  readonly connection: RedisConnection;
  readonly queue: string;
  /** Jobs run at once by this process (default 1; async nodes benefit from more). */
  readonly concurrency?: number;
  /** Builds the graph of a job's feature sets and config (the caller's Builder, so workers match drivers). */
  readonly buildGraph: (featureSets: Function[], config: Readonly<Record<string, unknown>>, allowModuleOverrides: boolean) => FunctionGraph;
}

/**
 * Takes node jobs from the queue: builds (once per feature-set list and config) the same graph as the driver
 * that queued them, runs the node, and returns its value. A node's error fails the job with its name and
 * message. Returns the BullMQ worker; `close()` it to stop.
 */
export function startBullMQWorker(options: BullMQWorkerOptions): Worker {
  const { Worker: BullWorker, UnrecoverableError } = require('bullmq') as typeof import('bullmq');
  const byName = new Map(options.featureSets.map((cls) => [cls.name, cls]));
  const graphs = new Map<string, FunctionGraph>();
  const graphFor = (job: NodeJob): FunctionGraph => {
    const key = JSON.stringify([job.featureSets, job.config, job.allowModuleOverrides]);
    let graph = graphs.get(key);
    if (!graph) {
      const classes = job.featureSets.map((name) => {
        const cls = byName.get(name);
        if (!cls) throw new UnrecoverableError(encodeFailure(new Error(`this worker has no feature set ${name}; start it with the module that exports it`)));
        return cls;
      });
      graph = options.buildGraph(classes, job.config, job.allowModuleOverrides);
      graphs.set(key, graph);
    }
    return graph;
  };
  return new BullWorker(
    options.queue,
    async (job: Job<NodeJob>) => {
      const node = graphFor(job.data).get(job.data.node);
      if (!node?.callable) throw new UnrecoverableError(encodeFailure(new Error(`no node '${job.data.node}' to run`)));
      try {
        return await node.callable(job.data.args);
      } catch (error) {
        throw new UnrecoverableError(encodeFailure(error));
      }
    },
    { connection: connectionOptions(options.connection), concurrency: options.concurrency ?? 1 },
  );
}
