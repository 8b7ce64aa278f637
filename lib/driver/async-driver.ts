import type { DataFrame } from '../dataframe/danfo.js';
import type { Config } from '../graph/modifiers/index.js';
import { executeAsync } from '../execution/run.js';
import { DriverBase, type ExecuteOptions } from './driver-base.js';
import { executeArguments } from './execute-arguments.js';
import type { FeatureSet } from './instantiate.js';
import { DriverSettings } from './settings.js';
import type { ExecuteResult, NoNodes } from './typed-outputs.js';
import type { OutputRef } from './output-refs.js';

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
    super(DriverSettings.from<TResult>(configOrSettings, featureSets), false);
  }

  /** Computes the requested outputs; rejects with the same errors as `Driver.execute`. */
  execute<const O extends string>(
    outputs: readonly (O | OutputRef)[],
    options: AsyncExecuteOptions = {},
  ): Promise<ExecuteResult<TResult, TNodes, O>> {
    let names: readonly string[];
    try {
      [names, options] = executeArguments({ method: 'execute', async: true }, this.graph, this.outputNames(outputs), options);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.run(names, options) as Promise<ExecuteResult<TResult, TNodes, O>>;
  }

  /** Computes the requested outputs as a plain object by name, without the result builder (Hamilton's `raw_execute`). */
  async rawExecute(outputs: readonly (string | OutputRef)[], options: AsyncExecuteOptions = {}): Promise<Record<string, unknown>> {
    const [names, checked] = executeArguments({ method: 'rawExecute', async: true }, this.graph, this.outputNames(outputs), options);
    return this.run(names, checked, true) as Promise<Record<string, unknown>>;
  }

  /** @internal Resolves once the `afterGraphConstruct` hooks are done (`buildAsync` waits for it). */
  async whenConstructed(): Promise<void> {
    await this.graphConstructed;
  }

  private async run(outputs: readonly string[], options: AsyncExecuteOptions, raw = false): Promise<TResult | Record<string, unknown>> {
    await this.graphConstructed;
    const build = (results: Record<string, unknown>): TResult | Record<string, unknown> => (raw ? results : this.resultBuilder.build(results));
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
  async validateExecution(outputs: readonly (string | OutputRef)[], options: ExecuteOptions = {}): Promise<void> {
    const [names, checked] = executeArguments({ method: 'validateExecution', async: true }, this.graph, this.outputNames(outputs), options);
    this.prepare(names, checked);
  }
}
