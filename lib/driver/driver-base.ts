import { DriverCache } from '../cache/driver-cache.js';
import { CacheMessages } from '../cache/messages.js';
import { HamiltonError } from '../errors/index.js';
import { checkFanOutShapes } from '../execution/blocks.js';
import { Hooks, nodeCallWrapperOf } from '../execution/hooks.js';
import { silence } from '../metadata/thenable.js';
import { exportExecution } from './export-execution.js';
import { outputNames, type OutputRef } from './output-refs.js';
import type { ExecuteOptions } from '../execution/execute-options.js';
import { createPlan, type ExecutionPlan } from '../execution/plan.js';
import { RunContext } from '../execution/run-context.js';
import { FunctionGraph } from '../graph/function-graph.js';
import { downstreamOf, pathBetween, upstreamOf } from '../lineage/queries.js';
import { tagQueryOf, tagsMatch, type TagQuery } from '../lineage/tag-filter.js';
import { variableOf, type Variable } from '../lineage/variable.js';
import { buildCatalog, type CatalogOptions, type FeatureCatalog } from '../lineage/catalog/catalog.js';
import type { DisplayOptions, FileOption, VisualizeExecutionOptions } from '../lineage/display-options.js';
import { lineageExplorerHtml, type ExplorerOptions } from '../lineage/explorer/explorer.js';
import * as pictures from '../lineage/pictures.js';
import type { ResultBuilder } from '../results/result-builder.js';
import { executeArguments } from './execute-arguments.js';
import { lineageOptions, namesThenOptions } from './lineage-arguments.js';
import { instantiateFeatureSets } from './instantiate.js';
import type { DriverSettings } from './settings.js';
import type { CacheRun } from '../cache/cache-run.js';

export type { ExecuteOptions } from '../execution/execute-options.js';

const PLAN_CACHE_SIZE = 128;

/**
 * What the sync and async drivers share: building and checking the graph, planning (with a cache, so a
 * stream of micro-batches plans once), and the lineage queries.
 */
export abstract class DriverBase<TResult> {
  /** The checked graph. */
  readonly graph: FunctionGraph;
  protected readonly resultBuilder: ResultBuilder<TResult>;
  private readonly plans = new Map<string, ExecutionPlan>();
  /** What `afterGraphConstruct` hooks returned: a Promise only under the AsyncDriver, which awaits it before running. */
  protected readonly graphConstructed: void | Promise<void>;
  private readonly driverCache: DriverCache | undefined;

  protected constructor(
    protected readonly settings: DriverSettings<TResult>,
    sync = true,
  ) {
    const featureSets = instantiateFeatureSets(settings.featureSets, settings.container);
    this.graph = FunctionGraph.build(featureSets, {
      config: settings.config,
      allowModuleOverrides: settings.allowModuleOverrides,
      instantiate: (cls) => instantiateFeatureSets([cls], settings.container)[0].instance,
    });
    checkFanOutShapes(this.graph);
    nodeCallWrapperOf(settings.adapters); // two adapters taking over node calls: refused when the driver is built
    const event = { graph: this.graph, modules: featureSets.map((f) => f.cls), config: settings.config };
    this.graphConstructed = new Hooks(settings.adapters, sync).call('afterGraphConstruct', event);
    // Awaited by the first run; until then a rejection must not surface as an unhandled one.
    if (this.graphConstructed) silence(this.graphConstructed);
    this.driverCache = settings.cache && new DriverCache(this.graph, this.featureSetClasses(), settings.cache);
    this.resultBuilder = settings.resultBuilder;
    settings.executor.prepare?.({
      featureSets: featureSets.map((f) => f.cls),
      config: settings.config,
      allowModuleOverrides: settings.allowModuleOverrides,
      graph: this.graph,
    });
  }

  /** The cache (`Builder.withCache()`): `lastRunId`, `logs(runId?)`, code and DAG versions, its store. */
  get cache(): DriverCache {
    if (!this.driverCache) throw new HamiltonError(CacheMessages.noCache);
    return this.driverCache;
  }

  /** The cache's part in a run, when the driver has a cache. */
  protected cacheRun(context: RunContext): CacheRun | undefined {
    return this.driverCache?.beginRun(context.runId);
  }

  /** Every node, optionally filtered by tags (every key must match; a list matches any value; `null`: exists). */
  listAvailableVariables(filter: { readonly tags?: TagQuery } = {}): Variable[] {
    const query = tagQueryOf(filter);
    return this.graph.nodes.filter((n) => tagsMatch(n.tags, query)).map((n) => variableOf(n, this.graph));
  }

  /** The named nodes and everything they depend on. */
  whatIsUpstreamOf(...names: string[]): Variable[] {
    return upstreamOf(this.graph, names).map((n) => variableOf(n, this.graph));
  }

  /** The named nodes and everything that depends on them. */
  whatIsDownstreamOf(...names: string[]): Variable[] {
    return downstreamOf(this.graph, names).map((n) => variableOf(n, this.graph));
  }

  /** The nodes on paths from `from` to `to` (inclusive); empty when `to` does not depend on `from`. */
  whatIsThePathBetween(from: string, to: string): Variable[] {
    return pathBetween(this.graph, from, to).map((n) => variableOf(n, this.graph));
  }

  /** Graphviz DOT of the whole graph; with `{ file }` (`.dot` or `.svg`) writes it and resolves to the DOT. */
  displayAllFunctions(options: DisplayOptions & FileOption): Promise<string>;
  displayAllFunctions(options?: DisplayOptions & { readonly file?: undefined }): string;
  displayAllFunctions(options: DisplayOptions & Partial<FileOption> = {}): string | Promise<string> {
    return pictures.present(() => pictures.allFunctionsScene(this.graph), lineageOptions('displayAllFunctions', options));
  }

  /**
   * DOT of what `execute(outputs, options)` would run: outputs and overrides marked, inputs and config drawn
   * apart. Validates as `execute` does (e.g. `MissingInputError`) unless `bypassValidation: true`.
   */
  visualizeExecution(outputs: readonly string[], options: VisualizeExecutionOptions & FileOption): Promise<string>;
  visualizeExecution(outputs: readonly string[], options?: VisualizeExecutionOptions & { readonly file?: undefined }): string;
  visualizeExecution(outputs: readonly string[], options: VisualizeExecutionOptions & Partial<FileOption> = {}): string | Promise<string> {
    [outputs, options] = executeArguments(
      { method: 'visualizeExecution', moreOptions: true },
      this.graph,
      outputs,
      lineageOptions('visualizeExecution', options),
    );
    return pictures.present(() => pictures.executionScene(this.graph, outputs, options, () => this.prepare(outputs, options)), options);
  }

  /** DOT of the named nodes (marked) and everything they depend on; picture options may come last. */
  displayUpstreamOf(...args: [...names: string[], options: DisplayOptions & FileOption]): Promise<string>;
  displayUpstreamOf(...args: [...names: string[], options: DisplayOptions] | string[]): string;
  displayUpstreamOf(...args: (string | (DisplayOptions & Partial<FileOption>))[]): string | Promise<string> {
    const [names, options] = namesThenOptions<DisplayOptions & Partial<FileOption>>('displayUpstreamOf', args);
    return pictures.present(() => pictures.upstreamScene(this.graph, names), options);
  }

  /** DOT of the named nodes (marked) and everything that depends on them; picture options may come last. */
  displayDownstreamOf(...args: [...names: string[], options: DisplayOptions & FileOption]): Promise<string>;
  displayDownstreamOf(...args: [...names: string[], options: DisplayOptions] | string[]): string;
  displayDownstreamOf(...args: (string | (DisplayOptions & Partial<FileOption>))[]): string | Promise<string> {
    const [names, options] = namesThenOptions<DisplayOptions & Partial<FileOption>>('displayDownstreamOf', args);
    return pictures.present(() => pictures.downstreamScene(this.graph, names), options);
  }

  /** DOT of the nodes on the paths from `from` to `to`; no path is a `HamiltonError`. */
  visualizePathBetween(from: string, to: string, options: DisplayOptions & FileOption): Promise<string>;
  visualizePathBetween(from: string, to: string, options?: DisplayOptions & { readonly file?: undefined }): string;
  visualizePathBetween(from: string, to: string, options: DisplayOptions & Partial<FileOption> = {}): string | Promise<string> {
    return pictures.present(() => pictures.pathScene(this.graph, from, to), lineageOptions('visualizePathBetween', options));
  }

  /** Every node with its type, doc, tags, `Class.method`, source file and line, inputs and dependents. */
  featureCatalog(options: CatalogOptions = {}): FeatureCatalog {
    return buildCatalog(this.graph, this.featureSetClasses(), lineageOptions('featureCatalog', options));
  }

  /** A single-file HTML page: the SVG, a search box, and each node's lineage on click. */
  async lineageExplorer(options: ExplorerOptions = {}): Promise<string> {
    return lineageExplorerHtml(this.graph, this.featureSetClasses(), lineageOptions('lineageExplorer', options));
  }

  private featureSetClasses(): Function[] {
    return this.settings.featureSets.map((f) => (typeof f === 'function' ? f : f.constructor));
  }

  /**
   * The nodes a run of `outputs` involves (what runs, and the inputs, config and overrides it reads), as
   * Hamilton's `export_execution` JSON text `{ "nodes": [...] }`: name, tags, output type, required and optional
   * dependencies, source, documentation and a version (hash of the source). Validates as `execute` does.
   */
  exportExecution(outputs: readonly (string | OutputRef)[], options: ExecuteOptions = {}): string {
    const [names, checked] = executeArguments({ method: 'exportExecution' }, this.graph, this.outputNames(outputs), options);
    this.prepare(names, checked);
    return exportExecution(this.graph, this.plan(names, checked), Object.keys(checked.overrides ?? {}), this.graph.featureSetClasses);
  }

  /** Output names for outputs given as names, methods (`Class.prototype.method`) or Variables. */
  protected outputNames<O extends string>(outputs: readonly (O | OutputRef)[] | O): readonly O[] | O {
    if (typeof outputs === 'string' || !Array.isArray(outputs) || outputs.every((o) => typeof o === 'string')) return outputs as readonly O[] | O;
    return outputNames(this.graph, outputs) as O[];
  }

  /** Plans a run of these outputs; the plan is cached by the names involved. */
  protected plan(outputs: readonly string[], options: ExecuteOptions): ExecutionPlan {
    const inputKeys = Object.keys(options.inputs ?? {});
    const overrideKeys = Object.keys(options.overrides ?? {});
    const key = `${outputs.join('\0')}\u0001${inputKeys.join('\0')}\u0001${overrideKeys.join('\0')}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = createPlan(this.graph, { outputs: [...outputs], inputKeys, overrideKeys });
      if (this.plans.size >= PLAN_CACHE_SIZE) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(key, plan);
    }
    return plan;
  }

  /** A checked run context: plan, values in place, input types verified. */
  protected prepare(outputs: readonly string[], options: ExecuteOptions): RunContext {
    const plan = this.plan(outputs, options);
    const context = new RunContext(this.graph, plan, { inputs: options.inputs ?? {}, overrides: options.overrides ?? {} }, this.settings.adapters);
    context.checkInputTypes();
    return context;
  }
}
