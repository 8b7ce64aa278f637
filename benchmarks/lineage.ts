/**
 * Lineage benchmark on the scalar DAG of `scalar-dag.ts` (N nodes plus the input `x`; every node is upstream
 * of the last one and downstream of `x`, so each query walks the whole graph):
 * `whatIsUpstreamOf(last)`, `whatIsDownstreamOf('x')`, `whatIsThePathBetween('n0', last)`,
 * `listAvailableVariables({ tags })`, the DOT text of `displayAllFunctions()` and the `featureCatalog()`.
 * Figures are milliseconds per 1k nodes (best of several runs); the target for the queries is
 * "well under a millisecond per 1k nodes". Throws if a query's answer has the wrong size.
 */
import { Builder } from 'hamilton-ts';
import { bestOf, count, fixed, printTable, type Cell } from './report.js';
import { scalarDagClass } from './scalar-dag.js';

/** Milliseconds per 1k nodes of each lineage operation at one N. */
export interface LineageFigures {
  readonly n: number;
  readonly upstream: number;
  readonly downstream: number;
  readonly path: number;
  readonly byTag: number;
  readonly dot: number;
  readonly catalog: number;
}

function expectSize(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`lineage benchmark: ${what} gave ${actual} nodes, expected ${expected}`);
}

/** Measures one N. */
export function measureLineage(n: number): LineageFigures {
  const Cls = scalarDagClass(n);
  const dr = new Builder().withModules(Cls).build();
  const last = `n${n - 1}`;
  expectSize('whatIsUpstreamOf', dr.whatIsUpstreamOf(last).length, n + 1);
  expectSize('whatIsDownstreamOf', dr.whatIsDownstreamOf('x').length, n + 1);
  expectSize('whatIsThePathBetween', dr.whatIsThePathBetween('n0', last).length, n);
  expectSize('listAvailableVariables', dr.listAvailableVariables({ tags: { module: Cls.name } }).length, n);
  expectSize('featureCatalog', dr.featureCatalog().nodes.length, n + 1);

  const queryRuns = n <= 10000 ? 30 : 5;
  const pictureRuns = n <= 10000 ? 5 : 2;
  const per1k = (ms: number) => (ms * 1000) / n;
  return {
    n,
    upstream: per1k(bestOf(queryRuns, () => dr.whatIsUpstreamOf(last))),
    downstream: per1k(bestOf(queryRuns, () => dr.whatIsDownstreamOf('x'))),
    path: per1k(bestOf(queryRuns, () => dr.whatIsThePathBetween('n0', last))),
    byTag: per1k(bestOf(queryRuns, () => dr.listAvailableVariables({ tags: { module: Cls.name } }))),
    dot: per1k(bestOf(pictureRuns, () => dr.displayAllFunctions())),
    catalog: per1k(bestOf(pictureRuns, () => dr.featureCatalog())),
  };
}

/** Runs the lineage benchmark at each N and prints its table. */
export function runLineage(sizes: readonly number[]): LineageFigures[] {
  const figures = sizes.map(measureLineage);
  const rows: Cell[][] = figures.map((f) => [
    count(f.n),
    fixed(f.upstream, 3),
    fixed(f.downstream, 3),
    fixed(f.path, 3),
    fixed(f.byTag, 3),
    fixed(f.dot, 2),
    fixed(f.catalog, 2),
  ]);
  printTable(
    'Lineage (ms per 1k nodes; each query walks the whole graph)',
    ['N', 'upstream', 'downstream', 'path', 'by tag', 'DOT', 'catalog'],
    rows,
    [
      'upstream/downstream/path/by tag: whatIsUpstreamOf, whatIsDownstreamOf, whatIsThePathBetween, listAvailableVariables({ tags }).',
      'Target for the queries: well under 1 ms per 1k nodes. DOT: displayAllFunctions() text (no SVG layout).',
      'catalog: featureCatalog() (the scalar DAG is generated from text, so no source file is found).',
    ],
  );
  return figures;
}
