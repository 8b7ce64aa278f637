import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { Constructor } from '../metadata/registry.js';
import { checkedOptions } from './argument-checks.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { describe } from './tag-rules.js';

/** Options of `@extractFields`. */
export interface ExtractFieldsOptions {
  /** Value for a field the object lacks at run time (otherwise that is an error). */
  readonly fillWith?: unknown;
}

/** What `@extractFields` records. */
export interface ExtractFieldsArgs {
  readonly fields: Readonly<Record<string, Constructor>>;
  readonly fillWith?: unknown;
  readonly hasFill: boolean;
}

/**
 * The method returns an object; each listed field becomes a node of that name and declared type (checked on
 * edges when the graph is built and on the value at run time).
 *
 * @example
 * @extractFields({ mean: Number, label: String })
 * stats(values: number[]): { mean: number; label: string } { ... }
 */
export function extractFields(fields: Record<string, Constructor>, options: ExtractFieldsOptions = {}): MethodDecorator {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('extractFields', problem));
  options = checkedOptions<ExtractFieldsOptions>('extractFields', options, ['fillWith'], '{ fillWith: 0 }');
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    throw fail('give an object of field names to types, e.g. { mean: Number }.');
  }
  const names = Object.keys(fields);
  if (names.length === 0) throw fail('name at least one field.');
  for (const name of names) {
    if (typeof fields[name] !== 'function') throw fail(`field '${name}' needs a type (a constructor such as Number), got ${describe(fields[name])}.`);
  }
  const record: ExtractFieldsArgs = { fields: { ...fields }, fillWith: options.fillWith, hasFill: 'fillWith' in options };
  return recordingDecorator(DecoratorKind.extractFields, record);
}
