/**
 * Decorator benchmark (issue 3): a graph of N nodes produced by `@parameterizeValues` (N/2 outputs of one
 * method) and `@extractColumns` (N/2 columns of one frame), against N plain methods, built in the same run.
 * Build time per node of the decorated graph should stay within 2x of the plain one.
 */
import { Builder, extractColumns, parameterizeValues } from 'hamilton-ts';
import { bestOf, count, fixed, printTable, type Cell } from './report.js';

/** N plain methods `p0(x)` .. `p{N-1}(x)`, compiled from source text so their parameter names are readable. */
function plainClass(n: number): new () => object {
  const methods = Array.from({ length: n }, (_, i) => `p${i}(x) { return x + ${i}; }`);
  return (new Function(`return class Plain${n} {\n  ${methods.join('\n  ')}\n};`) as () => new () => object)();
}

/** One parameterized method making n/2 nodes and one frame method whose n/2 columns are extracted. */
function decoratedClass(n: number): new () => object {
  const Cls = (
    new Function(`return class Decorated${n} {
    shifted(x, k) { return x + k; }
    frame(x) { return x; }
  };`) as () => new () => object
  )();
  const half = n / 2;
  const proto = Cls.prototype as Record<string, Function>;
  const apply = (decorator: ReturnType<typeof extractColumns>, method: string) =>
    decorator(proto, method, Object.getOwnPropertyDescriptor(proto, method));
  apply(parameterizeValues('k', Object.fromEntries(Array.from({ length: half }, (_, i) => [`s${i}`, i]))), 'shifted');
  apply(extractColumns(...Array.from({ length: half }, (_, i) => `c${i}`)), 'frame');
  return Cls;
}

/** Builds both graphs at each N and prints build time per node and the ratio. */
export function runDecoratedDag(sizes: readonly number[], runs: number): void {
  const rows: Cell[][] = sizes.map((n) => {
    const Plain = plainClass(n);
    const Decorated = decoratedClass(n);
    const buildPlain = () => new Builder().withModules(Plain).build();
    const buildDecorated = () => new Builder().withModules(Decorated).build();
    const nodes = buildDecorated().graph.nodes.length;
    buildPlain();
    const plainUs = (bestOf(runs, buildPlain) * 1000) / buildPlain().graph.nodes.length;
    const decoratedUs = (bestOf(runs, buildDecorated) * 1000) / nodes;
    return [count(nodes), fixed(plainUs), fixed(decoratedUs), `${fixed(decoratedUs / plainUs)}x`];
  });
  printTable('Decorated graph build (us per node): parameterize + extractColumns vs plain methods', ['nodes', 'plain', 'decorated', 'ratio'], rows, [
    'Target: decorated within 2x of plain per node.',
  ]);
}
