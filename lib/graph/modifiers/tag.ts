import type { TagArgs } from '../../decorators/tag.js';
import type { NodeModifier } from './modifier.js';
import { withTags } from './tag-merge.js';
import { finalNodes } from './targets.js';

/** `@tag`: tags the final nodes of the method (with extract decorators, the extracted nodes). */
export const tagModifier: NodeModifier<TagArgs> = {
  phase: 'decorate',
  allowsMultiple: true,
  apply: (nodes, args, context) => {
    const targets = finalNodes(nodes);
    return nodes.map((node) => (targets.has(node) ? withTags(node, args.tags, 'tag', context) : node));
  },
};
