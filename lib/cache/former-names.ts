import { HamiltonError } from '../errors/index.js';
import type { FunctionGraph } from '../graph/function-graph.js';
import type { GraphNode } from '../graph/node.js';
import { describeValue } from '../metadata/value-types.js';
import { CacheMessages } from './messages.js';

/** The tag `@cache({ formerNames })` sets: the names a node had before it was renamed. */
export const FORMER_NAMES_TAG = 'cache.former_names';

const NONE: readonly string[] = [];

/**
 * The former names of a graph's nodes, checked when the driver is built: each a non-empty string, none the name
 * of a node the graph still has (its cache is its own), none claimed twice (by one node or by two), so a stored
 * result is inherited by exactly one node.
 */
export class FormerNames {
  private readonly byNode = new Map<string, readonly string[]>();

  constructor(graph: FunctionGraph) {
    const claimedBy = new Map<string, string>();
    for (const node of graph.nodes) {
      const tagged = node.tags[FORMER_NAMES_TAG] as unknown;
      if (tagged === undefined) continue;
      const names = checkedNames(`@cache({ formerNames }) on node '${node.name}'`, tagged);
      for (const former of names) {
        if (former === node.name) throw new HamiltonError(CacheMessages.formerNames.ownName(node.name));
        if (graph.get(former)) throw new HamiltonError(CacheMessages.formerNames.liveNode(node.name, former));
        const earlier = claimedBy.get(former);
        if (earlier !== undefined) throw new HamiltonError(CacheMessages.formerNames.claimedTwice(former, earlier, node.name));
        claimedBy.set(former, node.name);
      }
      this.byNode.set(node.name, names);
    }
  }

  /** The node's former names, newest first as given. */
  of(node: GraphNode): readonly string[] {
    return this.byNode.get(node.name) ?? NONE;
  }
}

/** The names a tag holds (a string or a list of them, as tags are), or a HamiltonError saying `where`. */
export function checkedNames(where: string, value: unknown): readonly string[] {
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names) || names.length === 0 || names.some((name) => typeof name !== 'string' || name.length === 0)) {
    throw new HamiltonError(CacheMessages.formerNames.notNames(where, describeValue(value)));
  }
  const repeated = (names as string[]).find((name, i) => (names as string[]).indexOf(name) !== i);
  if (repeated !== undefined) throw new HamiltonError(CacheMessages.formerNames.twice(where, repeated));
  return names as string[];
}
