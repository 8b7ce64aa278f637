import './kinds/index.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { IoBindings, LoadSpec, SaveSpec } from '../graph/modifiers/data-io.js';
import { isParameterRef, value, type SourceRef, type ValueRef } from '../decorators/refs.js';
import { describeValue } from '../metadata/value-types.js';
import { inSyncRun } from '../execution/sync-run.js';
import { ioKind } from './kind.js';
import { IoMessages } from './messages.js';

/** A kind's argument as a decorator or materializer takes it: the literal itself, `value(literal)` or `source('node')`. */
export type Bound<T> = T | ValueRef<T> | SourceRef;

/** Every argument of a kind, each bindable. */
export type BoundArgs<A> = { readonly [K in keyof A]: Bound<A[K]> };

/** The options object a factory was given, checked (misuse from plain JavaScript too). */
export function optionsObject(use: string, args: unknown, example: string): Record<string, unknown> {
  if (args === null || typeof args !== 'object' || Array.isArray(args))
    throw new InvalidDecoratorError(IoMessages.badArguments(use, describeValue(args), example));
  return args as Record<string, unknown>;
}

/** The kind's arguments (all but the factory's own keys) as bindings: literals become `value(...)`. */
function bindingsOf(use: string, args: Record<string, unknown>, own: readonly string[]): IoBindings {
  const bindings: Record<string, ValueRef | SourceRef> = {};
  for (const [key, argument] of Object.entries(args)) {
    if (own.includes(key) || argument === undefined) continue;
    if (isParameterRef(argument)) {
      if (argument.kind === 'group')
        throw new InvalidDecoratorError(IoMessages.badArguments(use, `group(...) for '${key}'`, "{ path: source('dataPath') }"));
      bindings[key] = argument;
    } else bindings[key] = value(argument);
  }
  return bindings;
}

/** What a literal location argument says (the tag value), when it is one. */
function locationOf(bindings: IoBindings, location: string | undefined): string | undefined {
  const ref = location === undefined ? undefined : bindings[location];
  const literal = ref?.kind === 'value' ? ref.value : undefined;
  return typeof literal === 'string' || typeof literal === 'number' ? String(literal) : undefined;
}

/** The load of `kindName` with `args` (minus `own` keys), ready for the graph. */
export function loadSpecOf(kindName: string, use: string, args: Record<string, unknown>, own: readonly string[]): LoadSpec {
  const kind = ioKind(kindName, use);
  if (typeof kind.load !== 'function') throw new InvalidDecoratorError(IoMessages.cannotLoad(kindName));
  const load = kind.load.bind(kind);
  const bindings = bindingsOf(use, args, own);
  return {
    kind: kindName,
    bindings,
    source: locationOf(bindings, kind.location),
    load: (resolved, node) => load(resolved, { node, async: !inSyncRun() }),
  };
}

/** The save of `kindName` with `args` (minus `own` keys), ready for the graph. */
export function saveSpecOf(kindName: string, use: string, args: Record<string, unknown>, own: readonly string[]): SaveSpec {
  const kind = ioKind(kindName, use);
  if (typeof kind.save !== 'function') throw new InvalidDecoratorError(IoMessages.cannotSave(kindName));
  const save = kind.save.bind(kind);
  const bindings = bindingsOf(use, args, own);
  return {
    kind: kindName,
    bindings,
    sink: locationOf(bindings, kind.location),
    save: (data, resolved, node) => save(data, resolved, { node, async: !inSyncRun() }),
  };
}

/** A node-name option (`id`, `target`, `inject`), checked. */
export function nameOption(use: string, args: Record<string, unknown>, key: string, required: boolean, example: string): string | undefined {
  const name = args[key];
  if (name === undefined) {
    if (required) throw new InvalidDecoratorError(IoMessages.missingArgument(use, key, example));
    return undefined;
  }
  if (typeof name !== 'string' || name.length === 0) throw new InvalidDecoratorError(IoMessages.badName(use, key, describeValue(name)));
  return name;
}

/** `loadFrom.csv` and its kin: a Proxy so every registered kind (a user's too) is a property. */
export function kindFactories<F>(make: (kind: string) => F): Record<string, F> {
  const target: Record<string, F> = {};
  return new Proxy(target, {
    get: (_target, property) => (typeof property === 'string' ? make(property) : undefined),
  });
}
