import { configDecorator, type ConfigOptions, type ConfigInCondition } from './config-when-args.js';
import type { MethodDecorator } from './record.js';

/**
 * The method makes nodes only when, for every key of `condition`, the driver's config value is one of the
 * listed values (a missing key reads as `undefined`).
 *
 * `options.name` names the node instead of the method (Hamilton's `name=`).
 *
 * @example
 * @configWhenIn({ mode: ['batch', 'backfill'] })
 * surveyResults__offline(db: Db): DataFrame { ... }
 */
export function configWhenIn(condition: ConfigInCondition, options?: ConfigOptions): MethodDecorator {
  return configDecorator('configWhenIn', condition, options);
}
