import type { Container } from 'inversify';
import { newContainer } from './container.js';
import type { DataFrame } from '../dataframe/danfo.js';
import type { LifecycleAdapter } from '../execution/adapters.js';
import type { Executor } from '../execution/executor.js';
import { LocalExecutor } from '../execution/local-executor.js';
import { DataFrameResult } from '../results/dataframe-result.js';
import type { Config } from '../graph/modifiers/index.js';
import type { ResultBuilder } from '../results/result-builder.js';
import type { FeatureSet } from './instantiate.js';

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
  ) {}

  /** The settings of `new Driver(config, ...)` / `new AsyncDriver(config, ...)`: danfo frames, fresh container. */
  static defaults(config: Config, featureSets: readonly FeatureSet[]): DriverSettings<DataFrame> {
    return new DriverSettings<DataFrame>(config, featureSets, new DataFrameResult());
  }
}
