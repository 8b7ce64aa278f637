import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Builder, cache, collect, HamiltonError, parallelizable, SQLiteStore } from 'hamilton-ts';

class Fan {
  @parallelizable()
  item(items: number[]): number[] {
    return items;
  }
  squared(item: number): number {
    return item * item;
  }
  @collect('squared')
  sum(squared: number[]): number {
    return squared.reduce((a, b) => a + b, 0);
  }
  @cache({ behavior: 'disable' })
  report(sum: number): string {
    return `sum ${sum}`;
  }
}

/** The DOT statement of a node (its attributes), found by its quoted name. */
function nodeLine(dot: string, name: string): string {
  const line = dot.split('\n').find((l) => l.trimStart().startsWith(`"${name}" [`));
  expect(line, `${name} in\n${dot}`).to.be.a('string');
  return line!;
}

describe('dr.cache.viewRun() and dr.cache.close()', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'hamilton-view-run-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('draws a run coloured by what the cache did, fan-out items counted', async () => {
    const dr = await new Builder().withModules(Fan).withCache({ path: folder }).buildAsync();
    await dr.execute(['report'], { inputs: { items: [1, 2] } });
    const first = dr.cache.lastRunId!;
    await dr.execute(['report'], { inputs: { items: [1, 2, 3] } });
    const dot = dr.cache.viewRun();
    expect(dot.startsWith('digraph ')).to.equal(true);
    expect(nodeLine(dot, 'squared')).to.include('2 of 3 items from the cache').and.include('cache-mixed');
    expect(nodeLine(dot, 'item')).to.include('cache-computed');
    expect(nodeLine(dot, 'sum')).to.include('cache-computed');
    expect(nodeLine(dot, 'report')).to.include('cache-uncached');
    expect(nodeLine(dot, 'items')).to.include('cache-input');
    for (const edge of ['"items" -> "item"', '"item" -> "squared"', '"squared" -> "sum"', '"sum" -> "report"']) expect(dot).to.include(edge);
    // An earlier run, by id: every item computed then.
    const earlier = dr.cache.viewRun({ runId: first });
    expect(nodeLine(earlier, 'squared')).to.include('0 of 2 items from the cache').and.include('cache-computed');
    const svg = await dr.cache.viewRun({ format: 'svg' });
    expect(svg).to.match(/^<\?xml|<svg/);
    expect(svg).to.include('2 of 3 items from the cache');
  });

  it('colours a fully cached run green and names a run it does not know', () => {
    const dr = new Builder().withModules(Fan).withCache({ path: folder }).build();
    expect(() => dr.cache.viewRun()).to.throw(HamiltonError, /has not run yet/);
    dr.execute(['sum'], { inputs: { items: [4, 5] } });
    dr.execute(['sum'], { inputs: { items: [4, 5] } });
    const dot = dr.cache.viewRun();
    for (const node of ['item', 'squared', 'sum']) expect(nodeLine(dot, node)).to.include('cache-hit');
    expect(() => dr.cache.viewRun({ runId: 'no-such-run' })).to.throw(HamiltonError, /No cached run 'no-such-run'/);
    const loose = dr.cache.viewRun as (options: unknown) => string;
    expect(() => loose.call(dr.cache, 'latest')).to.throw(HamiltonError, /takes \{ runId\?, format\?/);
    expect(() => loose.call(dr.cache, { format: 'png' })).to.throw(HamiltonError, /format png/);
  });

  it('close() closes a store the cache opened, and later runs are refused with a HamiltonError', () => {
    const dr = new Builder().withModules(Fan).withCache({ path: folder }).build();
    dr.execute(['sum'], { inputs: { items: [1] } });
    dr.cache.close();
    expect(dr.cache.store.isOpen).to.equal(false);
    expect(() => dr.execute(['sum'], { inputs: { items: [1] } })).to.throw(HamiltonError, /is closed \(dr\.cache\.close\(\)\)/);
    dr.cache.close(); // twice is harmless
    // The results it stored are whole: a new driver reads them.
    const again = new Builder().withModules(Fan).withCache({ path: folder }).build();
    again.execute(['sum'], { inputs: { items: [1] } });
    expect(again.cache.logs().every((l) => l.status === 'hit')).to.equal(true);
    again.cache.close();
  });

  it("close() leaves a store passed as { store } open: it is the caller's", () => {
    const store = new SQLiteStore(folder);
    try {
      const dr = new Builder().withModules(Fan).withCache({ store }).build();
      dr.execute(['sum'], { inputs: { items: [1] } });
      dr.cache.close();
      expect(store.isOpen).to.equal(true);
      expect(() => dr.execute(['sum'], { inputs: { items: [1] } })).to.throw(HamiltonError, /closed/);
      const other = new Builder().withModules(Fan).withCache({ store }).build();
      expect(other.execute(['sum'], { inputs: { items: [1] } })).to.deep.equal({ sum: 1 });
    } finally {
      store.close();
    }
  });
});
