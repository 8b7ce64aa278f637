import { Messages } from '../../constants/messages.js';
import type { ExtractColumnsArgs } from '../../decorators/extract-columns.js';
import { HamiltonError, InvalidDecoratorError } from '../../errors/index.js';
import { arrow, arrowClassKind, arrowColumn, arrowColumnNames, isArrowTable } from '../../dataframe/arrow.js';
import { danfo, frameClasses, isDataFrame } from '../../dataframe/danfo.js';
import type { NodeDefinition } from '../node.js';
import { describeType, describeValue } from '../../metadata/value-types.js';
import { extractedNodes } from './extracted-nodes.js';
import { finalNodes } from './targets.js';
import type { NodeModifier } from './modifier.js';
import { isThenable } from '../../metadata/thenable.js';

const FRAMES = 'a DataFrame or an Arrow Table';

/** `@extractColumns`: the frame node stays; each column becomes a node reading it (a Series, or an Arrow Vector of a Table). */
export const extractColumnsModifier: NodeModifier<ExtractColumnsArgs> = {
  phase: 'transform',
  allowsMultiple: false,
  apply: (nodes, args, context) =>
    extractedNodes(args.hasFill ? withFilledFrames(nodes, args) : nodes, (frame) => {
      const columnType = frame.type === undefined ? undefined : declaredColumnType(frame.type, context.origin);
      return args.columns.map((column) => ({
        name: column.name,
        type: columnType,
        doc: column.doc ?? frame.doc,
        extract: (value: unknown) => columnOf(value, column.name, args, context.origin),
      }));
    }),
};

/** The type of the column nodes of a frame declared as `type`: Arrow's Vector for a Table, danfo's Series for a DataFrame. */
function declaredColumnType(type: NonNullable<NodeDefinition['type']>, origin: string): NodeDefinition['type'] {
  if (arrowClassKind(type) === 'Table') return arrow(Messages.arrowResult.neededFor).Vector;
  if (type !== frameClasses().DataFrame) throw new InvalidDecoratorError(Messages.extractColumnsNeedsFrame(origin, describeType(type)));
  return frameClasses().Series as NodeDefinition['type'];
}

function columnOf(frame: unknown, column: string, args: ExtractColumnsArgs, origin: string): unknown {
  if (isArrowTable(frame)) {
    const vector = arrowColumn(frame, column, args.hasFill, args.fillWith, Messages.arrowResult.neededFor);
    if (vector === undefined) throw new HamiltonError(Messages.missingColumn(column, origin, arrowColumnNames(frame)));
    return vector;
  }
  if (!isDataFrame(frame)) throw new HamiltonError(Messages.notAFrame(origin, 'extractColumns', FRAMES, describeValue(frame)));
  const columns = frame.columns;
  if (columns.includes(column)) return frame.column(column);
  if (!args.hasFill) throw new HamiltonError(Messages.missingColumn(column, origin, columns));
  return new (danfo().Series)(new Array(frame.shape[0]).fill(args.fillWith), { index: frame.index });
}

/**
 * With `fillWith`, the frame node itself gives its frame with the missing columns filled, as Hamilton's
 * `fill_with` adds them to the returned frame (here on a copy: the method's own object is left as it was).
 */
function withFilledFrames(nodes: readonly NodeDefinition[], args: ExtractColumnsArgs): NodeDefinition[] {
  const targets = finalNodes(nodes);
  return nodes.map((node) => {
    if (!targets.has(node)) return node;
    const original = node.callable;
    const fill = (frame: unknown) => filledFrame(frame, args);
    return {
      ...node,
      callable: (values) => {
        const result = original(values);
        return isThenable(result) ? Promise.resolve(result).then(fill) : fill(result);
      },
    };
  });
}

function filledFrame(frame: unknown, args: ExtractColumnsArgs): unknown {
  if (isDataFrame(frame)) {
    const missing = args.columns.map((c) => c.name).filter((name) => !frame.columns.includes(name));
    if (missing.length === 0) return frame;
    const copy = frame.copy();
    const Series = danfo().Series;
    for (const name of missing)
      copy.addColumn(name, new Series(new Array(frame.shape[0]).fill(args.fillWith), { index: frame.index }), { inplace: true });
    return copy;
  }
  if (isArrowTable(frame)) {
    const missing = args.columns.map((c) => c.name).filter((name) => frame.getChild(name) === null);
    if (missing.length === 0) return frame;
    const { Table } = arrow(Messages.arrowResult.neededFor);
    const vectors = Object.fromEntries(missing.map((name) => [name, arrowColumn(frame, name, true, args.fillWith, Messages.arrowResult.neededFor)!]));
    return frame.assign(new Table(vectors));
  }
  return frame; // not a frame: the column nodes say so
}
