import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { recordingDecorator, type MethodDecorator } from './record.js';

/** Config keys and the value each must have (`@configWhen`) or must not have (`@configWhenNot`). */
export type ConfigCondition = Readonly<Record<string, unknown>>;

/** Config keys and the values each may have (`@configWhenIn`) or must not have (`@configWhenNotIn`). */
export type ConfigInCondition = Readonly<Record<string, readonly unknown[]>>;

/** The four forms of config selection. */
export type ConfigForm = 'configWhen' | 'configWhenNot' | 'configWhenIn' | 'configWhenNotIn';

/** What a config decorator records: its form and its condition (arrays of values for the `In` forms). */
export interface ConfigWhenArgs {
  readonly form: ConfigForm;
  readonly condition: ConfigCondition;
}

/** What a config decorator records for tagging: the config keys it reads. */
export interface ConfigTagArgs {
  readonly keys: readonly string[];
}

/**
 * Checks a condition when the decorator is applied and builds the decorator: one record selects the method
 * (resolve phase), one tags its nodes with the config keys used (`hamilton.config`, as Hamilton does).
 */
export function configDecorator(form: ConfigForm, condition: unknown): MethodDecorator {
  const checked = checkedCondition(form, condition);
  const select = recordingDecorator<ConfigWhenArgs>(DecoratorKind.configWhen, { form, condition: checked });
  const tag = recordingDecorator<ConfigTagArgs>(DecoratorKind.configTag, { keys: Object.keys(checked) });
  const decorator = (target: unknown, keyOrContext: unknown, descriptor?: unknown): void => {
    (select as AnyCall)(target, keyOrContext, descriptor);
    (tag as AnyCall)(target, keyOrContext, descriptor);
  };
  return decorator as MethodDecorator;
}

type AnyCall = (target: unknown, keyOrContext: unknown, descriptor?: unknown) => void;

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
  return value === null ? 'null' : typeof value;
}
