import { Messages } from '../../constants/messages.js';
import type { ParameterizeArgs, ParameterBindings } from '../../decorators/parameterize.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import { describeType } from '../../metadata/value-types.js';
import type { Dependency, NodeDefinition } from '../node.js';
import type { MethodContext, NodeModifier } from './modifier.js';
import { finalNodes } from './targets.js';

/** Where one original argument comes from: a new dependency's position, a literal, or an array of those. */
type ArgumentSource =
  | { readonly from: 'dependency'; readonly position: number }
  | { readonly from: 'literal'; readonly value: unknown }
  | { readonly from: 'group'; readonly parts: readonly ArgumentSource[]; readonly keys?: readonly string[] };

/** `@parameterize` and its shorthands: each produced node becomes one node per output. */
export const parameterizeModifier: NodeModifier<ParameterizeArgs> = {
  phase: 'expand',
  allowsMultiple: false,
  apply: (nodes, args, context) => {
    const targets = finalNodes(nodes);
    return nodes.flatMap((node) => {
      if (!targets.has(node)) return [node];
      checkNoReservedParameter(node, args.decorator, context);
      return Object.entries(args.outputs).map(([outputName, output]) =>
        bindParameters(
          node,
          outputName,
          output.bindings,
          output.doc ?? templatedDoc(node, outputName, output.bindings, args.decorator, context),
          args.decorator,
          context,
        ),
      );
    });
  },
};

/** Hamilton reserves `output_name` for the doc template: no parameter may be called `outputName`. */
export function checkNoReservedParameter(node: NodeDefinition, decorator: string, context: MethodContext): void {
  if (node.dependencies.some((d) => d.name === OUTPUT_NAME_KEY)) {
    throw new InvalidDecoratorError(Messages.parameterizeDoc.reservedParameter(context.origin, decorator, OUTPUT_NAME_KEY));
  }
}

/** The method's doc templated for one output of `node` (see {@link templated}). */
export function templatedDoc(
  node: NodeDefinition,
  outputName: string,
  bindings: ParameterBindings,
  decorator: string,
  context: MethodContext,
): string {
  const parameters = node.dependencies.map((d) => d.name);
  return templated(node.doc, outputName, bindings, parameters, (key) =>
    Messages.parameterizeDoc.unknownPlaceholder(context.origin, decorator, key, parameters),
  );
}

/** A copy of `node` named `name` whose parameters are bound as `bindings` say; unbound ones stay dependencies. */
export function bindParameters(
  node: NodeDefinition,
  name: string,
  bindings: ParameterBindings,
  doc: string,
  decorator: string,
  context: MethodContext,
): NodeDefinition {
  const known = node.dependencies.map((d) => d.name);
  for (const parameter of Object.keys(bindings)) {
    if (!known.includes(parameter)) throw new InvalidDecoratorError(Messages.unknownParameter(context.origin, decorator, parameter, known));
  }
  const dependencies: Dependency[] = [];
  const fromDependency = (dependency: Dependency): ArgumentSource => {
    dependencies.push(dependency);
    return { from: 'dependency', position: dependencies.length - 1 };
  };
  const sources = node.dependencies.map((dependency): ArgumentSource => {
    const ref = bindings[dependency.name];
    if (ref === undefined) return fromDependency(dependency);
    if (ref.kind === 'value') return { from: 'literal', value: ref.value };
    if (ref.kind === 'source') return fromDependency({ name: ref.name, optional: false, type: dependency.type });
    checkGroupType(dependency, ref.keys !== undefined, decorator, context);
    return {
      from: 'group',
      ...(ref.keys !== undefined && { keys: ref.keys }),
      parts: ref.items.map((item) =>
        item.kind === 'value' ? { from: 'literal', value: item.value } : fromDependency({ name: item.name, optional: false, type: undefined }),
      ),
    };
  });
  const original = node.callable;
  const resolve = (source: ArgumentSource, args: unknown[]): unknown => {
    if (source.from === 'dependency') return args[source.position];
    if (source.from === 'literal') return source.value;
    const { keys } = source;
    return keys ? Object.fromEntries(source.parts.map((p, i) => [keys[i], resolve(p, args)])) : source.parts.map((p) => resolve(p, args));
  };
  return {
    ...node,
    name,
    doc,
    dependencies,
    callable: (args) => original(sources.map((source) => resolve(source, args))),
  };
}

/** A group gives an array (a record with keys): a parameter declared as another type cannot take it (Hamilton checks `List[T]` / `Dict[str, T]`). */
function checkGroupType(dependency: Dependency, record: boolean, decorator: string, context: MethodContext): void {
  const type = dependency.type;
  if (type === undefined || (!record && type === Array)) return;
  const message = record ? Messages.inject.groupNeedsRecord : Messages.inject.groupNeedsArray;
  throw new InvalidDecoratorError(message(context.origin, decorator, dependency.name, describeType(type)));
}

/** The doc placeholder of the output's name (Hamilton's `{output_name}`); no parameter may be called so. */
const OUTPUT_NAME_KEY = 'outputName';

/**
 * Fills the placeholders of a method's doc for one output (Hamilton's `str.format`): `{outputName}`, a bound
 * parameter's value or source, an unbound parameter's own name. `{{param}}` stays `{param}`. A placeholder
 * naming no parameter is a mistake in the doc, reported when the decorator is applied.
 */
function templated(
  doc: string,
  outputName: string,
  bindings: ParameterBindings,
  parameters: readonly string[],
  unknown: (key: string) => string,
): string {
  return doc.replace(/\{\{(\w+)\}\}|\{(\w+)\}/g, (_placeholder, escaped: string | undefined, key: string) => {
    if (escaped !== undefined) return `{${escaped}}`;
    if (key === OUTPUT_NAME_KEY) return outputName;
    if (!parameters.includes(key)) throw new InvalidDecoratorError(unknown(key));
    const ref = bindings[key];
    if (ref === undefined) return key;
    if (ref.kind === 'value') return String(ref.value);
    if (ref.kind === 'source') return ref.name;
    return ref.items.map((i) => (i.kind === 'value' ? String(i.value) : i.name)).join(', ');
  });
}
