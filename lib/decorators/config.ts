import { configDecorator, type ConfigOptions, type ConfigPredicate } from './config-when-args.js';
import type { MethodDecorator } from './record.js';

/**
 * The method makes nodes only when `predicate(config)` returns `true` (Hamilton's `@config(lambda cfg: ...)`).
 * The predicate sees the driver's whole config and must return a boolean; anything else, or a throw, is an
 * `InvalidDecoratorError` naming the method when the graph is built. Stacked with other config decorators,
 * all must pass. The nodes are tagged `hamilton.config: '__UNKNOWN__'`, as in Hamilton (the keys read are
 * not known). Prefer `@configWhen`: it says which keys it reads.
 *
 * @example
 * @config((cfg) => cfg.region === 'eu' && cfg.gdpr !== false)
 * consentedUsers__eu(users: User[]): User[] { ... }
 */
export function config(predicate: ConfigPredicate, options?: ConfigOptions): MethodDecorator {
  return configDecorator('config', predicate, options);
}
