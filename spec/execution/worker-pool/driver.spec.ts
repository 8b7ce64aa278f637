import { expect } from 'chai';
import { threadId } from 'node:worker_threads';
import { Builder, HamiltonError, NodeExecutionError, WorkerPoolExecutor } from 'hamilton-ts';
import { hiddenFeatureSet, Primes } from '../../fixtures/workers/features.js';

describe('WorkerPoolExecutor', function () {
  this.timeout(60000);
  const pool = new WorkerPoolExecutor({ threads: 2 });
  after(() => pool.close());

  it('runs nodes on worker threads with the same results as in this thread, spreading fan-out items', async () => {
    const dr = await new Builder().withModules(Primes).withExecutor(pool).buildAsync();
    const local = new Builder().withModules(Primes).build();
    const inputs = { limit: 20000, chunks: 6, unit: 'primes' };
    const result = await dr.execute(['totalPrimes', 'label'], { inputs });
    const expected = local.execute(['totalPrimes', 'label'], { inputs });
    expect((result.totalPrimes as { total: number }).total).to.equal(2262).and.equal((expected.totalPrimes as { total: number }).total);
    expect(result.label).to.equal('2262 primes');
    const threads = (result.totalPrimes as { threads: number[] }).threads;
    expect(threads.every((t) => t !== threadId)).to.equal(true);
    expect(new Set(threads).size).to.equal(2);
  });

  it('runs async nodes in the workers and reports failures as NodeExecutionError with the worker error as cause', async () => {
    const dr = await new Builder().withModules(Primes).withExecutor(pool).buildAsync();
    expect(await dr.execute(['later'], { inputs: { limit: 1 } })).to.deep.equal({ later: 2 });
    const error = (await dr.execute(['broken'], { inputs: { limit: 7 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(error.nodeName).to.equal('broken');
    expect((error.cause as Error).name).to.equal('RangeError');
    expect((error.cause as Error).message).to.equal('limit 7 is broken');
  });

  it('refuses the synchronous build and feature sets no module exports', async () => {
    expect(() => new Builder().withModules(Primes).withExecutor(new WorkerPoolExecutor()).build()).to.throw(HamiltonError, /buildAsync/);
    const Hidden = hiddenFeatureSet();
    const error = await new Builder().withModules(Hidden).withExecutor(new WorkerPoolExecutor()).buildAsync().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(HamiltonError);
    expect((error as Error).message).to.match(/no loaded module exports Hidden/);
  });

  it('explains a value that cannot cross threads', async () => {
    const dr = await new Builder().withModules(Primes).withExecutor(pool).buildAsync();
    const error = (await dr.execute(['label'], { inputs: { unit: 'x' }, overrides: { totalPrimes: { total: 1, f: () => 1 } } }).catch((e: unknown) => e)) as Error;
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect(String((error.cause as Error).message)).to.match(/cannot be sent between threads/);
  });
});
