import type { NodeDefinition } from '../node.js';
import { finalNodes } from './targets.js';

/** One piece to pull out of a produced value. */
export interface Extraction {
  readonly name: string;
  readonly type: NodeDefinition['type'];
  readonly doc: string;
  readonly extract: (value: unknown) => unknown;
}

/**
 * Shared by the extract decorators: each produced node stays, and every extraction of a final node becomes
 * a node that depends on it, with its tags and code origin. Extracted nodes are the new final nodes, so decorations
 * such as `@tag` land on them.
 */
export function extractedNodes(nodes: readonly NodeDefinition[], extractionsOf: (node: NodeDefinition) => readonly Extraction[]): NodeDefinition[] {
  const targets = finalNodes(nodes);
  return nodes.flatMap((node) => [
    node,
    ...(targets.has(node) ? extractionsOf(node) : []).map((extraction): NodeDefinition => ({
      name: extraction.name,
      type: extraction.type,
      doc: extraction.doc,
      tags: node.tags,
      dependencies: [{ name: node.name, optional: false, type: node.type }],
      originatingFunctions: node.originatingFunctions,
      featureSet: node.featureSet,
      callable: (args) => extraction.extract(args[0]),
    })),
  ]);
}
