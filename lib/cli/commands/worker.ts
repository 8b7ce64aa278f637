import type { Command } from 'commander';
import { Builder } from '../../driver/builder.js';
import { startBullMQWorker } from '../../execution/remote/bullmq-worker.js';
import { loadFeatureSets } from '../load-module.js';

interface WorkerCommandOptions {
  readonly modules: string[];
  readonly redis: string;
  readonly queue: string;
  readonly concurrency: string;
}

/**
 * `worker --modules <file...> --redis <url> --queue <name>`: takes the node jobs a `BullMQExecutor` queues,
 * until it is stopped (SIGINT/SIGTERM close it cleanly).
 */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run node jobs queued by a BullMQExecutor (stops on SIGINT or SIGTERM)')
    .requiredOption('-m, --modules <file...>', 'JS or TS files exporting the feature-set classes')
    .option('-r, --redis <url>', 'Redis server of the queue', 'redis://127.0.0.1:6379')
    .requiredOption('-q, --queue <name>', 'queue name, as given to the BullMQExecutor')
    .option('--concurrency <n>', 'jobs run at once by this process', '1')
    .action(async (options: WorkerCommandOptions) => {
      const featureSets = (await Promise.all(options.modules.map((file) => loadFeatureSets(file)))).flat();
      const worker = startBullMQWorker({
        featureSets,
        connection: options.redis,
        queue: options.queue,
        concurrency: Number(options.concurrency),
        buildGraph: (classes, config, overrides) => {
          const builder = new Builder().withConfig(config).withModules(...classes);
          return (overrides ? builder.allowModuleOverrides() : builder).build().graph;
        },
      });
      await worker.waitUntilReady();
      process.stdout.write(`hamilton-ts worker: queue '${options.queue}', ${featureSets.map((c) => c.name).join(', ')}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void worker.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
