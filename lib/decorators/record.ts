import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { getRegistry } from '../metadata/registry.js';
import { recordInMetadata } from '../metadata/standard-records.js';
import { describe } from './tag-rules.js';
import { warnIfNoTypeMetadata } from './type-metadata-warning.js';

/**
 * A hamilton-ts method decorator. It works however the user compiles: with `experimentalDecorators` (legacy
 * decorators, which also give the parameter and return types through `emitDecoratorMetadata`) or without it
 * (TypeScript 5's standard decorators; node types are then unknown and edges are not type-checked).
 */
export interface MethodDecorator {
  /** Legacy (`experimentalDecorators`) call. */
  (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): void;
  /** Standard (TC39) call. */
  (value: Function, context: ClassMethodDecoratorContext): void;
}

/** What a standard decorator is told about the member it decorates. */
interface StandardContext {
  readonly kind: string;
  readonly name: string | symbol;
  readonly static?: boolean;
  readonly private?: boolean;
  readonly metadata?: object;
}

/**
 * Builds a method decorator that only records `args` under `kind` for the decorated method; checks of the
 * arguments belong in the decorator factory, so misuse fails when the class is defined. Applied to anything
 * but a public instance method (which alone can be a node), it throws `InvalidDecoratorError` at once.
 */
export function recordingDecorator<TArgs>(kind: string, args: TArgs): MethodDecorator {
  const decorator = (target: unknown, keyOrContext: unknown, descriptor?: PropertyDescriptor): void => {
    if (isStandardContext(keyOrContext)) recordStandard(kind, args, target, keyOrContext);
    else recordLegacy(kind, args, legacyTarget(kind, target, keyOrContext), keyOrContext as string | symbol, descriptor);
  };
  return decorator as MethodDecorator;
}

function isStandardContext(value: unknown): value is StandardContext {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, name } = value as { kind?: unknown; name?: unknown };
  return typeof kind === 'string' && (typeof name === 'string' || typeof name === 'symbol');
}

/**
 * What a legacy call was given to decorate: a prototype and a member name. Plain JavaScript can call the
 * decorator by hand with anything; a class (a class decorator call) or a parameter position is named as such.
 */
function legacyTarget(kind: string, target: unknown, key: unknown): object {
  if (typeof target === 'function' && key === undefined) throw notAMethod(kind, target.name || '(anonymous class)', 'a class');
  if ((typeof target !== 'object' && typeof target !== 'function') || target === null || (typeof key !== 'string' && typeof key !== 'symbol')) {
    throw new InvalidDecoratorError(Messages.decoratorArgument(kind, Messages.decoratorOptions.notADecorator(describe(target))));
  }
  return target;
}

function recordLegacy(kind: string, args: unknown, target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): void {
  const method = String(propertyKey);
  if (typeof target === 'function') throw notAMethod(kind, method, 'a static method');
  if (typeof descriptor === 'number') throw notAMethod(kind, method, 'a parameter');
  const member = descriptor ?? Object.getOwnPropertyDescriptor(target, propertyKey);
  if (!member || typeof member.value !== 'function') {
    throw notAMethod(kind, method, member?.get || member?.set ? 'an accessor' : 'a property');
  }
  warnIfNoTypeMetadata(`${target.constructor.name}.${method}`, false, target, propertyKey);
  getRegistry().add({ kind, target: target.constructor, method, args });
}

function recordStandard(kind: string, args: unknown, value: unknown, context: StandardContext): void {
  const method = String(context.name);
  if (context.kind !== 'method') throw notAMethod(kind, method, `a ${context.kind}`);
  if (context.static) throw notAMethod(kind, method, 'a static method');
  if (context.private) throw notAMethod(kind, method, 'a private (#) method');
  warnIfNoTypeMetadata(method, true);
  const record = { kind, method, args };
  // TypeScript >= 5.2 gives a metadata object per class (Symbol.metadata is installed on import); older
  // compilers give none, and the record then waits under the method function itself.
  if (typeof context.metadata === 'object' && context.metadata !== null) recordInMetadata(context.metadata, record);
  else getRegistry().addForFunction(value as Function, record);
}

function notAMethod(kind: string, member: string, what: string): InvalidDecoratorError {
  return new InvalidDecoratorError(Messages.notAMethod(kind, member, what));
}
