import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { ConfigCondition, ConfigInCondition } from './config-when-args.js';
import { isParameterRef, value, type SourceRef, type ValueRef } from './refs.js';
import { describe, isPlainRecord } from './tag-rules.js';

/** What a step's extra parameter may be bound to: a literal or another node. */
export type StepArgument = ValueRef | SourceRef;

/** A config condition on a step (`.when`, `.whenNot`, `.whenIn`, `.whenNotIn`), as the config decorators hold them. */
export interface StepCondition {
  readonly form: 'configWhen' | 'configWhenNot' | 'configWhenIn' | 'configWhenNotIn';
  readonly condition: Readonly<Record<string, unknown>>;
}

/**
 * Everything a step says, as plain data the graph reads: the function (or, for `applyTo`, the method it
 * alters), its bound arguments, its name and namespace, config conditions and the output nodes it targets.
 */
export interface StepSpec {
  /** The function to apply; absent for an `applyTo` target, whose function is the `@mutate` method. */
  readonly fn?: Function;
  /** `applyTo`: the method whose output the `@mutate` method alters. */
  readonly target?: string;
  readonly positional: readonly StepArgument[];
  readonly kwargs: Readonly<Record<string, StepArgument>>;
  readonly name?: string;
  /** `undefined` inherits the pipe's namespace, `null` means none. */
  readonly namespace?: string | null;
  readonly conditions: readonly StepCondition[];
  /** `.onOutput(...)`: the output nodes of the method this step applies to (all final nodes when absent). */
  readonly onOutput?: readonly string[];
}

/** The chainable builder behind `step(...)` and `applyTo(...)`; every call returns a new, frozen value. */
abstract class Applicable<TSelf> {
  /** The step as plain data (read by the graph). */
  readonly spec: StepSpec;

  protected constructor(spec: StepSpec) {
    this.spec = Object.freeze(spec);
    Object.freeze(this);
  }

  protected abstract with(changes: Partial<StepSpec>): TSelf;

  /**
   * Names the step's node (Hamilton's `.named`). `namespace`: left out, the pipe's (by default the decorated
   * method's name); `null`, no namespace; a string, that namespace.
   */
  named(name: string, namespace?: string | null): TSelf {
    if (typeof name !== 'string' || name.length === 0) throw fail('step(...).named', Messages.pipes.badStepName(describe(name)));
    if (namespace !== undefined && namespace !== null && (typeof namespace !== 'string' || namespace.length === 0)) {
      throw fail('step(...).named', Messages.pipes.badNamespace(describe(namespace)));
    }
    return this.with({ name, namespace });
  }

  /** Applies the step only when every key of the config equals the value given. */
  when(condition: ConfigCondition): TSelf {
    return this.withCondition('configWhen', condition);
  }

  /** Applies the step only when no key of the config equals the value given. */
  whenNot(condition: ConfigCondition): TSelf {
    return this.withCondition('configWhenNot', condition);
  }

  /** Applies the step only when every key of the config has one of the values given. */
  whenIn(condition: ConfigInCondition): TSelf {
    return this.withCondition('configWhenIn', condition);
  }

  /** Applies the step only when no key of the config has one of the values given. */
  whenNotIn(condition: ConfigInCondition): TSelf {
    return this.withCondition('configWhenNotIn', condition);
  }

  /** Applies the step to these output nodes of the method only (`@pipeOutput`, `@mutate`). */
  onOutput(target: string | readonly string[]): TSelf {
    return this.with({ onOutput: checkedTargets('step(...).onOutput', target) });
  }

  private withCondition(form: StepCondition['form'], condition: unknown): TSelf {
    const method = `step(...).${form.replace('config', '').replace(/^W/, 'w')}`;
    if (!isPlainRecord(condition) || Object.keys(condition).length === 0) {
      throw fail(method, Messages.pipes.badCondition(describe(condition)));
    }
    if (form.endsWith('In') && !Object.values(condition).every((values) => Array.isArray(values))) {
      throw fail(method, Messages.pipes.conditionNotArrays);
    }
    return this.with({ conditions: [...this.spec.conditions, Object.freeze({ form, condition: Object.freeze({ ...condition }) })] });
  }
}

/** One function applied in a `@pipeInput` / `@pipeOutput` chain; made by `step(fn, ...)`. */
export class Step extends Applicable<Step> {
  /** @internal made by `step()` */
  constructor(spec: StepSpec) {
    super(spec);
  }

  protected with(changes: Partial<StepSpec>): Step {
    return new Step({ ...this.spec, ...changes });
  }
}

/** A method a `@mutate` method alters, with its own bindings; made by `applyTo(name, kwargs?)`. */
export class MutateTarget extends Applicable<MutateTarget> {
  /** @internal made by `applyTo()` */
  constructor(spec: StepSpec) {
    super(spec);
  }

  protected with(changes: Partial<StepSpec>): MutateTarget {
    return new MutateTarget({ ...this.spec, ...changes });
  }
}

/**
 * A step of a pipe (Hamilton's `step`): `fn` receives the piped value as its first parameter; the next
 * parameters take the positional arguments, others are bound by name in a last plain object. Arguments are
 * `value(...)` literals or `source('node')` dependencies; a bare literal means `value(literal)` (wrap an object
 * literal in `value()`, since a last plain object holds the named bindings).
 *
 * @example
 * step(addN, source('n'))             // addN(piped, n) with n from node 'n'
 * step(clip, { low: 0, high: 100 })   // clip(piped, low, high) with literals
 */
export function step(fn: Function, ...args: unknown[]): Step {
  if (typeof fn !== 'function') throw fail('step', Messages.pipes.notAFunction(describe(fn)));
  const { positional, kwargs } = splitArguments('step', args);
  return new Step({ fn, positional, kwargs, conditions: [] });
}

/**
 * A `@mutate` target with its own named bindings, which merge over the decorator's shared ones.
 *
 * @example
 * @mutate(applyTo('spend', { factor: 2 }).named('doubled'), applyTo('signups'), { factor: 1 })
 * _scaled(x: number, factor: number): number { return x * factor; }
 */
export function applyTo(method: string, kwargs?: Readonly<Record<string, unknown>>): MutateTarget {
  if (typeof method !== 'string' || method.length === 0) throw fail('applyTo', Messages.pipes.badTarget(describe(method)));
  return new MutateTarget({ target: method, positional: [], kwargs: checkedKwargs('applyTo', kwargs), conditions: [] });
}

/** Positional refs, then an optional last plain object of named bindings; literals become `value(...)`. */
export function splitArguments(
  where: string,
  args: readonly unknown[],
): { positional: readonly StepArgument[]; kwargs: Readonly<Record<string, StepArgument>> } {
  const last = args[args.length - 1];
  const hasKwargs = args.length > 0 && isObjectLiteral(last) && !isParameterRef(last);
  const positional = (hasKwargs ? args.slice(0, -1) : args).map((arg, position) => asArgument(where, arg, `argument #${position + 2}`));
  return { positional: Object.freeze(positional), kwargs: hasKwargs ? checkedKwargs(where, last) : Object.freeze({}) };
}

/** Named bindings: each a `value`/`source` ref or a bare literal (made a `value`). */
export function checkedKwargs(where: string, kwargs: unknown): Readonly<Record<string, StepArgument>> {
  if (kwargs === undefined) return Object.freeze({});
  if (!isObjectLiteral(kwargs)) throw fail(where, Messages.pipes.badKwargs(describe(kwargs)));
  const out: Record<string, StepArgument> = {};
  for (const [name, arg] of Object.entries(kwargs)) out[name] = asArgument(where, arg, `'${name}'`);
  return Object.freeze(out);
}

function asArgument(where: string, arg: unknown, what: string): StepArgument {
  if (!isParameterRef(arg)) return value(arg);
  if (arg.kind === 'group') throw fail(where, Messages.pipes.groupInStep(what));
  return arg;
}

/** A node name or a non-empty list of them. */
export function checkedTargets(where: string, target: unknown): readonly string[] {
  const names = typeof target === 'string' ? [target] : target;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string' && n.length > 0)) {
    throw fail(where, Messages.pipes.badOnOutput(describe(target)));
  }
  return Object.freeze([...(names as string[])]);
}

/** A plain `{ ... }` object (not an array, class instance, Date or frame). */
export function isObjectLiteral(candidate: unknown): candidate is Record<string, unknown> {
  if (!isPlainRecord(candidate)) return false;
  const prototype: unknown = Object.getPrototypeOf(candidate);
  return prototype === Object.prototype || prototype === null;
}

function fail(where: string, problem: string): InvalidDecoratorError {
  return new InvalidDecoratorError(Messages.decoratorArgument(where, problem));
}
