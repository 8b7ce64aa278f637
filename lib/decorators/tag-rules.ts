import { RESERVED_TAG_NAMESPACES } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { Tags, TagValue } from './tag-types.js';

/** One identifier of a dotted tag key (`owner`, `data.pii`). */
const KEY_SEGMENT = /^[\p{ID_Start}_$][\p{ID_Continue}$]*$/u;

/**
 * Checks tags as Hamilton does, when the decorator is applied: keys are dot-separated identifiers whose first
 * segment is not a reserved namespace; values are non-empty strings or non-empty lists of unique non-empty
 * strings. Returns a frozen copy.
 */
export function checkedTags(decorator: string, tags: unknown, where = ''): Tags {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument(decorator, `${where}${problem}`));
  if (!isPlainRecord(tags)) throw fail(`give an object of tag names and values, e.g. { owner: 'data-science' }; got ${describe(tags)}.`);
  const entries = Object.entries(tags);
  if (entries.length === 0) throw fail('give at least one tag.');
  const checked: Record<string, TagValue> = {};
  for (const [key, value] of entries) {
    const segments = key.split('.');
    if (!segments.every((s) => KEY_SEGMENT.test(s))) {
      throw fail(`tag key '${key}' must be identifiers joined by dots (e.g. 'owner' or 'data.owner').`);
    }
    if (RESERVED_TAG_NAMESPACES.includes(segments[0])) {
      throw fail(`tag key '${key}' uses the reserved namespace '${segments[0]}' (reserved: ${RESERVED_TAG_NAMESPACES.join(', ')}).`);
    }
    checked[key] = checkedValue(key, value, fail);
  }
  return Object.freeze(checked);
}

function checkedValue(key: string, value: unknown, fail: (problem: string) => InvalidDecoratorError): TagValue {
  if (typeof value === 'string' && value.length > 0) return value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.length > 0)) {
    if (new Set(value).size !== value.length) throw fail(`the values of tag '${key}' must be unique.`);
    return Object.freeze([...(value as string[])]);
  }
  throw fail(`tag '${key}' must be a non-empty string or a non-empty array of non-empty strings, got ${describe(value)}.`);
}

/** A non-null, non-array object. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a bad argument for messages. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : `'${value}'`;
  return value === null ? 'null' : typeof value;
}
