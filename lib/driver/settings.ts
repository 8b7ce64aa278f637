import type { Container } from 'inversify';
import { newContainer } from './container.js';
import type { DataFrame } from '../dataframe/danfo.js';
import type { CacheOptions } from '../cache/options.js';
import type { LifecycleAdapter } from '../execution/adapters.js';
import type { Executor } from '../execution/executor.js';
import { LocalExecutor } from '../execution/local-executor.js';
import { DataFrameResult } from '../results/dataframe-result.js';
import type { Config } from '../graph/modifiers/index.js';
import type { ResultBuilder } from '../results/result-builder.js';
import type { FeatureSet } from './instantiate.js';
import { checkedConfig, checkFeatureSets } from './driver-arguments.js';

/** Everything a driver is built from; the Builder fills it, `new Driver(config, ...)` takes defaults. */
export class DriverSettings<TResult> {
  constructor(
    readonly config: Config,
    readonly featureSets: readonly FeatureSet[],
    readonly resultBuilder: ResultBuilder<TResult>,
    readonly container: Container = newContainer(),
    readonly adapters: readonly LifecycleAdapter[] = [],
    readonly allowModuleOverrides = false,
    readonly executor: Executor = new LocalExecutor(),
    /** `Builder.withCache()`'s options; no cache without them. */
    readonly cache?: CacheOptions,
  ) {}

  /**
   * What a driver constructor was given: the Builder's settings, or the short form's config and feature sets,
   * which get the defaults of `new Driver(config, ...)`: danfo frames and a fresh container.
   */
  static from<TResult>(configOrSettings: Config | DriverSettings<TResult>, featureSets: readonly FeatureSet[]): DriverSettings<TResult> {
    if (configOrSettings instanceof DriverSettings) return configOrSettings;
    checkFeatureSets('new Driver(config, ...featureSets)', featureSets);
    const config = checkedConfig('new Driver(config, ...featureSets)', configOrSettings);
    return new DriverSettings<DataFrame>(config, featureSets, new DataFrameResult()) as unknown as DriverSettings<TResult>;
  }
}
