import { DATA_SAVER_TAG, LOADER_SUFFIX } from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import type { NodeDefinition } from '../node.js';
import { checkLoaded, checkSaved, dataNode, loaderTags, loadNodes, saveNode, saverTags, then, type LoadSpec, type SaveSpec } from './data-io.js';
import type { MethodContext, NodeModifier } from './modifier.js';
import { finalNodes } from './targets.js';

/** What `@dataloader()` records: optionally what the method reads, for the source tag. */
export interface DataLoaderArgs {
  readonly source?: string;
}

/** What `@datasaver()` records: optionally where the method writes, for the sink tag. */
export interface DataSaverArgs {
  readonly sink?: string;
}

/** What `@loadFrom.<kind>(...)` records: the load and the parameter it fills (the only parameter by default). */
export interface LoadFromArgs {
  readonly spec: LoadSpec;
  readonly inject?: string;
}

/** What `@saveTo.<kind>(...)` records: the saver node's name, the save and which of the method's nodes it saves. */
export interface SaveToArgs {
  readonly id: string;
  readonly spec: SaveSpec;
  readonly target?: string;
}

function originOf(context: MethodContext, node?: NodeDefinition) {
  return { originatingFunctions: [context.origin], featureSet: context.featureSet, doc: context.doc, tags: node?.tags };
}

/** `@dataloader()`: the method returns `[data, metadata]`; it becomes `<name>.loader` and `<name>` (the data). */
export const dataloaderModifier: NodeModifier<DataLoaderArgs> = {
  phase: 'generate',
  allowsMultiple: false,
  apply: (_nodes, args, context) => {
    const base = context.baseNode();
    const loaderName = `${base.name}${LOADER_SUFFIX}`;
    const loader: NodeDefinition = {
      ...base,
      name: loaderName,
      type: Array,
      tags: { ...base.tags, ...loaderTags('dataloader', args.source) },
      callable: (values) => then(base.callable(values), (result) => checkLoaded(loaderName, result)),
    };
    return [loader, dataNode(base.name, loader, originOf(context, base), undefined)];
  },
};

/** `@datasaver()`: the method saves and returns its metadata; checked when it runs, tagged as a saver. */
export const datasaverModifier: NodeModifier<DataSaverArgs> = {
  phase: 'transform',
  allowsMultiple: false,
  apply: (nodes, args) => {
    const targets = finalNodes(nodes);
    return nodes.map((node) =>
      targets.has(node)
        ? {
            ...node,
            tags: { ...node.tags, ...saverTags('datasaver', args.sink) },
            callable: (values: unknown[]) => then(node.callable(values), (result) => checkSaved(node.name, result)),
          }
        : node,
    );
  },
};

/**
 * `@loadFrom.<kind>(...)`: a load fills one parameter. The parameter is read from `<node>.<parameter>` (with
 * its `.loader` node before it) instead of from a node of the parameter's name.
 */
export const loadFromModifier: NodeModifier<LoadFromArgs> = {
  phase: 'expand',
  allowsMultiple: true,
  apply: (nodes, args, context) => {
    const names = context.parameters.map((p) => p.name);
    const parameter = args.inject ?? onlyParameter(names, context);
    const position = names.indexOf(parameter);
    if (position < 0) throw new InvalidDecoratorError(Messages.unknownParameter(context.origin, `loadFrom.${args.spec.kind}`, parameter, names));
    const dataName = `${context.nodeName}.${parameter}`;
    const rewired = nodes.map((node) =>
      node.namespace === undefined && node.dependencies.some((d) => d.name === parameter)
        ? { ...node, dependencies: node.dependencies.map((d) => (d.name === parameter ? { ...d, name: dataName, optional: false } : d)) }
        : node,
    );
    return [...loadNodes(dataName, args.spec, originOf(context), context.parameterTypes[position]), ...rewired];
  },
};

function onlyParameter(names: readonly string[], context: MethodContext): string {
  if (names.length !== 1) throw new InvalidDecoratorError(Messages.dataIo.injectNeeded(context.origin, names));
  return names[0];
}

/**
 * `@saveTo.<kind>({ id, ... })`: a saver node `id` after the method's node (or `target`, one of its nodes).
 * Applied last, after extraction, output checks and decorations, so it saves the checked final value and a
 * `@tag` written above it still tags the method's node, not the saver.
 */
export const saveToModifier: NodeModifier<SaveToArgs> = {
  phase: 'save',
  allowsMultiple: true,
  apply: (nodes, args, context) => {
    const own = nodes.filter((n) => n.tags[DATA_SAVER_TAG] === undefined);
    const target = args.target ?? onlyFinal(own, args, context);
    if (!nodes.some((n) => n.name === target)) {
      throw new InvalidDecoratorError(
        Messages.dataIo.unknownSaveTarget(
          context.origin,
          args.id,
          target,
          own.map((n) => n.name),
        ),
      );
    }
    if (nodes.some((n) => n.name === args.id)) throw new InvalidDecoratorError(Messages.dataIo.saverNameTaken(context.origin, args.id));
    return [...nodes, saveNode(args.id, [target], args.spec, originOf(context))];
  },
};

function onlyFinal(nodes: readonly NodeDefinition[], args: SaveToArgs, context: MethodContext): string {
  const finals = [...finalNodes(nodes)].map((n) => n.name);
  if (finals.length !== 1) throw new InvalidDecoratorError(Messages.dataIo.saveTargetNeeded(context.origin, args.id, finals));
  return finals[0];
}
