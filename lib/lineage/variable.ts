import { originParts, type NodeOrigin } from '../graph/function-graph.js';
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
  /** `Class.method` of the code behind the node (empty for external inputs). */
  readonly originatingFunctions: readonly string[];
  /** The same as `{ class, method }`, for tools (absent for external inputs). */
  readonly origin?: NodeOrigin;
}

/** Describes a graph node as a `Variable`. */
export function variableOf(node: GraphNode): Variable {
  return {
    name: node.name,
    type: node.type,
    tags: node.tags,
    doc: node.doc,
    isExternalInput: node.role !== 'function',
    originatingFunctions: node.originatingFunctions,
    ...withOrigin(node),
  };
}

function withOrigin(node: GraphNode): { origin?: NodeOrigin } {
  const origin = originParts(node);
  return origin ? { origin } : {};
}
