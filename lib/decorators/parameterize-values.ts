import { DecoratorKind } from '../constants/metadata-keys.js';
import { checkedParameterizeArgs } from './parameterize.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedRecord } from './argument-checks.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { describe } from './tag-rules.js';
import { value } from './refs.js';

/**
 * `@parameterize` shorthand: one node per output, binding one parameter to a literal.
 *
 * @example
 * @parameterizeValues('weeks', { spendShift1Week: 1, spendShift3Weeks: 3 })
 * spendShift(spend: Series, weeks: number): Series { return shift(spend, weeks); }
 */
export function parameterizeValues(parameter: string, outputs: Readonly<Record<string, unknown>>): MethodDecorator {
  if (typeof parameter !== 'string' || parameter.length === 0) {
    throw new InvalidDecoratorError(
      Messages.decoratorArgument('parameterizeValues', Messages.decoratorOptions.notAParameterName(describe(parameter))),
    );
  }
  const perOutput = checkedRecord('parameterizeValues', 'outputs', outputs, '{ spendShift1Week: 1, spendShift3Weeks: 3 }');
  const bindings = Object.fromEntries(Object.entries(perOutput).map(([name, literal]) => [name, { [parameter]: value(literal) }]));
  return recordingDecorator(DecoratorKind.parameterize, checkedParameterizeArgs('parameterizeValues', bindings));
}
