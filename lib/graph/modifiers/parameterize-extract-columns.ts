import { Messages } from '../../constants/messages.js';
import type { ParameterizeExtractColumnsArgs } from '../../decorators/parameterize-extract-columns.js';
import { isDataFrame } from '../../dataframe/danfo.js';
import { HamiltonError } from '../../errors/index.js';
import type { NodeDefinition } from '../node.js';
import { extractColumnsModifier } from './extract-columns.js';
import type { MethodContext, NodeModifier } from './modifier.js';
import { bindParameters } from './parameterize.js';
import { finalNodes } from './targets.js';

/** `@parameterizeExtractColumns`: per entry, the bound frame node `<method>__<i>` and one node per output column. */
export const parameterizeExtractColumnsModifier: NodeModifier<ParameterizeExtractColumnsArgs> = {
  phase: 'expand',
  allowsMultiple: false,
  apply: (nodes, args, context) => {
    const targets = finalNodes(nodes);
    return nodes.flatMap((node) =>
      !targets.has(node)
        ? [node]
        : args.extracts.flatMap(({ outputs, bindings }, i) => {
            const bound = bindParameters(node, `${node.name}__${i}`, bindings, node.doc, 'parameterizeExtractColumns', context);
            const frame = args.reassignColumns ? renamingColumns(bound, outputs, context) : bound;
            return extractColumnsModifier.apply!([frame], { columns: outputs.map((name) => ({ name })), hasFill: false }, context);
          }),
    );
  },
};

/** The frame node with its columns renamed to `outputs`, in order (Hamilton's `reassign_columns`). */
function renamingColumns(node: NodeDefinition, outputs: readonly string[], context: MethodContext): NodeDefinition {
  const original = node.callable;
  const rename = (frame: unknown): unknown => {
    if (!isDataFrame(frame)) return frame; // extractColumns names the wrong value
    const columns = frame.columns;
    if (columns.length !== outputs.length) {
      throw new HamiltonError(Messages.parameterizeExtract.wrongColumnCount(context.origin, node.name, outputs.length, columns.length));
    }
    return frame.rename(Object.fromEntries(columns.map((column, i) => [column, outputs[i]])));
  };
  return {
    ...node,
    callable: (args) => {
      const result = original(args);
      return result instanceof Promise ? result.then(rename) : rename(result);
    },
  };
}
