import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { isObjectLiteral } from './step.js';
import { describe } from './tag-rules.js';

/** What `@does` records: the function that computes the node, and which method parameter feeds which of its parameters. */
export interface DoesArgs {
  readonly fn: Function;
  /** fn parameter -> method parameter. */
  readonly mapping: Readonly<Record<string, string>>;
}

/**
 * The node keeps the method's name, parameters and types, but `fn` computes it (Hamilton's `does`): each
 * parameter of `fn` receives the method parameter of the same name, or the one `mapping` names for it
 * (`{ fnParam: 'methodParam' }`); a rest parameter of `fn` receives the remaining method parameters in order.
 * The method's body never runs.
 *
 * @example
 * const sum = (...xs: number[]) => xs.reduce((a, b) => a + b, 0);
 * class Totals {
 *   @does(sum)
 *   total(a: number, b: number, c: number): number { throw new Error('computed by sum'); }
 * }
 */
export function does(fn: Function, mapping?: Readonly<Record<string, string>>): MethodDecorator {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('does', problem));
  if (typeof fn !== 'function') throw fail(Messages.pipes.notAFunction(describe(fn)));
  if (mapping !== undefined && !isObjectLiteral(mapping)) throw fail(Messages.does.badMapping(describe(mapping)));
  const entries = Object.entries(mapping ?? {});
  const seen = new Map<string, string>();
  for (const [fnParam, methodParam] of entries) {
    if (typeof methodParam !== 'string' || methodParam.length === 0) throw fail(Messages.does.badMappingValue(fnParam, describe(methodParam)));
    const earlier = seen.get(methodParam);
    if (earlier !== undefined) throw fail(Messages.does.mappedTwice(methodParam, earlier, fnParam));
    seen.set(methodParam, fnParam);
  }
  return recordingDecorator<DoesArgs>(DecoratorKind.does, { fn, mapping: Object.freeze(Object.fromEntries(entries)) });
}
