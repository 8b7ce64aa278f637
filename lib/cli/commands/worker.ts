import * as path from 'node:path';
import type { Command } from 'commander';
import { Builder } from '../../driver/builder.js';
import { startBullMQWorker } from '../../execution/remote/bullmq-worker.js';
import type { WorkerFeatureSet } from '../../execution/remote/feature-sets.js';
import { RemoteMessages } from '../../execution/remote/messages.js';
import { CliUsageError } from '../errors.js';
import { loadFeatureSets } from '../load-module.js';

interface WorkerCommandOptions {
  readonly modules: string[];
  readonly redis: string;
  readonly queue: string;
  readonly concurrency: string;
  readonly lockDuration?: string;
  readonly stalledInterval?: string;
  readonly maxStalledCount?: string;
}

/**
 * `worker --modules <file...> --redis <url> --queue <name>`: takes the task jobs a `BullMQExecutor` queues,
 * until it is stopped (SIGINT/SIGTERM close it after the jobs in hand; a second signal stops it at once).
 */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run the tasks queued by a BullMQExecutor (stops on SIGINT or SIGTERM)')
    .requiredOption('-m, --modules <file...>', 'JS or TS files exporting the feature-set classes')
    .option('-r, --redis <url>', 'Redis server of the queue', 'redis://127.0.0.1:6379')
    .requiredOption('-q, --queue <name>', 'queue name, as given to the BullMQExecutor')
    .option('--concurrency <n>', 'jobs run at once by this process', '1')
    .option('--lock-duration <ms>', "how long a job's lock lasts unrenewed: a killed worker's job is taken again after it (BullMQ default 30000)")
    .option('--stalled-interval <ms>', 'how often to look for jobs of dead workers (BullMQ default 30000)')
    .option('--max-stalled-count <n>', 'how often a job may stall before it fails (BullMQ default 1)')
    .action(async (options: WorkerCommandOptions) => {
      const featureSets = (await Promise.all(options.modules.map((file) => withOrigin(file)))).flat();
      const worker = startBullMQWorker({
        featureSets,
        connection: options.redis,
        queue: options.queue,
        concurrency: count('concurrency', options.concurrency),
        lockDuration: optionalCount('lock-duration', options.lockDuration),
        stalledInterval: optionalCount('stalled-interval', options.stalledInterval),
        maxStalledCount: options.maxStalledCount === undefined ? undefined : count('max-stalled-count', options.maxStalledCount, 0),
        buildGraph: (classes, config, overrides) => {
          const builder = new Builder().withConfig(config).withModules(...classes);
          return (overrides ? builder.allowModuleOverrides() : builder).build().graph;
        },
        onError: (error) => process.stderr.write(`hamilton-ts worker: ${error.message} (retrying)\n`),
      });
      await worker.waitUntilReady();
      process.stdout.write(
        RemoteMessages.workerStarted(
          options.queue,
          options.redis,
          featureSets.map((f) => f.export ?? f.cls.name),
        ),
      );
      await new Promise<void>((resolve) => {
        // First signal: finish the jobs in hand, then stop. A second one (or Redis gone, so a polite close
        // cannot finish): stop now; BullMQ gives the jobs in hand to another worker once their locks expire.
        const force = () => void worker.close(true).finally(() => process.exit(1));
        const stop = () => {
          process.once('SIGINT', force);
          process.once('SIGTERM', force);
          void worker.close().then(resolve, force);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

/** A module's feature sets with their file and export name, so a driver's `{ module, export }` finds them. */
async function withOrigin(file: string): Promise<WorkerFeatureSet[]> {
  const classes = await loadFeatureSets(file);
  const module = path.resolve(file);
  const exports = require.cache[module]?.exports as Record<string, unknown> | undefined;
  return classes.map((cls) => {
    const name = exports === undefined ? undefined : Object.keys(exports).find((key) => key !== 'default' && exports[key] === cls);
    return { cls, module, export: name ?? cls.name };
  });
}

function count(flag: string, value: string, least = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new CliUsageError(RemoteMessages.badNumberFlag(flag, value));
  return n;
}

function optionalCount(flag: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : count(flag, value);
}
