import type { InjectArgs } from '../../decorators/inject.js';
import type { NodeModifier } from './modifier.js';
import { bindParameters, checkNoReservedParameter, templatedDoc } from './parameterize.js';
import { finalNodes } from './targets.js';

/**
 * `@inject`: the method's node with parameters bound, keeping its name; its doc templated as `@parameterize`'s
 * (Hamilton's inject is a one-output parameterize: `x={x}` reads `x=1`).
 */
export const injectModifier: NodeModifier<InjectArgs> = {
  phase: 'expand',
  allowsMultiple: false,
  apply: (nodes, args, context) => {
    const targets = finalNodes(nodes);
    return nodes.map((node) => {
      if (!targets.has(node)) return node;
      checkNoReservedParameter(node, 'inject', context);
      return bindParameters(node, node.name, args.bindings, templatedDoc(node, node.name, args.bindings, 'inject', context), 'inject', context);
    });
  },
};
