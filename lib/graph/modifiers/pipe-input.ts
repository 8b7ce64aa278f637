import { Messages } from '../../constants/messages.js';
import type { PipeInputArgs } from '../../decorators/pipe-input.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import type { NodeDefinition } from '../node.js';
import type { NodeModifier } from './modifier.js';
import { chainNodes, linkApplies, type ChainLink } from './pipe-chain.js';

/**
 * `@pipeInput`: a chain of step nodes from the node a parameter names; the method's nodes read the last step
 * instead. Steps the config leaves out are skipped; with none left, nothing changes.
 */
export const pipeInputModifier: NodeModifier<PipeInputArgs> = {
  phase: 'inject',
  allowsMultiple: false,
  apply: (nodes, args, context) => {
    const parameters = context.parameters.map((p) => p.name);
    const parameter = args.onInput ?? parameters[0];
    if (parameter === undefined) throw new InvalidDecoratorError(Messages.pipes.noInput(context.origin, 'pipeInput'));
    if (!parameters.includes(parameter)) throw new InvalidDecoratorError(Messages.pipes.unknownInput(context.origin, parameter, parameters));
    const links: ChainLink[] = args.steps
      .map((spec) => ({ spec, fn: spec.fn!, pipeNamespace: args.namespace, origin: context.origin }))
      .filter((link) => linkApplies(link, context.config));
    if (links.length === 0) return [...nodes];
    const readers = nodes.filter((n) => n.dependencies.some((d) => d.name === parameter));
    const start = readers[0]?.dependencies.find((d) => d.name === parameter);
    if (start === undefined) throw new InvalidDecoratorError(Messages.pipes.unknownInput(context.origin, parameter, []));
    const chain = chainNodes(start, links, context.nodeName, context.featureSet);
    const rewired = nodes.map((node): NodeDefinition =>
      readers.includes(node)
        ? { ...node, dependencies: node.dependencies.map((d) => (d.name === parameter ? { ...d, name: chain.last.name, optional: false } : d)) }
        : node,
    );
    return [...chain.nodes, ...rewired];
  },
};
