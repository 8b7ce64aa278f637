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

/**
 * A parameter gathered from several refs: an array (`group(source('a'), value(0))`) or, with `keys`, a record
 * (`group({ a: source('a'), b: value(0) })`, Hamilton's `group(**kw)`), `keys[i]` naming `items[i]`.
 */
export interface GroupRef {
  readonly kind: 'group';
  readonly items: readonly (ValueRef | SourceRef)[];
  readonly keys?: readonly string[];
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

/**
 * Binds an array parameter to several nodes and/or literals, in order; or, given one object of refs, a record
 * parameter to them by key (Hamilton's `group(**kw)`). A group needs at least one item.
 */
export function group(record: Readonly<Record<string, ValueRef | SourceRef>>): GroupRef;
export function group(...items: (ValueRef | SourceRef)[]): GroupRef;
export function group(...args: unknown[]): GroupRef {
  const first = args[0];
  const isRecord = args.length === 1 && first !== null && typeof first === 'object' && !Array.isArray(first) && !isParameterRef(first);
  const keys = isRecord ? Object.keys(first) : undefined;
  const items = isRecord ? Object.values(first) : args;
  if (items.length === 0) throw new InvalidDecoratorError(Messages.decoratorOptions.groupEmpty);
  items.forEach((item, position) => {
    if (!isParameterRef(item) || item.kind === 'group') {
      throw new InvalidDecoratorError(Messages.decoratorOptions.groupNotARef(keys?.[position] ?? position, describe(item)));
    }
  });
  const refs = Object.freeze([...(items as (ValueRef | SourceRef)[])]);
  return Object.freeze(keys ? { kind: 'group', items: refs, keys: Object.freeze(keys) } : { kind: 'group', items: refs });
}

/** Whether something is a ref made by `value`, `source` or `group`. */
export function isParameterRef(candidate: unknown): candidate is ParameterRef {
  if (candidate === null || typeof candidate !== 'object') return false;
  const kind = (candidate as { kind?: unknown }).kind;
  if (kind === 'value') return 'value' in candidate;
  if (kind === 'source') return typeof (candidate as SourceRef).name === 'string';
  if (kind === 'group') {
    const items: unknown = (candidate as GroupRef).items;
    const keys: unknown = (candidate as GroupRef).keys;
    const keysFit =
      keys === undefined || (Array.isArray(keys) && Array.isArray(items) && keys.length === items.length && keys.every((k) => typeof k === 'string'));
    return Array.isArray(items) && keysFit && items.every((item) => isParameterRef(item) && item.kind !== 'group');
  }
  return false;
}
