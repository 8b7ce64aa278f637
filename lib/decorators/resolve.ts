import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedOptions } from './argument-checks.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { describe } from './tag-rules.js';

/** When a delayed decorator is made (Hamilton's `ResolveAt`): only once the config is known. */
export const ResolveAt = { ConfigAvailable: 'configAvailable' } as const;
export type ResolveAt = (typeof ResolveAt)[keyof typeof ResolveAt];

/** A callback whose parameter names are config keys (a default makes one optional); it returns a decorator. */
export type DecorateWith = (...configValues: never[]) => MethodDecorator;

/** Options of `@resolve`. */
export interface ResolveOptions {
  readonly when: ResolveAt;
  readonly decorateWith: DecorateWith;
}

/** What `@resolve` records. */
export interface ResolveArgs {
  readonly decorateWith: DecorateWith;
}

/**
 * Makes the method's decorator once the driver's config is known (Hamilton's `@resolve`): `decorateWith`'s
 * parameter names are config keys, read like a node's parameters (a parameter with a default is optional);
 * it is called with their values and returns the decorator to apply, e.g. a `@parameterizeValues` over a
 * list that comes from config. A power-user feature, as in Hamilton: the driver's config must contain
 * `'hamilton.enablePowerUserMode': true`, otherwise building the graph is an `InvalidDecoratorError`; so is
 * a required key missing from config, or a callback that throws or returns no decorator.
 *
 * @example
 * @resolve({
 *   when: ResolveAt.ConfigAvailable,
 *   decorateWith: (regions: string[]) => parameterizeValues('region', Object.fromEntries(regions.map((r) => [`sales_${r}`, r]))),
 * })
 * sales(region: string, orders: Order[]): number { ... }
 */
export function resolve(options: ResolveOptions): MethodDecorator {
  const example = '{ when: ResolveAt.ConfigAvailable, decorateWith: (key) => decorator }';
  const { when, decorateWith } = checkedOptions<ResolveOptions>('resolve', options, ['when', 'decorateWith'], example);
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('resolve', problem));
  if (when !== ResolveAt.ConfigAvailable) throw fail(Messages.resolve.badWhen(describe(when)));
  if (typeof decorateWith !== 'function') throw fail(Messages.resolve.badDecorateWith(describe(decorateWith)));
  return recordingDecorator<ResolveArgs>(DecoratorKind.resolve, { decorateWith });
}
