import type { InjectArgs } from '../../decorators/inject.js';
import type { NodeModifier } from './modifier.js';
import { bindParameters } from './parameterize.js';
import { finalNodes } from './targets.js';

/** `@inject`: the method's node with parameters bound, keeping its name and doc (a one-output `@parameterize`). */
export const injectModifier: NodeModifier<InjectArgs> = {
  phase: 'expand',
  allowsMultiple: false,
  apply: (nodes, args, context) => {
    const targets = finalNodes(nodes);
    return nodes.map((node) => (targets.has(node) ? bindParameters(node, node.name, args.bindings, node.doc, 'inject', context) : node));
  },
};
