import { Messages } from '../../constants/messages.js';
import type { ExtractColumnsArgs } from '../../decorators/extract-columns.js';
import { HamiltonError, InvalidDecoratorError } from '../../errors/index.js';
import { danfo, frameClasses, isDataFrame } from '../../dataframe/danfo.js';
import type { NodeDefinition } from '../node.js';
import { describeType, describeValue } from '../../metadata/value-types.js';
import { extractedNodes } from './extracted-nodes.js';
import type { NodeModifier } from './modifier.js';

/** `@extractColumns`: the frame node stays; each column becomes a Series node reading it. */
export const extractColumnsModifier: NodeModifier<ExtractColumnsArgs> = {
  phase: 'transform',
  allowsMultiple: false,
  apply: (nodes, args, context) =>
    extractedNodes(nodes, (frame) => {
      if (frame.type !== undefined && frame.type !== frameClasses().DataFrame) {
        throw new InvalidDecoratorError(Messages.extractNeedsType(context.origin, 'extractColumns', 'a DataFrame', describeType(frame.type)));
      }
      const seriesType = frame.type === undefined ? undefined : (frameClasses().Series as NodeDefinition['type']);
      return args.columns.map((column) => ({
        name: column.name,
        type: seriesType,
        doc: column.doc ?? frame.doc,
        extract: (value: unknown) => columnOf(value, column.name, args, context.origin),
      }));
    }),
};

function columnOf(frame: unknown, column: string, args: ExtractColumnsArgs, origin: string): unknown {
  if (!isDataFrame(frame)) throw new HamiltonError(Messages.notAFrame(origin, 'extractColumns', 'a DataFrame', describeValue(frame)));
  const columns = frame.columns;
  if (columns.includes(column)) return frame.column(column);
  if (!args.hasFill) throw new HamiltonError(Messages.missingColumn(column, origin, columns));
  return new (danfo().Series)(new Array(frame.shape[0]).fill(args.fillWith), { index: frame.index });
}
