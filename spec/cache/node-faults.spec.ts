import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { Builder, NodeExecutionError, SQLiteStore } from 'hamilton-ts';

/**
 * Nodes that fail under a cache: a failure is never stored, so the next healthy run computes (a miss), never
 * a hit on a value that was not made; and what a node throws (an Error or not) reaches the caller as it does
 * without a cache.
 */
describe('cache: nodes that throw, reject or never settle', () => {
  let folder: string;
  let store: SQLiteStore;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hamilton-cache-node-faults-'));
    store = new SQLiteStore(folder);
  });
  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const thrownValues = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.constant(Object.create(null) as object),
    fc.constant(new Error('broke')),
  );

  it('a sync node throwing anything (an Error or not) stores nothing; the next healthy run misses and is right', () => {
    const healthy = new Set<number>();
    fc.assert(
      fc.property(thrownValues, fc.integer({ min: -1000, max: 1000 }), (thrown, x) => {
        class Flaky {
          base(x: number, fail: boolean): number {
            if (fail) throw thrown;
            return x * 2;
          }
          next(base: number): number {
            return base + 1;
          }
        }
        const dr = new Builder().withModules(Flaky).withCache({ store }).build();
        let error: unknown;
        try {
          dr.execute(['next'], { inputs: { x, fail: true } });
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(NodeExecutionError);
        expect((error as NodeExecutionError).nodeName).to.equal('base');
        expect(dr.execute(['next'], { inputs: { x, fail: false } })).to.deep.equal({ next: x * 2 + 1 });
        healthy.add(x);
        const base = dr.cache.logs().find((entry) => entry.node === 'base');
        expect(base?.status === 'miss' || base?.status === 'hit').to.equal(true);
        // A hit is only ever one a healthy run stored before (same inputs): never the failed call's.
        if (base?.status === 'hit') expect(dr.execute(['base'], { inputs: { x, fail: false } })).to.deep.equal({ base: x * 2 });
      }),
      { numRuns: 60 },
    );
    // One entry per healthy input, none for the failing calls (whose `fail` input would key them apart).
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM cache_entries WHERE node = 'base'").get()).to.deep.equal({ n: healthy.size });
  });

  it('an async node rejecting with undefined under the AsyncDriver stores nothing, and the rerun computes it', async () => {
    let calls = 0;
    class Flaky {
      async base(fail: boolean): Promise<number> {
        calls++;
        await Promise.resolve();
        if (fail) return Promise.reject(undefined);
        return 21;
      }
      next(base: number): number {
        return base * 2;
      }
    }
    const dr = await new Builder().withModules(Flaky).withCache({ store }).buildAsync();
    const error = await dr.execute(['next'], { inputs: { fail: true } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).nodeName).to.equal('base');
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM cache_entries WHERE node = 'base'").get()).to.deep.equal({ n: 0 });
    expect(await dr.execute(['next'], { inputs: { fail: false } })).to.deep.equal({ next: 42 });
    expect(calls).to.equal(2);
    expect(dr.cache.logs().map((entry) => [entry.node, entry.status])).to.deep.equal([
      ['base', 'miss'],
      ['next', 'miss'],
    ]);
  });

  it('a cached node that never settles does not hold the caller: its abort rejects at once, nothing is stored, the next run is right', async () => {
    class Stuck {
      stuck(wait: boolean): Promise<number> {
        return wait ? new Promise<number>(() => undefined) : Promise.resolve(1);
      }
      after(stuck: number): number {
        return stuck + 1;
      }
    }
    const dr = await new Builder().withModules(Stuck).withCache({ store }).buildAsync();
    const controller = new AbortController();
    const running = dr.execute(['after'], { inputs: { wait: true }, signal: controller.signal });
    const reason = new Error('deadline');
    setTimeout(() => controller.abort(reason), 5);
    expect(
      await running.then(
        () => undefined,
        (e: unknown) => e,
      ),
    ).to.equal(reason);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM cache_entries').get()).to.deep.equal({ n: 0 });
    expect(await dr.execute(['after'], { inputs: { wait: false } })).to.deep.equal({ after: 2 });
    expect(dr.cache.logs().map((entry) => entry.status)).to.deep.equal(['miss', 'miss']);
  });
});
