import { configDecorator, type ConfigOptions, type ConfigCondition } from './config-when-args.js';
import type { MethodDecorator } from './record.js';

/**
 * The method makes nodes only when no key of `condition` equals the driver's config value. A key missing
 * from config reads as `undefined`, so it usually passes.
 *
 * `options.name` names the node instead of the method (Hamilton's `name=`).
 *
 * @example
 * @configWhenNot({ region: 'eu' })
 * shippingCost__global(weight: number): number { ... }
 */
export function configWhenNot(condition: ConfigCondition, options?: ConfigOptions): MethodDecorator {
  return configDecorator('configWhenNot', condition, options);
}
