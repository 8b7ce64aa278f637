import type { NodeOptions } from '../../decorators/node.js';
import type { NodeModifier } from './modifier.js';

/**
 * `@node({ doc })` changes no node shape: it is the marker that makes TypeScript emit the method's types,
 * and its doc is the method's own documentation, which the resolver reads into the method context (so
 * expanding modifiers can template it).
 */
export const documentationModifier: NodeModifier<NodeOptions> = {
  phase: 'decorate',
  allowsMultiple: false,
};
