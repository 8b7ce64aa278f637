import type { NodeDefinition } from '../node.js';
import type { NodeModifier } from './modifier.js';

/**
 * A method marked `generatedNodes` returns ready node definitions instead of being a node. `materialize` builds
 * its loaders and savers this way: they join the driver's feature sets as one more feature set, so the graph is
 * built and checked as every graph is.
 */
export const generatedNodesModifier: NodeModifier<undefined> = {
  phase: 'generate',
  allowsMultiple: false,
  apply: (_nodes, _args, context) => context.fn.call(context.instance) as NodeDefinition[],
};
