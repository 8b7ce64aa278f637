import { DecoratorKind } from '../constants/metadata-keys.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/** Options of `@node()`. */
export interface NodeOptions {
  /** Documentation shown in `listAvailableVariables()`, the catalog and pictures. */
  readonly doc?: string;
}

/**
 * Marks a method as a node and documents it. Any decorator makes TypeScript emit the method's parameter and
 * return types, which hamilton-ts then checks on every edge; `@node()` is the plain one.
 */
export function node(options: NodeOptions = {}): MethodDecorator {
  return recordingDecorator(DecoratorKind.node, { doc: options.doc });
}
