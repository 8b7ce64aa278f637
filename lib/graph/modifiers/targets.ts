import type { NodeDefinition } from '../node.js';

/**
 * The final nodes of what a method produced so far (Hamilton's default decorator target): nodes outside any
 * sub-graph that no other such node reads. Transforms and decorations apply to these.
 */
export function finalNodes(nodes: readonly NodeDefinition[]): Set<NodeDefinition> {
  const own = nodes.filter((n) => n.namespace === undefined);
  const read = new Set<string>();
  for (const node of own) for (const dependency of node.dependencies) read.add(dependency.name);
  return new Set(own.filter((n) => !read.has(n.name)));
}
