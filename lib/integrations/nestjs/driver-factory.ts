import { Builder } from '../../driver/builder.js';
import type { AsyncDriver } from '../../driver/async-driver.js';
import type { Driver } from '../../driver/driver.js';
import type { FeatureSet } from '../../driver/instantiate.js';
import { closeExecutor } from './close-executor.js';
import type { HamiltonModuleOptions } from './options.js';

/**
 * Builds the driver from the feature sets as Nest resolved them: `resolved` holds Nest's instances of the
 * option's classes, in order; instances given in the options are kept in their place. The graph is built
 * from instances only, so the Builder's own (inversify) container never constructs anything: the clients a
 * feature set holds are exactly the ones Nest injected. A driver that fails to build closes the executor it was
 * given (the app does not start, so no shutdown hook would).
 */
export async function buildDriver<TResult>(
  options: HamiltonModuleOptions<TResult>,
  resolved: readonly object[],
): Promise<AsyncDriver<TResult> | Driver<TResult>> {
  try {
    let next = 0;
    const featureSets: FeatureSet[] = options.modules.map((featureSet) => (typeof featureSet === 'function' ? resolved[next++] : featureSet));
    let builder = new Builder()
      .withConfig(options.config ?? {})
      .withModules(...featureSets)
      .withAdapters(...(options.adapters ?? []));
    if (options.allowModuleOverrides) builder = builder.allowModuleOverrides();
    if (options.executor !== undefined) builder = builder.withExecutor(options.executor);
    const typed = options.resultBuilder ? builder.withResultBuilder(options.resultBuilder) : (builder as unknown as Builder<TResult>);
    return options.async === false ? typed.build() : await typed.buildAsync();
  } catch (error) {
    await closeExecutor(options.executor).catch(() => undefined); // the build error is the one to report
    throw error;
  }
}
