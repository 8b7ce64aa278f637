/**
 * AsyncDriver overhead per node on the scalar DAG of scalar-dag.ts (same generator): all N outputs requested,
 * warm (plan cached), `DictResult`, against the same methods called directly in topological order in the
 * same run. Two flavours of the same class:
 *   sync nodes:  the methods as generated; the AsyncDriver runs them inline, the baseline calls them in a loop.
 *   async nodes: every method `async` (returns a Promise); the baseline awaits each call in order.
 */
import { Builder } from 'hamilton-ts';
import { count, fixed, now, printTable, type Cell } from './report.js';
import { scalarDagClass } from './scalar-dag.js';

type Cls = new () => object;

/** The parameter names of a compiled method (the generated methods have plain named parameters). */
function paramNames(fn: Function): string[] {
  const inside = /\(([^)]*)\)/.exec(fn.toString())?.[1] ?? '';
  return inside
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The same class with every method `async`, compiled from the generated methods' own source text. */
function asyncVariant(Sync: Cls, names: readonly string[]): Cls {
  const proto = Sync.prototype as Record<string, Function>;
  const methods = names.map((name) => `async ${proto[name].toString()}`);
  return (new Function(`return class Async${names.length} {\n  ${methods.join('\n  ')}\n};`) as () => Cls)();
}

/** Direct calls in topological order: argument positions resolved once, as hand-written code would have them. */
function directPlan(Cls: Cls, names: readonly string[]) {
  const index = new Map(names.map((name, i) => [name, i]));
  const proto = Cls.prototype as Record<string, Function>;
  const fns = names.map((name) => proto[name]);
  // -1: the external input x.
  const args = names.map((name) => paramNames(proto[name]).map((p) => index.get(p) ?? -1));
  return { fns, args };
}

function callSync(instance: object, plan: ReturnType<typeof directPlan>, x: number): unknown[] {
  const values = new Array<unknown>(plan.fns.length);
  for (let i = 0; i < plan.fns.length; i++)
    values[i] = plan.fns[i].apply(
      instance,
      plan.args[i].map((j) => (j < 0 ? x : values[j])),
    );
  return values;
}

async function callAsync(instance: object, plan: ReturnType<typeof directPlan>, x: number): Promise<unknown[]> {
  const values = new Array<unknown>(plan.fns.length);
  for (let i = 0; i < plan.fns.length; i++)
    values[i] = await plan.fns[i].apply(
      instance,
      plan.args[i].map((j) => (j < 0 ? x : values[j])),
    );
  return values;
}

/**
 * Milliseconds per call of `fn`, over `repeat` consecutive calls in one window. No forced GC before the
 * window: a full collection shrinks the young generation and makes the next run of an allocation-heavy async
 * graph pay for regrowing it, which a service calling execute() over and over never does. The garbage the
 * calls make is collected within the window, and so billed to them.
 */
async function windowMs(repeat: number, fn: () => Promise<unknown>): Promise<number> {
  const start = now();
  for (let i = 0; i < repeat; i++) await fn();
  return (now() - start) / repeat;
}

export interface AsyncOverheadFigures {
  readonly n: number;
  readonly flavour: 'sync nodes' | 'async nodes';
  /** Microseconds per node. */
  readonly driverUs: number;
  readonly directUs: number;
}

async function measure(n: number, flavour: AsyncOverheadFigures['flavour'], runs: number): Promise<AsyncOverheadFigures> {
  const names = Array.from({ length: n }, (_, i) => `n${i}`);
  const Sync = scalarDagClass(n);
  const Cls = flavour === 'sync nodes' ? Sync : asyncVariant(Sync, names);
  const plan = directPlan(Cls, names);
  const instance = new Cls();
  const x = 1;
  const expected = callSync(new Sync(), directPlan(Sync, names), x);
  // The baseline runs first, so the methods' lazy compilation is billed to neither side.
  const direct = flavour === 'sync nodes' ? async () => callSync(instance, plan, x) : () => callAsync(instance, plan, x);
  await direct();

  const dr = await new Builder().withModules(Cls).buildAsync();
  const options = { inputs: { x } };
  const result = (await dr.execute(names, options)) as Record<string, unknown>;
  names.forEach((name, i) => {
    if (result[name] !== expected[i]) throw new Error(`async overhead: ${name} = ${String(result[name])}, direct call gives ${String(expected[i])}`);
  });

  // Enough calls per window for about 100k node runs, so collections happen inside it.
  const repeat = Math.max(1, Math.round(100_000 / n));
  let driverMs = Infinity;
  let directMs = Infinity;
  // Interleaved, so drift in the machine's speed affects both sides alike; best window of each.
  for (let r = 0; r < runs; r++) {
    driverMs = Math.min(driverMs, await windowMs(repeat, () => dr.execute(names, options)));
    directMs = Math.min(directMs, await windowMs(repeat, direct));
  }
  return { n, flavour, driverUs: (driverMs * 1000) / n, directUs: (directMs * 1000) / n };
}

/** Measures the AsyncDriver at each N (sync and async nodes) and prints the table. */
export async function runAsyncOverhead(sizes: readonly number[], runs: number): Promise<AsyncOverheadFigures[]> {
  const figures: AsyncOverheadFigures[] = [];
  for (const n of sizes) for (const flavour of ['sync nodes', 'async nodes'] as const) figures.push(await measure(n, flavour, runs));
  const rows: Cell[][] = figures.map((f) => [count(f.n), f.flavour, fixed(f.driverUs, 3), fixed(f.directUs, 3), fixed(f.driverUs - f.directUs, 3)]);
  printTable(
    'AsyncDriver on the scalar DAG (us per node; await execute of all N outputs, warm, DictResult)',
    ['N', 'nodes', 'AsyncDriver', 'direct', 'overhead'],
    rows,
    [
      'direct: the same methods called in topological order (async nodes: each call awaited in turn).',
      'Each figure: the best of several windows of consecutive calls (~100k node runs each, garbage collection included).',
      'overhead = AsyncDriver - direct. Target <= 3 us/node.',
    ],
  );
  return figures;
}
