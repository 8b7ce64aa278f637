import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { describe, isPlainRecord } from './tag-rules.js';

/**
 * A decorator's options object, checked when the factory is called: absent means `{}`; anything but a plain
 * object, or a key the decorator does not know, is an `InvalidDecoratorError` naming the decorator, so plain
 * JavaScript callers (`@extractFields({...}, null)`) learn what to pass instead of meeting a TypeError.
 */
export function checkedOptions<T extends object>(
  decorator: string,
  options: unknown,
  known: readonly (keyof T & string)[],
  example: string,
  what = 'options',
): Partial<T> {
  if (options === undefined) return {};
  if (!isPlainRecord(options))
    throw new InvalidDecoratorError(Messages.decoratorArgument(decorator, Messages.decoratorOptions.notAnObject(what, describe(options), example)));
  const unknown = Object.keys(options).filter((key) => !(known as readonly string[]).includes(key));
  if (unknown.length > 0)
    throw new InvalidDecoratorError(Messages.decoratorArgument(decorator, Messages.decoratorOptions.unknownKeys(unknown, known)));
  return options as Partial<T>;
}

/** An object of names to values (`outputs`, `inputs`, `config`), or a decorator error naming what it is. */
export function checkedRecord(decorator: string, what: string, value: unknown, example: string): Record<string, unknown> {
  if (!isPlainRecord(value))
    throw new InvalidDecoratorError(Messages.decoratorArgument(decorator, Messages.decoratorOptions.notARecord(what, describe(value), example)));
  return value;
}
