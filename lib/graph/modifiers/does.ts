import { Messages } from '../../constants/messages.js';
import type { DoesArgs } from '../../decorators/does.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import { readParameters } from '../parameters.js';
import type { NodeModifier } from './modifier.js';

/**
 * `@does`: the method's node (name, parameters, types, doc), computed by another function. Each parameter of
 * the function reads the method parameter mapped to it (the same name unless mapped); a rest parameter
 * takes the method parameters left over, in order. Checked when the graph is built.
 */
export const doesModifier: NodeModifier<DoesArgs> = {
  phase: 'generate',
  allowsMultiple: false,
  apply: (_nodes, { fn, mapping }, context) => {
    const node = context.baseNode();
    const fnName = fn.name || 'the function';
    const fnParameters = readParameters(fn, `${fnName} (given to @does on ${context.origin})`, { allowRest: true });
    const methodParameters = node.dependencies.map((d) => d.name);
    const named = fnParameters.filter((p) => !p.rest);
    const rest = fnParameters.find((p) => p.rest);
    for (const [fnParam, methodParam] of Object.entries(mapping)) {
      if (!named.some((p) => p.name === fnParam)) {
        throw new InvalidDecoratorError(
          Messages.does.unknownFnParameter(
            context.origin,
            fnName,
            fnParam,
            fnParameters.map((p) => p.name),
          ),
        );
      }
      if (!methodParameters.includes(methodParam))
        throw new InvalidDecoratorError(Messages.does.unknownMethodParameter(context.origin, methodParam, methodParameters));
    }
    // Position (in the method's arguments) feeding each named fn parameter; -1: none, its default applies.
    const feeds = named.map((p) => {
      const position = methodParameters.indexOf(mapping[p.name] ?? p.name);
      if (position < 0 && !p.optional) throw new InvalidDecoratorError(Messages.does.unfed(context.origin, fnName, p.name));
      return position;
    });
    const restPositions = methodParameters.map((_, i) => i).filter((i) => !feeds.includes(i));
    if (restPositions.length > 0 && rest === undefined) {
      throw new InvalidDecoratorError(
        Messages.does.leftOver(
          context.origin,
          fnName,
          restPositions.map((i) => methodParameters[i]),
        ),
      );
    }
    const call = fn as (...args: unknown[]) => unknown;
    return [
      {
        ...node,
        callable: (args) => call(...feeds.map((position) => (position < 0 ? undefined : args[position])), ...restPositions.map((i) => args[i])),
      },
    ];
  },
};
