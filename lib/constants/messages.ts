import { kindLabel, percent, round, showList, showOffenders, showProblems, showValue, type Offender, type SchemaProblem } from './format.js';

/**
 * Every user-facing error text in one place (as NestJS and InversifyJS keep theirs), so that wording stays
 * consistent and each message says what went wrong, where, and what to do.
 */
export const Messages = {
  unreadableParams: (origin: string, why: string) =>
    `Cannot read the parameter names of ${origin}: ${why}. hamilton-ts reads dependencies from the compiled ` +
    `method's parameter names; run the unminified tsc/ts-node output and write plain named parameters.`,
  destructuredParam: (origin: string, position: number) =>
    `${origin}: parameter #${position} is destructured, so it has no name to depend on. Give it a name ` +
    `(the node it reads) and destructure inside the method body.`,
  restParam: (origin: string, name: string) =>
    `${origin}: rest parameter '...${name}' cannot name a dependency. List each input as its own parameter ` +
    `(or gather several nodes with @parameterize and group()).`,
  trailingVariantSeparator: (origin: string) =>
    `${origin}: a method name ending in '__' has an empty variant suffix. Use 'name__variant' or drop the underscores.`,
  duplicateNode: (name: string, first: string, second: string) =>
    `Node '${name}' is defined more than once: by ${first} and by ${second}. Rename one, select one with ` +
    `@configWhen, or call Builder.allowModuleOverrides() to let the later module win.`,
  cycle: (path: readonly string[]) =>
    `The graph has a cycle: ${path.join(' -> ')}. A node cannot depend on itself, even through others; ` +
    `rename a parameter or split a method to break it.`,
  edgeTypeMismatch: (consumer: string, param: string, expected: string, producer: string, actual: string) =>
    `${consumer} expects parameter '${param}' to be ${expected}, but node '${param}' (${producer}) returns ` +
    `${actual}. Make the declared types agree (a subclass of the parameter's type is accepted).`,
  inputTypeConflict: (input: string, first: string, firstType: string, second: string, secondType: string) =>
    `Input '${input}' is requested as ${firstType} by ${first} and as ${secondType} by ${second}; no value can ` +
    `be both. Declare the same type (or one a subclass of the other) in both places.`,
  missingInputs: (lines: readonly string[]) =>
    `${lines.length} required input${lines.length === 1 ? ' is' : 's are'} missing:\n  ${lines.join('\n  ')}\n` +
    `Pass them in execute(..., { inputs }) or in the driver's config.`,
  missingInput: (input: string, neededBy: readonly string[]) => `'${input}', needed by ${neededBy.join(', ')}`,
  missingInputHints: (
    missing: {
      readonly suggestions?: readonly string[];
      readonly excludedByConfig?: readonly {
        origin: string;
        conditions: readonly { form: string; condition: Readonly<Record<string, unknown>> }[];
      }[];
    },
    config: Readonly<Record<string, unknown>>,
  ) => {
    const suggestions = missing.suggestions ?? [];
    const excluded = missing.excludedByConfig ?? [];
    const typo = suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?)` : '';
    if (excluded.length === 0) return typo;
    const keys = [...new Set(excluded.flatMap((e) => e.conditions.flatMap((c) => Object.keys(c.condition))))];
    const when = excluded.map((e) => `${e.origin} when ${e.conditions.map(showCondition).join(' and ')}`).join('; ');
    const now = keys.map((k) => `${k} = ${Object.hasOwn(config, k) ? showValue(config[k]) : 'unset'}`).join(', ');
    // A predicate's keys cannot be known: with only predicates, there are no values to show.
    const has = keys.length > 0 ? ` (the config has ${now})` : '';
    return `${typo}; it is defined only under other config: ${when}${has}; set the config to select one.`;
  },
  unknownNodes: (lines: readonly string[]) =>
    `Unknown node${lines.length === 1 ? '' : 's'} requested: ${lines.join('; ')}. Check for typos, or list ` +
    `the graph's nodes with listAvailableVariables().`,
  unknownNode: (name: string, suggestions: readonly string[]) =>
    suggestions.length > 0 ? `'${name}' (did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?)` : `'${name}'`,
  configInputOverlap: (keys: readonly string[]) =>
    `Key${keys.length === 1 ? '' : 's'} ${keys.map((k) => `'${k}'`).join(', ')} given both in the driver's ` +
    `config and in execute inputs. Config is fixed when the driver is built: pass each key in one place.`,
  inputNamesComputedNode: (input: string, origin: string) =>
    `Input '${input}' names a computed node (${origin}); inputs only feed external inputs. To replace the ` +
    `node's value, pass it in execute(..., { overrides }).`,
  inputTypeMismatches: (lines: readonly string[]) => `Input value${lines.length === 1 ? ' has' : 's have'} the wrong type:\n  ${lines.join('\n  ')}`,
  inputTypeMismatch: (input: string, expected: string, declaredBy: string, actual: string) =>
    `'${input}' should be ${expected} (declared by ${declaredBy}) but got ${actual}`,
  nodeFailed: (node: string, origin: string, inputs: string, cause: string) =>
    `Node '${node}' (${origin}) failed: ${cause}${inputs ? `\n  inputs: ${inputs}` : ''}`,
  cannotInstantiate: (cls: string, cause: string) =>
    `Could not create feature set ${cls} through the container: ${cause}. Mark the class @injectable() and ` +
    `bind its constructor dependencies in the container given to Builder.withContainer(), or pass an instance.`,
  notAFeatureSet: (what: string) => `${what} is not a feature set: pass classes (or their instances) whose methods define the nodes.`,
  columnCollision: (column: string, first: string, second: string) =>
    `Column '${column}' comes from both ${first} and ${second}; a DataFrame cannot hold two columns of one ` +
    `name. Request only one of them, or use DictResult.`,
  unbuildableFrame: (output: string, what: string) =>
    `Output '${output}' is ${what}, which DataFrameResult cannot turn into a column. Request it with ` +
    `DictResult, or return a Series, a DataFrame, an array or a scalar.`,
  lengthMismatch: (output: string, length: number, expected: number) =>
    `Output '${output}' has ${length} values but the frame has ${expected} rows; arrays must match in length ` +
    `(Series are aligned on their index instead).`,
  repeatedDecorator: (origin: string, decorator: string) =>
    `${origin}: @${decorator} is applied more than once; it may be used once per method. Merge the arguments.`,
  unknownDecorator: (origin: string, kind: string) =>
    `${origin}: no modifier handles decorator '${kind}'. Is the package loaded twice in different versions?`,
  requestedOutput: '(requested output)',
  notExported: (executor: string, cls: string) =>
    `${executor} loads feature sets from their module files in each worker, but no loaded module exports ` +
    `${cls}. Export the class from its module (and pass the class, not an instance built by hand).`,
  executorNotPrepared: (executor: string) =>
    `${executor} was not given to a driver: pass it with Builder.withExecutor(...) and build with buildAsync().`,
  collectUnknownParameter: (origin: string, parameter: string, known: readonly string[]) =>
    `${origin}: @collect('${parameter}') names no parameter of the method (its parameters: ${known.join(', ') || 'none'}).`,
  subdagKeyInBoth: (origin: string, key: string) => `${origin}: @subdag key '${key}' is given both in inputs and in config; bind it in one place.`,
  subdagUnknownInput: (origin: string, key: string, inputs: readonly string[]) =>
    `${origin}: @subdag binds input '${key}', which no node of the sub-graph reads (it reads: ` +
    `${inputs.join(', ') || 'nothing from outside'}). Fix the key or drop the binding.`,
  subdagNoOutput: (origin: string, parameters: readonly string[], outputs: readonly string[]) =>
    `${origin}: none of the method's parameters (${parameters.join(', ') || 'none'}) names an output of its ` +
    `sub-graph (its nodes: ${outputs.slice(0, 12).join(', ')}${outputs.length > 12 ? ', ...' : ''}). Name the ` +
    `parameters after the sub-graph nodes the method combines.`,
  subdagNoFeatureSets: 'name at least one feature-set class for the sub-graph.',
  decoratorArgument: (decorator: string, problem: string) => `@${decorator}: ${problem}`,
  typeMetadataMissing: (where: string, standard: boolean) =>
    `hamilton-ts: decorator type metadata is missing (first seen on ${where}: ` +
    `${standard ? 'standard TC39 decorators, compiled without experimentalDecorators' : 'emitDecoratorMetadata is off, or a type-stripping runner such as tsx or esbuild dropped it'}). ` +
    `Node types are unknown as a result, so edge types between nodes and input value types are not checked ` +
    `(the graph still builds and runs). For these checks compile with "experimentalDecorators": true and ` +
    `"emitDecoratorMetadata": true, and run the tsc output, ts-node or swc-node. This warning is given once.`,
  /** Decorator arguments of the wrong shape (problems; `decoratorArgument` names the decorator). */
  decoratorOptions: {
    notAnObject: (what: string, got: string, example: string) => `${what} must be an object such as ${example} (or left out); got ${got}.`,
    unknownKeys: (keys: readonly string[], known: readonly string[]) =>
      `unknown option${keys.length === 1 ? '' : 's'} ${keys.map((k) => `'${k}'`).join(', ')}; the options are ` +
      `${known.map((k) => `'${k}'`).join(', ')}.`,
    notARecord: (what: string, got: string, example: string) => `${what} must be an object such as ${example}; got ${got}.`,
    sourceNotAName: (got: string) => `source() takes a node name (a non-empty string), e.g. source('spend'); got ${got}.`,
    groupNotARef: (position: number | string, got: string) =>
      `group(): ${typeof position === 'number' ? `item #${position + 1}` : `key '${position}'`} is ${got}; group() gathers value(...) and source('node') refs, e.g. group(source('a'), value(0)) or group({ a: source('a') }).`,
    groupEmpty: "group() needs at least one item: group(source('a'), value(0)) for an array, group({ a: source('a') }) for a record.",
    notAParameterName: (got: string) => `the first argument names the method parameter to bind (a non-empty string); got ${got}.`,
    sourceNotName: (output: string, parameter: string, got: string) =>
      `output '${output}' maps '${parameter}' to ${got}; map each parameter to a node name (a string).`,
    notADecorator: (got: string) =>
      `must be applied to a method, got ${got}; write it above a method of a class (e.g. @node() above revenue(price) { ... }).`,
  },
  /** `step()`, `@pipeInput`, `@pipeOutput`, `@mutate` (problems, or whole messages naming the method). */
  pipes: {
    notAFunction: (got: string) => `takes the function to apply first; got ${got}.`,
    badStepName: (got: string) => `the node name must be a non-empty string; got ${got}.`,
    badNamespace: (got: string) => `the namespace must be a non-empty string, null (none) or left out (the default); got ${got}.`,
    badCondition: (got: string) => `takes an object of config keys and values, e.g. { mode: 'full' }; got ${got}.`,
    conditionNotArrays: "gives each config key an array of allowed values, e.g. { region: ['eu', 'us'] }.",
    badOnOutput: (got: string) => `names an output node or a non-empty list of them; got ${got}.`,
    badOnInput: (got: string) => `onInput names the parameter the steps transform (a non-empty string); got ${got}.`,
    badKwargs: (got: string) => `named bindings must be a plain object, e.g. { n: source('n'), scale: 2 }; got ${got}.`,
    groupInStep: (what: string) => `${what} is a group(); a step binds each parameter to one value(...) or source('node').`,
    notAStep: (position: number, got: string) =>
      `argument #${position + 1} is ${got}; pass steps made by step(fn, ...), then an optional options object.`,
    anonymousStep: (position: number) =>
      `step #${position + 1} applies an anonymous function, which gives its node no name; name the function or call .named('name') on the step.`,
    namespaceConflict: (step: string) =>
      `step '${step}' names its own namespace while the pipe sets one; set the namespace in one place (Hamilton's rule).`,
    onOutputInPipeInput: (step: string) =>
      `step '${step}' has .onOutput(...), which only @pipeOutput and @mutate use; use onInput to pick the parameter.`,
    singleTargetLevel: (step: string) =>
      `step '${step}' has .onOutput(...) while the pipe sets onOutput too; choose targets on the pipe or on the steps, not both.`,
    badTarget: (got: string) => `names the method to alter (a non-empty string); got ${got}.`,
    badMutateTarget: (position: number, got: string) =>
      `target #${position + 1} is ${got}; name a method of the same class ('spend') or use applyTo('spend', { ... }).`,
    noMutateTargets: "name at least one method to alter, e.g. @mutate('spend').",
    mutateSelf: (mutator: string) => `${mutator} names itself as a target; a @mutate method alters other methods.`,
    unknownMutateTarget: (mutator: string, target: string) =>
      `${mutator} targets '${target}', which is not a method declared in the same class; fix the name or move the method.`,
    mutateNeedsMetadata: (mutator: string) =>
      `${mutator}: standard decorators need the class's decorator metadata (TypeScript 5.2 or later) to record targets; upgrade TypeScript or enable experimentalDecorators.`,
    noInput: (origin: string, decorator: string) =>
      `${origin}: @${decorator} transforms a parameter, but the method has none. Give it the parameter to transform.`,
    unknownInput: (origin: string, parameter: string, known: readonly string[]) =>
      `${origin}: @pipeInput onInput '${parameter}' is not a parameter of the method (its parameters: ${known.join(', ') || 'none'}).`,
    unknownOutput: (origin: string, decorator: string, target: string, produced: readonly string[]) =>
      `${origin}: @${decorator} targets output '${target}', which the method does not produce (its nodes: ${produced.join(', ')}). Fix the name.`,
    stepWithoutParameters: (step: string) => `step ${step} has no parameters; its first parameter receives the piped value.`,
    tooManyPositional: (step: string, given: number, room: number) =>
      `step ${step} is given ${given} positional argument${given === 1 ? '' : 's'} but has ${room} parameter${room === 1 ? '' : 's'} after the piped one.`,
    unknownStepParameter: (step: string, parameter: string, known: readonly string[]) =>
      `step ${step} binds '${parameter}', which it does not have (its parameters: ${known.join(', ')}).`,
    boundTwice: (step: string, parameter: string) => `step ${step} binds '${parameter}' both by position and by name; bind it once.`,
    bindsPiped: (step: string, parameter: string) =>
      `step ${step} binds '${parameter}', its first parameter, which receives the piped value; bind the others.`,
    unboundStepParameter: (step: string, parameter: string) =>
      `step ${step} leaves parameter '${parameter}' unbound; bind it with value(...) or source('node'), or give it a default.`,
  },
  does: {
    badMapping: (got: string) => `the mapping must be an object of fn parameters to method parameters, e.g. { x: 'spend' }; got ${got}.`,
    badMappingValue: (fnParam: string, got: string) => `'${fnParam}' must map to a method parameter name (a non-empty string); got ${got}.`,
    mappedTwice: (methodParam: string, first: string, second: string) =>
      `method parameter '${methodParam}' is mapped to both '${first}' and '${second}'; map each method parameter once.`,
    unknownFnParameter: (origin: string, fn: string, fnParam: string, known: readonly string[]) =>
      `${origin}: @does maps '${fnParam}', which ${fn} does not have (its parameters: ${known.join(', ') || 'none'}).`,
    unknownMethodParameter: (origin: string, methodParam: string, known: readonly string[]) =>
      `${origin}: @does maps to '${methodParam}', which the method does not have (its parameters: ${known.join(', ') || 'none'}).`,
    unfed: (origin: string, fn: string, fnParam: string) =>
      `${origin}: parameter '${fnParam}' of ${fn} is not fed by any method parameter; add a method parameter of that name, map one to it, or give it a default.`,
    leftOver: (origin: string, fn: string, params: readonly string[]) =>
      `${origin}: method parameter${params.length === 1 ? '' : 's'} ${params.map((p) => `'${p}'`).join(', ')} match${params.length === 1 ? 'es' : ''} no parameter of ${fn}, which has no rest parameter to take ${params.length === 1 ? 'it' : 'them'}; map ${params.length === 1 ? 'it' : 'them'} or remove ${params.length === 1 ? 'it' : 'them'}.`,
  },
  inject: {
    notBindings: (got: string) => `takes an object of parameter names to value(...), source('node') or group(...) refs; got ${got}.`,
    noBindings: 'bind at least one parameter.',
    notARef: (parameter: string, got: string) => `'${parameter}' is bound to ${got}; wrap it in value(...), source('node') or group(...).`,
    groupNeedsArray: (origin: string, decorator: string, parameter: string, type: string) =>
      `${origin}: @${decorator} binds '${parameter}' to group(...), an array, but the parameter is declared as ${type}; declare it as an array, or use group({ ... }) for a record.`,
    groupNeedsRecord: (origin: string, decorator: string, parameter: string, type: string) =>
      `${origin}: @${decorator} binds '${parameter}' to group({ ... }), a record, but the parameter is declared as ${type}; declare it as an object type, or use group(...) for an array.`,
  },
  extractFieldTypes: {
    notAType: (field: string, got: string) => `field '${field}' needs a type (a class such as Number, String or your own), got ${got}.`,
    notAClass: (field: string, name: string) =>
      `field '${field}' is the function ${name}, not a type; give the class of the field's values (Number, String, Date, your own class).`,
    record: 'an object with fields (a plain object or a class instance; for a DataFrame, @extractColumns)',
  },
  parameterizeDoc: {
    unknownPlaceholder: (origin: string, decorator: string, key: string, parameters: readonly string[]) =>
      `${origin}: the doc that @${decorator} templates has the placeholder '{${key}}', which names no parameter ` +
      `(its parameters: ${parameters.join(', ') || 'none'}; '{outputName}' is the output's name). Fix the placeholder, or write '{{${key}}}' for the text '{${key}}'.`,
    reservedParameter: (origin: string, decorator: string, key: string) =>
      `${origin}: @${decorator} cannot apply to a method with a parameter named '${key}': '{${key}}' is the doc placeholder of the output's name. Rename the parameter.`,
  },
  parameterizeExtract: {
    noExtracts: 'give at least one { outputs, inputMapping } entry.',
    badExtract: (position: number, got: string) =>
      `entry #${position + 1} is ${got}; each entry is { outputs: ['col1', 'col2'], inputMapping: { param: source('node') } }.`,
    badOutputs: (position: number) => `entry #${position + 1} needs outputs: a non-empty array of column names (non-empty strings).`,
    wrongColumnCount: (origin: string, node: string, expected: number, actual: number) =>
      `${origin}: node '${node}' returned a DataFrame with ${actual} column${actual === 1 ? '' : 's'}, but @parameterizeExtractColumns names ${expected} outputs for it; return one column per output.`,
  },
  withColumns: {
    noFeatureSets: 'name at least one feature-set class of column functions.',
    notAClass: (position: number, got: string) => `argument #${position + 1} is ${got}; pass feature-set classes, then an optional options object.`,
    badNames: (what: string, got: string) => `${what} must be a non-empty array of names; got ${got}.`,
    badName: (what: string, got: string) => `${what} must be a non-empty string; got ${got}.`,
    unknownInput: (origin: string, parameter: string, known: readonly string[]) =>
      `${origin}: @withColumns onInput '${parameter}' is not a parameter of the method (its parameters: ${known.join(', ') || 'none'}).`,
    notAFrameParameter: (origin: string, parameter: string, type: string) =>
      `${origin}: @withColumns adds columns to parameter '${parameter}', which is declared as ${type}; declare it as a DataFrame.`,
    notAFrameValue: (origin: string, input: string, got: string) => `${origin}: @withColumns needs a DataFrame from '${input}', got ${got}.`,
    missingColumn: (origin: string, column: string, input: string, available: readonly string[]) =>
      `${origin}: @withColumns passes column '${column}', which the frame from '${input}' lacks (columns: ${available.join(', ')}).`,
    unknownSelect: (origin: string, name: string, produced: readonly string[]) =>
      `${origin}: @withColumns selects '${name}', which no column function produces (they produce: ${produced.join(', ') || 'nothing'}).`,
    lengthMismatch: (origin: string, column: string, length: number, rows: number) =>
      `${origin}: @withColumns column '${column}' has ${length} values but the frame has ${rows} rows.`,
    passedDoc: (column: string, input: string) => `Column '${column}' of '${input}'.`,
    appendDoc: (input: string, columns: readonly string[]) => `'${input}' with columns ${columns.join(', ')} set.`,
  },
  unknownParameter: (origin: string, decorator: string, parameter: string, known: readonly string[]) =>
    `${origin}: @${decorator} binds parameter '${parameter}', which the method does not have ` +
    `(its parameters: ${known.join(', ') || 'none'}). Fix the name in the decorator.`,
  extractNeedsType: (origin: string, decorator: string, expected: string, actual: string) =>
    `${origin}: @${decorator} needs the method to return ${expected}, but it declares ${actual}.`,
  extractColumnsNeedsFrame: (origin: string, actual: string) =>
    `${origin}: @extractColumns needs the method to return a DataFrame, but it declares ${actual}. An Arrow Table works too.`,
  missingColumn: (column: string, origin: string, available: readonly string[]) =>
    `No column '${column}' in the frame returned by ${origin} (columns: ${available.join(', ')}). ` +
    `Return it, or give @extractColumns a fillWith value.`,
  missingField: (field: string, origin: string, available: readonly string[]) =>
    `No field '${field}' in the object returned by ${origin} (fields: ${available.join(', ')}). ` +
    `Return it, or give @extractFields a fillWith value.`,
  notAFrame: (origin: string, decorator: string, expected: string, actual: string) =>
    `${origin} returned ${actual}, but @${decorator} needs ${expected}.`,
  fieldTypeMismatch: (field: string, origin: string, expected: string, actual: string) =>
    `Field '${field}' of the object returned by ${origin} should be ${expected} but is ${actual}.`,
  badTagQuery: (key: string) => `Tag query for '${key}' must be a string, a non-empty list of strings, or null (the tag exists).`,
  noNamesGiven: 'Name at least one node.',
  badTagFilter: (got: string) =>
    `listAvailableVariables(filter): the filter is { tags: { key: value } }, e.g. { tags: { owner: 'data-science' } }; got ${got}.`,
  badTagFilterKeys: (keys: readonly string[]) =>
    `listAvailableVariables(filter): unknown key${keys.length === 1 ? '' : 's'} ${keys.map((k) => `'${k}'`).join(', ')}; ` +
    `the filter is { tags: { key: value } } (put tag names inside tags).`,
  notAMethod: (decorator: string, member: string, what: string) =>
    `@${decorator} is applied to '${member}', ${what}; hamilton-ts decorators shape nodes, and only public ` + `instance methods are nodes.`,
  conflictingTag: (origin: string, node: string, key: string, first: string, second: string) =>
    `${origin}: tag '${key}' of node '${node}' is set to ${first} and to ${second} by two decorators. ` +
    `Give it one value (@tagOutputs may refine what @tag sets).`,
  unknownTagOutput: (origin: string, name: string, produced: readonly string[]) =>
    `${origin}: @tagOutputs names '${name}', which the method does not produce (it produces: ` + `${produced.join(', ')}). Fix the node name.`,
  nestModuleOptions: (problem: string) =>
    `HamiltonModule.forRoot(): ${problem}. Example: HamiltonModule.forRoot({ modules: [Loaders, Features], ` + `config: { mode: 'realtime' } }).`,
  nestAsyncOptions: (problem: string) =>
    `HamiltonModule.forRootAsync(): ${problem}. Give exactly one of useFactory (with inject), useClass or ` +
    `useExisting (a class whose createHamiltonOptions() returns the driver options).`,
  nestFilterNoAdapter:
    'HamiltonExceptionFilter cannot answer through this HTTP platform without its adapter: register it with ' +
    'app.useGlobalFilters(new HamiltonExceptionFilter(app.get(HttpAdapterHost))) or as an APP_FILTER provider.',
  nestExecutorClose: (cause: string) => `Closing the driver's executor on application shutdown failed: ${cause}`,
  /** What HamiltonExceptionFilter answers over HTTP (the client sees these, never node internals). */
  http: {
    missingInputs: (inputs: readonly string[]) => `Missing input${inputs.length === 1 ? '' : 's'}: ${inputs.map((i) => `'${i}'`).join(', ')}`,
    inputTypes: (lines: readonly string[]) => `Input${lines.length === 1 ? ' has' : 's have'} the wrong type: ${lines.join('; ')}`,
    inputType: (input: string, expected: string, actual: string) => `'${input}' should be ${expected} but got ${actual}`,
    unknownOutputs: (lines: readonly string[]) => `Unknown output${lines.length === 1 ? '' : 's'}: ${lines.join('; ')}`,
    validationFailed: (nodes: readonly string[]) => `Data validation failed for ${nodes.map((n) => `'${n}'`).join(', ')}; see checks`,
    internal: 'Internal server error',
    /** Logged (never sent) for a 5xx: the status and the error's own message, which names the node. */
    logged: (status: number, name: string, message: string) => `${status} ${name}: ${message}`,
  },
  arrowResult: {
    neededFor: 'An Arrow table (ArrowResult, the parquet and arrow data kinds)',
    unbuildable: (output: string, what: string) =>
      `Cannot make an Arrow column of output '${output}' (${what}): give a typed array, an array, an Arrow vector or table, ` +
      `a danfo Series or DataFrame, or a scalar to broadcast.`,
    uninferable: (column: string, source: string, reason: string) =>
      `Cannot make Arrow column '${column}' of ${source}: apache-arrow could not type its values (${reason}). Give values of ` +
      `one kind (numbers, strings, booleans, Dates, bigints or plain objects alike), or a typed array or an Arrow vector of the type you want.`,
  },
  /** Loader and saver nodes, as the graph builds and runs them (the kinds' own messages are in lib/io/messages.ts). */
  dataIo: {
    notLoaderResult: (node: string, got: string) =>
      `Loader '${node}' returned ${got}; a loader returns [data, metadata] (metadata an object such as { path, rows }).`,
    notSaverResult: (node: string, got: string) => `Saver '${node}' returned ${got}; a saver returns its metadata, an object such as { path, rows }.`,
    notABinding: (where: string, key: string, got: string) =>
      `${where}: argument '${key}' is ${got}; give each argument as value(literal) or source('node'), or as a plain literal.`,
    injectNeeded: (origin: string, parameters: readonly string[]) =>
      `${origin}: @loadFrom fills one parameter, and the method has ${parameters.length} (${parameters.join(', ') || 'none'}); ` +
      `name it with { inject: 'parameter' }.`,
    unknownSaveTarget: (origin: string, id: string, target: string, nodes: readonly string[]) =>
      `${origin}: @saveTo '${id}' saves '${target}', which the method does not produce (it produces: ${nodes.join(', ') || 'nothing'}). Fix target.`,
    saveTargetNeeded: (origin: string, id: string, finals: readonly string[]) =>
      `${origin}: @saveTo '${id}' cannot tell which node to save (the method ends in ${finals.join(', ')}); name one with { target }.`,
    saverNameTaken: (origin: string, id: string) => `${origin}: @saveTo id '${id}' is already a node of the method; give the saver its own id.`,
  },
  /** rollingMean and shift (lib/dataframe/window.ts), often called from plain JavaScript. */
  window: {
    badWindow: (got: string) => `rollingMean: the window must be a positive integer (how many values each mean covers), got ${got}.`,
    badPeriods: (got: string) => `shift: periods must be an integer (negative shifts up), got ${got}.`,
    badColumn: (helper: string, got: string) =>
      `${helper}: give a danfo Series or a typed array of numbers (Float64Array, Int32Array, ...), got ${got}; ` +
      `Float64Array.from(values) makes one of an array.`,
  },
  optionalPackage: {
    missing: (pkg: string, neededFor: string, install: string) =>
      `${neededFor} needs the package '${pkg}', which is not installed. It is an optional peer dependency of ` +
      `hamilton-ts (the core runs without it): ${install}`,
    danfoInstall:
      `add \`"overrides": { "xlsx": "0.18.5" }\` to your package.json, then run \`npm install danfojs\` ` +
      `(danfojs names xlsx by a URL that npm cannot always reach; the override takes it from the registry). ` +
      `Graphs that never build or check a DataFrame run without danfojs: use DictResult ` +
      `(new Builder().withModules(...).build() does).`,
    plainInstall: (pkg: string) => `run \`npm install ${pkg}\`.`,
    danfoFor: 'A DataFrame or Series (DataFrameResult, the Driver default; @extractColumns; frame checks)',
    classValidatorFor: 'A schema check (@checkOutput({ schema }))',
    graphvizFor: 'Drawing an SVG picture',
  },
  lineage: {
    badOrient: (orient: string, allowed: readonly string[]) =>
      `orient '${orient}' is not a Graphviz direction; use one of ${allowed.map((o) => `'${o}'`).join(', ')}.`,
    badAttributeName: (where: string, key: string) =>
      `${where} gives attribute '${key}'; Graphviz attribute names are letters, digits and underscores.`,
    badAttributeValue: (where: string, key: string, type: string) =>
      `${where} gives attribute '${key}' a ${type}; Graphviz attribute values are strings.`,
    noPath: (from: string, to: string) =>
      `No path found between '${from}' and '${to}': '${to}' does not depend on '${from}'. Name the upstream node ` +
      `first, or look at whatIsDownstreamOf('${from}').`,
    unsupportedPicture: (file: string, extensions: readonly string[]) =>
      `Cannot write a picture to '${file}': the file name must end in ${extensions.join(', ')}.`,
    bypassValidationHint: '\nUse `bypassValidation: true` to draw the execution anyway.',
  },
  /** Arguments of the public API that the compiler would refuse but plain JavaScript passes on. */
  arguments: {
    outputsSpread: (method: string, first: string, second: string) =>
      `${method}('${first}', '${second}'): outputs are one array; write ${method}(['${first}', '${second}'], { inputs }).`,
    outputsNotArray: (method: string, got: string) =>
      `${method}() takes the output names as an array, e.g. ${method}(['revenue'], { inputs }); got ${got}.`,
    outputNotName: (method: string, position: number, got: string) =>
      `${method}(): output #${position + 1} must be a node name (a non-empty string), got ${got}.`,
    optionsNotObject: (method: string, got: string) =>
      `${method}(outputs, options): options must be an object such as { inputs: { ... }, overrides: { ... } } ` +
      `(leave it out when there is nothing to pass); got ${got}.`,
    unwrappedValues: (method: string, inputs: readonly string[], computed: readonly string[]) => {
      const show = (names: readonly string[]) => names.map((n) => `${n}: ...`).join(', ');
      const wrapped = [inputs.length > 0 ? `inputs: { ${show(inputs)} }` : '', computed.length > 0 ? `overrides: { ${show(computed)} }` : '']
        .filter((part) => part !== '')
        .join(', ');
      return (
        `${method}(outputs, options): ${[...inputs, ...computed].map((n) => `'${n}'`).join(', ')} ` +
        `${inputs.length + computed.length === 1 ? 'is a node name, not an option' : 'are node names, not options'}: ` +
        `values go inside the { inputs } (external inputs) or { overrides } (computed nodes) wrapper. ` +
        `Write ${method}(outputs, { ${wrapped} }).`
      );
    },
    unknownOptions: (method: string, hints: readonly { key: string; suggestions: readonly string[] }[], allowed: readonly string[]) =>
      `${method}(outputs, options): unknown option${hints.length === 1 ? '' : 's'} ` +
      `${hints.map((h) => `'${h.key}'${h.suggestions.length > 0 ? ` (did you mean '${h.suggestions[0]}'?)` : ''}`).join(', ')}. ` +
      `Options are ${allowed.map((k) => `'${k}'`).join(', ')}, e.g. { inputs: { spend: ... } }.`,
    valuesNotRecord: (method: string, key: string, got: string) =>
      `${method}(): ${key} must be a plain object of node names to values, e.g. { ${key}: { spend: [1, 2] } }; got ${got}.`,
    notANodeName: (got: string) =>
      `Node names are strings; got ${got}. Pass names such as 'revenue' (spread a list of them: whatIsUpstreamOf(...names)).`,
    classAsConfig: (where: string, got: string) =>
      `${where}: the config comes first and is an object; got ${got}. Write new Driver({}, ${got.replace(/^function /, '')}) ` +
      `(or new Builder().withModules(...)) when there is no config.`,
    badConfig: (where: string, got: string) =>
      `${where}: config must be a plain object of keys and values, e.g. { mode: 'batch' } ({} for none); got ${got}.`,
    featureSetList: (where: string, position: number, got: string) =>
      `${where}: feature set #${position + 1}: ${got} is not a feature set; spread a list of them: withModules(...featureSets).`,
    notAFeatureSet: (where: string, position: number, got: string) =>
      `${where}: feature set #${position + 1}: ${got} is not a feature set; pass classes (or instances of ` +
      `classes) whose methods define the nodes.`,
    classNotInstance: (method: string, name: string) =>
      `${method}(): ${name || 'the class'} is a class; pass an instance: ${method}(new ${name || 'TheClass'}()).`,
    badResultBuilder: (got: string) => `withResultBuilder(): a result builder is an object with build(outputs), e.g. new DictResult(); got ${got}.`,
    badAdapter: (position: number, got: string, hooks: readonly string[]) =>
      `withAdapters(): adapter #${position + 1} is ${got}; an adapter is an object with some of the hooks ${hooks.join(', ')} ` +
      `(e.g. new ProgressBar()).`,
    badAdapterHook: (position: number, hook: string, got: string) =>
      `withAdapters(): adapter #${position + 1} has ${hook} set to ${got}; a hook is a function (or left out).`,
    badContainer: (got: string) => `withContainer(): pass an inversify Container (new Container()); got ${got}.`,
    lineageOptionsNotObject: (method: string, got: string) =>
      `${method}(): options must be an object such as { orient: 'TB', showLegend: false } (or left out); got ${got}.`,
    lineageOptionType: (method: string, key: string, type: string, got: string) =>
      `${method}(): option '${key}' must be ${type === 'object' ? 'an object' : `a ${type}`}, got ${got}.`,
    badSignal: (method: string, got: string) => `${method}(): signal must be an AbortSignal (e.g. AbortSignal.timeout(5000)), got ${got}.`,
  },
  cli: {
    moduleNotFound: (file: string) => `Module '${file}' does not exist.`,
    moduleFailed: (file: string, cause: string) => `Loading module '${file}' failed: ${cause}`,
    noFeatureSets: (file: string) => `Module '${file}' exports no class; export the feature-set classes (every exported class is one).`,
    needsTsNode: (file: string) => `Module '${file}' is TypeScript, and ts-node is not installed; install it or pass the compiled .js file.`,
    badConfigPair: (pair: string) => `--config '${pair}' is not key=value.`,
    badInputs: (file: string, cause: string) => `--inputs '${file}' must be a JSON object: ${cause}.`,
    oneLineageQuery: 'Give exactly one of --upstream, --downstream or --path.',
    pathNeedsTwo: (count: number) => `--path takes two node names (from, to), got ${count}.`,
    unsupportedOut: (file: string) => `--out '${file}' must end in .svg, .png, .dot (or .gv) or .html; leave --out out to print the DOT text.`,
    pngFor: 'Writing a PNG picture (hamilton-ts view --out dag.png)',
    badFormat: (format: string) => `--format '${format}' is not md or json.`,
    valid: (outputs: readonly string[]) => `OK: ${outputs.join(', ')} can be computed with the given inputs and config.`,
    explorerIsWhole: 'The lineage explorer (.html) shows the whole graph; drop --outputs, or write a .svg or .dot file.',
    wrote: (file: string) => `Wrote ${file}.`,
    badHighlight: (pair: string) => `--highlight '${pair}' is not tag=value (e.g. pii=true).`,
  },
  /** Texts of `@config` / `@configWhen`'s `name` / `@hamiltonExclude`. */
  config: {
    notAPredicate: (got: string) => `give a function of the config returning true or false, e.g. (cfg) => cfg.region === 'eu'; got ${got}.`,
    badName: (got: string) => `name must be a non-empty node name without '.', got ${got}.`,
    twoNames: (origin: string, first: string, second: string) =>
      `${origin}: config decorators name the node both '${first}' and '${second}'; give one name.`,
    predicateThrew: (origin: string, cause: string) =>
      `${origin}: the @config predicate threw: ${cause}. Make it read the config safely (cfg.key may be undefined).`,
    predicateNotBoolean: (origin: string, got: string) =>
      `${origin}: the @config predicate returned ${got}; it must return true or false (an async predicate cannot select nodes).`,
    excludeTakesNothing: 'write @hamiltonExclude() with parentheses and no arguments.',
  },
  /** Texts of `@resolve`. */
  resolve: {
    badWhen: (got: string) => `when must be ResolveAt.ConfigAvailable (the only time Hamilton resolves at), got ${got}.`,
    badDecorateWith: (got: string) => `decorateWith must be a function of config keys returning a decorator, got ${got}.`,
    notPowerUser: (origin: string, flag: string) =>
      `${origin} uses @resolve, a power-user feature: it makes decorators from config, which hides the graph's shape from readers. ` +
      `Pass '${flag}': true in the driver's config to allow it.`,
    missingConfig: (origin: string, keys: readonly string[]) =>
      `${origin}: @resolve's decorateWith reads config key${keys.length === 1 ? '' : 's'} ${keys.map((k) => `'${k}'`).join(', ')}, ` +
      `missing from the driver's config. Add ${keys.length === 1 ? 'it' : 'them'}, or give the parameter a default.`,
    callbackThrew: (origin: string, cause: string) => `${origin}: @resolve's decorateWith failed: ${cause}`,
    notADecorator: (origin: string, got: string) =>
      `${origin}: @resolve's decorateWith returned ${got}; it must return a decorator (e.g. tag({...})).`,
  },
  /** Texts of `@schemaOutput`. */
  schemaOutput: {
    noFields: "declare at least one column, e.g. @schemaOutput(['userId', 'int']).",
    badField: (position: number, got: string) => `field #${position + 1} must be ['column', 'type'] (two non-empty strings), got ${got}.`,
    reservedCharacters: (column: string, type: string) =>
      `'${column}' / '${type}': names and types cannot hold '=' or ',' (they separate the schema tag).`,
    repeatedColumn: (column: string) => `column '${column}' is declared twice.`,
    notAFrame: (origin: string, node: string, declared: string) =>
      `${origin}: @schemaOutput declares columns, but node '${node}' is declared as ${declared}. Return a DataFrame, or drop the decorator.`,
    valueNotAFrame: (node: string, got: string) => `@schemaOutput of node '${node}': the node returned ${got}, not a DataFrame.`,
    missingColumn: (column: string) => `column '${column}' is missing`,
    wrongDtype: (column: string, type: string, dtype: string) => `column '${column}' is declared ${type} but has dtype ${dtype}`,
    mismatch: (node: string, problems: readonly string[], columns: readonly string[]) =>
      `The frame of node '${node}' does not match its @schemaOutput: ${problems.join('; ')} (columns: ${columns.join(', ')}). ` +
      `Fix the method or the declared schema.`,
  },
  /** Texts of `MatrixResult`. */
  matrix: {
    notNumeric: (output: string, what: string) =>
      `Output '${output}' is ${what}, which MatrixResult cannot make a column of. Request numbers, arrays, typed arrays or Series ` +
      `(one column each), or use DictResult / DataFrameResult.`,
    aFrame: 'a DataFrame (several columns)',
    notNumericElement: (output: string, position: number, what: string) =>
      `Output '${output}' holds ${what} at position ${position}; MatrixResult takes numbers, booleans, bigints and missing values only.`,
    lengthMismatch: (output: string, length: number, first: string, rows: number) =>
      `Output '${output}' has ${length} values but '${first}' has ${rows}; every column of a matrix has one value per row (numbers are broadcast).`,
  },
  /** Texts of `@acceptErrorSentinels` (the GracefulErrorAdapter's own live with the execution messages). */
  graceful: {
    decoratorTakesNothing: 'write @acceptErrorSentinels() with parentheses and no arguments.',
  },
  /** Texts of `@checkOutput` / `@checkOutputCustom`: decorator arguments, build errors and check results. */
  validation: {
    unknownOption: (key: string, known: readonly string[]) => `unknown option '${key}' (options: ${known.join(', ')}).`,
    noChecks: (known: readonly string[]) => `give at least one check (${known.join(', ')}).`,
    badImportance: (value: unknown) => `importance must be 'warn' or 'fail', got ${showValue(value)}.`,
    badInterval: (option: string) => `${option} must be [low, high]: two numbers (not NaN) with low <= high.`,
    badValuesIn: 'valuesIn must be a non-empty array of the allowed values.',
    allowNansTrue: 'allowNans: true checks nothing (NaNs are allowed unless a check says otherwise); write allowNans: false or leave it out.',
    badFraction: (value: unknown) => `maxFractionNans must be a number from 0 to 1, got ${showValue(value)}.`,
    badStandardDev: (value: unknown) => `maxStandardDev must be a number >= 0, got ${showValue(value)}.`,
    badDataType: (dtypes: readonly string[]) =>
      `dataType must be a constructor (Number, String, Boolean, Date, a class) or a danfo dtype (${dtypes.join(', ')}).`,
    badSchema: (value: unknown) => `schema must be a class with class-validator decorators, got ${showValue(value)}.`,
    schemaWithoutRules: (name: string) =>
      `schema ${name} has no class-validator rules; decorate its properties (@IsInt(), @Min(0), @IsIn([...])...).`,
    badTarget: 'target must be a node name or a non-empty array of node names.',
    noValidators: 'give at least one validator.',
    badValidator: (position: number, problem: string) => `validator #${position + 1}: ${problem}`,
    validatorName: (name: unknown) => `name must be an identifier (it names the node <node>_<name>_validator), got ${showValue(name)}.`,
    validatorMember: (member: string, what: string) => `${member} must be ${what}.`,
    unknownTarget: (origin: string, decorator: string, name: string, produced: readonly string[]) =>
      `${origin}: @${decorator} targets '${name}', which the method does not produce (it produces: ` + `${produced.join(', ')}). Fix the node name.`,
    checkDoesNotApply: (origin: string, node: string, check: string, declared: string, kinds: readonly string[]) =>
      `${origin}: @checkOutput option '${check}' cannot check node '${node}', declared as ${declared}; it applies ` +
      `to ${kinds.map(kindLabel).join(', ')}. Drop the option or fix the declared return type.`,
    validatorDoesNotApply: (origin: string, node: string, name: string, declared: string) =>
      `${origin}: validator '${name}' of @checkOutputCustom does not apply to node '${node}', declared as ` +
      `${declared} (its appliesTo says no). Use a validator for that type or fix the declared return type.`,
    validatorDoesNotApplyToValue: (name: string, kind: string) => `validator '${name}' does not apply to ${kindLabel(kind)} (its appliesTo says no).`,
    badValidatorResult: (node: string, name: string, got: string) =>
      `Validator '${name}' of node '${node}' returned ${got}; validate() must return { passes: boolean, ` + `message: string, diagnostics: object }.`,
    failed: (results: readonly { node: string; check: string; importance: string; message: string }[]) =>
      `Data validation failed for node '${results[0]?.node}': ${results.length} check${results.length === 1 ? '' : 's'} ` +
      `failed\n${results.map((r) => `  - ${r.check} [${r.importance}]: ${r.message}`).join('\n')}`,
    warned: (results: readonly { node: string; check: string; message: string }[]) =>
      `Data validation warning for node '${results[0]?.node}' (the value flows on): ` +
      `${results.map((r) => `${r.check}: ${r.message}`).join('; ')}`,
    notApplicable: (check: string, kind: string, kinds: readonly string[]) =>
      `${check} cannot check ${kindLabel(kind)}; it applies to ${kinds.map(kindLabel).join(', ')}.`,
    allColumnsPass: (count: number) => `All ${count} columns pass.`,
    columnsFail: (failures: readonly { column: string; message: string }[], total: number) =>
      `${failures.length} of ${total} columns fail: ${failures.map((f) => `column '${f.column}': ${f.message}`).join('; ')}`,
    dataTypeDoc: (type: string) => `Checks that the data is of type ${type}.`,
    dataTypeValue: (passes: boolean, type: string, value: unknown) =>
      passes ? `The value is of type ${type}.` : `Expected a value of type ${type}, got ${showValue(value)}.`,
    dataTypeDtype: (passes: boolean, type: string, dtype: string) =>
      passes ? `The dtype ${dtype} is ${type}.` : `Expected dtype ${type}, got ${dtype}.`,
    dataTypeElements: (count: number, total: number, type: string, offenders: readonly Offender[]) =>
      count === 0
        ? `All ${total} values are of type ${type}.`
        : `${count} of ${total} values are not of type ${type} (${showOffenders(offenders, count)}).`,
    rangeDoc: (low: number, high: number) => `Checks that the data is in [${low}, ${high}] (bounds included).`,
    rangeValues: (outside: number, present: number, [low, high]: readonly [number, number], offenders: readonly Offender[]) =>
      outside === 0
        ? `All ${present} values are in [${low}, ${high}].`
        : `${outside} of ${present} values are outside [${low}, ${high}] (${showOffenders(offenders, outside)}).`,
    rangeValue: (passes: boolean, value: unknown, [low, high]: readonly [number, number]) =>
      `${showValue(value)} is ${passes ? 'in' : 'outside'} [${low}, ${high}].`,
    valuesInDoc: (allowed: readonly unknown[]) => `Checks that every value is one of ${showList(allowed)}.`,
    valuesInValues: (outside: number, total: number, allowed: readonly unknown[], offenders: readonly Offender[]) =>
      outside === 0
        ? `All ${total} values are allowed.`
        : `${outside} of ${total} values are not one of ${showList(allowed)} (${showOffenders(offenders, outside)}).`,
    valuesInValue: (passes: boolean, value: unknown, allowed: readonly unknown[]) =>
      `${showValue(value)} is ${passes ? '' : 'not '}one of ${showList(allowed)}.`,
    allowNansDoc: 'Checks that no value is missing (null, undefined or NaN).',
    nansFound: (missing: number, total: number, at: readonly unknown[]) =>
      missing === 0
        ? `None of the ${total} values is missing.`
        : `${missing} of ${total} values are missing (null, undefined or NaN), at ${showList(at)}${missing > at.length ? ', ...' : ''}.`,
    nanValue: (passes: boolean) => (passes ? 'The value is present.' : 'The value is missing (NaN).'),
    maxFractionNansDoc: (max: number) => `Checks that at most ${max * 100}% of the values are missing.`,
    fractionNans: (passes: boolean, missing: number, total: number, fraction: number, max: number) =>
      `${missing} of ${total} values are missing (${percent(fraction)}); at most ${percent(max)} ${passes ? 'is' : 'was'} allowed.`,
    maxStandardDevDoc: (max: number) => `Checks that the standard deviation is at most ${max}.`,
    notNumeric: (check: string) => `${check} needs numbers, but the data holds values that are not numbers.`,
    standardDev: (passes: boolean, std: number, max: number, count: number) =>
      Number.isNaN(std)
        ? `No standard deviation: ${count} number${count === 1 ? '' : 's'} (at least two are needed).`
        : `The standard deviation is ${round(std)}, ${passes ? 'within' : 'above'} the maximum ${max}.`,
    meanInRangeDoc: (low: number, high: number) => `Checks that the mean is in [${low}, ${high}].`,
    meanInRange: (passes: boolean, mean: number, [low, high]: readonly [number, number]) =>
      Number.isNaN(mean) ? 'No mean: the data holds no numbers.' : `The mean ${round(mean)} is ${passes ? 'in' : 'outside'} [${low}, ${high}].`,
    badAllowNone: (value: unknown) => `allowNone must be true or false, got ${showValue(value)}.`,
    badSubstrings: (option: string) => `${option} must be a non-empty string or a non-empty array of non-empty strings.`,
    allowNoneDoc: 'Checks that the value is not null or undefined.',
    allowNoneNoOp: 'Allows any value, null and undefined included (checks nothing).',
    noneValue: (passes: boolean, value: unknown) =>
      passes ? 'The value is present.' : `The value must not be null or undefined, got ${String(value)}.`,
    substringDoc: (wanted: boolean, parts: readonly string[]) =>
      `Checks that the string ${wanted ? 'contains' : 'does not contain'} [${showList(parts)}].`,
    substrings: (wanted: boolean, passes: boolean, offending: readonly string[]) =>
      passes
        ? `The string ${wanted ? 'contains every' : 'contains none of the'} given substring${wanted ? '' : 's'}.`
        : `The string ${wanted ? 'does not contain' : 'contains'} [${showList(offending)}].`,
    schemaDoc: (name: string) => `Checks the data against the class-validator rules of ${name}.`,
    schemaNotObject: (name: string) => `expected an object to check against ${name}`,
    schemaObject: (name: string, failures: readonly SchemaProblem[]) =>
      failures.length === 0 ? `The object satisfies ${name}.` : `The object breaks ${name}: ${showProblems(failures)}.`,
    schemaRows: (name: string, failed: number, total: number, failures: readonly SchemaProblem[]) =>
      failed === 0 ? `All ${total} rows satisfy ${name}.` : `${failed} of ${total} rows break ${name}: ${showProblems(failures)}.`,
  },
} as const;

/** `mode = 'batch'`, `region in ['eu', 'us']`: one config decorator's condition, for messages. */
function showCondition({ form, condition }: { form: string; condition: Readonly<Record<string, unknown>> }): string {
  if (form === 'config') return 'its @config predicate holds';
  const operator = { configWhen: '=', configWhenNot: '!=', configWhenIn: 'in', configWhenNotIn: 'not in' }[form] ?? form;
  const show = (wanted: unknown) => (Array.isArray(wanted) ? `[${wanted.map(showValue).join(', ')}]` : showValue(wanted));
  return Object.entries(condition)
    .map(([key, wanted]) => `${key} ${operator} ${show(wanted)}`)
    .join(' and ');
}
