import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedOptions } from './argument-checks.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { describe } from './tag-rules.js';

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
  const { doc } = checkedOptions<NodeOptions>('node', options, ['doc'], "{ doc: 'What the node means.' }");
  if (doc !== undefined && typeof doc !== 'string')
    throw new InvalidDecoratorError(
      Messages.decoratorArgument('node', Messages.decoratorOptions.notARecord('doc', describe(doc), "'What the node means.'")),
    );
  return recordingDecorator(DecoratorKind.node, { doc });
}
