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
  missingInput: (input: string, neededBy: readonly string[]) =>
    `'${input}', needed by ${neededBy.join(', ')}`,
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
  inputTypeMismatches: (lines: readonly string[]) =>
    `Input value${lines.length === 1 ? ' has' : 's have'} the wrong type:\n  ${lines.join('\n  ')}`,
  inputTypeMismatch: (input: string, expected: string, declaredBy: string, actual: string) =>
    `'${input}' should be ${expected} (declared by ${declaredBy}) but got ${actual}`,
  nodeFailed: (node: string, origin: string, inputs: string, cause: string) =>
    `Node '${node}' (${origin}) failed: ${cause}${inputs ? `\n  inputs: ${inputs}` : ''}`,
  cannotInstantiate: (cls: string, cause: string) =>
    `Could not create feature set ${cls} through the container: ${cause}. Mark the class @injectable() and ` +
    `bind its constructor dependencies in the container given to Builder.withContainer(), or pass an instance.`,
  notAFeatureSet: (what: string) =>
    `${what} is not a feature set: pass classes (or their instances) whose methods define the nodes.`,
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
  asyncNodeInSyncDriver: (node: string, origin: string) =>
    `Node '${node}' (${origin}) is async; the synchronous Driver would pass its Promise on as a value. ` +
    `Build an AsyncDriver (new Builder()....buildAsync()) to run async nodes.`,
  requestedOutput: '(requested output)',
  subdagKeyInBoth: (origin: string, key: string) =>
    `${origin}: @subdag key '${key}' is given both in inputs and in config; bind it in one place.`,
  subdagUnknownInput: (origin: string, key: string, inputs: readonly string[]) =>
    `${origin}: @subdag binds input '${key}', which no node of the sub-graph reads (it reads: ` +
    `${inputs.join(', ') || 'nothing from outside'}). Fix the key or drop the binding.`,
  subdagNoOutput: (origin: string, parameters: readonly string[], outputs: readonly string[]) =>
    `${origin}: none of the method's parameters (${parameters.join(', ') || 'none'}) names an output of its ` +
    `sub-graph (its nodes: ${outputs.slice(0, 12).join(', ')}${outputs.length > 12 ? ', ...' : ''}). Name the ` +
    `parameters after the sub-graph nodes the method combines.`,
  subdagNoFeatureSets: 'name at least one feature-set class for the sub-graph.',
  asyncExecutorInSyncDriver: (executor: string) =>
    `${executor} runs nodes outside this thread, so it cannot serve the synchronous Driver. Build with ` +
    `buildAsync() to get an AsyncDriver.`,
  decoratorArgument: (decorator: string, problem: string) => `@${decorator}: ${problem}`,
  unknownParameter: (origin: string, decorator: string, parameter: string, known: readonly string[]) =>
    `${origin}: @${decorator} binds parameter '${parameter}', which the method does not have ` +
    `(its parameters: ${known.join(', ') || 'none'}). Fix the name in the decorator.`,
  extractNeedsType: (origin: string, decorator: string, expected: string, actual: string) =>
    `${origin}: @${decorator} needs the method to return ${expected}, but it declares ${actual}.`,
  missingColumn: (column: string, origin: string, available: readonly string[]) =>
    `No column '${column}' in the DataFrame returned by ${origin} (columns: ${available.join(', ')}). ` +
    `Return it, or give @extractColumns a fillWith value.`,
  missingField: (field: string, origin: string, available: readonly string[]) =>
    `No field '${field}' in the object returned by ${origin} (fields: ${available.join(', ')}). ` +
    `Return it, or give @extractFields a fillWith value.`,
  notAFrame: (origin: string, decorator: string, expected: string, actual: string) =>
    `${origin} returned ${actual}, but @${decorator} needs ${expected}.`,
  fieldTypeMismatch: (field: string, origin: string, expected: string, actual: string) =>
    `Field '${field}' of the object returned by ${origin} should be ${expected} but is ${actual}.`,
  badTagQuery: (key: string) =>
    `Tag query for '${key}' must be a string, a non-empty list of strings, or null (the tag exists).`,
  noNamesGiven: 'Name at least one node.',
  notAMethod: (decorator: string, member: string, what: string) =>
    `@${decorator} is applied to '${member}', ${what}; hamilton-ts decorators shape nodes, and only public ` +
    `instance methods are nodes.`,
  conflictingTag: (origin: string, node: string, key: string, first: string, second: string) =>
    `${origin}: tag '${key}' of node '${node}' is set to ${first} and to ${second} by two decorators. ` +
    `Give it one value (@tagOutputs may refine what @tag sets).`,
  unknownTagOutput: (origin: string, name: string, produced: readonly string[]) =>
    `${origin}: @tagOutputs names '${name}', which the method does not produce (it produces: ` +
    `${produced.join(', ')}). Fix the node name.`,
  nestModuleOptions: (problem: string) =>
    `HamiltonModule.forRoot(): ${problem}. Example: HamiltonModule.forRoot({ modules: [Loaders, Features], ` +
    `config: { mode: 'realtime' } }).`,
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
  cli: {
    moduleNotFound: (file: string) => `Module '${file}' does not exist.`,
    moduleFailed: (file: string, cause: string) => `Loading module '${file}' failed: ${cause}`,
    noFeatureSets: (file: string) =>
      `Module '${file}' exports no class; export the feature-set classes (every exported class is one).`,
    needsTsNode: (file: string) =>
      `Module '${file}' is TypeScript, and ts-node is not installed; install it or pass the compiled .js file.`,
    badConfigPair: (pair: string) => `--config '${pair}' is not key=value.`,
    badInputs: (file: string, cause: string) => `--inputs '${file}' must be a JSON object: ${cause}.`,
    oneLineageQuery: 'Give exactly one of --upstream, --downstream or --path.',
    pathNeedsTwo: (count: number) => `--path takes two node names (from, to), got ${count}.`,
    unsupportedOut: (file: string) => `--out '${file}' must end in .svg, .dot or .html.`,
    badFormat: (format: string) => `--format '${format}' is not md or json.`,
    valid: (outputs: readonly string[]) => `OK: ${outputs.join(', ')} can be computed with the given inputs and config.`,
  },
} as const;
