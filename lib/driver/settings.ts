import { Container } from 'inversify';
import type { LifecycleAdapter } from '../execution/adapters.js';
import type { Config } from '../graph/modifiers/index.js';
import type { ResultBuilder } from '../results/result-builder.js';
import type { FeatureSet } from './instantiate.js';

/** Everything a driver is built from; the Builder fills it, `new Driver(config, ...)` takes defaults. */
export class DriverSettings<TResult> {
  constructor(
    readonly config: Config,
    readonly featureSets: readonly FeatureSet[],
    readonly resultBuilder: ResultBuilder<TResult>,
    readonly container: Container = new Container(),
    readonly adapters: readonly LifecycleAdapter[] = [],
    readonly allowModuleOverrides = false,
  ) {}
}
