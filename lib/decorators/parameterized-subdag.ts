import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { Constructor } from '../metadata/registry.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { checkedRecord } from './argument-checks.js';
import { checkedSubdagArgs, checkedSubdagOptions, type SubdagOptions } from './subdag.js';

/**
 * One sub-graph per output name, each its own namespace and each feeding its own copy of the method (a node
 * named like the output). `shared` bindings apply to every output; an output's own win.
 *
 * @example
 * @parameterizedSubdag([RegionFeatures], {
 *   east: { inputs: { region: value('east') } },
 *   west: { inputs: { region: value('west') } },
 * })
 * regionTotal(sales: Series): number { return sales.sum(); }
 */
export function parameterizedSubdag(
  featureSets: readonly Constructor[],
  outputs: Readonly<Record<string, SubdagOptions>>,
  shared: SubdagOptions = {},
): MethodDecorator {
  const decorator = 'parameterizedSubdag';
  const perOutput = checkedRecord(decorator, 'outputs', outputs, "{ east: { inputs: { region: value('east') } } }");
  const names = Object.keys(perOutput);
  if (names.length === 0) throw new InvalidDecoratorError(Messages.decoratorArgument(decorator, 'name at least one output.'));
  const common = checkedSubdagOptions(decorator, shared, 'shared');
  const instances = names.map((name) => {
    const own = checkedSubdagOptions(decorator, perOutput[name], `output '${name}'`);
    return { name, inputs: { ...common.inputs, ...own.inputs }, config: { ...common.config, ...own.config } };
  });
  return recordingDecorator(DecoratorKind.subdag, checkedSubdagArgs('parameterizedSubdag', featureSets, instances));
}
