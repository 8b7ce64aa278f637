import type { NodeModifier } from './modifier.js';

/** `@hamiltonExclude`: the method makes no node, whatever the config. */
export const hamiltonExcludeModifier: NodeModifier<undefined> = {
  phase: 'resolve',
  allowsMultiple: false,
  include: () => false,
};
