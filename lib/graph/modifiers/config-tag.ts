import { CONFIG_TAG } from '../../constants/metadata-keys.js';
import type { ConfigTagArgs } from '../../decorators/config-when-args.js';
import type { NodeModifier } from './modifier.js';

/**
 * The other half of a config decorator: every node of a config-selected method carries `hamilton.config`,
 * the comma-joined config keys its config decorators read (as Hamilton tags nodes of `config.when` functions).
 */
export const configTagModifier: NodeModifier<ConfigTagArgs> = {
  phase: 'decorate',
  allowsMultiple: true,
  apply: (nodes, args) =>
    nodes.map((node) => {
      const current = node.tags[CONFIG_TAG];
      const keys = typeof current === 'string' && current.length > 0 ? current.split(',') : [];
      for (const key of args.keys) if (!keys.includes(key)) keys.push(key);
      return { ...node, tags: { ...node.tags, [CONFIG_TAG]: keys.join(',') } };
    }),
};
