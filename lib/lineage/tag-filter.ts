import { Messages } from '../constants/messages.js';
import { HamiltonError } from '../errors/index.js';
import type { Tags } from '../graph/node.js';

/** A tag query: every key must match; a string or list matches any of the node's values; `null`: the tag exists. */
export type TagQuery = Readonly<Record<string, string | readonly string[] | null>>;

/** Checks a query's values once, so a typo fails loudly instead of matching nothing. */
export function checkTagQuery(query: TagQuery): void {
  for (const [key, wanted] of Object.entries(query)) {
    const valid =
      wanted === null ||
      typeof wanted === 'string' ||
      (Array.isArray(wanted) && wanted.length > 0 && wanted.every((v) => typeof v === 'string'));
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
