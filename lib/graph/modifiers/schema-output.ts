import { SCHEMA_OUTPUT_TAG } from '../../constants/metadata-keys.js';
import { Messages } from '../../constants/messages.js';
import { isDataFrame } from '../../dataframe/danfo.js';
import type { SchemaField, SchemaOutputArgs } from '../../decorators/schema-output.js';
import { HamiltonError, InvalidDecoratorError } from '../../errors/index.js';
import { describeType, describeValue } from '../../metadata/value-types.js';
import { kindOfType } from '../../validation/kinds.js';
import type { NodeDefinition } from '../node.js';
import type { NodeModifier } from './modifier.js';
import { finalNodes } from './targets.js';
import { isThenable } from '../../metadata/thenable.js';

/** The danfo dtypes a declared type accepts (danfo stores whole floats as int32); others are checked for presence. */
const DTYPES: Readonly<Record<string, readonly string[]>> = {
  int: ['int32'],
  float: ['float32', 'int32'],
  str: ['string'],
  string: ['string'],
  bool: ['boolean'],
  boolean: ['boolean'],
};

/**
 * `@schemaOutput`: the final node carries the declared schema as Hamilton's tag; its declared return type must
 * be a DataFrame (when known), and its frame is checked against the schema each time it is produced.
 */
export const schemaOutputModifier: NodeModifier<SchemaOutputArgs> = {
  phase: 'decorate',
  allowsMultiple: false,
  apply: (nodes, args, context) => {
    const targets = finalNodes(nodes);
    return nodes.map((node) => {
      if (!targets.has(node)) return node;
      const kind = kindOfType(node.type);
      if (kind !== undefined && kind !== 'frame') {
        throw new InvalidDecoratorError(Messages.schemaOutput.notAFrame(context.origin, node.name, describeType(node.type)));
      }
      const tag = args.fields.map(([column, type]) => `${column}=${type}`).join(',');
      return { ...node, tags: { ...node.tags, [SCHEMA_OUTPUT_TAG]: tag }, callable: checkedCallable(node, args.fields) };
    });
  },
};

function checkedCallable(node: NodeDefinition, fields: readonly SchemaField[]): (args: unknown[]) => unknown {
  const call = node.callable;
  return (args) => {
    const produced = call(args);
    if (isThenable(produced)) {
      return Promise.resolve(produced).then((frame) => checkedFrame(node.name, frame, fields));
    }
    return checkedFrame(node.name, produced, fields);
  };
}

function checkedFrame(node: string, frame: unknown, fields: readonly SchemaField[]): unknown {
  if (!isDataFrame(frame)) throw new HamiltonError(Messages.schemaOutput.valueNotAFrame(node, describeValue(frame)));
  const columns = frame.columns;
  const dtypes = frame.dtypes;
  const problems: string[] = [];
  for (const [column, type] of fields) {
    const at = columns.indexOf(column);
    if (at < 0) problems.push(Messages.schemaOutput.missingColumn(column));
    else if (DTYPES[type] && !DTYPES[type].includes(dtypes[at])) problems.push(Messages.schemaOutput.wrongDtype(column, type, dtypes[at]));
  }
  if (problems.length > 0) throw new HamiltonError(Messages.schemaOutput.mismatch(node, problems, columns));
  return frame;
}
