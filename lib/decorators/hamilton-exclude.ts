import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/**
 * The method is not a node (Hamilton's `@hamilton_exclude`): a public helper the class's nodes may call.
 * Methods whose names start with `_` are left out already; this is for public ones.
 *
 * @example
 * @hamiltonExclude()
 * normalise(text: string): string { return text.trim().toLowerCase(); }
 */
export function hamiltonExclude(...misuse: unknown[]): MethodDecorator {
  // Written `@hamiltonExclude` (no parentheses), TypeScript hands the prototype and the method name here.
  if (misuse.length > 0) throw new InvalidDecoratorError(Messages.decoratorArgument('hamiltonExclude', Messages.config.excludeTakesNothing));
  return recordingDecorator<undefined>(DecoratorKind.hamiltonExclude, undefined);
}
