import { DecoratorKind } from '../constants/metadata-keys.js';
import { checkedParameterizeArgs } from './parameterize.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { source } from './refs.js';

/**
 * `@parameterize` shorthand: one node per output, renaming parameters to other nodes.
 *
 * @example
 * @parameterizeSources({ spendPerWeek: { total: 'spend' }, signupsPerWeek: { total: 'signups' } })
 * perWeek(total: Series, weeks: number): Series { return total.div(weeks); }
 */
export function parameterizeSources(outputs: Readonly<Record<string, Readonly<Record<string, string>>>>): MethodDecorator {
  const bindings = Object.fromEntries(
    Object.entries(outputs ?? {}).map(([name, mapping]) => [
      name,
      Object.fromEntries(Object.entries(mapping ?? {}).map(([parameter, node]) => [parameter, source(node)])),
    ]),
  );
  return recordingDecorator(DecoratorKind.parameterize, checkedParameterizeArgs('parameterizeSources', bindings));
}
