/**
 * hamilton-ts: dataflows as plain TypeScript classes. A method's name is the node it produces, its
 * parameter names are the nodes it reads; a Driver builds the graph and runs only what is requested.
 */
import 'reflect-metadata';

export { Driver } from './driver/driver.js';
export { Builder } from './driver/builder.js';
export { cache, type CacheDecoratorOptions } from './cache/cache-decorator.js';
export { PostgresStore, SQLiteStore, Store, type PostgresStoreOptions, type SQLiteStoreOptions } from './cache/store.js';
export { RunTracker, type RunTrackerOptions, type Retention } from './tracking/run-tracker.js';
export type { Capture } from './tracking/summary.js';
export type { DriverCache, ViewRunOptions } from './cache/driver-cache.js';
export type { CacheOptions, CacheBehavior, NodeSelection } from './cache/options.js';
export type { CacheFormat } from './cache/formats.js';
export type { CacheLogEntry, CacheStatus } from './cache/cache-run.js';
export { dataVersion, type DataVersion } from './cache/data-version.js';
export { AsyncDriver, type AsyncExecuteOptions } from './driver/async-driver.js';
export type { ExecuteOptions } from './driver/driver-base.js';
export type { NodesOf, NodesOfAll, NodeNameOf, TypedOutputs, ExecuteResult } from './driver/typed-outputs.js';
export type { FeatureSet } from './driver/instantiate.js';
export { HamiltonTokens } from './constants/tokens.js';

export { node, type NodeOptions } from './decorators/node.js';
export { extractColumns, type ColumnSpec, type ExtractColumnsOptions } from './decorators/extract-columns.js';
export { extractFields, type ExtractFieldsOptions } from './decorators/extract-fields.js';
export { parameterize, type ParameterBindings, type ParameterizedOutput } from './decorators/parameterize.js';
export { parameterizeValues } from './decorators/parameterize-values.js';
export { parameterizeSources } from './decorators/parameterize-sources.js';
export { subdag, type SubdagOptions } from './decorators/subdag.js';
export { parallelizable, type ParallelizableOptions } from './decorators/parallelizable.js';
export { collect } from './decorators/collect.js';
export { retry } from './decorators/retry.js';
export { runLocally } from './decorators/run-locally.js';
export { resource } from './decorators/resource.js';
export { parameterizedSubdag } from './decorators/parameterized-subdag.js';
export { value, source, group, type ValueRef, type SourceRef, type GroupRef, type ParameterRef } from './decorators/refs.js';
export { configWhen } from './decorators/config-when.js';
export { configWhenNot } from './decorators/config-when-not.js';
export { configWhenIn } from './decorators/config-when-in.js';
export { configWhenNotIn } from './decorators/config-when-not-in.js';
export type { ConfigCondition, ConfigInCondition, ConfigOptions, ConfigPredicate } from './decorators/config-when-args.js';
export { config } from './decorators/config.js';
export { hamiltonExclude } from './decorators/hamilton-exclude.js';
export { step, applyTo, Step, MutateTarget, type StepSpec, type StepArgument } from './decorators/step.js';
export { pipeInput, type PipeInputOptions } from './decorators/pipe-input.js';
export { pipeOutput, type PipeOutputOptions } from './decorators/pipe-output.js';
export { mutate } from './decorators/mutate.js';
export { does } from './decorators/does.js';
export { inject } from './decorators/inject.js';
export {
  parameterizeExtractColumns,
  type ParameterizedExtract,
  type ParameterizeExtractColumnsOptions,
} from './decorators/parameterize-extract-columns.js';
export { withColumns, type WithColumnsOptions } from './decorators/with-columns.js';
export { resolve, ResolveAt, type ResolveOptions, type DecorateWith } from './decorators/resolve.js';
export { schemaOutput, type SchemaField } from './decorators/schema-output.js';
export { acceptErrorSentinels } from './decorators/accept-error-sentinels.js';
export { tag, type TagOptions } from './decorators/tag.js';
export { tagOutputs } from './decorators/tag-outputs.js';
export type { MethodDecorator } from './decorators/record.js';
export { checkOutput, type CheckOutputOptions } from './decorators/check-output.js';
export { checkOutputCustom } from './decorators/check-output-custom.js';
export type { DataValidator, ValidationResult, CheckResult, Importance } from './validation/types.js';
export type { DataType } from './validation/checks/data-type.js';
export { ValidationRecorder } from './execution/adapters/validation-recorder.js';
export { setValidationLogger, type ValidationLogger } from './validation/logger.js';
export { DataQualityTags } from './validation/tags.js';

export type { ResultBuilder } from './results/result-builder.js';
export { DictResult } from './results/dict-result.js';
export { DataFrameResult } from './results/dataframe-result.js';
export { ArrowResult } from './results/arrow-result.js';
// Data in and out: loaders and savers as nodes, materialize() (added to both drivers by this import), the kinds.
import './driver/materialize.js';
export * from './io/index.js';
export { rollingMean, shift } from './dataframe/window.js';
export type { DataFrame, Series } from './dataframe/danfo.js';

export type {
  LifecycleAdapter,
  GraphRunEvent,
  GraphResultEvent,
  NodeRunEvent,
  NodeResultEvent,
  GraphConstructEvent,
  NodeCall,
} from './execution/adapters.js';
export { GracefulErrorAdapter, ErrorSentinel, type GracefulErrorOptions } from './execution/adapters/graceful-error-adapter.js';
export { MatrixResult, type Matrix } from './results/matrix-result.js';
export type { OutputRef } from './driver/output-refs.js';
export type { Executor, ExecutorSetup } from './execution/executor.js';
export { TaskNodeError, type Task, type TaskValues } from './execution/task.js';
export { runTask } from './execution/run-task.js';
export type { RetryPolicy } from './graph/node.js';
export { WorkerPoolExecutor, type WorkerPoolOptions } from './execution/worker-pool/worker-pool-executor.js';
export { BullMQExecutor, type BullMQExecutorOptions } from './execution/remote/bullmq-executor.js';
export { startBullMQWorker, type BullMQWorkerOptions } from './execution/remote/bullmq-worker.js';
export type { WorkerFeatureSet } from './execution/remote/feature-sets.js';
export type { RedisConnection } from './execution/remote/connection.js';
export { LocalExecutor } from './execution/local-executor.js';
export { TimingTracker, type NodeTiming } from './execution/adapters/timing-tracker.js';
export { ExecutionLogger } from './execution/adapters/execution-logger.js';
export { ProgressBar, type ProgressSink } from './execution/adapters/progress-bar.js';

export type { Variable } from './lineage/variable.js';
export type { TagQuery } from './lineage/tag-filter.js';
export type { DisplayOptions, FileOption, Orient, VisualizeExecutionOptions } from './lineage/display-options.js';
export type { FeatureCatalog, CatalogEntry, CatalogOptions } from './lineage/catalog/catalog.js';
export { catalogToMarkdown } from './lineage/catalog/markdown.js';
export type { ExplorerOptions } from './lineage/explorer/explorer.js';
export { renderSvg } from './lineage/dot/svg.js';
export type { Config } from './graph/modifiers/index.js';
export type { Tags, TagValue } from './graph/node.js';
export type { Constructor } from './metadata/registry.js';

export {
  HamiltonError,
  MissingInputError,
  CycleError,
  DuplicateNodeError,
  TypeMismatchError,
  UnknownNodeError,
  InvalidDecoratorError,
  DataValidationError,
  NodeExecutionError,
  type MissingInput,
  type Duplicate,
  type TypeMismatch,
  type UnknownName,
} from './errors/index.js';
export { MissingPackageError } from './errors/optional-package.js';
