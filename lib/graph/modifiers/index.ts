import { DecoratorKind } from '../../constants/metadata-keys.js';
import { documentationModifier } from './documentation.js';
import type { NodeModifier } from './modifier.js';

/** Decorator kind -> what it does to nodes. A new decorator adds its modifier here. */
export const MODIFIERS: ReadonlyMap<string, NodeModifier<unknown>> = new Map<string, NodeModifier<unknown>>([
  [DecoratorKind.node, documentationModifier],
]);

export * from './modifier.js';
