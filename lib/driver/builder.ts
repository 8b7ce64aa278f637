import type { Container } from 'inversify';
import { newContainer } from './container.js';
import { HamiltonTokens } from '../constants/tokens.js';
import type { LifecycleAdapter } from '../execution/adapters.js';
import type { Config } from '../graph/modifiers/index.js';
import { DictResult } from '../results/dict-result.js';
import type { ResultBuilder } from '../results/result-builder.js';
import { checkExecutor, type Executor } from '../execution/executor.js';
import { checkedCacheOptions, type CacheOptions } from '../cache/options.js';
import { AsyncDriver } from './async-driver.js';
import { Driver } from './driver.js';
import type { NodesOfAll, NoNodes } from './typed-outputs.js';
import type { FeatureSet } from './instantiate.js';
import { DriverSettings } from './settings.js';
import { checkAdapters, checkContainer, checkedConfig, checkFeatureSets, checkResultBuilder } from './driver-arguments.js';

/**
 * Builds drivers step by step. Defaults: `DictResult`, a fresh inversify container, no adapters.
 *
 * @example
 * const dr = new Builder().withConfig({ mode: 'batch' }).withModules(Spend, Signups).build();
 */
export class Builder<TResult = Record<string, unknown>, TNodes = NoNodes> {
  private config: Record<string, unknown> = {};
  private readonly featureSets: FeatureSet[] = [];
  private resultBuilder: ResultBuilder<TResult> | undefined;
  private container: Container | undefined;
  private readonly adapters: LifecycleAdapter[] = [];
  private overridesAllowed = false;
  private executor: Executor | undefined;
  private cacheOptions: CacheOptions | undefined;

  /** Merges config (later keys win). Config is fixed for the driver's life and also feeds nodes as inputs. */
  withConfig(config: Config): this {
    this.config = { ...this.config, ...checkedConfig('Builder.withConfig()', config) };
    return this;
  }

  /** Adds feature sets: classes (instantiated through the container) or instances. Their nodes type `execute`. */
  withModules<const M extends readonly FeatureSet[]>(...featureSets: M): Builder<TResult, TNodes & NodesOfAll<M>> {
    checkFeatureSets('Builder.withModules()', featureSets);
    this.featureSets.push(...featureSets);
    return this as unknown as Builder<TResult, TNodes & NodesOfAll<M>>;
  }

  /** Resolves feature-set classes (and any `HamiltonTokens` bindings) through your inversify container. */
  withContainer(container: Container): this {
    checkContainer(container);
    this.container = container;
    return this;
  }

  /** Chooses what `execute` returns. */
  withResultBuilder<T>(resultBuilder: ResultBuilder<T>): Builder<T, TNodes> {
    checkResultBuilder(resultBuilder);
    const next = this as unknown as Builder<T, TNodes>;
    next.resultBuilder = resultBuilder;
    return next;
  }

  /** Adds lifecycle adapters (hooks before/after the graph and each node). */
  withAdapters(...adapters: LifecycleAdapter[]): this {
    checkAdapters(adapters);
    this.adapters.push(...adapters);
    return this;
  }

  /** Lets a later feature set's node replace an earlier one of the same name. */
  allowModuleOverrides(): this {
    this.overridesAllowed = true;
    return this;
  }

  /** Chooses where nodes run (default: `LocalExecutor`, in this process). */
  withExecutor(executor: Executor): this {
    checkExecutor(executor);
    this.executor = executor;
    return this;
  }

  /**
   * Caches node results across runs and processes (Hamilton's `with_cache`): a node is taken from the cache when
   * its code version and its inputs' data versions match a stored run. Results and metadata go to `path`
   * (default `.hamilton_cache/`) or to a `store` shared with a `RunTracker`; `dr.cache` tells what was reused.
   */
  withCache(options: CacheOptions = {}): this {
    this.cacheOptions = checkedCacheOptions(options);
    return this;
  }

  /**
   * A new Builder with this one's settings (config, feature sets, result builder, container, adapters,
   * overrides, executor, cache), so variants of a driver can be built from a common base (Hamilton's `copy()`).
   * Lists are copied: adding to the copy leaves this one as it is.
   */
  copy(): Builder<TResult, TNodes> {
    const copy = new Builder<TResult, TNodes>();
    Object.assign(copy, this, { config: { ...this.config }, featureSets: [...this.featureSets], adapters: [...this.adapters] });
    return copy;
  }

  /** Builds the graph (all graph checks run here) and returns a synchronous driver. */
  build(): Driver<TResult, TNodes> {
    return new Driver<TResult, TNodes>(this.settings());
  }

  /** Builds the graph and returns an AsyncDriver (async nodes, concurrency, cancellation). */
  async buildAsync(): Promise<AsyncDriver<TResult, TNodes>> {
    const driver = new AsyncDriver<TResult, TNodes>(this.settings());
    await driver.whenConstructed();
    return driver;
  }

  private settings(): DriverSettings<TResult> {
    const container = this.container ?? newContainer();
    const fromContainer = container.isBound(HamiltonTokens.ResultBuilder)
      ? container.get<ResultBuilder<TResult>>(HamiltonTokens.ResultBuilder)
      : undefined;
    const resultBuilder = this.resultBuilder ?? fromContainer ?? (new DictResult() as unknown as ResultBuilder<TResult>);
    const executor = this.executor ?? (container.isBound(HamiltonTokens.Executor) ? container.get<Executor>(HamiltonTokens.Executor) : undefined);
    return new DriverSettings(
      this.config,
      [...this.featureSets],
      resultBuilder,
      container,
      [...this.adapters],
      this.overridesAllowed,
      executor,
      this.cacheOptions,
    );
  }
}
