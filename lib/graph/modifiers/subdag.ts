import { MODULE_TAG, NAMESPACE_SEPARATOR } from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import type { SubdagArgs, SubdagInstance } from '../../decorators/subdag.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import type { NodeDefinition } from '../node.js';
import type { MethodContext, NodeModifier } from './modifier.js';

/** `@subdag` / `@parameterizedSubdag`: namespaced copies of whole feature sets, feeding the method. */
export const subdagModifier: NodeModifier<SubdagArgs> = {
  phase: 'generate',
  allowsMultiple: false,
  apply: (_nodes, args, context) => args.instances.flatMap((instance) => subgraph(args, instance, context)),
};

function subgraph(args: SubdagArgs, instance: SubdagInstance, context: MethodContext): NodeDefinition[] {
  const namespace = instance.name ?? context.nodeName;
  const origin = `${context.origin} (${namespace})`;
  const inputs = instance.inputs ?? {};
  const config = instance.config ?? {};
  const inBoth = Object.keys(inputs).find((key) => Object.hasOwn(config, key));
  if (inBoth !== undefined) throw new InvalidDecoratorError(Messages.subdagKeyInBoth(origin, inBoth));

  // Explicit config replaces inner nodes of its name; the rest of the inner graph is built under it.
  const inner = context.resolveInner(args.featureSets, { ...context.config, ...config }).filter((n) => !Object.hasOwn(config, n.name));
  const produced = new Set(inner.map((n) => n.name));
  const readFromOutside = new Set(inner.flatMap((n) => n.dependencies.map((d) => d.name)).filter((name) => !produced.has(name)));
  for (const key of Object.keys(inputs)) {
    if (!readFromOutside.has(key)) throw new InvalidDecoratorError(Messages.subdagUnknownInput(origin, key, [...readFromOutside]));
  }
  const local = new Set([...produced, ...Object.keys(inputs), ...Object.keys(config)]);
  const qualify = (name: string) => (local.has(name) ? `${namespace}${NAMESPACE_SEPARATOR}${name}` : name);
  const rename = (node: NodeDefinition): NodeDefinition => ({
    ...node,
    name: qualify(node.name),
    namespace: node.namespace === undefined ? namespace : `${namespace}${NAMESPACE_SEPARATOR}${node.namespace}`,
    dependencies: node.dependencies.map((d) => ({ ...d, name: qualify(d.name) })),
  });
  const binding = (name: string, doc: string, dependencies: NodeDefinition['dependencies'], callable: NodeDefinition['callable']) =>
    rename({
      name,
      type: undefined,
      doc,
      tags: { [MODULE_TAG]: context.featureSet },
      dependencies,
      originatingFunctions: [context.origin],
      featureSet: context.featureSet,
      callable,
    });
  const bindings = [
    ...Object.entries(inputs).map(([key, ref]) =>
      ref.kind === 'value'
        ? binding(key, `Input '${key}' of sub-graph '${namespace}': a literal.`, [], () => ref.value)
        : binding(
            key,
            `Input '${key}' of sub-graph '${namespace}': node '${ref.name}'.`,
            [{ name: ref.name, optional: false, type: undefined }],
            (a) => a[0],
          ),
    ),
    ...Object.entries(config).map(([key, configured]) => binding(key, `Config '${key}' of sub-graph '${namespace}'.`, [], () => configured)),
  ];

  const method = context.baseNode();
  const parameters = method.dependencies.map((d) => d.name);
  if (!parameters.some((p) => local.has(p))) throw new InvalidDecoratorError(Messages.subdagNoOutput(origin, parameters, [...produced]));
  const final: NodeDefinition = {
    ...method,
    name: namespace,
    dependencies: method.dependencies.map((d) => (local.has(d.name) ? { ...d, name: qualify(d.name) } : d)),
  };
  return [...inner.map(rename), ...bindings, final];
}
