import 'reflect-metadata';
import { DESIGN_RETURN_TYPE } from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import type { MutateArgs, MutatorArgs } from '../../decorators/mutate.js';
import type { PipeOutputArgs } from '../../decorators/pipe-output.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import { knownType } from '../../metadata/value-types.js';
import type { NodeDefinition } from '../node.js';
import type { MethodContext, NodeModifier } from './modifier.js';
import { chainNodes, linkApplies, type ChainLink } from './pipe-chain.js';
import { finalNodes } from './targets.js';

/** A step placed on an output, with its order: `@pipeOutput` steps first, then `@mutate` steps as declared. */
interface PlacedLink {
  readonly link: ChainLink;
  readonly order: readonly [number, number];
}

/** A piped output: its original node (before renaming) and every step placed on it so far. */
interface Pipe {
  readonly original: NodeDefinition;
  readonly links: readonly PlacedLink[];
  readonly chain: ReadonlySet<NodeDefinition>;
}

/**
 * The final node of each pipe made while resolving, so that a later `@mutate` (or `@pipeOutput`) on the same
 * output joins that pipe instead of nesting a second `.raw`. Keyed by node object: nothing outlives a build.
 */
const pipes = new WeakMap<NodeDefinition, Pipe>();

/** `@pipeOutput`: `<name>.raw`, one node per step, and `<name>` the last step's value. */
export const pipeOutputModifier: NodeModifier<PipeOutputArgs> = {
  phase: 'pipe',
  allowsMultiple: false,
  apply: (nodes, args, context) => {
    checkTargets(nodes, [...(args.onOutput ?? []), ...args.steps.flatMap((s) => s.onOutput ?? [])], 'pipeOutput', context);
    const placed = args.steps.map((spec, i): PlacedLink => ({
      link: { spec, fn: spec.fn!, pipeNamespace: args.namespace, origin: context.origin },
      order: [0, i],
    }));
    return placeOnOutputs(nodes, placed, args.onOutput, context);
  },
};

/** `@mutate`, as recorded on a method it alters: one more step on that method's output. */
export const mutateModifier: NodeModifier<MutateArgs> = {
  phase: 'pipe',
  allowsMultiple: true,
  apply: (nodes, args, context) => {
    checkTargets(nodes, args.step.onOutput ?? [], 'mutate', context);
    const fn = args.step.fn!;
    const prototype = Object.getPrototypeOf(context.instance) as object;
    const link: ChainLink = {
      spec: args.step,
      fn,
      thisArg: context.instance,
      pipeNamespace: undefined,
      origin: `${context.featureSet}.${args.mutator}`,
      returnType: knownType(Reflect.getMetadata(DESIGN_RETURN_TYPE, prototype, args.mutator)),
    };
    return placeOnOutputs(nodes, [{ link, order: [1, args.sequence] }], undefined, context);
  },
};

/** The `@mutate` method itself is no node (Hamilton excludes it). */
export const mutatorModifier: NodeModifier<MutatorArgs> = {
  phase: 'resolve',
  allowsMultiple: true,
  include: () => false,
};

/** Explicit targets must be nodes the method produces: Hamilton ignores a wrong name, which hides typos. */
function checkTargets(nodes: readonly NodeDefinition[], targets: readonly string[], decorator: string, context: MethodContext): void {
  const produced = nodes.filter((n) => n.namespace === undefined && !isChainStep(n, nodes)).map((n) => n.name);
  for (const target of targets) {
    if (!produced.includes(target)) throw new InvalidDecoratorError(Messages.pipes.unknownOutput(context.origin, decorator, target, produced));
  }
}

/** Nodes of an existing pipe other than its final node are not outputs to target. */
function isChainStep(node: NodeDefinition, nodes: readonly NodeDefinition[]): boolean {
  return nodes.some((n) => pipes.get(n)?.chain.has(node) === true);
}

function placeOnOutputs(
  nodes: readonly NodeDefinition[],
  placed: readonly PlacedLink[],
  onOutput: readonly string[] | undefined,
  context: MethodContext,
): NodeDefinition[] {
  const finals = finalNodes(nodes);
  const out: NodeDefinition[] = [];
  const replaced = new Set<NodeDefinition>();
  for (const node of nodes) {
    if (replaced.has(node)) continue;
    const own = node.namespace === undefined && !isChainStep(node, nodes);
    // A global onOutput picks the outputs for every step; otherwise each step's own, or the final nodes.
    const mine = !own
      ? []
      : onOutput !== undefined
        ? onOutput.includes(node.name)
          ? placed
          : []
        : placed.filter((p) => (p.link.spec.onOutput === undefined ? finals.has(node) : p.link.spec.onOutput.includes(node.name)));
    if (mine.length === 0) {
      out.push(node);
      continue;
    }
    const existing = pipes.get(node);
    if (existing) for (const step of existing.chain) replaced.add(step);
    out.push(...piped(existing?.original ?? node, [...(existing?.links ?? []), ...mine], context));
  }
  return out.filter((n) => !replaced.has(n));
}

/** The pipe of an output from all its steps, in order; the output unchanged when the config leaves no step. */
function piped(original: NodeDefinition, placed: readonly PlacedLink[], context: MethodContext): NodeDefinition[] {
  const ordered = [...placed].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  const links = ordered.filter((p) => linkApplies(p.link, context.config)).map((p) => p.link);
  if (links.length === 0) return [original];
  const raw: NodeDefinition = { ...original, name: `${original.name}.raw` };
  const chain = chainNodes({ name: raw.name, optional: false, type: raw.type }, links, original.name, original.featureSet);
  // The output keeps its name, doc and tags; its value is the last step's (run-time roles stay on `.raw`).
  const final: NodeDefinition = {
    name: original.name,
    type: chain.last.type,
    doc: original.doc,
    tags: original.tags,
    dependencies: [chain.last],
    originatingFunctions: original.originatingFunctions,
    featureSet: original.featureSet,
    callable: (args) => args[0],
  };
  pipes.set(final, { original, links: ordered, chain: new Set([raw, ...chain.nodes]) });
  return [raw, ...chain.nodes, final];
}
