import { InvalidDecoratorError } from '../errors/index.js';
import type { MethodDecorator } from '../decorators/record.js';
import { tag } from '../decorators/tag.js';
import { describe, isPlainRecord } from '../decorators/tag-rules.js';
import type { CacheFormat } from './formats.js';
import { CacheMessages } from './messages.js';
import { BEHAVIOR_TAG, checkedBehavior, checkedFormat, FORMAT_TAG, type CacheBehavior } from './options.js';

/** What `@cache` takes. */
export interface CacheDecoratorOptions {
  /** The node's behaviour (see `CacheBehavior`); a `Builder.withCache()` list naming the node wins over it. */
  readonly behavior?: CacheBehavior;
  /** How its result is stored: `'v8'` (default, any versioned value) or `'json'` (readable text). */
  readonly format?: CacheFormat;
}

/**
 * Sets how the cache treats the method's nodes, as Hamilton's `@cache`: it adds the tags `cache.behavior` and
 * `cache.format` (which `listAvailableVariables({ tags })` can query). Bad options fail when the class is defined.
 *
 * @example
 * @cache({ behavior: 'recompute' })
 * rawOrders(ordersPath: string): Order[] { return readOrders(ordersPath); }
 */
export function cache(options: CacheDecoratorOptions): MethodDecorator {
  if (!isPlainRecord(options)) throw new InvalidDecoratorError(CacheMessages.options.decorator(describe(options)));
  const unknown = Object.keys(options).filter((key) => key !== 'behavior' && key !== 'format');
  if (unknown.length > 0) throw new InvalidDecoratorError(CacheMessages.options.decoratorKeys(unknown));
  const tags: Record<string, string> = {};
  try {
    if (options.behavior !== undefined) tags[BEHAVIOR_TAG] = checkedBehavior(options.behavior, '@cache({ behavior })');
    if (options.format !== undefined) tags[FORMAT_TAG] = checkedFormat(options.format, '@cache({ format })');
  } catch (error) {
    throw new InvalidDecoratorError((error as Error).message);
  }
  return tag(tags);
}
