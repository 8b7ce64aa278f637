import { Messages } from '../../constants/messages.js';
import type { ExtractFieldsArgs } from '../../decorators/extract-fields.js';
import { HamiltonError, InvalidDecoratorError } from '../../errors/index.js';
import type { Constructor } from '../../metadata/registry.js';
import { arrowClassKind } from '../../dataframe/arrow.js';
import { danfoIfInstalled, frameClasses } from '../../dataframe/danfo.js';
import {
  describeType,
  describeValue,
  isRecordType,
  isTypedArrayType,
  knownType,
  valueMatchesType,
  type NodeType,
} from '../../metadata/value-types.js';
import type { NodeDefinition } from '../node.js';
import { extractedNodes } from './extracted-nodes.js';
import { finalNodes } from './targets.js';
import type { NodeModifier } from './modifier.js';
import { isThenable } from '../../metadata/thenable.js';

/** `@extractFields`: the object node stays; each field becomes a node of its declared type. */
export const extractFieldsModifier: NodeModifier<ExtractFieldsArgs> = {
  phase: 'transform',
  allowsMultiple: false,
  apply: (nodes, args, context) =>
    extractedNodes(args.hasFill ? withFilledObjects(nodes, args) : nodes, (parent) => {
      if (!isRecordType(parent.type) || !hasFields(parent.type)) {
        throw new InvalidDecoratorError(
          Messages.extractNeedsType(context.origin, 'extractFields', Messages.extractFieldTypes.record, describeType(parent.type)),
        );
      }
      return Object.entries(args.fields).map(([field, declared]) => ({
        name: field,
        type: knownType(declared),
        doc: parent.doc,
        extract: (value: unknown) => fieldOf(value, field, declared, args, context.origin),
      }));
    }),
};

/** Built-in types whose values are collections or single values, not records of named fields. */
const NOT_RECORDS: ReadonlySet<Function> = new Set([Map, Set, WeakMap, WeakSet, Date, RegExp, ArrayBuffer, SharedArrayBuffer, DataView, Promise]);

/** Whether a declared (known) type is a record type, as Hamilton's dict / TypedDict: no typed array, frame or collection. */
function hasFields(type: NodeType): boolean {
  if (type === undefined) return true;
  if (NOT_RECORDS.has(type) || isTypedArrayType(type) || arrowClassKind(type) !== undefined) return false;
  if (type.name !== 'DataFrame' && type.name !== 'Series') return true;
  if (danfoIfInstalled() === undefined) return true;
  const frames = frameClasses();
  return type !== frames.DataFrame && type !== frames.Series;
}

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

/**
 * With `fillWith`, the object node gives a plain object with the missing fields filled, as Hamilton's
 * `fill_with` adds them to the returned dict (on a copy here). A class instance is left as it is: a copy would
 * lose its private state; its field nodes are filled all the same.
 */
function withFilledObjects(nodes: readonly NodeDefinition[], args: ExtractFieldsArgs): NodeDefinition[] {
  const targets = finalNodes(nodes);
  const fill = (value: unknown) => filledObject(value, args);
  return nodes.map((node) => {
    if (!targets.has(node)) return node;
    const original = node.callable;
    return {
      ...node,
      callable: (values) => {
        const result = original(values);
        return isThenable(result) ? Promise.resolve(result).then(fill) : fill(result);
      },
    };
  });
}

function filledObject(value: unknown, args: ExtractFieldsArgs): unknown {
  if (value === null || typeof value !== 'object') return value; // the field nodes say what is wrong
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const missing = Object.keys(args.fields).filter((field) => !(field in value));
  if (missing.length === 0) return value;
  const copy = Object.assign(Object.create(prototype) as Record<string, unknown>, value);
  for (const field of missing) copy[field] = args.fillWith;
  return copy;
}
