import { HamiltonError } from '../errors/index.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import { closeNames } from '../graph/close-names.js';
import type { GraphNode } from '../graph/node.js';
import { describeValue } from '../metadata/value-types.js';
import { CACHE_FORMATS, type CacheFormat } from './formats.js';
import { CacheMessages } from './messages.js';
import { Store } from './store.js';

/**
 * Hamilton's caching behaviours:
 * - `default`: taken from the cache when the node's code version and its inputs' data versions match; else
 *   computed, and its result stored.
 * - `recompute`: always computed, its result stored (stochastic nodes, reads of outside data).
 * - `disable`: computed as if there were no cache, nothing stored; nodes that read it cannot be taken from the
 *   cache either (its value has no data version).
 * - `ignore`: as `disable`, and left out of the cache keys of the nodes that read it (a client, a connection).
 */
export type CacheBehavior = 'default' | 'recompute' | 'disable' | 'ignore';

export const CACHE_BEHAVIORS: readonly CacheBehavior[] = ['default', 'recompute', 'disable', 'ignore'];

/** Tags `@cache` sets, read by the cache (Hamilton's names). */
export const BEHAVIOR_TAG = 'cache.behavior';
export const FORMAT_TAG = 'cache.format';

/** Node names, or `true` for every node. */
export type NodeSelection = readonly string[] | true;

/** What `Builder.withCache()` takes. */
export interface CacheOptions {
  /** The store's folder (default `.hamilton_cache`) or a `postgres://` URL; ignored when `store` is given. */
  readonly path?: string;
  /** An open store, to share one with a `RunTracker` or between drivers. */
  readonly store?: Store;
  /** Behaviour of nodes no list or `@cache` names (default `'default'`). */
  readonly defaultBehavior?: CacheBehavior;
  readonly recompute?: NodeSelection;
  readonly disable?: NodeSelection;
  readonly ignore?: NodeSelection;
}

const OPTION_KEYS: readonly (keyof CacheOptions)[] = ['path', 'store', 'defaultBehavior', 'recompute', 'disable', 'ignore'];
const LISTS = ['recompute', 'disable', 'ignore'] as const;

/** The options of `withCache`, checked where they are given (plain JavaScript included). */
export function checkedCacheOptions(options: unknown): CacheOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new HamiltonError(CacheMessages.options.notAnObject(describeValue(options)));
  }
  const record = options as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !(OPTION_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) throw new HamiltonError(CacheMessages.options.unknownKeys(unknown, OPTION_KEYS));
  if (record.path !== undefined && (typeof record.path !== 'string' || record.path.length === 0)) {
    throw new HamiltonError(CacheMessages.options.badPath(describeValue(record.path)));
  }
  if (record.store !== undefined && !(record.store instanceof Store))
    throw new HamiltonError(CacheMessages.options.badStore(describeValue(record.store)));
  if (record.defaultBehavior !== undefined) checkedBehavior(record.defaultBehavior, 'withCache({ defaultBehavior })');
  const wholeGraph = LISTS.filter((list) => record[list] === true);
  for (const list of LISTS) {
    const value = record[list];
    if (value === undefined || value === true) continue;
    if (!Array.isArray(value) || value.some((name) => typeof name !== 'string')) {
      throw new HamiltonError(CacheMessages.options.badList(list, describeValue(value)));
    }
  }
  if (wholeGraph.length > 1) throw new HamiltonError(CacheMessages.options.twoWholeGraphLists(wholeGraph));
  return record;
}

export function checkedBehavior(value: unknown, where: string): CacheBehavior {
  if (typeof value !== 'string' || !(CACHE_BEHAVIORS as readonly string[]).includes(value)) {
    throw new HamiltonError(CacheMessages.options.badBehavior(where, describeValue(value)));
  }
  return value as CacheBehavior;
}

export function checkedFormat(value: unknown, where: string): CacheFormat {
  if (typeof value !== 'string' || !(CACHE_FORMATS as readonly string[]).includes(value)) {
    throw new HamiltonError(CacheMessages.options.badFormat(where, describeValue(value)));
  }
  return value as CacheFormat;
}

/**
 * Each node's behaviour, as Hamilton resolves it: a `withCache` list naming the node first, then its `@cache`
 * tag, then `defaultBehavior`. A node named by two lists is an error, as is a name the graph does not have.
 */
export class Behaviors {
  private readonly byName = new Map<string, CacheBehavior>();
  private readonly everything: CacheBehavior | undefined;
  private readonly fallback: CacheBehavior;

  constructor(graph: FunctionGraph, options: CacheOptions) {
    this.fallback = options.defaultBehavior ?? 'default';
    this.everything = LISTS.find((list) => options[list] === true);
    const known = graph.nodes.map((n) => n.name);
    for (const list of LISTS) {
      const names = options[list];
      if (names === undefined || names === true) continue;
      for (const name of names) {
        if (!graph.get(name)) throw new HamiltonError(CacheMessages.options.unknownNode(list, name, closeNames(name, known)));
        const earlier = this.byName.get(name);
        if (earlier && earlier !== list) throw new HamiltonError(CacheMessages.options.twoLists(name, earlier, list));
        this.byName.set(name, list);
      }
    }
    for (const node of graph.nodes) {
      const tagged = node.tags[BEHAVIOR_TAG];
      if (tagged !== undefined) checkedBehavior(tagged, `@cache on '${node.name}'`);
      const format = node.tags[FORMAT_TAG];
      if (format !== undefined) checkedFormat(format, `@cache on '${node.name}'`);
    }
  }

  /** A `@resource` (a client, a connection) is ignored unless named: it is made per place, never data. */
  of(node: GraphNode): CacheBehavior {
    const named = this.byName.get(node.name) ?? this.everything ?? (node.tags[BEHAVIOR_TAG] as CacheBehavior | undefined);
    return named ?? (node.resource ? 'ignore' : this.fallback);
  }

  /** The format `@cache` asked for, or undefined: each type is then stored in the encoding that suits it. */
  formatOf(node: GraphNode): CacheFormat | undefined {
    return node.tags[FORMAT_TAG] as CacheFormat | undefined;
  }
}
