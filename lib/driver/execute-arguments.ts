import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import { closeNames } from '../graph/close-names.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import { describeValue } from '../metadata/value-types.js';

/** The option keys each driver method takes (the async driver also takes `signal`). */
const SYNC_KEYS: readonly string[] = ['inputs', 'overrides'];
const ASYNC_KEYS: readonly string[] = ['inputs', 'overrides', 'signal'];
/** The options that hold values by node name. */
const VALUE_KEYS: readonly string[] = ['inputs', 'overrides'];

/** Who is being called, for messages and for the option keys it takes. */
export interface ExecuteCall {
  /** `execute`, `validateExecution`, `visualizeExecution`. */
  readonly method: string;
  /** Whether `signal` is a known option (AsyncDriver). */
  readonly async?: boolean;
  /** Whether options other than inputs/overrides are taken (the picture options of `visualizeExecution`). */
  readonly moreOptions?: boolean;
}

/**
 * Checks (and normalises) what a caller passed to `execute` / `validateExecution`, which plain JavaScript and
 * wrong types can get wrong in ways the compiler would have caught: a single output name as a string
 * (treated as `[name]`), names that are not strings, options that are not an object, and inputs passed
 * without their `{ inputs }` wrapper. Valid arguments come back as they are (no copy: this is on every run).
 */
export function executeArguments<O extends string, T extends object>(
  call: ExecuteCall,
  graph: FunctionGraph,
  outputs: readonly O[] | O,
  options: T,
): [readonly O[], T] {
  const names = checkedOutputs<O>(call.method, outputs, options);
  checkOptions(call, graph, options);
  return [names, options];
}

function checkedOutputs<O extends string>(method: string, outputs: unknown, options: unknown): readonly O[] {
  // `execute('a')`: one name, as JavaScript callers often write it; `execute('a', 'b')` is a list spread out.
  if (typeof outputs === 'string') {
    if (typeof options === 'string') throw new HamiltonError(Messages.arguments.outputsSpread(method, outputs, options));
    return [outputs as O];
  }
  if (!Array.isArray(outputs)) throw new HamiltonError(Messages.arguments.outputsNotArray(method, describeValue(outputs)));
  for (let i = 0; i < outputs.length; i++) {
    const name: unknown = outputs[i];
    if (typeof name !== 'string' || name.length === 0) {
      throw new HamiltonError(Messages.arguments.outputNotName(method, i, describeValue(name)));
    }
  }
  return outputs as readonly O[];
}

function checkOptions(call: ExecuteCall, graph: FunctionGraph, options: unknown): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new HamiltonError(Messages.arguments.optionsNotObject(call.method, describeValue(options)));
  }
  const allowed = call.async ? ASYNC_KEYS : SYNC_KEYS;
  // A loop rather than filter(): this runs on every execute, and the usual answer is "no unknown key".
  for (const key in options) {
    if (call.moreOptions || !Object.hasOwn(options, key) || allowed.includes(key)) continue;
    throw unknownKeysError(
      call.method,
      graph,
      Object.keys(options).filter((k) => !allowed.includes(k)),
      allowed,
    );
  }
  const record = options as Record<string, unknown>;
  for (const key of VALUE_KEYS) {
    const values = record[key];
    if (values !== undefined && (values === null || typeof values !== 'object' || Array.isArray(values) || values instanceof Map)) {
      throw new HamiltonError(Messages.arguments.valuesNotRecord(call.method, key, describeValue(values)));
    }
  }
  const signal = record.signal;
  if (call.async && signal !== undefined && !isAbortSignal(signal)) {
    throw new HamiltonError(Messages.arguments.badSignal(call.method, describeValue(signal)));
  }
}

/**
 * Keys that are not options. When they name graph nodes, the caller most likely passed the inputs (or
 * overrides) themselves, as Python's `execute(outputs, inputs=...)` reads: say how to wrap them.
 */
function unknownKeysError(method: string, graph: FunctionGraph, unknown: readonly string[], allowed: readonly string[]): HamiltonError {
  const inputs = unknown.filter((key) => graph.get(key)?.role === 'input' || graph.get(key)?.role === 'config');
  const computed = unknown.filter((key) => graph.get(key)?.role === 'function');
  if (inputs.length + computed.length === unknown.length) {
    return new HamiltonError(Messages.arguments.unwrappedValues(method, inputs, computed));
  }
  const hints = unknown.map((key) => ({ key, suggestions: closeNames(key, allowed) }));
  return new HamiltonError(Messages.arguments.unknownOptions(method, hints, allowed));
}

function isAbortSignal(value: unknown): boolean {
  if (typeof AbortSignal === 'function' && value instanceof AbortSignal) return true;
  // Another realm's or a polyfill's signal: what the executors use of it.
  const candidate = value as { aborted?: unknown; addEventListener?: unknown } | null;
  return (
    typeof candidate === 'object' && candidate !== null && typeof candidate.aborted === 'boolean' && typeof candidate.addEventListener === 'function'
  );
}
