import { ERROR_SENTINEL_TAG, INJECTION_ALLOWED } from '../../constants/metadata-keys.js';
import type { NodeModifier } from './modifier.js';
import { finalNodes } from './targets.js';

/** `@acceptErrorSentinels`: the final nodes carry Hamilton's tag, which the GracefulErrorAdapter reads. */
export const acceptErrorSentinelsModifier: NodeModifier<undefined> = {
  phase: 'decorate',
  allowsMultiple: false,
  apply: (nodes) => {
    const targets = finalNodes(nodes);
    return nodes.map((node) => (targets.has(node) ? { ...node, tags: { ...node.tags, [ERROR_SENTINEL_TAG]: INJECTION_ALLOWED } } : node));
  },
};
