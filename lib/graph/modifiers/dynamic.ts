import { Messages } from '../../constants/messages.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import type { NodeModifier } from './modifier.js';
import { finalNodes } from './targets.js';

/** `@parallelizable()`: the method's node yields the items of a fan-out. */
export const parallelizableModifier: NodeModifier<{ readonly concurrency?: number }> = {
  phase: 'decorate',
  allowsMultiple: false,
  apply: (nodes, args) => {
    const targets = finalNodes(nodes);
    const dynamic = args.concurrency === undefined ? { kind: 'expand' as const } : { kind: 'expand' as const, concurrency: args.concurrency };
    // The node's value, as its readers see it, is one item: the declared iterable type says nothing of that.
    return nodes.map((n) => (targets.has(n) ? { ...n, type: undefined, dynamic } : n));
  },
};

/** `@collect(parameter)`: the method's node gathers a fan-out's per-item values of `parameter`. */
export const collectModifier: NodeModifier<{ readonly parameter: string }> = {
  phase: 'decorate',
  allowsMultiple: false,
  apply: (nodes, args, context) => {
    const targets = finalNodes(nodes);
    return nodes.map((n) => {
      if (!targets.has(n)) return n;
      const known = n.dependencies.map((d) => d.name);
      if (!known.includes(args.parameter)) throw new InvalidDecoratorError(Messages.collectUnknownParameter(context.origin, args.parameter, known));
      // The parameter receives an array of what one item's node returns: no edge type to compare.
      const dependencies = n.dependencies.map((d) => (d.name === args.parameter ? { ...d, type: undefined } : d));
      return { ...n, dependencies, dynamic: { kind: 'collect', parameter: args.parameter } };
    });
  },
};
