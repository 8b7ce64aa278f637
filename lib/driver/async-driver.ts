import type { DataFrame } from '../dataframe/danfo.js';
import type { Config } from '../graph/modifiers/index.js';
import { executeAsync } from '../execution/run.js';
import { DriverBase, type ExecuteOptions } from './driver-base.js';
import { executeArguments } from './execute-arguments.js';
import type { FeatureSet } from './instantiate.js';
import { DriverSettings } from './settings.js';
import type { ExecuteResult, NoNodes } from './typed-outputs.js';

/** Options of `AsyncDriver.execute`. */
export interface AsyncExecuteOptions extends ExecuteOptions {
  /** Cancels the run: `execute` rejects with the signal's reason and no further node starts. */
  readonly signal?: AbortSignal;
}

/**
 * Runs a graph asynchronously: methods may be `async`; a node starts as soon as its inputs are ready, so
 * independent async nodes run concurrently; sync nodes run inline. Validation is the same as the sync
 * Driver's (a missing input rejects before any node runs).
 *
 * @example
 * const dr = await new Builder().withModules(Features).buildAsync();
 * const result = await dr.execute(['featureSetV1'], { inputs, signal: AbortSignal.timeout(50) });
 */
export class AsyncDriver<TResult = DataFrame, TNodes = NoNodes> extends DriverBase<TResult> {
  constructor(config: Config, ...featureSets: FeatureSet[]);
  /** @internal Used by the Builder. */
  constructor(settings: DriverSettings<TResult>);
  constructor(configOrSettings: Config | DriverSettings<TResult>, ...featureSets: FeatureSet[]) {
    super(DriverSettings.from<TResult>(configOrSettings, featureSets));
  }

  /** Computes the requested outputs; rejects with the same errors as `Driver.execute`. */
  execute<const O extends string>(outputs: readonly O[], options: AsyncExecuteOptions = {}): Promise<ExecuteResult<TResult, TNodes, O>> {
    try {
      [outputs, options] = executeArguments({ method: 'execute', async: true }, this.graph, outputs, options);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.run(outputs, options) as Promise<ExecuteResult<TResult, TNodes, O>>;
  }

  private async run(outputs: readonly string[], options: AsyncExecuteOptions): Promise<TResult> {
    const build = (results: Record<string, unknown>) => this.resultBuilder.build(results);
    const context = this.prepare(outputs, options);
    const cache = this.cacheRun(context);
    if (!cache) return executeAsync(context, this.settings.executor, build, options.signal);
    let success = false;
    try {
      const result = await executeAsync(context, this.settings.executor, build, options.signal, cache);
      success = true;
      return result;
    } finally {
      cache.end(success);
    }
  }

  /** Runs every check `execute` would without running nodes. */
  async validateExecution(outputs: readonly string[], options: ExecuteOptions = {}): Promise<void> {
    [outputs, options] = executeArguments({ method: 'validateExecution', async: true }, this.graph, outputs, options);
    this.prepare(outputs, options);
  }
}
