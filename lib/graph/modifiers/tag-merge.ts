import { Messages } from '../../constants/messages.js';
import { InvalidDecoratorError } from '../../errors/index.js';
import type { NodeDefinition, Tags, TagValue } from '../node.js';
import type { MethodContext } from './modifier.js';

/** Which decorator set a tag: `@tagOutputs` (one node, by name) is more specific than `@tag`. */
export type TagSource = 'tag' | 'tagOutputs';

/** Per method resolution: node name -> tag key -> the decorator that set it. */
const provenance = new WeakMap<MethodContext, Map<string, Map<string, TagSource>>>();

/**
 * The node with `tags` merged in. Whatever order decorators are written in, `@tagOutputs` wins over `@tag`
 * on its nodes, and two decorators of the same kind giving one key different values is an error.
 */
export function withTags(node: NodeDefinition, tags: Tags, source: TagSource, context: MethodContext): NodeDefinition {
  let byNode = provenance.get(context);
  if (!byNode) provenance.set(context, (byNode = new Map<string, Map<string, TagSource>>()));
  let setBy = byNode.get(node.name);
  if (!setBy) byNode.set(node.name, (setBy = new Map<string, TagSource>()));
  const merged: Record<string, TagValue> = { ...node.tags };
  for (const [key, value] of Object.entries(tags)) {
    const previous = setBy.get(key);
    if (previous === source && !sameValue(merged[key], value)) {
      throw new InvalidDecoratorError(Messages.conflictingTag(context.origin, node.name, key, show(merged[key]), show(value)));
    }
    if (previous === 'tagOutputs' && source === 'tag') continue;
    merged[key] = value;
    setBy.set(key, source);
  }
  return { ...node, tags: merged };
}

function sameValue(a: TagValue | undefined, b: TagValue): boolean {
  if (typeof a === 'string' || typeof b === 'string' || a === undefined) return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function show(value: TagValue | undefined): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
