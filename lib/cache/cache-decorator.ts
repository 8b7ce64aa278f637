import { InvalidDecoratorError } from '../errors/index.js';
import type { MethodDecorator } from '../decorators/record.js';
import { tag } from '../decorators/tag.js';
import { describe, isPlainRecord } from '../decorators/tag-rules.js';
import type { CacheFormat } from './formats.js';
import { checkedNames, FORMER_NAMES_TAG } from './former-names.js';
import { CacheMessages } from './messages.js';
import { BEHAVIOR_TAG, checkedBehavior, checkedFormat, FORMAT_TAG, type CacheBehavior } from './options.js';

/** What `@cache` takes. */
export interface CacheDecoratorOptions {
  /** The node's behaviour (see `CacheBehavior`); a `Builder.withCache()` list naming the node wins over it. */
  readonly behavior?: CacheBehavior;
  /**
   * How its result is stored: `'v8'` (any versioned value), `'json'` (readable text), `'arrow'` (Arrow IPC) or
   * `'parquet'` (both for typed arrays, Arrow vectors and tables, danfo frames). Left out, each type gets the
   * encoding that suits it: numeric typed arrays and danfo frames as raw bytes, Arrow values as Arrow IPC, the
   * rest as `'v8'`.
   */
  readonly format?: CacheFormat;
  /**
   * The names the node had before it was renamed: a run takes its result from the cache of a former name when
   * its code (ignoring the method's own name) and its inputs' data versions match.
   */
  readonly formerNames?: readonly string[];
}

/**
 * Sets how the cache treats the method's nodes, as Hamilton's `@cache`: it adds the tags `cache.behavior`,
 * `cache.format` and `cache.former_names` (which `listAvailableVariables({ tags })` can query). Bad options fail
 * when the class is defined; a former name that is another live node, or claimed twice, when the driver is built.
 *
 * @example
 * @cache({ behavior: 'recompute' })
 * rawOrders(ordersPath: string): Order[] { return readOrders(ordersPath); }
 */
export function cache(options: CacheDecoratorOptions): MethodDecorator {
  if (!isPlainRecord(options)) throw new InvalidDecoratorError(CacheMessages.options.decorator(describe(options)));
  const unknown = Object.keys(options).filter((key) => key !== 'behavior' && key !== 'format' && key !== 'formerNames');
  if (unknown.length > 0) throw new InvalidDecoratorError(CacheMessages.options.decoratorKeys(unknown));
  const tags: Record<string, string | readonly string[]> = {};
  try {
    if (options.behavior !== undefined) tags[BEHAVIOR_TAG] = checkedBehavior(options.behavior, '@cache({ behavior })');
    if (options.format !== undefined) tags[FORMAT_TAG] = checkedFormat(options.format, '@cache({ format })');
    if (options.formerNames !== undefined) tags[FORMER_NAMES_TAG] = [...checkedNames('@cache({ formerNames })', options.formerNames)];
  } catch (error) {
    throw new InvalidDecoratorError((error as Error).message);
  }
  return tag(tags);
}
