import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { Constructor } from '../metadata/registry.js';
import { DTYPES, type DataType } from '../validation/checks/data-type.js';
import { BUILT_IN_CHECKS } from '../validation/checks/index.js';
import { classValidator } from '../validation/class-validator.js';
import type { Importance } from '../validation/types.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/** The checks of `@checkOutput`; each given option becomes one validator node `<node>_<option>_validator`. */
export interface CheckOutputOptions {
  /** Series / DataFrame columns: the dtype (`Number` accepts both numeric dtypes); arrays: every element; other values: their type. */
  readonly dataType?: DataType;
  /** Every value (of a number, Series, array or each DataFrame column) in `[low, high]`, bounds included; missing values are left to the NaN checks. */
  readonly range?: readonly [low: number, high: number];
  /** Every value is one of these (numbers, strings, booleans, Series, arrays, DataFrame columns). */
  readonly valuesIn?: readonly unknown[];
  /** `false`: no missing value (null, undefined, NaN). Only `false` is accepted, as in Hamilton. */
  readonly allowNans?: boolean;
  /** At most this fraction (0 to 1) of the values of a Series, array or each DataFrame column is missing. */
  readonly maxFractionNans?: number;
  /** The sample standard deviation of a Series, array or each DataFrame column is at most this. */
  readonly maxStandardDev?: number;
  /** The mean of a Series, array or each DataFrame column lies in `[low, high]`. */
  readonly meanInRange?: readonly [low: number, high: number];
  /** A class with class-validator decorators that an object, each DataFrame row or each array element satisfies. */
  readonly schema?: Constructor;
  /** `false`: the value must not be null or undefined (Python's `None`); `true` checks nothing, as in Hamilton. Any type. */
  readonly allowNone?: boolean;
  /** Strings: the value holds this substring (or every one of these). */
  readonly contains?: string | readonly string[];
  /** Strings: the value holds none of these substrings. */
  readonly doesNotContain?: string | readonly string[];
  /** `warn` (default, as in Hamilton): log and let the value flow on; `fail`: throw `DataValidationError`. */
  readonly importance?: Importance;
  /**
   * The produced nodes to check (Hamilton's `target_`). Default: the final nodes, i.e. with
   * `@extractColumns` / `@extractFields` the extracted ones; name the method's own node to check the whole frame.
   */
  readonly target?: string | readonly string[];
}

/** One check as `@checkOutput` records it: the option and its argument. */
export interface RecordedCheck {
  readonly name: string;
  readonly arg: unknown;
}

/** What `@checkOutput` records. */
export interface CheckOutputArgs {
  readonly checks: readonly RecordedCheck[];
  readonly importance: Importance;
  readonly target?: readonly string[];
}

const SETTINGS = ['importance', 'target'];

/**
 * Validates the method's output at run time with Hamilton's checks. Node `N` becomes `N_raw` (the method's
 * value), one `N_<check>_validator` node per check (its value is the check's result) and the final `N`,
 * which returns the raw value once every check ran: a failed `fail` check throws `DataValidationError`
 * (listing every failed check of the node), a failed `warn` check is logged once and the value flows on.
 * A check that cannot apply to the declared return type (`range` on a `string` method) is an
 * `InvalidDecoratorError` when the graph is built; an unknown type is decided at run time (a failed check).
 * Several `@checkOutput` (say one `fail`, one `warn`) combine.
 *
 * @example
 * @checkOutput({ dataType: Number, range: [-5, 5], allowNans: false, importance: 'fail' })
 * heightZeroMeanUnitVariance(heightZeroMean: Series, heightStdDev: number): Series { ... }
 */
export function checkOutput(options: CheckOutputOptions): MethodDecorator {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('checkOutput', problem));
  const known = [...BUILT_IN_CHECKS.keys()];
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw fail(Messages.validation.noChecks(known));
  const checks: RecordedCheck[] = [];
  for (const [key, arg] of Object.entries(options)) {
    if (SETTINGS.includes(key) || arg === undefined) continue;
    if (!BUILT_IN_CHECKS.has(key)) throw fail(Messages.validation.unknownOption(key, [...known, ...SETTINGS]));
    checkArgument(key, arg, fail);
  }
  // Validator nodes are made in the built-in order, whatever order the options are written in.
  for (const name of known) {
    const arg = options[name as keyof CheckOutputOptions];
    // One string is a list of one, as in Hamilton; the recorded list is a copy the caller cannot change.
    if (arg !== undefined) checks.push({ name, arg: name === 'contains' || name === 'doesNotContain' ? substrings(arg) : arg });
  }
  if (checks.length === 0) throw fail(Messages.validation.noChecks(known));
  const importance = options.importance ?? 'warn';
  if (importance !== 'warn' && importance !== 'fail') throw fail(Messages.validation.badImportance(importance));
  return recordingDecorator<CheckOutputArgs>(DecoratorKind.checkOutput, { checks, importance, target: targetList(options.target, fail) });
}

function checkArgument(name: string, arg: unknown, fail: (problem: string) => InvalidDecoratorError): void {
  switch (name) {
    case 'dataType':
      if (typeof arg !== 'function' && !(DTYPES as readonly unknown[]).includes(arg)) throw fail(Messages.validation.badDataType(DTYPES));
      return;
    case 'range':
    case 'meanInRange':
      if (!isInterval(arg)) throw fail(Messages.validation.badInterval(name));
      return;
    case 'valuesIn':
      if (!Array.isArray(arg) || arg.length === 0) throw fail(Messages.validation.badValuesIn);
      return;
    case 'allowNans':
      if (arg !== false) throw fail(Messages.validation.allowNansTrue);
      return;
    case 'maxFractionNans':
      if (typeof arg !== 'number' || !(arg >= 0 && arg <= 1)) throw fail(Messages.validation.badFraction(arg));
      return;
    case 'maxStandardDev':
      if (typeof arg !== 'number' || !(arg >= 0)) throw fail(Messages.validation.badStandardDev(arg));
      return;
    case 'allowNone':
      if (typeof arg !== 'boolean') throw fail(Messages.validation.badAllowNone(arg));
      return;
    case 'contains':
    case 'doesNotContain':
      if (substrings(arg) === undefined) throw fail(Messages.validation.badSubstrings(name));
      return;
    case 'schema':
      if (typeof arg !== 'function') throw fail(Messages.validation.badSchema(arg));
      // A class without rules would pass everything (or fail everything as an unknown value): say so now.
      if (classValidator().getMetadataStorage().getTargetValidationMetadatas(arg, '', true, false).length === 0)
        throw fail(Messages.validation.schemaWithoutRules(arg.name));
      return;
  }
}

/** A non-empty string or a non-empty array of non-empty strings, as a frozen list; undefined otherwise. */
function substrings(arg: unknown): readonly string[] | undefined {
  const list = typeof arg === 'string' ? [arg] : arg;
  if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === 'string' && s.length > 0)) return undefined;
  return Object.freeze([...(list as string[])]);
}

function isInterval(arg: unknown): arg is readonly [number, number] {
  return Array.isArray(arg) && arg.length === 2 && arg.every((v) => typeof v === 'number' && !Number.isNaN(v)) && arg[0] <= arg[1];
}

/** The `target` option as a list of node names (undefined: the final nodes). */
export function targetList(target: unknown, fail: (problem: string) => InvalidDecoratorError): readonly string[] | undefined {
  if (target === undefined) return undefined;
  const list = typeof target === 'string' ? [target] : target;
  if (!Array.isArray(list) || list.length === 0 || !list.every((n) => typeof n === 'string' && n.length > 0))
    throw fail(Messages.validation.badTarget);
  return Object.freeze([...(list as string[])]);
}
