import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedOptions } from './argument-checks.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/** Config keys and the value each must have (`@configWhen`) or must not have (`@configWhenNot`). */
export type ConfigCondition = Readonly<Record<string, unknown>>;

/** Config keys and the values each may have (`@configWhenIn`) or must not have (`@configWhenNotIn`). */
export type ConfigInCondition = Readonly<Record<string, readonly unknown[]>>;

/** A predicate over the driver's whole config (`@config`); it must return `true` or `false`. */
export type ConfigPredicate = (config: Readonly<Record<string, unknown>>) => boolean;

/** The forms of config selection: four by keys, and `config`, a predicate over the whole config. */
export type ConfigForm = 'configWhen' | 'configWhenNot' | 'configWhenIn' | 'configWhenNotIn' | 'config';

/** Options of the config decorators. */
export interface ConfigOptions {
  /**
   * The node name when the method is selected (Hamilton's `name=`), instead of the method name without its
   * `__variant` suffix. An option of its own, so a config key called `name` can still be matched.
   */
  readonly name?: string;
}

/** What a config decorator records: its form, its condition (arrays for the `In` forms) or predicate, and a node name. */
export interface ConfigWhenArgs {
  readonly form: ConfigForm;
  readonly condition: ConfigCondition;
  readonly predicate?: ConfigPredicate;
  readonly name?: string;
}

/** What a config decorator records for tagging: the config keys it reads. */
export interface ConfigTagArgs {
  readonly keys: readonly string[];
}

/** Hamilton's `hamilton.config` value for a predicate, whose keys cannot be known. */
export const UNKNOWN_CONFIG_KEYS = '__UNKNOWN__';

/**
 * Checks a condition when the decorator is applied and builds the decorator: one record selects the method
 * (resolve phase), one tags its nodes with the config keys used (`hamilton.config`, as Hamilton does).
 */
export function configDecorator(form: ConfigForm, condition: unknown, options?: unknown): MethodDecorator {
  const name = checkedName(form, options);
  if (form === 'config') {
    if (typeof condition !== 'function')
      throw new InvalidDecoratorError(Messages.decoratorArgument(form, Messages.config.notAPredicate(describe(condition))));
    const args: ConfigWhenArgs = { form, condition: EMPTY, predicate: condition as ConfigPredicate, ...(name !== undefined && { name }) };
    return both(args, [UNKNOWN_CONFIG_KEYS]);
  }
  const checked = checkedCondition(form, condition);
  return both({ form, condition: checked, ...(name !== undefined && { name }) }, Object.keys(checked));
}

const EMPTY: ConfigCondition = Object.freeze({});

function both(args: ConfigWhenArgs, keys: readonly string[]): MethodDecorator {
  const select = recordingDecorator<ConfigWhenArgs>(DecoratorKind.configWhen, args);
  const tag = recordingDecorator<ConfigTagArgs>(DecoratorKind.configTag, { keys });
  const decorator = (target: unknown, keyOrContext: unknown, descriptor?: unknown): void => {
    (select as AnyCall)(target, keyOrContext, descriptor);
    (tag as AnyCall)(target, keyOrContext, descriptor);
  };
  return decorator as MethodDecorator;
}

type AnyCall = (target: unknown, keyOrContext: unknown, descriptor?: unknown) => void;

function checkedName(form: ConfigForm, options: unknown): string | undefined {
  const { name } = checkedOptions<ConfigOptions>(form, options, ['name'], "{ name: 'nodeName' }");
  if (name === undefined) return undefined;
  if (typeof name !== 'string' || name.length === 0 || name.includes('.')) {
    throw new InvalidDecoratorError(Messages.decoratorArgument(form, Messages.config.badName(describe(name))));
  }
  return name;
}

function checkedCondition(form: ConfigForm, condition: unknown): ConfigCondition {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument(form, problem));
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
    throw fail(`give an object of config keys and values, e.g. { mode: 'batch' }; got ${describe(condition)}.`);
  }
  const entries = Object.entries(condition);
  if (entries.length === 0) throw fail('name at least one config key.');
  const inForm = form === 'configWhenIn' || form === 'configWhenNotIn';
  for (const [key, values] of entries) {
    if (!inForm) continue;
    if (!Array.isArray(values)) throw fail(`the value of '${key}' must be an array of values, got ${describe(values)}.`);
    if (values.length === 0) throw fail(`the array of values of '${key}' is empty; list at least one value.`);
  }
  // A copy: later changes to the caller's object must not change which nodes exist.
  return Object.freeze(Object.fromEntries(entries.map(([k, v]) => [k, inForm ? Object.freeze([...(v as unknown[])]) : v])));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : `'${value}'`;
  return value === null ? 'null' : typeof value;
}
