import { MODULE_TAG, NAMESPACE_SEPARATOR } from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import type { StepArgument, StepSpec } from '../../decorators/step.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import type { NodeType } from '../../metadata/value-types.js';
import type { Dependency, NodeDefinition } from '../node.js';
import { readParameters } from '../parameters.js';
import { configSelects } from './config.js';
import type { Config } from './modifier.js';

/** One step of a chain as the graph applies it: the step, the decorator that placed it and how to call it. */
export interface ChainLink {
  readonly spec: StepSpec;
  /** The function behind the step (a plain function, or a `@mutate` method). */
  readonly fn: Function;
  /** `this` for the call: the feature-set instance for a method, nothing for a plain function. */
  readonly thisArg?: object;
  /** The namespace its decorator sets: `undefined` leaves it to the step (then the default), `null` none. */
  readonly pipeNamespace: string | null | undefined;
  /** `Class.method` where the step's code is declared, for lineage and messages. */
  readonly origin: string;
  /** The step's return type when known (a `@mutate` method with type metadata). */
  readonly returnType?: NodeType;
}

/** Whether the config lets a step apply (every `.when*` condition holds). */
export function linkApplies(link: ChainLink, config: Config): boolean {
  return link.spec.conditions.every((condition) => configSelects(condition, config));
}

/**
 * Chains steps (Hamilton's `chain_transforms`): each is a node whose first parameter reads the previous node
 * (`start` for the first), other parameters bound by position, then by name, to literals or nodes. Names are
 * `.named(...)` or `with_<fn>` (`with<fn>` for `_fn`, `_1`, `_2` for repeats) under the namespace.
 */
export function chainNodes(
  start: Dependency,
  links: readonly ChainLink[],
  defaultNamespace: string,
  featureSet: string,
): { nodes: NodeDefinition[]; last: Dependency } {
  const uses = new Map<string, number>();
  const nodes: NodeDefinition[] = [];
  let previous = start;
  for (const link of links) {
    const fnName = link.fn.name;
    const count = uses.get(fnName) ?? 0;
    uses.set(fnName, count + 1);
    const shortName = link.spec.name ?? `with${fnName.startsWith('_') ? '' : '_'}${fnName}${count === 0 ? '' : `_${count}`}`;
    const namespace = namespaceOf(link, defaultNamespace);
    const name = namespace === null ? shortName : `${namespace}${NAMESPACE_SEPARATOR}${shortName}`;
    const node = stepNode(link, name, namespace, previous, featureSet);
    nodes.push(node);
    previous = { name, optional: false, type: node.type };
  }
  return { nodes, last: previous };
}

/** The decorator's namespace wins over the step's; a step's `undefined` inherits the default. */
function namespaceOf(link: ChainLink, defaultNamespace: string): string | null {
  if (link.pipeNamespace !== undefined) return link.pipeNamespace;
  return link.spec.namespace === undefined ? defaultNamespace : link.spec.namespace;
}

type Argument = { readonly from: 'dependency'; readonly position: number } | { readonly from: 'literal'; readonly value: unknown };

function stepNode(link: ChainLink, name: string, namespace: string | null, piped: Dependency, featureSet: string): NodeDefinition {
  const label = `'${link.fn.name || name}' (a step of ${link.origin})`;
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('step', problem));
  const parameters = readParameters(link.fn, label);
  if (parameters.length === 0) throw fail(Messages.pipes.stepWithoutParameters(label));
  const { positional, kwargs } = link.spec;
  if (positional.length > parameters.length - 1) throw fail(Messages.pipes.tooManyPositional(label, positional.length, parameters.length - 1));
  const names = parameters.map((p) => p.name);
  const bound = new Map<string, StepArgument>();
  positional.forEach((arg, i) => bound.set(names[i + 1], arg));
  for (const [parameter, arg] of Object.entries(kwargs)) {
    if (!names.includes(parameter)) throw fail(Messages.pipes.unknownStepParameter(label, parameter, names));
    if (parameter === names[0]) throw fail(Messages.pipes.bindsPiped(label, parameter));
    if (bound.has(parameter)) throw fail(Messages.pipes.boundTwice(label, parameter));
    bound.set(parameter, arg);
  }
  const dependencies: Dependency[] = [piped];
  const args: Argument[] = [{ from: 'dependency', position: 0 }];
  for (const parameter of parameters.slice(1)) {
    const arg = bound.get(parameter.name);
    if (arg?.kind === 'value') {
      args.push({ from: 'literal', value: arg.value });
      continue;
    }
    // Unbound parameters with a default stay optional dependencies, as Hamilton's step nodes keep them.
    if (arg === undefined && !parameter.optional) throw fail(Messages.pipes.unboundStepParameter(label, parameter.name));
    dependencies.push({ name: arg?.name ?? parameter.name, optional: arg === undefined, type: undefined });
    args.push({ from: 'dependency', position: dependencies.length - 1 });
  }
  const { fn, thisArg } = link;
  return {
    name,
    type: link.returnType,
    doc: '',
    tags: { [MODULE_TAG]: featureSet },
    dependencies,
    originatingFunctions: [link.origin],
    featureSet,
    ...(namespace !== null && { namespace }),
    callable: (values) =>
      fn.apply(
        thisArg,
        args.map((a) => (a.from === 'literal' ? a.value : values[a.position])),
      ) as unknown,
  };
}
