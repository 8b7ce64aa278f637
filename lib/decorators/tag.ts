import { DecoratorKind } from '../constants/metadata-keys.js';
import type { Tags } from './tag-types.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { checkedTags } from './tag-rules.js';

/** What `@tag` records. */
export interface TagArgs {
  readonly tags: Tags;
}

/**
 * Adds tags to the final nodes the method produces: the method's node, or, stacked with `@extractColumns`
 * or `@extractFields`, the extracted nodes; with `@parameterize`, every output. Several `@tag` decorators
 * merge (one key given two different values is an error). Query tags with
 * `listAvailableVariables({ tags })`. Keys are dot-separated identifiers outside the reserved namespaces
 * (`hamilton`, `data_quality`, `gdpr`, `ccpa`, `dag`, `module`, `ray_remote`); values are non-empty strings
 * or lists of them. Invalid tags throw `InvalidDecoratorError` when the decorator is applied.
 *
 * @example
 * @tag({ owner: 'data-science', pii: 'false' })
 * ageMean(age: Series): number { return age.mean(); }
 */
export function tag(tags: Readonly<Record<string, string | readonly string[]>>): MethodDecorator {
  return recordingDecorator<TagArgs>(DecoratorKind.tag, { tags: checkedTags('tag', tags) });
}
