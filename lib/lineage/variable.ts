import { originParts, type FunctionGraph, type NodeOrigin } from '../graph/function-graph.js';
import type { GraphNode, Tags } from '../graph/node.js';
import type { NodeType } from '../metadata/value-types.js';

/** A node as lineage queries describe it. */
export interface Variable {
  readonly name: string;
  /** The declared type (a constructor), or `undefined` when unknown. */
  readonly type: NodeType;
  readonly tags: Tags;
  readonly doc: string;
  /** True for inputs and config values: nothing in the graph computes them. */
  readonly isExternalInput: boolean;
  /**
   * `Class.method` of the code behind the node; for an external input or config value, of the code that reads
   * it (as Hamilton lists the functions that declare an input), empty when nothing does.
   */
  readonly originatingFunctions: readonly string[];
  /** The same as `{ class, method }`, for tools (absent for external inputs). */
  readonly origin?: NodeOrigin;
}

/** Describes a node of `graph` as a `Variable`. */
export function variableOf(node: GraphNode, graph: FunctionGraph | undefined): Variable {
  const external = node.role !== 'function';
  return {
    name: node.name,
    type: node.type,
    tags: node.tags,
    doc: node.doc,
    isExternalInput: external,
    originatingFunctions: external && graph ? readersOf(node, graph) : node.originatingFunctions,
    ...withOrigin(node),
  };
}

/** The code reading an external node, each method once, in graph order. */
function readersOf(node: GraphNode, graph: FunctionGraph): string[] {
  const readers = new Set<string>();
  for (const index of [...node.dependentIndices].sort((a, b) => a - b)) {
    for (const origin of graph.nodes[index].originatingFunctions) readers.add(origin);
  }
  return [...readers];
}

function withOrigin(node: GraphNode): { origin?: NodeOrigin } {
  const origin = originParts(node);
  return origin ? { origin } : {};
}
