import { getRegistry } from '../metadata/registry.js';

/** The shape of a legacy (`experimentalDecorators`) method decorator. */
export type MethodDecorator = (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor) => void;

/**
 * Builds a method decorator that only records `args` under `kind` for the decorated method; checks of the
 * arguments belong in the decorator factory, so misuse fails when the class is defined.
 */
export function recordingDecorator<TArgs>(kind: string, args: TArgs): MethodDecorator {
  return (target, propertyKey) => {
    const cls = typeof target === 'function' ? target : target.constructor;
    getRegistry().add({ kind, target: cls, method: String(propertyKey), args });
  };
}
