import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import { checkedOptions } from './argument-checks.js';
import { targetList } from './check-output.js';
import type { Tags } from './tag-types.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { checkedTags } from './tag-rules.js';

/** Options of `@tag`. */
export interface TagOptions {
  /**
   * The produced nodes to tag (Hamilton's `target_`), as `@checkOutput`'s `target`: default the final nodes;
   * e.g. name the method's own node to tag the frame of an `@extractColumns` method.
   */
  readonly target?: string | readonly string[];
}

/** What `@tag` records. */
export interface TagArgs {
  readonly tags: Tags;
  readonly target?: readonly string[];
}

/**
 * Adds tags to the final nodes the method produces: the method's node, or, stacked with `@extractColumns`
 * or `@extractFields`, the extracted nodes; with `@parameterize`, every output. `options.target` names other
 * produced nodes instead (a name the method does not produce is an `InvalidDecoratorError` when the graph is
 * built). Several `@tag` decorators merge (one key given two different values is an error). Query tags with
 * `listAvailableVariables({ tags })`. Keys are dot-separated identifiers outside the reserved namespaces
 * (`hamilton`, `data_quality`, `gdpr`, `ccpa`, `dag`, `module`, `ray_remote`); values are non-empty strings
 * or lists of them. Invalid tags throw `InvalidDecoratorError` when the decorator is applied.
 *
 * @example
 * @tag({ owner: 'data-science', pii: 'false' })
 * ageMean(age: Series): number { return age.mean(); }
 */
export function tag(tags: Readonly<Record<string, string | readonly string[]>>, options?: TagOptions): MethodDecorator {
  const checked = checkedTags('tag', tags);
  const { target } = checkedOptions<TagOptions>('tag', options, ['target'], "{ target: 'nodeName' }");
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('tag', problem));
  const targets = targetList(target, fail);
  return recordingDecorator<TagArgs>(DecoratorKind.tag, targets ? { tags: checked, target: targets } : { tags: checked });
}
