import type { GraphNode } from './node.js';

/**
 * Finds a cycle among the nodes, or returns undefined. Kahn's algorithm removes everything that is not on or
 * behind a cycle; a walk through what is left then closes a loop. Iterative, so 100k-node chains are fine.
 */
export function findCycle(nodes: readonly GraphNode[]): string[] | undefined {
  const remaining = new Int32Array(nodes.length);
  const queue: number[] = [];
  for (const n of nodes) {
    remaining[n.index] = n.dependencyIndices.length;
    if (remaining[n.index] === 0) queue.push(n.index);
  }
  let removed = 0;
  while (queue.length > removed) {
    const index = queue[removed++];
    for (const dependent of nodes[index].dependentIndices) {
      if (--remaining[dependent] === 0) queue.push(dependent);
    }
  }
  if (removed === nodes.length) return undefined;
  // Every node left has a dependency that is also left: follow them until one repeats.
  let current = nodes.findIndex((n) => remaining[n.index] > 0);
  const position = new Map<number, number>();
  const walk: number[] = [];
  while (!position.has(current)) {
    position.set(current, walk.length);
    walk.push(current);
    current = nodes[current].dependencyIndices.find((d) => remaining[d] > 0)!;
  }
  // The walk goes from consumer to producer; a cycle reads from producer to consumer.
  const cycle = walk
    .slice(position.get(current))
    .reverse()
    .map((i) => nodes[i].name);
  return [...cycle, cycle[0]];
}
