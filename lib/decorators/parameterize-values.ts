import { DecoratorKind } from '../constants/metadata-keys.js';
import { checkedParameterizeArgs } from './parameterize.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { value } from './refs.js';

/**
 * `@parameterize` shorthand: one node per output, binding one parameter to a literal.
 *
 * @example
 * @parameterizeValues('weeks', { spendShift1Week: 1, spendShift3Weeks: 3 })
 * spendShift(spend: Series, weeks: number): Series { return shift(spend, weeks); }
 */
export function parameterizeValues(parameter: string, outputs: Readonly<Record<string, unknown>>): MethodDecorator {
  const bindings = Object.fromEntries(Object.entries(outputs ?? {}).map(([name, literal]) => [name, { [parameter]: value(literal) }]));
  return recordingDecorator(DecoratorKind.parameterize, checkedParameterizeArgs('parameterizeValues', bindings));
}
