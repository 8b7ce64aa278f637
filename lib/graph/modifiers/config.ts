import type { ConfigWhenArgs } from '../../decorators/config-when-args.js';
import type { Config } from './modifier.js';
import type { NodeModifier } from './modifier.js';

/**
 * `@configWhen` and its siblings: whether the method makes nodes under the driver's config (Hamilton's
 * `config.when*`). Every key must pass; a key missing from config reads as `undefined`.
 */
export const configModifier: NodeModifier<ConfigWhenArgs> = {
  phase: 'resolve',
  allowsMultiple: true,
  include: (args, context) => configSelects(args, context.config),
};

/** Whether `config` passes one config decorator's condition. */
export function configSelects({ form, condition }: ConfigWhenArgs, config: Config): boolean {
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
