/** Small helpers the benchmarks share: a clock, repeated measurement, number formatting and aligned tables. */

/** Milliseconds since an arbitrary origin, sub-microsecond resolution. */
export function now(): number {
  return performance.now();
}

/** Milliseconds one call of `fn` takes, and what it returned. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = now();
  const value = fn();
  return { ms: now() - start, value };
}

type Gc = (options?: { type: 'major' | 'minor' }) => void;

/** Runs a full garbage collection when node was started with `--expose-gc`, so one run's garbage does not bill the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: Gc }).gc?.();
}

/**
 * Promotes what was just allocated (two scavenges) without a full collection (which would deoptimize, see
 * `bestOf`), so a timed run does not pay for copying objects made before it, e.g. a freshly built graph.
 */
export function promoteYoung(): void {
  const gc = (globalThis as { gc?: Gc }).gc;
  gc?.({ type: 'minor' });
  gc?.({ type: 'minor' });
}

/**
 * The smallest of `runs` timings of `fn`, after one garbage collection before the series. Not one before
 * every run: a forced full collection makes V8 drop optimized code whose embedded maps died, so the next run
 * would be billed for re-optimizing (2-3x on a 1k-node plan); the minimum skips runs a collection fell into.
 */
export function bestOf(runs: number, fn: () => unknown): number {
  collectGarbage();
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timed(fn).ms);
  return best;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A number with `digits` decimals. */
export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** `1000` -> `1k`, `100000` -> `100k`. */
export function count(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/** A cell and how it aligns; numbers and figures align right, text left. */
export type Cell = string | number;

/**
 * Prints a titled table with aligned columns: text left, numbers (and cells that look like figures) right.
 *
 * @example
 * printTable('Scalar DAG', ['N', 'build us/node'], [['1k', '2.10']]);
 */
export function printTable(title: string, headers: readonly string[], rows: readonly (readonly Cell[])[], notes: readonly string[] = []): void {
  const text = rows.map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((header, i) => Math.max(header.length, ...text.map((row) => (row[i] ?? '').length)));
  const numeric = headers.map((_, i) => text.every((row) => /^[-+]?[\d.,]+[a-zµ%x]*$|^-$|^n\/a$/i.test(row[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line([...headers]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of text) console.log(line(row));
  for (const note of notes) console.log(`  ${note}`);
}
