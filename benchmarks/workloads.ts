/**
 * Work the executor benchmarks share: a CPU-bound function and a fan-out of trivial items. Exported from a
 * module of their own, so worker threads and `hamilton-ts worker` processes load them from here.
 */
import { collect, parallelizable } from 'hamilton-ts';

/** Counts the primes in [2 + offset, limit + offset) by trial division: pure CPU, no allocation. */
export function primesBelow(limit: number, offset: number): number {
  let count = 0;
  for (let n = 2 + offset; n < limit + offset; n++) {
    let prime = n > 1;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/** A fan-out of trivial items: each item is one task, so its cost is an executor's per-task cost through the driver. */
export class TrivialFanOut {
  @parallelizable()
  items(count: number): number[] {
    return Array.from({ length: count }, (_, i) => i);
  }

  incremented(items: number): number {
    return items + 1;
  }

  @collect('incremented')
  total(incremented: number[]): number {
    return incremented.reduce((a, b) => a + b, 0);
  }
}
