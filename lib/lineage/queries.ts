import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import { unknownNodeError } from '../graph/close-names.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';

/** Nodes of the named ones and everything they depend on, transitively (inclusive). */
export function upstreamOf(graph: FunctionGraph, names: readonly string[]): GraphNode[] {
  return closure(graph, nodesNamed(graph, names), (n) => n.dependencyIndices);
}

/** Nodes of the named ones and everything that depends on them, transitively (inclusive). */
export function downstreamOf(graph: FunctionGraph, names: readonly string[]): GraphNode[] {
  return closure(graph, nodesNamed(graph, names), (n) => n.dependentIndices);
}

/** Nodes on some path from `from` to `to`, both included; empty when there is none. */
export function pathBetween(graph: FunctionGraph, from: string, to: string): GraphNode[] {
  const up = new Set(upstreamOf(graph, [to]));
  return downstreamOf(graph, [from]).filter((n) => up.has(n));
}

/** The graph nodes of these names; every unknown name is reported, with close names. */
export function nodesNamed(graph: FunctionGraph, names: readonly string[]): GraphNode[] {
  if (names.length === 0) throw new HamiltonError(Messages.noNamesGiven);
  const unknown = names.filter((name) => !graph.get(name));
  if (unknown.length > 0)
    throw unknownNodeError(
      unknown,
      graph.nodes.map((n) => n.name),
    );
  return names.map((name) => graph.get(name)!);
}

function closure(graph: FunctionGraph, start: readonly GraphNode[], next: (n: GraphNode) => readonly number[]): GraphNode[] {
  const seen = new Uint8Array(graph.nodes.length);
  const stack = start.map((n) => n.index);
  const found: GraphNode[] = [];
  while (stack.length > 0) {
    const index = stack.pop()!;
    if (seen[index]) continue;
    seen[index] = 1;
    const node = graph.nodes[index];
    found.push(node);
    for (const neighbour of next(node)) if (!seen[neighbour]) stack.push(neighbour);
  }
  return found;
}
