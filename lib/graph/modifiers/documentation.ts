import type { NodeOptions } from '../../decorators/node.js';
import type { NodeModifier } from './modifier.js';

/** `@node({ doc })`: documents the nodes the method produces. */
export const documentationModifier: NodeModifier<NodeOptions> = {
  phase: 'decorate',
  allowsMultiple: false,
  apply: (nodes, args) => (args.doc === undefined ? [...nodes] : nodes.map((n) => ({ ...n, doc: args.doc ?? n.doc }))),
};
