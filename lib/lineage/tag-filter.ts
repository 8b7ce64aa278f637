import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import type { Tags } from '../graph/node.js';
import { describeValue } from '../metadata/value-types.js';

/** A tag query: every key must match; a string or list matches any of the node's values; `null`: the tag exists. */
export type TagQuery = Readonly<Record<string, string | readonly string[] | null>>;

/**
 * The tag query of a `listAvailableVariables(filter)` call, checked: the filter is an object whose only key is
 * `tags`, itself an object (plain JavaScript could pass anything; a wrong shape must not match everything).
 */
export function tagQueryOf(filter: unknown): TagQuery {
  if (filter === undefined) return {};
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) throw new HamiltonError(Messages.badTagFilter(describeValue(filter)));
  const extra = Object.keys(filter).filter((key) => key !== 'tags');
  if (extra.length > 0) throw new HamiltonError(Messages.badTagFilterKeys(extra));
  const tags = (filter as { tags?: unknown }).tags;
  if (tags === undefined) return {};
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags))
    throw new HamiltonError(Messages.badTagFilter(`{ tags: ${describeValue(tags)} }`));
  checkTagQuery(tags as TagQuery);
  return tags as TagQuery;
}

/** Checks a query's values once, so a typo fails loudly instead of matching nothing. */
export function checkTagQuery(query: TagQuery): void {
  for (const [key, wanted] of Object.entries(query)) {
    const valid =
      wanted === null || typeof wanted === 'string' || (Array.isArray(wanted) && wanted.length > 0 && wanted.every((v) => typeof v === 'string'));
    if (!valid) throw new HamiltonError(Messages.badTagQuery(key));
  }
}

/** Whether a node's tags satisfy the query (Hamilton's rules). */
export function tagsMatch(tags: Tags, query: TagQuery): boolean {
  for (const key of Object.keys(query)) {
    const wanted = query[key];
    const actual = tags[key];
    if (actual === undefined) return false;
    if (wanted === null) continue;
    const actualValues = typeof actual === 'string' ? [actual] : actual;
    const wantedValues = typeof wanted === 'string' ? [wanted] : wanted;
    if (!wantedValues.some((v) => actualValues.includes(v))) return false;
  }
  return true;
}
