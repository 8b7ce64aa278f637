import { Messages } from '../../constants/messages.js';
import type { ExtractFieldsArgs } from '../../decorators/extract-fields.js';
import { HamiltonError, InvalidDecoratorError } from '../../errors/index.js';
import type { Constructor } from '../../metadata/registry.js';
import { describeType, describeValue, isRecordType, knownType, valueMatchesType } from '../../metadata/value-types.js';
import { extractedNodes } from './extracted-nodes.js';
import type { NodeModifier } from './modifier.js';

/** `@extractFields`: the object node stays; each field becomes a node of its declared type. */
export const extractFieldsModifier: NodeModifier<ExtractFieldsArgs> = {
  phase: 'transform',
  allowsMultiple: false,
  apply: (nodes, args, context) =>
    extractedNodes(nodes, (parent) => {
      if (!isRecordType(parent.type)) {
        throw new InvalidDecoratorError(Messages.extractNeedsType(context.origin, 'extractFields', 'an object', describeType(parent.type)));
      }
      return Object.entries(args.fields).map(([field, declared]) => ({
        name: field,
        type: knownType(declared),
        doc: parent.doc,
        extract: (value: unknown) => fieldOf(value, field, declared, args, context.origin),
      }));
    }),
};

function fieldOf(value: unknown, field: string, declared: Constructor, args: ExtractFieldsArgs, origin: string): unknown {
  if (value === null || typeof value !== 'object') {
    throw new HamiltonError(Messages.notAFrame(origin, 'extractFields', 'an object', describeValue(value)));
  }
  if (!(field in value)) {
    if (args.hasFill) return args.fillWith;
    throw new HamiltonError(Messages.missingField(field, origin, Object.keys(value)));
  }
  const fieldValue = (value as Record<string, unknown>)[field];
  const type = knownType(declared);
  if (!valueMatchesType(type, fieldValue)) {
    throw new HamiltonError(Messages.fieldTypeMismatch(field, origin, describeType(type), describeValue(fieldValue)));
  }
  return fieldValue;
}
