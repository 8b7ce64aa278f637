import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { BullMQExecutor, Builder, WorkerPoolExecutor, type Executor } from 'hamilton-ts';
import { COUNT, dagClass, randomScenarios } from '../fixtures/random-dags.js';
import { reference } from './random-dag.js';
import { freshQueue, RedisServer, startWorker, stopWorkers } from './remote/services.js';
import * as path from 'node:path';

/**
 * The random DAGs of the property tests (a fixed sample, exported by spec/fixtures/random-dags.ts so workers
 * can load them), through executors that leave the thread: every scenario's outputs, missing inputs or values
 * as the reference evaluator says. Fewer cases than in process: threads and processes are slower to feed.
 */
async function checkAll(cases: number, executorFor: () => Executor, after: (executor: Executor) => Promise<void>): Promise<void> {
  for (let i = 0; i < cases; i++) {
    const scenario = randomScenarios[i];
    const executor = executorFor();
    try {
      const dr = await new Builder()
        .withModules(dagClass(i) as new () => object)
        .withExecutor(executor)
        .buildAsync();
      const expected = reference(scenario);
      let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await dr.execute(scenario.outputs, { inputs: scenario.inputs, overrides: scenario.overrides }) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      if (expected.kind === 'ok') {
        if (!outcome.ok) throw outcome.error;
        expect(outcome.value, `scenario ${i}: ${JSON.stringify(scenario)}`).to.deep.equal(expected.outputs);
      } else {
        expect(outcome.ok, `scenario ${i} should fail`).to.equal(false);
      }
    } finally {
      await after(executor);
    }
  }
}

describe('random DAGs through executors that leave the thread', function () {
  this.timeout(180_000);

  it('WorkerPoolExecutor: 40 scenarios', async () => {
    await checkAll(
      Math.min(40, COUNT),
      () => new WorkerPoolExecutor({ threads: 2 }),
      (executor) => executor.close!(),
    );
  });

  describe('BullMQExecutor with two worker processes', () => {
    const redis = new RedisServer(6420);
    const queue = freshQueue('random-dags');
    let workers: ChildProcess[] = [];

    before(async () => {
      await redis.start();
      const module = path.resolve(__dirname, '..', 'fixtures', 'random-dags.js');
      workers = await Promise.all([startWorker(redis.url, queue, [module]), startWorker(redis.url, queue, [module])]);
    });

    after(async () => {
      await stopWorkers(workers);
      await redis.kill();
    });

    it('20 scenarios', async () => {
      await checkAll(
        20,
        () => new BullMQExecutor({ connection: redis.url, queue }),
        (executor) => executor.close!(),
      );
    });
  });
});
