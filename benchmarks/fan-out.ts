/**
 * Fan-out cost per item: a `@parallelizable()` node yielding N trivial items, a two-node branch per item and a
 * `@collect`, through the sync Driver and the AsyncDriver (in process), against the same methods in a loop by
 * hand in the same run. The target: at most 20 us per item in process.
 */
import { Builder, collect, parallelizable } from 'hamilton-ts';
import { bestOf, fixed, printTable, type Cell } from './report.js';

class Items {
  @parallelizable()
  item(count: number): number[] {
    return Array.from({ length: count }, (_, i) => i);
  }

  doubled(item: number, scale: number): number {
    return item * 2 * scale;
  }

  shifted(doubled: number): number {
    return doubled + 1;
  }

  @collect('shifted')
  total(shifted: number[]): number {
    let sum = 0;
    for (const value of shifted) sum += value;
    return sum;
  }
}

/** The same fan-out with an async per-item node: every item is in flight at once, as with I/O per item. */
class AsyncItems extends Items {
  override doubled(item: number, scale: number): number {
    return Promise.resolve(item * 2 * scale) as unknown as number;
  }
}

/** The same work by hand: the items, the branch per item, the sum. */
function byHand(count: number, scale: number): number {
  const features = new Items();
  const shifted: number[] = [];
  for (const item of features.item(count)) shifted.push(features.shifted(features.doubled(item, scale)));
  return features.total(shifted);
}

async function bestOfAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export async function runFanOut(counts: readonly number[], runs: number): Promise<void> {
  const sync = new Builder().withModules(Items).build();
  const asyncDr = await new Builder().withModules(Items).buildAsync();
  const asyncItems = await new Builder().withModules(AsyncItems).buildAsync();
  const rows: Cell[][] = [];
  for (const count of counts) {
    const inputs = { count, scale: 3 };
    const expected = byHand(count, 3);
    const got = [
      sync.execute(['total'], { inputs }).total,
      (await asyncDr.execute(['total'], { inputs })).total,
      (await asyncItems.execute(['total'], { inputs })).total,
    ];
    if (got.some((total) => total !== expected)) throw new Error(`fan-out benchmark: drivers gave ${got.join(', ')}, by hand ${expected}`);
    const hand = bestOf(runs, () => byHand(count, 3));
    const syncMs = bestOf(runs, () => sync.execute(['total'], { inputs }));
    const asyncMs = await bestOfAsync(runs, () => asyncDr.execute(['total'], { inputs }));
    const asyncItemsMs = await bestOfAsync(runs, () => asyncItems.execute(['total'], { inputs }));
    const perItem = (ms: number) => fixed(((ms - hand) * 1000) / count, 2);
    rows.push([count, perItem(syncMs), perItem(asyncMs), perItem(asyncItemsMs), fixed((hand * 1000) / count, 3)]);
  }
  printTable(
    'Fan-out overhead (us per item over the same loop by hand; an item = a two-node branch; best of several)',
    ['items', 'Driver', 'AsyncDriver', 'AsyncDriver, async item node', 'by hand'],
    rows,
    ['Target <= 20 us per item in process. An async item node keeps every item in flight at once: the cost per item must stay flat as items grow.'],
  );
}
