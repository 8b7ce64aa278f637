import { closeNames } from '../graph/close-names.js';

/** ` (did you mean 'csv'?)` for a near-miss name, else nothing. */
export function didYouMean(name: string, known: readonly string[]): string {
  const close = closeNames(name, known);
  return close.length === 0 ? '' : ` (did you mean ${close.map((k) => `'${k}'`).join(' or ')}?)`;
}

/** The user-facing messages of loaders, savers and materialize (beside the layer, as lib/execution/messages.ts). */
export const IoMessages = {
  unknownKind: (use: string, kind: string, known: readonly string[]) =>
    `${use}: no data kind '${kind}'${didYouMean(kind, known)}. The kinds: ${known.join(', ')}; add one with registerIoKind({ name, load, save }).`,
  cannotLoad: (kind: string) => `The '${kind}' kind only saves; it has no load.`,
  cannotSave: (kind: string) => `The '${kind}' kind only loads; it has no save.`,
  badKind: (problem: string) =>
    `registerIoKind(kind): ${problem}. Example: registerIoKind({ name: 's3', load: (args) => [data, metadata], save: (data, args) => metadata }).`,
  kindTaken: (name: string) => `registerIoKind: a kind named '${name}' exists already; pass { replace: true } to replace it.`,
  badArguments: (use: string, got: string, example: string) => `${use} takes one options object such as ${example}; got ${got}.`,
  missingArgument: (use: string, key: string, example: string) => `${use}: '${key}' is required, e.g. ${example}.`,
  badName: (use: string, key: string, got: string) => `${use}: '${key}' must be a node name (a non-empty string); got ${got}.`,
  badDependencies: (use: string, got: string) => `${use}: 'dependencies' lists the nodes to save, e.g. ['spend', 'signups']; got ${got}.`,
  badCombine: (use: string, got: string) =>
    `${use}: 'combine' is a result builder (an object with build(outputs)), e.g. new DataFrameResult(); got ${got}.`,
  notAMaterializer: (method: string, position: number, got: string) =>
    `${method}(): item #${position + 1} is ${got}; give savers made by to.<kind>({ id, dependencies, ... }) and loaders made by from.<kind>({ target, ... }).`,
  nothingToMaterialize: (method: string) => `${method}(): nothing to compute: give at least one to.<kind>(...) saver or an additionalVars name.`,
  saverIdTaken: (method: string, id: string) => `${method}(): saver id '${id}' is already a node of the graph; give the saver a name of its own.`,
  duplicateMaterializer: (method: string, name: string) => `${method}(): '${name}' is given by two materializers; give each its own id or target.`,
  unknownTarget: (method: string, role: string, name: string, close: string) =>
    `${method}(): ${role} '${name}' is not a node or input of the graph${close}.`,
  badMaterializeOptions: (method: string, got: string) =>
    `${method}(materializers, options): options is { inputs?, overrides?, additionalVars? }; got ${got}.`,
  badAdditionalVars: (method: string, got: string) => `${method}(): additionalVars lists node names, e.g. ['model']; got ${got}.`,
  notTabular: (node: string, kind: string, got: string) =>
    `${node}: the '${kind}' saver writes a table: rows (an array of objects), a record of equal-length columns, an Arrow Table ` +
    `or a danfo DataFrame; got ${got}.`,
  raggedColumns: (node: string, column: string, length: number, expected: number) =>
    `${node}: column '${column}' has ${length} values and the others ${expected}; every column of a table has the same length.`,
  badData: (node: string, kind: string, uri: string, where: string, problem: string) =>
    `Loader '${node}' could not read ${kind} from ${uri}${where}: ${problem}`,
  at: (line: number | undefined, column: number | string | null | undefined) =>
    line === undefined
      ? ''
      : ` at line ${line}${column === undefined || column === null ? '' : `, column ${typeof column === 'number' ? column : `'${column}'`}`}`,
  readFailed: (node: string, uri: string, problem: string) => `Loader '${node}' could not read ${uri}: ${problem}`,
  writeFailed: (node: string, uri: string, problem: string) => `Saver '${node}' could not write ${uri} (nothing was left there): ${problem}`,
  needsLocation: (use: string, keys: readonly string[]) => `${use}: give ${keys.map((k) => `'${k}'`).join(' or ')}.`,
  badTableName: (use: string, table: string) =>
    `${use}: table '${table}' is not a plain SQL name (letters, digits, underscores, optionally schema.table).`,
  neededFor: (kind: string) => `The '${kind}' loader and saver`,
  arrowNeededFor: 'An Arrow table (ArrowResult, the parquet and arrow kinds, { as: "arrow" })',
} as const;
