import type { DataFrame } from '../dataframe/danfo.js';
import { ExecutionMessages } from '../execution/messages.js';
import { executeSync } from '../execution/run.js';
import { HamiltonError } from '../errors/index.js';
import type { Config } from '../graph/modifiers/index.js';
import { DriverBase, type ExecuteOptions } from './driver-base.js';
import { executeArguments } from './execute-arguments.js';
import type { FeatureSet } from './instantiate.js';
import { DriverSettings } from './settings.js';
import type { ExecuteResult, NoNodes } from './typed-outputs.js';
import type { OutputRef } from './output-refs.js';

/**
 * Runs a graph synchronously. `new Driver(config, ...featureSets)` returns danfo DataFrames; a `Builder`
 * chooses another result builder, a container, adapters and module overrides.
 *
 * @example
 * const dr = new Driver({}, HelloWorld);
 * const df = dr.execute(['c', 'd'], { inputs: { input } });
 */
export class Driver<TResult = DataFrame, TNodes = NoNodes> extends DriverBase<TResult> {
  constructor(config: Config, ...featureSets: FeatureSet[]);
  /** @internal Used by the Builder. */
  constructor(settings: DriverSettings<TResult>);
  constructor(configOrSettings: Config | DriverSettings<TResult>, ...featureSets: FeatureSet[]) {
    super(DriverSettings.from<TResult>(configOrSettings, featureSets));
    if (!this.settings.executor.inline) {
      throw new HamiltonError(ExecutionMessages.asyncExecutorInSyncDriver(this.settings.executor.constructor.name));
    }
  }

  /**
   * Computes the requested outputs (only what they need, each node once) and builds the result.
   * Throws `UnknownNodeError`, `MissingInputError`, `TypeMismatchError` before any node runs, and
   * `NodeExecutionError` when a node fails.
   */
  execute<const O extends string>(outputs: readonly (O | OutputRef)[], options: ExecuteOptions = {}): ExecuteResult<TResult, TNodes, O> {
    const [names, checked] = executeArguments({ method: 'execute' }, this.graph, this.outputNames(outputs), options);
    return this.run(names, checked) as ExecuteResult<TResult, TNodes, O>;
  }

  /**
   * Computes the requested outputs and returns them as a plain object by name, without the result builder
   * (Hamilton's `raw_execute`). Same checks and errors as `execute`.
   */
  rawExecute(outputs: readonly (string | OutputRef)[], options: ExecuteOptions = {}): Record<string, unknown> {
    const [names, checked] = executeArguments({ method: 'rawExecute' }, this.graph, this.outputNames(outputs), options);
    return this.run(names, checked, true) as Record<string, unknown>;
  }

  private run(outputs: readonly string[], options: ExecuteOptions, raw = false): TResult | Record<string, unknown> {
    const build = (results: Record<string, unknown>): TResult | Record<string, unknown> => (raw ? results : this.resultBuilder.build(results));
    const context = this.prepare(outputs, options);
    const cache = this.cacheRun(context);
    if (!cache) return executeSync(context, this.settings.executor, build);
    let success = false;
    try {
      const result = executeSync(context, this.settings.executor, build, cache);
      success = true;
      return result;
    } finally {
      cache.end(success);
    }
  }

  /** Runs every check `execute` would (unknown names, missing inputs, input types) without running nodes. */
  validateExecution(outputs: readonly (string | OutputRef)[], options: ExecuteOptions = {}): void {
    const [names, checked] = executeArguments({ method: 'validateExecution' }, this.graph, this.outputNames(outputs), options);
    this.prepare(names, checked);
  }
}
