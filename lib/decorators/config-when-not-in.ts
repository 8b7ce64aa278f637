import { configDecorator, type ConfigOptions, type ConfigInCondition } from './config-when-args.js';
import type { MethodDecorator } from './record.js';

/**
 * The method makes nodes only when, for every key of `condition`, the driver's config value is none of the
 * listed values. A key missing from config reads as `undefined`, so it usually passes.
 *
 * `options.name` names the node instead of the method (Hamilton's `name=`).
 *
 * @example
 * @configWhenNotIn({ mode: ['batch', 'backfill'] })
 * surveyResults__online(stream: Stream): DataFrame { ... }
 */
export function configWhenNotIn(condition: ConfigInCondition, options?: ConfigOptions): MethodDecorator {
  return configDecorator('configWhenNotIn', condition, options);
}
