/** Metadata keys read from classes; TypeScript's own keys come from `emitDecoratorMetadata`. */
export const DESIGN_PARAM_TYPES = 'design:paramtypes';
export const DESIGN_RETURN_TYPE = 'design:returntype';

/** The global slot holding the one decorator registry, shared even if the package is loaded twice. */
export const REGISTRY_GLOBAL_KEY = Symbol.for('hamilton-ts:registry');

/** Tag Hamilton puts on every function node: the feature-set class it came from. */
export const MODULE_TAG = 'module';

/** Separator between a sub-graph's namespace and its nodes' names (`east.sales`). */
export const NAMESPACE_SEPARATOR = '.';

/** Separator between a node name and its config-variant suffix (`surveyResults__batch`). */
export const VARIANT_SEPARATOR = '__';

/** The `kind` each decorator records in the registry; graph modifiers are looked up by it. */
export const DecoratorKind = {
  node: 'node',
  extractColumns: 'extractColumns',
  extractFields: 'extractFields',
  parameterize: 'parameterize',
  subdag: 'subdag',
  parallelizable: 'parallelizable',
  collect: 'collect',
  configWhen: 'configWhen',
  configTag: 'configTag',
  tag: 'tag',
  tagOutputs: 'tagOutputs',
  checkOutput: 'checkOutput',
  checkOutputCustom: 'checkOutputCustom',
  retry: 'retry',
  runLocally: 'runLocally',
  resource: 'resource',
  hamiltonExclude: 'hamiltonExclude',
  resolve: 'resolve',
  schemaOutput: 'schemaOutput',
  acceptErrorSentinels: 'acceptErrorSentinels',
  dataloader: 'dataloader',
  datasaver: 'datasaver',
  loadFrom: 'loadFrom',
  saveTo: 'saveTo',
  generatedNodes: 'generatedNodes',
  pipeInput: 'pipeInput',
  pipeOutput: 'pipeOutput',
  /** Recorded on each method a `@mutate` method alters. */
  mutate: 'mutate',
  /** Recorded on the `@mutate` method itself, which is no node. */
  mutator: 'mutator',
  does: 'does',
  inject: 'inject',
  parameterizeExtractColumns: 'parameterizeExtractColumns',
  withColumns: 'withColumns',
} as const;

/**
 * Tags of loader and saver nodes (Hamilton's keys): `hamilton.data_loader.source` holds what was read (a path or a
 * table), so `whatIsUpstreamOf('model')` filtered by it answers "what sources did I train on?".
 */
export const DATA_LOADER_TAG = 'hamilton.data_loader';
export const DATA_LOADER_SOURCE_TAG = 'hamilton.data_loader.source';
export const DATA_LOADER_KIND_TAG = 'hamilton.data_loader.kind';
export const DATA_SAVER_TAG = 'hamilton.data_saver';
export const DATA_SAVER_SINK_TAG = 'hamilton.data_saver.sink';
export const DATA_SAVER_KIND_TAG = 'hamilton.data_saver.kind';
/** `@dataloader()` and `from.<kind>` split a load in `<name>.loader` (data and metadata) and `<name>` (the data). */
export const LOADER_SUFFIX = '.loader';

/** Tags Hamilton puts on the validator nodes of `@checkOutput`: they hold check results, and of which node. */
export const DQ_RESULTS_TAG = 'hamilton.data_quality.contains_dq_results';
export const DQ_SOURCE_TAG = 'hamilton.data_quality.source_node';

/** `@checkOutput` turns node N into `N_raw` (the method's value) and one `N_<check>_validator` per check. */
export const RAW_SUFFIX = '_raw';
export const VALIDATOR_SUFFIX = '_validator';

/** Tag Hamilton puts on config-selected nodes: the comma-joined config keys that selected them. */
export const CONFIG_TAG = 'hamilton.config';

/** First segments of tag keys that belong to the framework, so `@tag` rejects them (Hamilton's list). */
export const RESERVED_TAG_NAMESPACES: readonly string[] = ['hamilton', 'data_quality', 'gdpr', 'ccpa', 'dag', 'module', 'ray_remote'];

/** The config flag that allows `@resolve` (Hamilton's `hamilton.enable_power_user_mode`). */
export const POWER_USER_MODE = 'hamilton.enablePowerUserMode';

/** Tag of `@schemaOutput`: the declared columns and types, `col=type,col2=type2` (Hamilton's key). */
export const SCHEMA_OUTPUT_TAG = 'hamilton.internal.schema_output';

/** Tag of `@acceptErrorSentinels`, and its value: the node is given error sentinels (Hamilton's). */
export const ERROR_SENTINEL_TAG = 'hamilton.error_sentinel';
export const INJECTION_ALLOWED = 'injection is requested';
