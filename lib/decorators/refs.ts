import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { describe } from './tag-rules.js';

/** A literal bound to a parameter: `value(3)`. */
export interface ValueRef<T = unknown> {
  readonly kind: 'value';
  readonly value: T;
}

/** A parameter fed from another node: `source('spend')`. */
export interface SourceRef {
  readonly kind: 'source';
  readonly name: string;
}

/** An array parameter gathered from several refs: `group(source('a'), source('b'), value(0))`. */
export interface GroupRef {
  readonly kind: 'group';
  readonly items: readonly (ValueRef | SourceRef)[];
}

/** What a parameter may be bound to. */
export type ParameterRef = ValueRef | SourceRef | GroupRef;

/** Binds a parameter to a literal value. */
export function value<T>(literal: T): ValueRef<T> {
  return Object.freeze({ kind: 'value', value: literal });
}

/** Binds a parameter to another node (the parameter is renamed to that node). */
export function source(nodeName: string): SourceRef {
  if (typeof nodeName !== 'string' || nodeName.length === 0) {
    throw new InvalidDecoratorError(Messages.decoratorOptions.sourceNotAName(describe(nodeName)));
  }
  return Object.freeze({ kind: 'source', name: nodeName });
}

/** Binds an array parameter to several nodes and/or literals, in order. */
export function group(...items: (ValueRef | SourceRef)[]): GroupRef {
  items.forEach((item, position) => {
    if (!isParameterRef(item) || (item as ParameterRef).kind === 'group') {
      throw new InvalidDecoratorError(Messages.decoratorOptions.groupNotARef(position, describe(item)));
    }
  });
  return Object.freeze({ kind: 'group', items: Object.freeze([...items]) });
}

/** Whether something is a ref made by `value`, `source` or `group`. */
export function isParameterRef(candidate: unknown): candidate is ParameterRef {
  if (candidate === null || typeof candidate !== 'object') return false;
  const kind = (candidate as { kind?: unknown }).kind;
  if (kind === 'value') return 'value' in candidate;
  if (kind === 'source') return typeof (candidate as SourceRef).name === 'string';
  if (kind === 'group') {
    const items: unknown = (candidate as GroupRef).items;
    return Array.isArray(items) && items.every((item) => isParameterRef(item) && item.kind !== 'group');
  }
  return false;
}
