import { MODULE_TAG, NAMESPACE_SEPARATOR } from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import { frameClasses, isDataFrame, isSeries, type DataFrame } from '../../dataframe/danfo.js';
import type { WithColumnsArgs } from '../../decorators/with-columns.js';
import { HamiltonError, InvalidDecoratorError } from '../../errors/index.js';
import { describeType, describeValue } from '../../metadata/value-types.js';
import type { Dependency, NodeDefinition } from '../node.js';
import type { MethodContext, NodeModifier } from './modifier.js';

/**
 * `@withColumns`: the column functions as a namespaced sub-graph, the passed columns pulled out of the input
 * frame, and `<namespace>.__append` (the frame with the selected columns set) in place of the frame parameter.
 */
export const withColumnsModifier: NodeModifier<WithColumnsArgs> = {
  phase: 'inject',
  allowsMultiple: false,
  apply: (nodes, args, context) => {
    const namespace = args.namespace ?? context.nodeName;
    const qualified = (name: string) => `${namespace}${NAMESPACE_SEPARATOR}${name}`;
    const parameters = context.parameters.map((p) => p.name);
    const parameter = args.onInput ?? parameters[0];
    if (parameter === undefined) throw new InvalidDecoratorError(Messages.pipes.noInput(context.origin, 'withColumns'));
    if (!parameters.includes(parameter)) throw new InvalidDecoratorError(Messages.withColumns.unknownInput(context.origin, parameter, parameters));
    const frameType = context.parameterTypes[parameters.indexOf(parameter)];
    if (frameType !== undefined && frameType !== frameClasses().DataFrame) {
      throw new InvalidDecoratorError(Messages.withColumns.notAFrameParameter(context.origin, parameter, describeType(frameType)));
    }
    const readers = nodes.filter((n) => n.dependencies.some((d) => d.name === parameter));
    const input: Dependency = readers[0]?.dependencies.find((d) => d.name === parameter) ?? { name: parameter, optional: false, type: frameType };

    // Resolved afresh for each graph, under its config: nothing is kept between builds.
    const inner = context.resolveInner(args.featureSets, context.config);
    const produced = new Set(inner.map((n) => n.name));
    const local = new Set([...produced, ...args.columnsToPass]);
    const qualify = (name: string) => (local.has(name) ? qualified(name) : name);
    const columnNodes = inner.map((node): NodeDefinition => ({
      ...node,
      name: qualified(node.name),
      namespace: node.namespace === undefined ? namespace : `${namespace}${NAMESPACE_SEPARATOR}${node.namespace}`,
      dependencies: node.dependencies.map((d) => ({ ...d, name: qualify(d.name) })),
    }));
    const select = args.select ?? sinks(inner);
    for (const name of select) {
      if (!produced.has(name)) throw new InvalidDecoratorError(Messages.withColumns.unknownSelect(context.origin, name, [...produced]));
    }
    const seriesType = frameClasses().Series as NodeDefinition['type'];
    const base = { tags: { [MODULE_TAG]: context.featureSet }, originatingFunctions: [context.origin], featureSet: context.featureSet, namespace };
    const passed = args.columnsToPass
      .filter((column) => !produced.has(column))
      .map((column): NodeDefinition => ({
        ...base,
        name: qualified(column),
        type: seriesType,
        doc: Messages.withColumns.passedDoc(column, input.name),
        dependencies: [input],
        callable: ([frame]) => columnOf(frame, column, input.name, context),
      }));
    const append: NodeDefinition = {
      ...base,
      name: qualified('__append'),
      type: frameClasses().DataFrame as NodeDefinition['type'],
      doc: Messages.withColumns.appendDoc(input.name, select),
      dependencies: [input, ...select.map((name) => ({ name: qualified(name), optional: false, type: undefined }))],
      callable: ([frame, ...columns]) => appended(frame, select, columns, input.name, context),
    };
    const rewired = nodes.map((node): NodeDefinition =>
      readers.includes(node)
        ? { ...node, dependencies: node.dependencies.map((d) => (d.name === parameter ? { ...d, name: append.name, optional: false } : d)) }
        : node,
    );
    return [...columnNodes, ...passed, append, ...rewired];
  },
};

/** Column nodes no other column node reads (the default selection). */
function sinks(inner: readonly NodeDefinition[]): string[] {
  const read = new Set(inner.flatMap((n) => n.dependencies.map((d) => d.name)));
  return inner.filter((n) => n.namespace === undefined && !read.has(n.name)).map((n) => n.name);
}

function checkedFrame(frame: unknown, inputName: string, context: MethodContext): DataFrame {
  if (!isDataFrame(frame)) throw new HamiltonError(Messages.withColumns.notAFrameValue(context.origin, inputName, describeValue(frame)));
  return frame;
}

function columnOf(frame: unknown, column: string, inputName: string, context: MethodContext): unknown {
  const checked = checkedFrame(frame, inputName, context);
  if (!checked.columns.includes(column))
    throw new HamiltonError(Messages.withColumns.missingColumn(context.origin, column, inputName, checked.columns));
  return checked.column(column);
}

/** A copy of the frame with each selected result set as a column (replacing one of the same name). */
function appended(frame: unknown, select: readonly string[], columns: readonly unknown[], inputName: string, context: MethodContext): DataFrame {
  const out = checkedFrame(frame, inputName, context).copy();
  select.forEach((name, i) => {
    const column = columns[i];
    const values = isSeries(column) ? column.values : Array.isArray(column) ? column : new Array<unknown>(out.shape[0]).fill(column);
    if (values.length !== out.shape[0])
      throw new HamiltonError(Messages.withColumns.lengthMismatch(context.origin, name, values.length, out.shape[0]));
    out.addColumn(name, values as never, { inplace: true });
  });
  return out;
}
