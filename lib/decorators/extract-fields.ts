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
    const type: unknown = fields[name];
    if (typeof type !== 'function') throw fail(Messages.extractFieldTypes.notAType(name, describe(type)));
    if (!isClass(type)) throw fail(Messages.extractFieldTypes.notAClass(name, type.name || '(anonymous)'));
  }
  const record: ExtractFieldsArgs = { fields: { ...fields }, fillWith: options.fillWith, hasFill: 'fillWith' in options };
  return recordingDecorator(DecoratorKind.extractFields, record);
}

/**
 * Whether a function is a type (Hamilton requires types, not callables): a class, a built-in constructor
 * (`Number`, `Date`, `Float64Array`), or an ES5-style constructor with methods on its prototype. Arrow
 * functions, methods, async and generator functions and built-ins that construct nothing (`parseFloat`) are
 * not; neither is a plain `function` without prototype methods, which TypeScript code uses as a function.
 */
function isClass(candidate: Function): boolean {
  try {
    // Throws for whatever `new` refuses, without running the candidate.
    Reflect.construct(String, [], candidate);
  } catch {
    return false;
  }
  const source = Function.prototype.toString.call(candidate);
  if (source.startsWith('class') || /\{\s*\[native code\]\s*\}\s*$/.test(source)) return true;
  const prototype: unknown = candidate.prototype;
  return typeof prototype === 'object' && prototype !== null && Object.getOwnPropertyNames(prototype).some((key) => key !== 'constructor');
}
