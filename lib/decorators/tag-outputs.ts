import { DecoratorKind } from '../constants/metadata-keys.js';
import { Messages } from '../constants/messages.js';
import { InvalidDecoratorError } from '../errors/index.js';
import type { Tags } from './tag-types.js';
import { recordingDecorator, type MethodDecorator } from './record.js';
import { checkedTags, describe, isPlainRecord } from './tag-rules.js';

/** What `@tagOutputs` records: node name -> its tags. */
export interface TagOutputsArgs {
  readonly outputs: Readonly<Record<string, Tags>>;
}

/**
 * Adds tags per produced node, by name: e.g. only the PII columns of an `@extractColumns` method. Naming a
 * node the method does not produce is an `InvalidDecoratorError` when the graph is built; on the nodes it
 * names, `@tagOutputs` refines what `@tag` sets. Tags follow `@tag`'s rules.
 *
 * @example
 * @tagOutputs({ email: { pii: 'true' }, budget: { pii: 'false' } })
 * @extractColumns('email', 'budget')
 * surveyResults(db: Db): DataFrame { ... }
 */
export function tagOutputs(outputs: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>): MethodDecorator {
  const fail = (problem: string) => new InvalidDecoratorError(Messages.decoratorArgument('tagOutputs', problem));
  if (!isPlainRecord(outputs)) throw fail(`give an object of node names and their tags, e.g. { email: { pii: 'true' } }; got ${describe(outputs)}.`);
  const entries = Object.entries(outputs);
  if (entries.length === 0) throw fail('name at least one node.');
  const checked = Object.fromEntries(entries.map(([name, tags]) => [name, checkedTags('tagOutputs', tags, `for node '${name}': `)]));
  return recordingDecorator<TagOutputsArgs>(DecoratorKind.tagOutputs, { outputs: Object.freeze(checked) });
}
