import type { TagArgs } from '../../decorators/tag.js';
import type { NodeModifier } from './modifier.js';
import { targetedNodes } from './named-targets.js';
import { withTags } from './tag-merge.js';

/** `@tag`: tags the final nodes of the method (with extract decorators, the extracted nodes), or its `target`. */
export const tagModifier: NodeModifier<TagArgs> = {
  phase: 'decorate',
  allowsMultiple: true,
  apply: (nodes, args, context) => {
    const targets = targetedNodes(nodes, args.target, 'tag', context);
    return nodes.map((node) => (targets.has(node) ? withTags(node, args.tags, 'tag', context) : node));
  },
};
