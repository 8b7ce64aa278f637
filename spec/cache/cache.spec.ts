import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, cache, collect, HamiltonError, parallelizable, SQLiteStore, WorkerPoolExecutor, type CacheLogEntry } from 'hamilton-ts';

/** Calls per node, so a test sees what was computed and what came from the cache. */
type Calls = Record<string, number>;

function called(calls: Calls, name: string): void {
  calls[name] = (calls[name] ?? 0) + 1;
}

/**
 * A feature set whose source is given as text (the class is always named Flow), so a test can "edit" one method
 * between two drivers, as a developer edits a file between two runs.
 */
function flowClass(calls: Calls, bodies: Partial<Record<'raw' | 'doubled' | 'total' | 'other', string>> = {}): Function {
  const body = {
    raw: 'return x + 1;',
    doubled: 'return raw * 2;',
    total: 'return doubled + other;',
    other: 'return 10;',
    ...bodies,
  };
  const source = `return class Flow {
    raw(x) { called(calls, 'raw'); ${body.raw} }
    doubled(raw) { called(calls, 'doubled'); ${body.doubled} }
    other() { called(calls, 'other'); ${body.other} }
    total(doubled, other) { called(calls, 'total'); ${body.total} }
  }`;
  return new Function('called', 'calls', source)(called, calls) as Function;
}

function statuses(logs: readonly CacheLogEntry[]): Record<string, string> {
  return Object.fromEntries(logs.map((l) => [l.item === undefined ? l.node : `${l.node}[${l.item}]`, l.status]));
}

describe('cache (Builder.withCache)', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'hamilton-cache-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function driver(cls: Function, options: Parameters<Builder['withCache']>[0] = {}) {
    return new Builder()
      .withModules(cls)
      .withCache({ path: folder, ...options })
      .build();
  }

  it('takes every node from the cache on the second run, across drivers, with the same values', () => {
    const calls: Calls = {};
    const first = driver(flowClass(calls)).execute(['total'], { inputs: { x: 1 } });
    expect(first).to.deep.equal({ total: 14 });
    expect(calls).to.deep.equal({ raw: 1, doubled: 1, other: 1, total: 1 });
    const dr = driver(flowClass(calls));
    expect(dr.execute(['total'], { inputs: { x: 1 } })).to.deep.equal({ total: 14 });
    expect(calls).to.deep.equal({ raw: 1, doubled: 1, other: 1, total: 1 });
    expect(statuses(dr.cache.logs())).to.deep.equal({ raw: 'hit', doubled: 'hit', other: 'hit', total: 'hit' });
  });

  it('recomputes a changed method and what is downstream of it, nothing else, and says why', () => {
    const calls: Calls = {};
    driver(flowClass(calls)).execute(['total'], { inputs: { x: 1 } });
    const after: Calls = {};
    const dr = driver(flowClass(after, { doubled: 'return raw * 3;' }));
    expect(dr.execute(['total'], { inputs: { x: 1 } })).to.deep.equal({ total: 16 });
    expect(after).to.deep.equal({ doubled: 1, total: 1 });
    const logs = dr.cache.logs();
    expect(statuses(logs)).to.deep.equal({ raw: 'hit', doubled: 'miss', other: 'hit', total: 'miss' });
    expect(logs.find((l) => l.node === 'doubled')!.reason).to.match(/code version changed/);
    expect(logs.find((l) => l.node === 'total')!.reason).to.match(/'doubled' changed/);
  });

  it('does not count whitespace and comments as a change of code', () => {
    const calls: Calls = {};
    driver(flowClass(calls)).execute(['total'], { inputs: { x: 1 } });
    const after: Calls = {};
    driver(flowClass(after, { doubled: '/* the same */\n\n   return   raw * 2; // still\n' })).execute(['total'], { inputs: { x: 1 } });
    expect(after).to.deep.equal({});
  });

  it('recomputes what reads a changed input, and names the input', () => {
    const calls: Calls = {};
    driver(flowClass(calls)).execute(['total'], { inputs: { x: 1 } });
    const after: Calls = {};
    const dr = driver(flowClass(after));
    expect(dr.execute(['total'], { inputs: { x: 2 } })).to.deep.equal({ total: 16 });
    expect(after).to.deep.equal({ raw: 1, doubled: 1, total: 1 });
    expect(dr.cache.logs().find((l) => l.node === 'raw')!.reason).to.match(/'x' changed/);
  });

  it('stops at an unchanged value: a changed method whose result is the same leaves its readers cached', () => {
    const calls: Calls = {};
    driver(flowClass(calls)).execute(['total'], { inputs: { x: 1 } });
    const after: Calls = {};
    driver(flowClass(after, { raw: 'return 1 + x;' })).execute(['total'], { inputs: { x: 1 } });
    expect(after).to.deep.equal({ raw: 1 });
  });

  it('works the same under the AsyncDriver, async nodes included', async () => {
    const calls: Calls = {};
    const build = () =>
      new Builder()
        .withModules(flowClass(calls, { other: 'return Promise.resolve(10);' }))
        .withCache({ path: folder })
        .buildAsync();
    expect(await (await build()).execute(['total'], { inputs: { x: 1 } })).to.deep.equal({ total: 14 });
    const dr = await build();
    expect(await dr.execute(['total'], { inputs: { x: 1 } })).to.deep.equal({ total: 14 });
    expect(calls).to.deep.equal({ raw: 1, doubled: 1, other: 1, total: 1 });
    expect(statuses(dr.cache.logs())).to.deep.equal({ raw: 'hit', doubled: 'hit', other: 'hit', total: 'hit' });
  });

  it('caches fan-out items one by one: a new item is the only one computed', async () => {
    const calls: Calls = {};
    class Fan {
      @parallelizable()
      item(items: number[]): number[] {
        return items;
      }
      squared(item: number): number {
        called(calls, `squared ${item}`);
        return item * item;
      }
      @collect('squared')
      sum(squared: number[]): number {
        return squared.reduce((a, b) => a + b, 0);
      }
    }
    const dr = await new Builder().withModules(Fan).withCache({ path: folder }).buildAsync();
    expect(await dr.execute(['sum'], { inputs: { items: [1, 2] } })).to.deep.equal({ sum: 5 });
    expect(await dr.execute(['sum'], { inputs: { items: [1, 2, 3] } })).to.deep.equal({ sum: 14 });
    expect(calls).to.deep.equal({ 'squared 1': 1, 'squared 2': 1, 'squared 3': 1 });
    const logs = dr.cache.logs();
    expect(logs.filter((l) => l.node === 'squared').map((l) => [l.item, l.status])).to.deep.equal([
      [0, 'hit'],
      [1, 'hit'],
      [2, 'miss'],
    ]);
  });

  it('works through an executor that runs nodes in worker threads', async function () {
    this.timeout(60_000);
    const module = path.join(folder, 'flow-module.cjs');
    writeFileSync(module, `class Pooled { raw(x) { return x + 1; } doubled(raw) { return raw * 2; } }\nmodule.exports = { Pooled };\n`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module written by the test, loaded by path as workers load it
    const { Pooled } = require(module) as { Pooled: Function };
    const pool = new WorkerPoolExecutor({ threads: 1 });
    try {
      const dr = await new Builder()
        .withModules(Pooled)
        .withExecutor(pool)
        .withCache({ path: path.join(folder, 'store') })
        .buildAsync();
      expect(await dr.execute(['doubled'], { inputs: { x: 1 } })).to.deep.equal({ doubled: 4 });
      expect(await dr.execute(['doubled'], { inputs: { x: 1 } })).to.deep.equal({ doubled: 4 });
      expect(statuses(dr.cache.logs())).to.deep.equal({ raw: 'hit', doubled: 'hit' });
    } finally {
      await pool.close();
    }
  });

  it('recomputes a result whose file is corrupt or missing, never returns it', () => {
    const calls: Calls = {};
    class Big {
      big(n: number): number[] {
        called(calls, 'big');
        return Array.from({ length: n }, (_, i) => i);
      }
    }
    const run = () => driver(Big).execute(['big'], { inputs: { n: 10_000 } });
    run();
    const results = path.join(folder, 'results');
    const [sub] = readdirSync(results);
    const [file] = readdirSync(path.join(results, sub));
    writeFileSync(path.join(results, sub, file), 'garbage');
    expect((run().big as number[]).length).to.equal(10_000);
    expect(calls.big).to.equal(2);
    rmSync(path.join(results, sub, file));
    expect((run().big as number[])[9_999]).to.equal(9_999);
    expect(calls.big).to.equal(3);
    run();
    expect(calls.big).to.equal(3);
  });

  it('does not cache a node whose input cannot be versioned, and says why', () => {
    const calls: Calls = {};
    class Model {
      constructor(readonly weight: number) {}
    }
    class Uses {
      predicted(model: Model): number {
        called(calls, 'predicted');
        return model.weight * 10;
      }
    }
    const dr = driver(Uses);
    expect(dr.execute(['predicted'], { inputs: { model: new Model(1) } })).to.deep.equal({ predicted: 10 });
    // A model retrained with other weights must not get the old prediction (Hamilton #1715).
    expect(dr.execute(['predicted'], { inputs: { model: new Model(2) } })).to.deep.equal({ predicted: 20 });
    expect(calls.predicted).to.equal(2);
    const [log] = dr.cache.logs();
    expect(log.status).to.equal('uncacheable');
    expect(log.reason).to.match(/input 'model'.*instance of Model/);
  });

  describe('behaviours', () => {
    it('recompute: computed every run, readers still cached when its value is unchanged', () => {
      const calls: Calls = {};
      driver(flowClass(calls), { recompute: ['raw'] }).execute(['total'], { inputs: { x: 1 } });
      const dr = driver(flowClass(calls), { recompute: ['raw'] });
      dr.execute(['total'], { inputs: { x: 1 } });
      expect(calls).to.deep.equal({ raw: 2, doubled: 1, other: 1, total: 1 });
      expect(statuses(dr.cache.logs()).raw).to.equal('recompute');
    });

    it('disable: computed, not stored, and its readers cannot be cached', () => {
      const calls: Calls = {};
      driver(flowClass(calls), { disable: ['raw'] }).execute(['total'], { inputs: { x: 1 } });
      const dr = driver(flowClass(calls), { disable: ['raw'] });
      dr.execute(['total'], { inputs: { x: 1 } });
      expect(calls).to.deep.equal({ raw: 2, doubled: 2, other: 1, total: 1 });
      expect(statuses(dr.cache.logs())).to.deep.include({ raw: 'disable', doubled: 'uncacheable', total: 'hit' });
    });

    it('ignore: left out of its readers’ keys, so a different value of it still hits', () => {
      const calls: Calls = {};
      class Client {
        endpoint(url: string): string {
          called(calls, 'endpoint');
          return `${url}/api`;
        }
        fetched(endpoint: string, day: number): number {
          called(calls, 'fetched');
          return day * 2;
        }
      }
      driver(Client, { ignore: ['endpoint'] }).execute(['fetched'], { inputs: { url: 'a', day: 1 } });
      const dr = driver(Client, { ignore: ['endpoint'] });
      expect(dr.execute(['fetched'], { inputs: { url: 'b', day: 1 } })).to.deep.equal({ fetched: 2 });
      expect(calls).to.deep.equal({ endpoint: 2, fetched: 1 });
    });

    it('@cache sets a node’s behaviour and format; a withCache list wins over it', () => {
      const calls: Calls = {};
      class Tagged {
        @cache({ behavior: 'recompute' })
        stamp(x: number): number {
          called(calls, 'stamp');
          return x;
        }
        @cache({ format: 'json' })
        asText(stamp: number): { s: number } {
          called(calls, 'asText');
          return { s: stamp };
        }
      }
      driver(Tagged).execute(['asText'], { inputs: { x: 1 } });
      driver(Tagged).execute(['asText'], { inputs: { x: 1 } });
      expect(calls).to.deep.equal({ stamp: 2, asText: 1 });
      driver(Tagged, { disable: ['stamp'] }).execute(['asText'], { inputs: { x: 1 } });
      expect(calls).to.deep.equal({ stamp: 3, asText: 2 });
    });

    it('defaultBehavior applies to every node not named', () => {
      const calls: Calls = {};
      driver(flowClass(calls), { defaultBehavior: 'disable' }).execute(['total'], { inputs: { x: 1 } });
      driver(flowClass(calls), { defaultBehavior: 'disable' }).execute(['total'], { inputs: { x: 1 } });
      expect(calls).to.deep.equal({ raw: 2, doubled: 2, other: 2, total: 2 });
    });
  });

  describe('dr.cache', () => {
    it('keeps each run’s logs in the store, readable by run id from another driver', () => {
      const calls: Calls = {};
      const first = driver(flowClass(calls));
      first.execute(['total'], { inputs: { x: 1 } });
      const runId = first.cache.lastRunId!;
      const other = driver(flowClass(calls));
      expect(other.cache.lastRunId).to.equal(undefined);
      expect(statuses(other.cache.logs(runId))).to.deep.equal({ raw: 'miss', doubled: 'miss', other: 'miss', total: 'miss' });
      expect(other.cache.logs(runId)[0].reason).to.match(/no earlier run/);
      expect(() => other.cache.logs('run-that-never-was')).to.throw(HamiltonError, /No cached run/);
    });

    it('shares one store opened once between drivers', () => {
      const store = new SQLiteStore(path.join(folder, 'shared'));
      try {
        const calls: Calls = {};
        new Builder()
          .withModules(flowClass(calls))
          .withCache({ store })
          .build()
          .execute(['total'], { inputs: { x: 1 } });
        new Builder()
          .withModules(flowClass(calls))
          .withCache({ store })
          .build()
          .execute(['total'], { inputs: { x: 1 } });
        expect(calls.total).to.equal(1);
      } finally {
        store.close();
      }
    });

    it('is a HamiltonError on a driver built without a cache', () => {
      const dr = new Builder().withModules(flowClass({})).build();
      expect(() => dr.cache).to.throw(HamiltonError, /withCache/);
    });
  });

  describe('misuse', () => {
    it('names what is wrong with the options, from plain JavaScript too', () => {
      const builder = new Builder() as unknown as { withCache(options: unknown): unknown };
      expect(() => builder.withCache(5)).to.throw(HamiltonError, /options object/);
      expect(() => builder.withCache({ paht: 'x' })).to.throw(HamiltonError, /'paht'/);
      expect(() => builder.withCache({ recompute: 'raw' })).to.throw(HamiltonError, /array of node names/);
      expect(() => builder.withCache({ defaultBehavior: 'sometimes' })).to.throw(HamiltonError, /'default', 'recompute'/);
      expect(() => builder.withCache({ store: '.cache' })).to.throw(HamiltonError, /SQLiteStore/);
      expect(() => builder.withCache({ disable: true, ignore: true })).to.throw(HamiltonError, /at most one/);
    });

    it('names a node the graph does not have, with close names, and a node in two lists', () => {
      expect(() => driver(flowClass({}), { recompute: ['dubled'] })).to.throw(HamiltonError, /'dubled'.*did you mean 'doubled'/);
      expect(() => driver(flowClass({}), { recompute: ['raw'], disable: ['raw'] })).to.throw(HamiltonError, /both recompute and disable/);
    });

    it('refuses bad @cache options when the class is defined', () => {
      const decorate = cache as unknown as (options: unknown) => unknown;
      expect(() => decorate({ behavior: 'always' })).to.throw(HamiltonError, /behaviour must be one of/);
      expect(() => decorate({ format: 'xml' })).to.throw(HamiltonError, /'v8', 'json', 'arrow', 'parquet'/);
      expect(() => decorate({ behaviour: 'recompute' })).to.throw(HamiltonError, /'behaviour'/);
      expect(() => decorate('recompute')).to.throw(HamiltonError, /options object/);
    });
  });
});
