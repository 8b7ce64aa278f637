import { Messages } from '../../constants/messages.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import type { NodeDefinition } from '../node.js';
import type { MethodContext } from './modifier.js';
import { finalNodes } from './targets.js';

/**
 * The nodes a decorator's `target` names among those the method produced (Hamilton's `target_`), or the final
 * nodes when it names none. A name the method does not produce is an `InvalidDecoratorError`.
 */
export function targetedNodes(
  nodes: readonly NodeDefinition[],
  target: readonly string[] | undefined,
  decorator: string,
  context: MethodContext,
): Set<NodeDefinition> {
  if (target === undefined) return finalNodes(nodes);
  return new Set(
    target.map((name) => {
      const found = nodes.find((n) => n.name === name);
      if (!found) {
        const produced = nodes.map((n) => n.name);
        throw new InvalidDecoratorError(Messages.validation.unknownTarget(context.origin, decorator, name, produced));
      }
      return found;
    }),
  );
}
