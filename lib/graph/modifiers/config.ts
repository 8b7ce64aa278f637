import type { ConfigWhenArgs } from '../../decorators/config-when-args.js';
import { Messages } from '../../constants/messages.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import type { Config } from './modifier.js';
import type { NodeModifier } from './modifier.js';

/**
 * `@configWhen` and its siblings, and `@config(predicate)`: whether the method makes nodes under the driver's
 * config (Hamilton's `config.when*`), and under which name. Every key must pass; a key missing from config
 * reads as `undefined`.
 */
export const configModifier: NodeModifier<ConfigWhenArgs> = {
  phase: 'resolve',
  allowsMultiple: true,
  include: (args, context) => configSelects(args, context.config, context.origin),
  nodeName: (args) => args.name,
};

/** Whether `config` passes one config decorator's condition; `origin` names the method when a predicate fails. */
export function configSelects({ form, condition, predicate }: ConfigWhenArgs, config: Config, origin = 'a @config method'): boolean {
  if (form === 'config') return predicateSelects(predicate!, config, origin);
  return Object.entries(condition).every(([key, wanted]) => {
    const actual = Object.hasOwn(config, key) ? config[key] : undefined;
    switch (form) {
      case 'configWhen':
        return [wanted].includes(actual);
      case 'configWhenNot':
        return ![wanted].includes(actual);
      case 'configWhenIn':
        return (wanted as readonly unknown[]).includes(actual);
      case 'configWhenNotIn':
        return !(wanted as readonly unknown[]).includes(actual);
    }
  });
}

function predicateSelects(predicate: (config: Config) => unknown, config: Config, origin: string): boolean {
  let selected: unknown;
  try {
    // A frozen copy: a predicate cannot change the config other methods are selected by.
    selected = predicate(Object.freeze({ ...config }));
  } catch (error) {
    throw new InvalidDecoratorError(Messages.config.predicateThrew(origin, error instanceof Error ? error.message : String(error)), { cause: error });
  }
  if (typeof selected !== 'boolean')
    throw new InvalidDecoratorError(Messages.config.predicateNotBoolean(origin, selected === null ? 'null' : typeof selected));
  return selected;
}
