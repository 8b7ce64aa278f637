import { expect } from 'chai';
import { findCycle } from '../../lib/graph/cycles.js';
import type { GraphNode } from '../../lib/graph/node.js';

/** Minimal graph nodes from `name -> dependencies`; only the fields cycle finding reads. */
function nodesOf(edges: Record<string, string[]>): GraphNode[] {
  const names = Object.keys(edges);
  const indexOf = new Map(names.map((name, index) => [name, index]));
  const nodes = names.map((name, index) => ({ name, index, dependencyIndices: [] as number[], dependentIndices: [] as number[] }));
  for (const node of nodes) {
    for (const dependency of edges[node.name]) {
      const producer = indexOf.get(dependency)!;
      node.dependencyIndices.push(producer);
      nodes[producer].dependentIndices.push(node.index);
    }
  }
  return nodes as unknown as GraphNode[];
}

describe('graph/cycles', () => {
  it('finds no cycle in a DAG, even a diamond', () => {
    expect(findCycle(nodesOf({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'] }))).to.equal(undefined);
  });

  it('returns the cycle from producer to consumer, first node repeated', () => {
    // c reads b, b reads a, a reads c: a -> b -> c -> a
    const cycle = findCycle(nodesOf({ a: ['c'], b: ['a'], c: ['b'], outside: ['a'] }))!;
    expect(cycle[0]).to.equal(cycle[cycle.length - 1]);
    expect(['a -> b -> c -> a', 'b -> c -> a -> b', 'c -> a -> b -> c']).to.include(cycle.join(' -> '));
  });

  it('finds a cycle behind acyclic nodes and leaves the acyclic part out', () => {
    const cycle = findCycle(nodesOf({ root: [], x: ['root', 'y'], y: ['x'], leaf: ['y'] }))!;
    expect(['x -> y -> x', 'y -> x -> y']).to.include(cycle.join(' -> '));
  });

  it('handles a 100k-node chain without recursion', () => {
    const length = 100_000;
    const chain = Array.from({ length }, (_, index) => ({
      name: `n${index}`,
      index,
      dependencyIndices: index === 0 ? [] : [index - 1],
      dependentIndices: index === length - 1 ? [] : [index + 1],
    }));
    expect(findCycle(chain as unknown as GraphNode[])).to.equal(undefined);
    chain[0].dependencyIndices = [length - 1];
    chain[length - 1].dependentIndices = [0];
    expect(findCycle(chain as unknown as GraphNode[])).to.have.length(length + 1);
  });
});
