import type { GraphNode } from '../graph/node.js';

/**
 * The seam through which a cache (lib/cache/) takes part in a run, the same for the sync and async drivers and
 * every executor. The scheduler hands every node call it makes to `call`, with `compute`, which runs the node
 * as it would have run without a cache (its executor, retries, resources; hooks stay outside). The cache returns
 * the node's value: one it stored earlier, or whatever `compute()` returns (a value, or a thenable under the
 * AsyncDriver), which it may store once settled. It must not return a thenable where `compute` would not have.
 */
export interface NodeCallCache {
  call(node: GraphNode, args: readonly unknown[], item: number | undefined, compute: () => unknown): unknown;
}
