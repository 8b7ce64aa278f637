import { configDecorator, type ConfigOptions, type ConfigCondition } from './config-when-args.js';
import type { MethodDecorator } from './record.js';

/**
 * The method makes nodes only when every key of `condition` equals the driver's config value (compared with
 * SameValueZero; a key missing from config reads as `undefined`). Variants of one node are methods
 * `name__variant`: they all define node `name`, and config selects one. Stacked config decorators must all
 * pass. The produced nodes carry the tag `hamilton.config` listing the keys used.
 *
 * `options.name` names the node instead of the method (Hamilton's `name=`).
 *
 * @example
 * @configWhen({ mode: 'batch' })
 * surveyResults__batch(db: Db): DataFrame { ... }
 * @configWhen({ mode: 'streaming' })
 * surveyResults__streaming(stream: Stream): DataFrame { ... }
 */
export function configWhen(condition: ConfigCondition, options?: ConfigOptions): MethodDecorator {
  return configDecorator('configWhen', condition, options);
}
