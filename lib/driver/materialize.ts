import type { ExecutionPlan } from '../execution/plan.js';
import { checkFanOutShapes } from '../execution/blocks.js';
import { createPlan } from '../execution/plan.js';
import { RunContext } from '../execution/run-context.js';
import { executeAsync, executeSync } from '../execution/run.js';
import { FunctionGraph } from '../graph/function-graph.js';
import type { DisplayOptions, FileOption, VisualizeExecutionOptions } from '../lineage/display-options.js';
import * as pictures from '../lineage/pictures.js';
import type { CheckedMaterializers, Materializer } from '../io/materializers.js';
import {
  materializeRequest,
  materializerFeatureSet,
  materializeResult,
  type MaterializeOptions,
  type MaterializeRequest,
  type MaterializeResult,
} from '../io/materialize.js';
import { IO_STYLE_LEGEND, ioNodeStyle } from '../io/style.js';
import { AsyncDriver } from './async-driver.js';
import { Driver } from './driver.js';
import { executeArguments } from './execute-arguments.js';
import { instantiateFeatureSets } from './instantiate.js';
import { lineageOptions } from './lineage-arguments.js';
import type { DriverSettings } from './settings.js';

/**
 * `materialize`, `validateMaterialization` and `visualizeMaterialization` on both drivers. The driver's graph plus
 * the materializers (one more feature set: savers after their dependencies, loaders in place of their targets)
 * is built and checked like any graph, then planned and run as `execute` runs.
 */
declare module './driver.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration repeats the class's type parameters
  interface Driver<TResult, TNodes> {
    /**
     * Runs the savers (and `additionalVars`); returns `[metadata by saver id, values by name]`. A `from.<kind>`
     * whose value cannot fit the node it fills (a node the driver's type knows) does not compile.
     */
    materialize<const M extends readonly Materializer[]>(
      materializers: M & CheckedMaterializers<M, TNodes>,
      options?: MaterializeOptions,
    ): MaterializeResult;
    /** Every check `materialize` would make, without running nodes. */
    validateMaterialization<const M extends readonly Materializer[]>(
      materializers: M & CheckedMaterializers<M, TNodes>,
      options?: MaterializeOptions,
    ): void;
    /** DOT of what `materialize` would run, loaders and savers drawn as such; with `{ file }` writes it. */
    visualizeMaterialization(materializers: readonly Materializer[], options: MaterializeOptions & DisplayOptions & FileOption): Promise<string>;
    visualizeMaterialization(materializers: readonly Materializer[], options?: MaterializeOptions & DisplayOptions): string;
  }
}
declare module './async-driver.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration repeats the class's type parameters
  interface AsyncDriver<TResult, TNodes> {
    materialize<const M extends readonly Materializer[]>(
      materializers: M & CheckedMaterializers<M, TNodes>,
      options?: MaterializeOptions,
    ): Promise<MaterializeResult>;
    validateMaterialization<const M extends readonly Materializer[]>(
      materializers: M & CheckedMaterializers<M, TNodes>,
      options?: MaterializeOptions,
    ): Promise<void>;
    visualizeMaterialization(materializers: readonly Materializer[], options: MaterializeOptions & DisplayOptions & FileOption): Promise<string>;
    visualizeMaterialization(materializers: readonly Materializer[], options?: MaterializeOptions & DisplayOptions): string;
  }
}

/** What materialize reads of a driver (its settings are protected: these functions are the driver's own methods). */
interface DriverInternals {
  readonly graph: FunctionGraph;
  readonly settings: DriverSettings<unknown>;
}

/** A materialize call ready to run: its graph and a checked run context. */
interface Prepared {
  readonly request: MaterializeRequest;
  readonly graph: FunctionGraph;
  readonly context: () => RunContext;
}

function prepare(driver: object, method: string, materializers: unknown, options: unknown, async: boolean): Prepared {
  const { graph: base, settings } = driver as DriverInternals;
  const request = materializeRequest(method, base, materializers, options ?? {});
  const featureSets = [...instantiateFeatureSets(settings.featureSets, settings.container), materializerFeatureSet(request)];
  // Module overrides on: a loader replaces the node it fills (the driver's own graph already refused duplicates).
  const graph = FunctionGraph.build(featureSets, {
    config: settings.config,
    allowModuleOverrides: true,
    instantiate: (cls) => instantiateFeatureSets([cls], settings.container)[0].instance,
  });
  checkFanOutShapes(graph);
  const [outputs, executeOptions] = executeArguments({ method, async }, graph, request.outputs, request.options);
  return {
    request,
    graph,
    context: () => {
      const plan: ExecutionPlan = createPlan(graph, {
        outputs: [...outputs],
        inputKeys: Object.keys(executeOptions.inputs ?? {}),
        overrideKeys: Object.keys(executeOptions.overrides ?? {}),
      });
      const context = new RunContext(
        graph,
        plan,
        { inputs: executeOptions.inputs ?? {}, overrides: executeOptions.overrides ?? {} },
        settings.adapters,
      );
      context.checkInputTypes();
      return context;
    },
  };
}

function visualize(
  driver: object,
  method: string,
  materializers: unknown,
  options: (MaterializeOptions & DisplayOptions & Partial<FileOption>) | undefined,
) {
  const { additionalVars, ...rest } = lineageOptions(method, options ?? {});
  const prepared = prepare(driver, method, materializers, { additionalVars, inputs: rest.inputs, overrides: rest.overrides }, false);
  const pictureOptions: VisualizeExecutionOptions & Partial<FileOption> = {
    customStyle: (node) => ioNodeStyle(node),
    customStyleLegend: IO_STYLE_LEGEND,
    ...rest,
  };
  return pictures.present(
    () => pictures.executionScene(prepared.graph, prepared.request.outputs, pictureOptions, () => prepared.context()),
    pictureOptions,
  );
}

Object.assign(Driver.prototype, {
  materialize(this: Driver<unknown>, materializers: readonly Materializer[], options?: MaterializeOptions): MaterializeResult {
    const prepared = prepare(this, 'materialize', materializers, options, false);
    const { executor } = (this as unknown as DriverInternals).settings;
    return executeSync(prepared.context(), executor, (results) => materializeResult(prepared.request, results));
  },
  validateMaterialization(this: Driver<unknown>, materializers: readonly Materializer[], options?: MaterializeOptions): void {
    prepare(this, 'validateMaterialization', materializers, options, false).context();
  },
  visualizeMaterialization(
    this: Driver<unknown>,
    materializers: readonly Materializer[],
    options?: MaterializeOptions & DisplayOptions & Partial<FileOption>,
  ) {
    return visualize(this, 'visualizeMaterialization', materializers, options);
  },
});

Object.assign(AsyncDriver.prototype, {
  async materialize(this: AsyncDriver<unknown>, materializers: readonly Materializer[], options?: MaterializeOptions): Promise<MaterializeResult> {
    const prepared = prepare(this, 'materialize', materializers, options, true);
    const { executor } = (this as unknown as DriverInternals).settings;
    return executeAsync(prepared.context(), executor, (results) => materializeResult(prepared.request, results));
  },
  async validateMaterialization(this: AsyncDriver<unknown>, materializers: readonly Materializer[], options?: MaterializeOptions): Promise<void> {
    prepare(this, 'validateMaterialization', materializers, options, true).context();
  },
  visualizeMaterialization(
    this: AsyncDriver<unknown>,
    materializers: readonly Materializer[],
    options?: MaterializeOptions & DisplayOptions & Partial<FileOption>,
  ) {
    return visualize(this, 'visualizeMaterialization', materializers, options);
  },
});
