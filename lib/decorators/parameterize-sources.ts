import { DecoratorKind } from '../constants/metadata-keys.js';
import { checkedParameterizeArgs } from './parameterize.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedRecord } from './argument-checks.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { describe } from './tag-rules.js';
import { source } from './refs.js';

/**
 * `@parameterize` shorthand: one node per output, renaming parameters to other nodes.
 *
 * @example
 * @parameterizeSources({ spendPerWeek: { total: 'spend' }, signupsPerWeek: { total: 'signups' } })
 * perWeek(total: Series, weeks: number): Series { return total.div(weeks); }
 */
export function parameterizeSources(outputs: Readonly<Record<string, Readonly<Record<string, string>>>>): MethodDecorator {
  const decorator = 'parameterizeSources';
  const perOutput = checkedRecord(decorator, 'outputs', outputs, "{ spendPerWeek: { total: 'spend' } }");
  const bindings = Object.fromEntries(
    Object.entries(perOutput).map(([name, mapping]) => [
      name,
      Object.fromEntries(
        Object.entries(checkedRecord(decorator, `output '${name}'`, mapping, "{ total: 'spend' }")).map(([parameter, node]) => {
          if (typeof node !== 'string' || node.length === 0) {
            throw new InvalidDecoratorError(
              Messages.decoratorArgument(decorator, Messages.decoratorOptions.sourceNotName(name, parameter, describe(node))),
            );
          }
          return [parameter, source(node)];
        }),
      ),
    ]),
  );
  return recordingDecorator(DecoratorKind.parameterize, checkedParameterizeArgs('parameterizeSources', bindings));
}
