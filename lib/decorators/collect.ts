import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/**
 * Ends a fan-out: `parameter` receives the array of the branch's per-item values, in item order.
 *
 * @example
 * @collect('page') pages(page: string[]): string[] { return page; }
 */
export function collect(parameter: string): MethodDecorator {
  if (typeof parameter !== 'string' || parameter.length === 0) {
    throw new InvalidDecoratorError(Messages.decoratorArgument('collect', 'name the parameter that receives the per-item values.'));
  }
  return recordingDecorator(DecoratorKind.collect, { parameter });
}
