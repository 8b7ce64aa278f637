import type { DataFrame } from '../dataframe/danfo.js';
import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import type { Config } from '../graph/modifiers/index.js';
import { DriverBase, type ExecuteOptions } from './driver-base.js';
import type { FeatureSet } from './instantiate.js';
import { DriverSettings } from './settings.js';
import type { ExecuteResult } from './typed-outputs.js';

/**
 * Runs a graph synchronously. `new Driver(config, ...featureSets)` returns danfo DataFrames; a `Builder`
 * chooses another result builder, a container, adapters and module overrides.
 *
 * @example
 * const dr = new Driver({}, HelloWorld);
 * const df = dr.execute(['c', 'd'], { inputs: { input } });
 */
export class Driver<TResult = DataFrame, TNodes = {}> extends DriverBase<TResult> {
  constructor(config: Config, ...featureSets: FeatureSet[]);
  /** @internal Used by the Builder. */
  constructor(settings: DriverSettings<TResult>);
  constructor(configOrSettings: Config | DriverSettings<TResult>, ...featureSets: FeatureSet[]) {
    super(DriverSettings.from<TResult>(configOrSettings, featureSets));
    if (!this.settings.executor.runSync) {
      throw new HamiltonError(Messages.asyncExecutorInSyncDriver(this.settings.executor.constructor.name));
    }
  }

  /**
   * Computes the requested outputs (only what they need, each node once) and builds the result.
   * Throws `UnknownNodeError`, `MissingInputError`, `TypeMismatchError` before any node runs, and
   * `NodeExecutionError` when a node fails.
   */
  execute<const O extends string>(outputs: readonly O[], options: ExecuteOptions = {}): ExecuteResult<TResult, TNodes, O> {
    return this.run(outputs, options) as ExecuteResult<TResult, TNodes, O>;
  }

  private run(outputs: readonly string[], options: ExecuteOptions): TResult {
    const context = this.prepare(outputs, options);
    const executor = this.settings.executor;
    const adapters = context.adapters;
    if (adapters.length === 0) {
      executor.runSync!(context);
      return this.resultBuilder.build(context.outputs());
    }
    for (const adapter of adapters) void adapter.beforeGraphExecute?.(this.graphEvent(context));
    let results: Record<string, unknown>;
    let built: TResult;
    try {
      executor.runSync!(context);
      results = context.outputs();
      built = this.resultBuilder.build(results);
    } catch (error) {
      for (const adapter of adapters) void adapter.afterGraphExecute?.({ runId: context.runId, success: false, error });
      throw error;
    }
    // Outside the try: a run is reported once, and only as a success once its result is built.
    for (const adapter of adapters) void adapter.afterGraphExecute?.({ runId: context.runId, success: true, results });
    return built;
  }

  /** Runs every check `execute` would (unknown names, missing inputs, input types) without running nodes. */
  validateExecution(outputs: readonly string[], options: ExecuteOptions = {}): void {
    this.prepare(outputs, options);
  }
}
