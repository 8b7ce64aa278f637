import { Messages } from '../../constants/messages.js';
import type { TagOutputsArgs } from '../../decorators/tag-outputs.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import type { NodeModifier } from './modifier.js';
import { withTags } from './tag-merge.js';

/** `@tagOutputs`: tags the named nodes among those the method produces. */
export const tagOutputsModifier: NodeModifier<TagOutputsArgs> = {
  phase: 'decorate',
  allowsMultiple: true,
  apply: (nodes, args, context) => {
    const produced = nodes.map((n) => n.name);
    for (const name of Object.keys(args.outputs)) {
      if (!produced.includes(name)) throw new InvalidDecoratorError(Messages.unknownTagOutput(context.origin, name, produced));
    }
    return nodes.map((node) => (Object.hasOwn(args.outputs, node.name) ? withTags(node, args.outputs[node.name], 'tagOutputs', context) : node));
  },
};
