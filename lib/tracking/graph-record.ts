import type { FunctionGraph } from '../graph/function-graph.js';
import type { Tags } from '../graph/node.js';

/** A node of a stored graph: what the runs UI needs to draw it and to tell where a value came from. */
export interface StoredNode {
  readonly name: string;
  /** `function` for a computed node, `input` for an external input, `config` for a config value. */
  readonly role: string;
  /** The names of the nodes it reads, in parameter order. */
  readonly dependencies: readonly string[];
  /** Its tags (a loader's source among them), as the graph holds them. */
  readonly tags: Tags;
}

/** A DAG version's graph, as the tracker stores it (`dag_graphs.graph`, JSON). */
export interface StoredGraph {
  readonly nodes: readonly StoredNode[];
}

/** The graph as the tracker stores it once per DAG version. */
export function graphRecordOf(graph: FunctionGraph): StoredGraph {
  return {
    nodes: graph.nodes.map((node) => ({
      name: node.name,
      role: node.role,
      dependencies: node.dependencies.map((d) => d.name),
      tags: node.tags,
    })),
  };
}
