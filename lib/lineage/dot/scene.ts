import { NAMESPACE_SEPARATOR } from '../../constants/metadata-keys.js';
import type { FunctionGraph } from '../../graph/function-graph.js';
import type { GraphNode } from '../../graph/node.js';
import type { NodeKind, NodeMark } from './styles.js';

/** What one picture shows: some nodes of a graph, and the marks drawn on them. */
export interface Scene {
  readonly nodes: readonly GraphNode[];
  readonly marks: ReadonlyMap<string, readonly NodeMark[]>;
  /** The graph the nodes belong to, when known (a custom style's `Variable` then lists an input's readers). */
  readonly graph?: FunctionGraph;
}

/** A scene of these nodes (of `graph`), marking some. */
export function sceneOf(nodes: readonly GraphNode[], marks: Iterable<readonly [Iterable<string>, NodeMark]> = [], graph?: FunctionGraph): Scene {
  const byName = new Map<string, NodeMark[]>();
  for (const [names, mark] of marks) {
    for (const name of names) {
      const list = byName.get(name);
      if (!list) byName.set(name, [mark]);
      else if (!list.includes(mark)) list.push(mark);
    }
  }
  return { nodes: [...nodes].sort((a, b) => a.index - b.index), marks: byName, ...(graph && { graph }) };
}

/** Function, input or config. */
export function kindOf(node: GraphNode): NodeKind {
  return node.role;
}

/**
 * The sub-graph namespace of a node (`east` for `east.sales`; `outer.inner` for `outer.inner.x`): the
 * resolver's own record when it has one, otherwise the part of the name before the last separator.
 */
export function namespaceOf(node: Pick<GraphNode, 'name' | 'namespace'>): string | undefined {
  if (node.namespace !== undefined && node.name.startsWith(node.namespace + NAMESPACE_SEPARATOR)) return node.namespace;
  const cut = node.name.lastIndexOf(NAMESPACE_SEPARATOR);
  return cut > 0 && cut < node.name.length - 1 ? node.name.slice(0, cut) : undefined;
}

/** A node's name within its namespace. */
export function shortNameOf(node: Pick<GraphNode, 'name' | 'namespace'>): string {
  const namespace = namespaceOf(node);
  return namespace === undefined ? node.name : node.name.slice(namespace.length + NAMESPACE_SEPARATOR.length);
}
